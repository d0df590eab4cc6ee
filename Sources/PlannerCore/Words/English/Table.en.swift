extension Catalogue {
    /// The words of the plan's table (`solve`).
    static let englishTable: [String: String] = [
        "table.title": "Rotation plan: {name} (planning year {year})",

        // The status line, as every plan's table (and the slates') opens.
        "table.statusLine": "Status: {status}",
        "table.statusLine.objective": "Status: {status}; objective {objective}",
        "table.statusLine.bound": "Status: {status}; objective {objective}, bound {bound}, gap {gap}",
        "table.status.optimal": "optimal",
        "table.status.feasible": "feasible (not proven optimal)",
        "table.status.infeasible": "no feasible plan: the hard rules cannot all hold",
        "table.status.noPlanWithinTimeLimit": "no plan found within the time limit",
        "table.status.stopped": "the search was stopped before any plan was found",

        // A search stopped by a signal ({cause}: SIGINT, SIGTERM).
        "table.stopped.withPlan": "Stopped by {cause} before the search ended: the best plan found by then.",
        "table.stopped.withoutPlan": "Stopped by {cause} before the search ended: no plan had been found.",

        // How the plan was chosen among the plans of its objective.
        "table.preference.statedOrder": "Among plans of this objective: the stated order was {order}.",
        "table.preference.fewest": "Among plans of this objective: the one with the {fewest} ({count})",
        "table.preference.changes": "Among plans of this objective: {count} changes of post",
        "table.preference.then": "{choice}, then {next}",
        // The stated order's keys (`PreferenceOrder.Key`), as the line above names them.
        "table.preference.key.fewestChanges": "fewest changes of post",
        "table.preference.key.ratingByRank": "better-ranked cadres in better-ranked posts",
        "table.preference.key.closestToPlan": "fewest changes of post from the plan (a contrast of explain)",

        // A round without a plan.
        "table.noPlan.proof": "Proof: {proof}.",
        "table.noPlan.conflicts": "These hard rules cannot all hold together:",
        "table.noPlan.moreConflicts": "… and {count} more (--format json lists them all)",
        "table.noPlan.diagnose": "Run `planner diagnose` to name the rules in conflict.",

        // The lists and their columns.
        "table.heading.moves": "Moves",
        "table.heading.appointments": "Appointments from the pool",
        "table.heading.stays": "Stays",
        "table.heading.vacancies": "Vacant posts",
        "table.heading.releases": "Released (no post after the round)",
        "table.heading.retirements": "Retirements",
        "table.heading.why": "Why",
        "table.heading.figures": "Figures",
        "table.heading.objective": "Objective",
        "table.heading.penalties": "Soft rules not fully met",
        "table.column.cadre": "CADRE",
        "table.column.name": "NAME",
        "table.column.from": "FROM",
        "table.column.to": "TO",
        "table.column.post": "POST",
        "table.column.retirementYear": "RETIREMENT YEAR",
        "table.column.change": "CHANGE",
        "table.column.reason": "REASON",
        "table.column.rule": "RULE",
        "table.column.where": "WHERE",
        "table.column.shortBy": "SHORT BY",
        "table.column.price": "PRICE",
        "table.column.cost": "COST",

        // `--explain`: each change as the plan records it.
        "table.why.move": "{cadre} moves to {post}",
        "table.why.appointment": "{cadre} is appointed to {post}",
        "table.why.release": "{cadre} leaves {post}",
        "table.why.retirement": "{cadre} retires from {post}",
        "table.why.vacancy": "{post} stays vacant",

        // The figures: each entry a line, label and value parted by a tab.
        "table.figures.women": "Women in leadership\t{women}",
        "table.figures.womenValue": "{women} of {filled} filled leadership posts",
        "table.figures.share": "{value} ({share})",
        "table.figures.target": "{value}, target {target}",
        "table.figures.teamsWithAWoman": "Teams with a woman\t{teams} of {all}",
        "table.figures.young": "Young in grassroots teams\t{young} under {age}; {met} of {teams} teams have {min}",
        "table.figures.nonLocalHeads": "Non-local heads\t{heads}",
        "table.figures.nonLocalValue": "{heads} of {filled} filled listed head posts",
        "table.figures.ageBalance": "Age balance\t{met} of {teams} teams span {bands} age bands",
        "table.figures.moves": "Moves\t{moves}",
        "table.figures.movesLimit": "{moves} (limit {limit})",
        "table.figures.appointmentsAndStays": "Appointments, stays\t{appointments}, {stays}",
        "table.figures.vacancies": "Vacant posts\t{vacancies}",
        "table.figures.releasesAndRetirements": "Releases, retirements\t{releases}, {retirements}",

        // The objective's terms.
        "table.objective.terms":
            "fit {fit} − moves {moves} − vacancies {vacancies} − releases {releases} − soft-rule penalties {penalties} = {total}",

        // Where a soft rule falls short (`PlanReport.PenaltyPlaces`).
        "table.subject.leadershipPosts": "leadership posts",
        "table.subject.listedHeadPosts": "listed head posts",
        "table.subject.moves": "the round's moves",
        "table.subject.relatives": "{first} and {second} in {unit}",
        "table.subject.cadreInPost": "{cadre} in {post}",

        // The last line.
        "table.footer": "Solved by {solver} {version}; scenario SHA-256 {sha256}…",
        "table.footer.timed": "Solved by {solver} {version} in {solve} s (model built in {build} s); scenario SHA-256 {sha256}…",
    ]
}
