extension Catalogue {
    /// The words of a diagnosis (`diagnose`, `solve` without a plan).
    static let englishDiagnose: [String: String] = [
        "diagnose.title": "Diagnosis",
        "diagnose.feasible": "The round has a feasible plan: no rules conflict.",
        "diagnose.undecided":
            "Whether the round has a plan was not settled within the time limit: nothing is claimed (`planner diagnose` with a longer --time-limit, or `planner solve`, settles it).",
        "diagnose.fewest.notFound":
            "The round has no feasible plan; the fewest rules to relax were not found within the time limit (`planner diagnose` with a longer --time-limit finds them).",
        "diagnose.undecided.stopped":
            "Whether the round has a plan was not settled before the diagnosis was stopped (Ctrl-C or a signal): nothing is claimed.",
        "diagnose.fewest.notFound.stopped":
            "The round has no feasible plan; the diagnosis was stopped (Ctrl-C or a signal) before the fewest rules to relax were found (`planner diagnose` run to its end finds them).",
        "diagnose.conflict.none.stopped": "No conflicting set was isolated before the diagnosis was stopped.",
        "diagnose.fewest": "Fewest rules to relax: {count} rule instances",
        "diagnose.fewest.one": "Fewest rules to relax: {count} rule instance",
        "diagnose.fewest.unproven":
            "Rules to relax: {count} rule instances (the search stopped before proving that no fewer can do)",
        "diagnose.fewest.sampled":
            "Rules to relax: {count} rule instances (counted over each post's best-rated candidates only: the round is too wide to prove that no fewer can do, docs/model.md)",
        "diagnose.fewest.unproven.one":
            "Rules to relax: {count} rule instance (the search stopped before proving that the round has no plan without relaxing one)",
        "diagnose.fewest.yields": "; without them the round has a plan (checked by solving)",
        "diagnose.fewest.yields.one": "; without it the round has a plan (checked by solving)",
        "diagnose.fewest.stillNoPlan":
            "; yet without them solving finds no plan (the elastic model and the round disagree: please report this round)",
        "diagnose.fewest.unchecked": "; the check that the round then has a plan ran out of time",
        "diagnose.conflict.none": "No conflicting set could be isolated within the time limit.",
        "diagnose.conflict": "A conflict: {count} rule instances that cannot all hold",
        "diagnose.conflict.one": "A conflict: {count} rule instance that cannot hold",
        "diagnose.conflict.irreducible": "; dropping any one of them lets the others hold (each checked by solving)",
        "diagnose.conflict.irreducible.one": "; it cannot hold even alone (checked by solving)",
        "diagnose.conflict.evident": "; dropping any one of them lets the others hold (evident from the scenario's data, no solve needed)",
        "diagnose.conflict.evident.one": "; it cannot hold even alone (evident from the scenario's data, no solve needed)",
        "diagnose.conflict.mayReduce": " (some deletion tests ran out of time: the set may not be irreducible)",
        "diagnose.solves": "Diagnosed with {count} solves.",
        "diagnose.solves.one": "Diagnosed with {count} solve.",
        // What an item is about, and what the describer adds to a rule's own words.
        "diagnose.subject.post": "post {id}",
        "diagnose.subject.cadre": "cadre {id}",
        "diagnose.subject.unit": "unit {id}",
        "diagnose.subject.cadres": "cadres {first} and {second}",
        "diagnose.subject.round": "the round",
        "diagnose.subject.pair": "{cadre} in {post}",
        "diagnose.ruleBinds": "the {rule} rule binds",
        "diagnose.keepsOut.others": "it keeps out {cadres}, each barred by another rule too",
        "diagnose.keepsOut.alone": "it keeps out {cadres}; {count} of them pass every other rule for it ({ids})",
        "diagnose.keepsOut.alone.one": "it keeps out {cadres}; one of them passes every other rule for it ({ids})",
        // What solving the round again says of a plan's claims (`verify --recheck`).
        "diagnose.recheck.foundPlan": "the plan says the round has no feasible plan, but solving found one (objective {objective})",
        "diagnose.recheck.infeasibleUnconfirmed":
            "solving neither found a plan nor proved there is none within the time limit: the claim \"infeasible\" is not confirmed",
        "diagnose.recheck.provenInfeasible": "the plan says it is {status}, but solving proves the round has no feasible plan",
        "diagnose.recheck.boundBelowOptimum": "the stated bound {bound} is below the optimum {optimum} that solving finds",
        "diagnose.recheck.notOptimal": "the plan claims \"optimal\" at {objective}, but solving finds a plan worth {optimum}",
        "diagnose.recheck.optimalUnconfirmed":
            "solving did not prove an optimum within the time limit, so the claim \"optimal\" is not confirmed",
        "diagnose.recheck.boundBelowPlan": "the stated bound {bound} is below a plan worth {found} that solving finds",
        "diagnose.recheck.boundUnconfirmed":
            "solving did not prove an optimum within the time limit, so the stated bound {bound} is not confirmed",
    ]
}
