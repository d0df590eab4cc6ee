extension Catalogue {
    /// The words of an explanation (`explain`, `explain --why-not`).
    static let englishExplain: [String: String] = [
        "explain.title": "Explanation: {subject}",
        "explain.fit": "fit {total} = rating {rating} + field match {fieldMatch} + continuity {continuity}",
        "explain.fit.move": " − move {price}",
        "explain.objective": "The plan's objective: {objective} ({status})",
        "explain.heading.forced": "Forced, and re-solved:",
        "explain.heading.runnersUp": "Runners-up, each re-solved with them in the post:",
        "explain.heading.otherPosts": "Other posts, each re-solved with them there:",
        "explain.heading.leftOut": "Left out:",
        "explain.exemptAsIncumbent": "{cadre} stays in their own post, so a newcomer's requirements do not apply: {rules}",
        "explain.alreadyHolds": "{cadre} already holds {post} in the plan: there is nothing to force or re-solve",
        // A contrast: the assignment forced and the round re-solved.
        "explain.contrast.breaks": "not eligible; forced anyway, it breaks ",
        "explain.contrast.noPlan": "no plan holds it: {status}",
        "explain.contrast.unsettled": "not settled: {status}",
        "explain.stopped":
            "Stopped before every search ended: the plan above may not be the one the stated order prefers among equal plans, and unsettled runners-up are marked so.",
        "explain.contrast.loses": "the plan's objective would be {objective}: loses {difference}",
        "explain.contrast.gains": "the plan's objective would be {objective}: gains {difference}",
        "explain.contrast.gainsByBreaking":
            "the plan's objective would be {objective}: {difference} higher only because the rules it breaks are set aside; the plan keeps them",
        "explain.contrast.others": "others who change post: {changes}",
        // Candidates (or posts) left out.
        "explain.leftOut.eligible": "eligible; fit {fit}",
        "explain.leftOut.holders": ", the holder's {fit}",
        "explain.leftOut.holds": "; holds {post} in the plan",
        "explain.leftOut.heldBy": "; held by {cadre} in the plan",
        "explain.leftOut.vacant": "; vacant in the plan",
        "explain.leftOut.notResolved": " (not re-solved)",
        "explain.leftOut.notEligible": "not eligible ({rule}): {text}",
        "explain.leftOut.others": "and {count} more, each kept out by two or more rules",
        // Equal plans and the stated order.
        "explain.tie.vacant": "the post left vacant",
        "explain.tie.unreached":
            "equally good for the round; the stated order ({order}) would prefer {cadre} here: the plan's choice among equal plans did not reach it (the plan's preference note says why)",
        "explain.tie.fewerChanges":
            "equally good for the round; the plan prefers {holder} because it changes the posts of {count} people fewer ({plan} against {alternative})",
        "explain.tie.fewerChanges.one":
            "equally good for the round; the plan prefers {holder} because it changes the posts of {count} person fewer ({plan} against {alternative})",
        "explain.tie.rank":
            "equally good for the round, with as many changes of post; the plan prefers {holder} by the stated order's last key: the better-ranked cadre in the better-ranked post, ranks by rating and weight, then by id ({plan} against {alternative})",
        "explain.tie.equal":
            "equally good for the round and equal under every key of the stated order; the plan's choice comes from the round read in id order",
        "explain.order.fewestChanges": "fewest changes of post",
        "explain.order.ratingByRank": "better-ranked cadres in better-ranked posts",
        // The document's codes in words (English shows the codes themselves).
        "explain.outcome.stay": "stay",
        "explain.outcome.move": "move",
        "explain.outcome.appointment": "appointment",
        "explain.outcome.vacant": "vacant",
        "explain.outcome.released": "released",
        "explain.outcome.retired": "retired",
        "explain.outcome.not_in_a_post": "not in a post",
        "explain.status.optimal": "optimal",
        "explain.status.feasible": "feasible",
        "explain.status.infeasible": "infeasible",
        "explain.status.noPlanWithinTimeLimit": "no plan within the time limit",
        "explain.status.stopped": "stopped",
        "explain.sentence.optimal": "optimal",
        "explain.sentence.feasible": "feasible (not proven optimal)",
        "explain.sentence.infeasible": "no feasible plan: the hard rules cannot all hold",
        "explain.sentence.noPlanWithinTimeLimit": "no plan found within the time limit",
        "explain.sentence.stopped": "the search was stopped before any plan was found",
    ]
}
