// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "planner",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "planner", targets: ["planner"]),
        .library(name: "Planner", targets: ["Planner"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // The office's roster: an .xlsx is a zip of XML parts; CSV as spreadsheets save it.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/CoreOffice/XMLCoder", from: "0.18.2"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
    ],
    targets: [
        // MARK: The domain: scenario and plan documents, their JSON, derived facts. No solver.
        .target(name: "PlannerCore"),

        // MARK: The optimizer's model as data, and the rotation model built from a scenario.
        .target(name: "PlannerModel", dependencies: ["PlannerCore"]),

        // MARK: The solving method (pricing, elastic phase, dive, reduced-cost fixing, proof) over
        // any backend that loads a model, solves LPs and branches: no solver library of its own.
        .target(name: "PlannerSolving", dependencies: ["PlannerModel"]),

        // MARK: GLPK: the system library, and the one backend module that imports it.
        .systemLibrary(
            name: "CGLPK",
            path: "Sources/CGLPK",
            providers: [.apt(["libglpk-dev"])]
        ),
        .target(name: "PlannerGLPK", dependencies: ["CGLPK", "PlannerModel", "PlannerSolving"]),

        // MARK: The independent verifier: re-derives every rule from scenario and plan alone.
        .target(name: "PlannerVerify", dependencies: ["PlannerCore"]),

        // MARK: The office's roster (an .xlsx workbook or a folder of CSV files) in and out:
        // tables read from the files (`Tables`), mapped to a scenario through the vocabulary.
        .target(
            name: "PlannerRoster",
            dependencies: [
                "PlannerCore",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "XMLCoder", package: "XMLCoder"),
                .product(name: "SwiftCSV", package: "SwiftCSV"),
            ]
        ),

        // MARK: Seeded scenario generator (the shipped city round comes from it).
        .target(name: "PlannerGenerator", dependencies: ["PlannerCore"]),

        // MARK: The library a Swift caller uses: solve, verify, export, render.
        .target(
            name: "Planner",
            dependencies: [
                "PlannerCore", "PlannerModel", "PlannerSolving", "PlannerGLPK", "PlannerVerify", "PlannerGenerator", "PlannerRoster",
            ]
        ),

        // MARK: The thin command line.
        .executableTarget(
            name: "planner",
            dependencies: [
                "Planner",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // MARK: Tests
        .target(name: "TestSupport", dependencies: ["Planner"], path: "Tests/TestSupport"),
        .testTarget(name: "PlannerCoreTests", dependencies: ["PlannerCore", "Planner", "TestSupport"]),
        .testTarget(name: "PlannerSolvingTests", dependencies: ["PlannerSolving", "PlannerModel"]),
        .testTarget(name: "PlannerGLPKTests", dependencies: ["PlannerGLPK", "PlannerSolving", "PlannerModel"]),
        .testTarget(name: "PlannerVerifyTests", dependencies: ["PlannerVerify", "TestSupport"]),
        .testTarget(name: "RuleTests", dependencies: ["Planner", "TestSupport"]),
        .testTarget(name: "GeneratorTests", dependencies: ["Planner", "TestSupport"]),
        .testTarget(name: "VariantTests", dependencies: ["Planner", "TestSupport"]),
        .testTarget(name: "SolvingTests", dependencies: ["Planner", "PlannerGLPK", "TestSupport"]),
        .testTarget(name: "SuccessionTests", dependencies: ["Planner", "TestSupport"]),
        .testTarget(name: "ExplanationTests", dependencies: ["Planner", "TestSupport"], exclude: ["Rounds"]),
        .testTarget(name: "RosterTests", dependencies: ["PlannerRoster", "Planner", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "EndToEndTests", dependencies: ["planner", "TestSupport"], exclude: ["Golden"]),
    ],
    swiftLanguageModes: [.v6]
)
