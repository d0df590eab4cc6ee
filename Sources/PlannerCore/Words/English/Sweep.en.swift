extension Catalogue {
    /// The words of a sweep (`sweep`); a row's status takes the comparison's words.
    static let englishSweep: [String: String] = [
        "sweep.page.kicker": "Rotation round: one setting, value by value",
        "sweep.heading": "Sweep of {file} over {parameters}",
        "sweep.headingNamed": "Sweep of {name} ({file}) over {parameters}",
        "sweep.unsolved": "{count} values not solved: {cause}",
        "sweep.unsolved.one": "1 value not solved: {cause}",
        "sweep.stoppedBy": "stopped by {cause}",
        "sweep.stopped": "the sweep was stopped",
        "sweep.stoppedDuringSearch": "({count} of them during their search)",
        "sweep.stoppedDuringSearch.one": "(1 of them during its search)",
        "sweep.column.status": "status",
        "sweep.column.objective": "objective",
        "sweep.column.gap": "gap",
        "sweep.column.moves": "moves",
        "sweep.column.vacancies": "vacancies",
        "sweep.column.women": "women",
        "sweep.column.womenShare": "women share",
        "sweep.column.young": "young in grassroots teams",
        "sweep.column.nonLocalShare": "non-local heads share",
        "sweep.column.ageBalance": "teams meeting age balance",
        "sweep.column.solveSeconds": "solve s",
    ]
}
