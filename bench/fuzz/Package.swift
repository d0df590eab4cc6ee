// swift-tools-version: 6.1
// A libFuzzer harness for the scenario reader and the model checks. Build and run it with ./run
// (README.md); it is a separate package so that the main package never builds with sanitizers.
import PackageDescription

let package = Package(
    name: "planner-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "planner", path: "../..")
    ],
    targets: [
        // The root package exports one library, `Planner`, which re-exports PlannerCore and
        // PlannerModel. It links PlannerGLPK too, but the harness never calls GLPK.
        .executableTarget(
            name: "PlannerFuzz",
            dependencies: ["CFuzzerDriver", .product(name: "Planner", package: "planner")]
        ),
        // Declares libFuzzer's LLVMFuzzerRunDriver for main.swift.
        .target(name: "CFuzzerDriver"),
    ],
    swiftLanguageModes: [.v6]
)
