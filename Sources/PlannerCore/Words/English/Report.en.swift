extension Catalogue {
    /// The words of the committee's report (HTML) and its reasons.
    static let englishReport: [String: String] = [
        // The plan's status, as the committee may rely on it.
        "report.status.optimal": "the best plan under these rules, proven",
        "report.status.optimalWithin": "a plan within {gap} of the best under these rules, proven",
        "report.status.feasible": "a plan that keeps every hard rule, not proven the best",
        "report.status.feasibleWithin": "a plan that keeps every hard rule, not proven the best (at most {gap} from the best)",
        "report.status.infeasible": "no plan can keep every hard rule of this round",
        "report.status.noPlanWithinTimeLimit": "no plan was found within the time limit",
        "report.status.stopped": "the search was stopped before a plan was found",
        "report.status.searchStopped": "{status} — the search was stopped before it ended",

        // Each change of the round.
        "report.change.moveIn": "{name} moves from {from} to {to}",
        "report.change.moveOut": "{name} leaves {from} for {to}",
        "report.change.appointment": "{name} is appointed {to}, from the pool",
        "report.change.release": "{name} is released from {from}",
        "report.change.retirement": "{name} retires from {from} ({year})",
        "report.change.vacancy": "{post} stays vacant",

        // Why a change is made.
        "report.reason.tenure": "has held it {years} years, at or past the limit of {limit}",
        "report.reason.tenureTitle": "has held it {years} years, at or past the limit of {limit} for a {title}",
        "report.reason.local": "is from {locality}, the locality the post leads",
        "report.reason.mayNotStay": "may not stay in {post}: {because} (rule: {rule})",
        "report.reason.opensRetires": "{post} opens: {name} retires ({year})",
        "report.reason.opensMoves": "{post} opens: {name} moves to {to}",
        "report.reason.opensReleased": "{post} opens: {name} is released",
        "report.reason.wasVacant": "{post} was vacant",
        "report.reason.mustFill": "the post must be filled (rule: {rule})",
        "report.reason.plannedFor": "planned for {title}",
        "report.reason.pinned": "pinned to {post} in the scenario (a decision the plan keeps)",
        "report.reason.pinnedSuccessor": "{name} is pinned to {post} in the scenario",
        "report.reason.relativeInUnit": "their relative {name} serves in {unit} after the round (rule: {rule})",
        "report.reason.localHead": "is from {locality}, local to {post}, a head post (rule: {rule})",
        "report.reason.oneOfEligible": "one of {count} eligible under every rule",
        "report.reason.onlyYoung": "the team's only young member (rule: {rule})",
        "report.reason.onlyWoman": "the team's only woman (rule: {rule})",
        "report.reason.neededYoung": "one of the {count} young members the team needs (rule: {rule})",
        "report.reason.onlyAgeBand": "the team's only member of their age band (rule: {rule})",
        "report.reason.succeededBy": "{post} goes to {name} (fit {fit})",
        "report.reason.succeededByAgainst": "{post} goes to {name} (fit {fit} against {own})",
        "report.reason.fitHere": "fit {new} in the new post",
        "report.reason.fitHereAgainst": "fit {new} in the new post against {old} in the old one",
        "report.reason.equallyWorth":
            "worth as much here: {names} (if the plan with them is as good, the stated order decides: fewest changes, then rank)",
        "report.reason.fitsBetter": "fits the new post better (fit {new} against {old})",
        "report.reason.successorFitsBetter": "{name} fits the post better (fit {successor} against {own})",
        "report.reason.noPostWorthRelease": "no other post the rules allow them is worth more than their release",
        "report.reason.retirementAge": "has reached retirement age ({age} in {year}; retirement year {retirementYear})",
        "report.reason.noEligibleCadre": "no cadre passes every rule for it",
        "report.reason.eligibleServeElsewhere": "its {count} eligible cadres serve elsewhere or would make the plan worse",

        // What opens a vacancy chain.
        "report.opening.retires": "{name} retires ({year})",
        "report.opening.released": "{name} is released",
        "report.opening.movesTo": "{name} moves to {post}",
        "report.opening.wasVacant": "the post was vacant",

        // The header and the record of the plan.
        "report.kicker": "Rotation round: proposal to the committee",
        "report.record.planningYear": "Planning year",
        "report.record.sha256": "Scenario SHA-256",
        "report.record.producedBy": "Produced by",
        "report.record.objective": "Objective",

        // A round without a plan.
        "report.noPlan.heading": "Why there is no plan",
        "report.noPlan.diagnose": "`planner diagnose` names the rules in conflict.",
        "report.noPlan.conflicts": "These hard rules cannot all hold together:",

        // The sections.
        "report.section.figures": "Figures before and after the round",
        "report.section.charts": "Charts",
        "report.section.chains": "Vacancy chains",
        "report.section.changes": "Changes, unit by unit",
        "report.section.teams": "Each unit's posts before and after",
        "report.section.slates": "Successor slates for the key posts",

        // Table columns.
        "report.column.figure": "Figure",
        "report.column.before": "Before",
        "report.column.after": "After",
        "report.column.target": "Target",
        "report.column.post": "Post",
        "report.column.name": "Name",
        "report.column.ageAndSex": "Age, sex",
        "report.column.holdsBefore": "Holds before the round",
        "report.column.ready": "Ready",

        // The figures before and after.
        "report.figures.women": "Women in leadership",
        "report.figures.teamsWithAWoman": "Teams with a woman",
        "report.figures.everyTeam": "every team",
        "report.figures.young": "Young cadres (under {age}) in grassroots teams",
        "report.figures.youngValue": "{young}; {met} / {teams} teams meet the rule",
        "report.figures.youngTarget": "≥ {count} per team",
        "report.figures.nonLocalHeads": "Non-local heads",
        "report.figures.ageBalance": "Teams spanning the age bands",
        "report.figures.ageBalanceTarget": "≥ {bands} bands each",
        "report.figures.vacancies": "Vacant posts",
        "report.figures.moves": "Moves",
        "report.figures.appointments": "Appointments from the pool",
        "report.figures.releases": "Releases",
        "report.figures.retirements": "Retirements",

        // The charts.
        "report.chart.before": "before",
        "report.chart.after": "after",
        "report.chart.beforeTheRound": "before the round",
        "report.chart.under": "under {age}",
        "report.chart.andOver": "{age} and over",
        "report.chart.ageAndSex": "Leadership by age band and sex",
        "report.chart.teamsWith": "teams with {count}",
        "report.chart.teamsWithOrMore": "teams with {count} or more",
        "report.chart.target": "target",
        "report.chart.womenPerTeam": "Women per leadership team",
        "report.chart.youngPerTeam": "Young cadres per grassroots team",

        // The vacancy chains.
        "report.chains.none": "No post changes hands.",
        "report.chains.ring": "A rotation: each takes the next one's post.",
        "report.chains.from": "{post} ← {name}, from {from}",
        "report.chains.fromThePool": "{post} ← {name}, from the pool",

        // The changes and the teams.
        "report.changes.none": "No changes.",
        "report.teams.vacant": "vacant",

        // The successor slates.
        "report.slates.madeFrom": "Made from the posts as they stand before the round, as `planner succession` makes them.",
        "report.slates.incumbent": "Incumbent before the round: {name}",
        "report.slates.incumbentRetires": "Incumbent before the round: {name}, reaches retirement age in {year}",
        "report.slates.pool": "the pool",
        "report.slates.ready": "yes",
        "report.slates.notReady": "not yet",
        "report.slates.none": "No candidate.",
        "report.risk.noCandidate": "Risk: no candidate",
        "report.risk.singleCandidate": "Risk: a single candidate",
        "report.risk.retiresWithoutReadySuccessor": "Risk: the incumbent retires within the term and no successor is ready",
    ]
}
