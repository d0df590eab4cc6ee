import Foundation

extension Planner {
    /// A file given to a comparison: the scenario read from it, or why it could not be read.
    /// A file that cannot be read still has its column, which says why.
    public struct ScenarioFile: Sendable {
        /// The path as given.
        public var file: String
        public var loaded: Result<LoadedScenario, ScenarioError>

        public init(file: String, loaded: Result<LoadedScenario, ScenarioError>) {
            self.file = file
            self.loaded = loaded
        }

        /// Every file this one made the reader read (the file and, for a variant, its bases):
        /// what an output may not overwrite.
        public var inputs: [String] {
            switch loaded {
            case .success(let scenario): scenario.files
            case .failure: [file]
            }
        }
    }

    /// Reads each file; one that cannot be read keeps its error, in its place.
    public static func loadEach(_ files: [String]) -> [ScenarioFile] {
        files.map { file in ScenarioFile(file: file, loaded: Result { () throws(ScenarioError) in try load(file) }) }
    }

    /// The plans of several scenarios and how they differ (`planner compare`).
    public struct ComparisonResult: Sendable {
        /// One per file, in the order given.
        public var columns: [Column]
        /// The figures side by side and every difference from the first scenario's plan.
        public var report: Comparison

        public struct Column: Sendable {
            public var file: String
            /// The scenario when it could be read.
            public var scenario: LoadedScenario?
            /// Its plan (of any status), or why it has none.
            public var outcome: Outcome
        }
    }

    /// Solves every scenario that could be read, `jobs` at a time, each on a thread of its own,
    /// and compares the plans with the first scenario's.
    ///
    /// - Parameters:
    ///   - options: as for `solve`; each solve gets the same options (its own time limit).
    ///   - jobs: solves at once; nil: one per core.
    public static func compare(
        _ files: [ScenarioFile], options: Options = Options(), jobs: Int? = nil,
        solver: any MIPSolver = defaultSolver
    ) -> ComparisonResult {
        var read: [LoadedScenario] = []
        var readAt: [Int] = []
        for (index, file) in files.enumerated() {
            if case .success(let loaded) = file.loaded {
                read.append(loaded)
                readAt.append(index)
            }
        }
        let outcomes = solveEach(read, options: options, jobs: jobs ?? defaultJobs, solver: solver)
        var columns = files.map { file -> ComparisonResult.Column in
            switch file.loaded {
            case .success(let loaded): ComparisonResult.Column(file: file.file, scenario: loaded, outcome: .failure(.stoppedBeforeSolving))
            case .failure(let error): ComparisonResult.Column(file: file.file, scenario: nil, outcome: .failure(.scenario(error)))
            }
        }
        for (index, outcome) in zip(readAt, outcomes) { columns[index].outcome = outcome }
        let entries = columns.map { column in
            Comparison.Entry(
                file: column.file, scenario: column.scenario?.scenario, plan: try? column.outcome.get(),
                error: column.outcome.failure?.summary, stopped: column.outcome.failure == .stoppedBeforeSolving)
        }
        return ComparisonResult(columns: columns, report: Comparison(entries))
    }

    /// Reads the files and compares their plans: `compare(loadEach(files), …)`.
    public static func compare(
        files: [String], options: Options = Options(), jobs: Int? = nil,
        solver: any MIPSolver = defaultSolver
    ) -> ComparisonResult {
        compare(loadEach(files), options: options, jobs: jobs, solver: solver)
    }
}

extension Result {
    /// The error, or nil for a success.
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
