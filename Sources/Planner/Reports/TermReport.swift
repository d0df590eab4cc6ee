import Foundation

/// A term plan as a document: JSON (what `planner verify` reads), a text table or a page
/// (`TermPage`) in the committee's language.
public enum TermReport {
    public static func render(_ term: TermPlan, scenario: Scenario, format: PlanReport.Format, language: ReportLanguage = .en) -> Data {
        switch format {
        case .table: Data(table(term, scenario: scenario, language: language).utf8)
        case .html: Data(TermPage(term, scenario: scenario, language: language).render().utf8)
        case .csv: Data(yearsCSV(term).utf8)
        case .json: TermFile.encode(term)
        }
    }

    /// The office year by year as CSV, one row per year, for a spreadsheet: the headers are
    /// the JSON's keys in every language, lists are ids parted by spaces.
    public static func yearsCSV(_ term: TermPlan) -> String {
        let header = [
            "year", "leadershipPosts", "leadershipPostsFilled", "womenInLeadership", "womenShare", "youngInGrassrootsTeams",
            "listedHeadPostsFilled", "nonLocalListedHeads", "vacancies", "retiring", "keyPostsVacant", "keyPostsAtRisk",
            "leadershipTeams", "teamsWithAWoman", "ageBalanceTeams", "ageBalanceTeamsMet",
        ]
        let rows = term.years.map { year -> [String] in
            let teams: [String] = [year.leadershipTeams, year.teamsWithAWoman, year.ageBalanceTeams, year.ageBalanceTeamsMet].map {
                $0.map(String.init) ?? ""
            }
            let figures: [String] = [
                String(year.year), String(year.leadershipPosts), String(year.leadershipPostsFilled), String(year.womenInLeadership),
                year.womenShare.map(CSVText.number) ?? "", String(year.youngInGrassrootsTeams), String(year.listedHeadPostsFilled),
                // Those the round retires in its own year too, as the table and the list say it.
                String(year.nonLocalListedHeads), String(year.vacancies), retiring(in: year, term).map(\.cadre).joined(separator: " "),
                year.keyPostsVacant.joined(separator: " "), year.keyPostsAtRisk.joined(separator: " "),
            ]
            return figures + teams
        }
        return CSVText.document([header] + rows)
    }

    /// The term's status in words: the round that ended it, and how.
    static func statusText(_ term: TermPlan, _ words: Words) -> String {
        if term.method == TermPlan.joint {
            guard term.status.hasPlan, let objective = term.objective else {
                return words("term.joint.status.\(term.status == .infeasible ? "infeasible" : "none")")
            }
            if term.status == .optimal { return words("term.joint.status.optimal", ["objective": words.number(objective)]) }
            let bound = term.bound ?? objective
            return words(
                "term.joint.status.feasible",
                [
                    "objective": words.number(objective), "bound": words.number(bound),
                    "gap": words.gap(max(0, bound - objective) / max(1, abs(objective))),
                ])
        }
        let later = term.unsolvedRounds.isEmpty ? "" : words("term.status.laterNotPlanned")
        if let failed = term.rounds.first(where: { !$0.plan.status.hasPlan }) {
            let key = failed.plan.status == .stopped ? "term.status.stoppedInRoundNoPlan" : "term.status.\(failed.plan.status.rawValue)"
            return words(key, ["year": String(failed.year)]) + later
        }
        guard term.status == .stopped else { return words("term.status.\(term.status.rawValue)") }
        if let first = term.unsolvedRounds.first { return words("term.status.stopped", ["year": String(first)]) }
        let year = term.rounds.last { $0.plan.stoppedBy != nil }?.year ?? term.rounds.last?.year ?? 0
        return words("term.status.stoppedInRound", ["year": String(year)])
    }

    /// The rounds' table, as the text and the page show it: a row per round, planned or not.
    static func roundRows(_ term: TermPlan, _ words: Words) -> [[String]] {
        var rows: [[String]] = term.rounds.map { round in
            let plan = round.plan
            guard plan.status.hasPlan else {
                return [String(round.year), words("slates.status.\(plan.status.rawValue)")] + Array(repeating: "", count: 6)
            }
            // A joint term's rounds are parts of its optimum, not optima of their own.
            let status = term.method == TermPlan.joint ? words("term.joint.round") : words("slates.status.\(plan.status.rawValue)")
            return [
                String(round.year), status, plan.objective.map(words.number) ?? "",
                String(plan.moves.count), String(plan.appointments.count), String(plan.releases.count), String(plan.retirements.count),
                String(plan.vacancies.count),
            ]
        }
        rows += term.unsolvedRounds.map { [String($0), words("term.notPlanned")] + Array(repeating: "", count: 6) }
        return rows
    }

    static func roundHeader(_ words: Words) -> [String] {
        [
            "term.column.year", "term.column.status", "term.column.objective", "term.column.moves", "term.column.appointments",
            "term.column.releases", "term.column.retirements", "term.column.vacancies",
        ].map { words($0) }
    }

    /// The office year by year, a row per year.
    static func yearRows(_ term: TermPlan, _ words: Words) -> [[String]] {
        term.years.map { year in
            [
                String(year.year), "\(year.leadershipPostsFilled)/\(year.leadershipPosts)",
                year.womenShare.map { "\(year.womenInLeadership) (\(words.percent($0)))" } ?? String(year.womenInLeadership),
                String(year.youngInGrassrootsTeams),
                year.ageBalanceTeamsMet.flatMap { met in year.ageBalanceTeams.map { "\(met)/\($0)" } } ?? "-",
                "\(year.nonLocalListedHeads)/\(year.listedHeadPostsFilled)", String(year.vacancies),
                String(retiring(in: year, term).count), String(year.keyPostsVacant.count), String(year.keyPostsAtRisk.count),
            ]
        }
    }

    /// The last year the view follows the office to: the view's end, or the year before the
    /// first round without a plan (a review found "followed to 2038" over years ending in 2035).
    static func followedTo(_ term: TermPlan) -> Int {
        term.years.last?.year ?? term.settings.until
    }

    /// Who reaches retirement age in a year of the view, and the post they hold or held: in a
    /// round's year those the round's plan retires (they hold no post after it, so the year's
    /// own record, of the office after the round, leaves them out; a review read the list as
    /// missing them), then those who leave during the year.
    static func retiring(in year: TermYear, _ term: TermPlan) -> [(cadre: String, post: String?)] {
        let byRound = term.rounds.filter { $0.year == year.year && $0.plan.status.hasPlan }
            .flatMap { $0.plan.retirements.map { (cadre: $0.cadre, post: Optional($0.from)) } }
        var postOf: [String: String] = [:]
        for (position, cadre) in holders(in: year.year, term) { postOf[cadre] = position }
        let named = Set(byRound.map(\.cadre))
        return byRound.sorted { $0.cadre < $1.cadre } + year.retiring.filter { !named.contains($0) }.map { ($0, postOf[$0]) }
    }

    static func yearHeader(_ words: Words) -> [String] {
        [
            "term.column.year", "term.column.filled", "term.column.women", "term.column.young", "term.column.ageBalance",
            "term.column.nonLocal",
            "term.column.vacancies", "term.column.retiring", "term.column.keyVacant", "term.column.atRisk",
        ].map { words($0) }
    }

    /// Who holds each post in a year of the view: the last planned round at or before it.
    static func holders(in year: Int, _ term: TermPlan) -> [String: String] {
        term.rounds.last { $0.year <= year && $0.plan.status.hasPlan }?.plan.holders ?? [:]
    }

    /// The key posts at risk, year by year: the year, the post, its holder.
    static func atRiskRows(_ term: TermPlan, names: RoundNames, post: (String) -> String) -> [[String]] {
        term.years.flatMap { year in
            let holders = holders(in: year.year, term)
            return year.keyPostsAtRisk.map { [String(year.year), post($0), holders[$0].map(names.person) ?? ""] }
        }
    }

    /// Who reaches retirement age, year by year: the year, the person, the post they hold.
    static func retiringRows(_ term: TermPlan, names: RoundNames, post: (String) -> String) -> [[String]] {
        term.years.flatMap { year in
            retiring(in: year, term).map { [String(year.year), names.person($0.cadre), $0.post.map(post) ?? ""] }
        }
    }

    /// One line per round with slates: their status, and how many key posts and people they
    /// hold, or that the round was planned without them.
    static func slateLines(_ term: TermPlan, _ words: Words) -> [String] {
        term.rounds.compactMap { round in
            guard let slates = round.slates else { return nil }
            let status = words("slates.status.\(slates.status.rawValue)")
            guard slates.status.hasPlan, let figures = slates.figures else {
                return words("term.slatesNone", ["year": String(round.year), "status": status])
            }
            return words(
                "term.slatesRound",
                ["year": String(round.year), "status": status, "posts": String(figures.keyPosts), "people": String(figures.people)])
        }
    }

    /// The method in words: one line.
    static func methodText(_ term: TermPlan, _ words: Words) -> String {
        words(term.method == TermPlan.joint ? "term.method.joint" : "term.method.roundByRound")
    }

    /// A joint term beside the same rounds planned round by round, a row per round and one for
    /// the term: the objective, vacancies, releases and moves of each ("together / alone").
    static func comparisonRows(_ term: TermPlan, _ words: Words) -> [[String]]? {
        guard term.method == TermPlan.joint, let alone = term.roundByRoundPlan?.first, !term.rounds.isEmpty else { return nil }
        func pair(_ a: String, _ b: String) -> String { "\(a) / \(b)" }
        var rows: [[String]] = []
        var totals = [0.0, 0.0]
        var counted = [true, true]
        for round in term.rounds {
            let other = alone.rounds.first { $0.year == round.year && $0.plan.status.hasPlan }?.plan
            let together = round.plan
            totals[0] += together.objective ?? 0
            if let value = other?.objective { totals[1] += value } else { counted[1] = false }
            let dash = "-"
            rows.append([
                String(round.year), pair(together.objective.map(words.number) ?? dash, other?.objective.map(words.number) ?? dash),
                difference(together.objective, other?.objective, words),
                pair(String(together.vacancies.count), other.map { String($0.vacancies.count) } ?? dash),
                pair(String(together.releases.count), other.map { String($0.releases.count) } ?? dash),
                pair(String(together.moves.count), other.map { String($0.moves.count) } ?? dash),
            ])
        }
        // The round-by-round term's totals only when it planned every round.
        let whole = counted[1] && alone.rounds.count == term.rounds.count
        func total(_ count: (Plan) -> Int) -> String {
            pair(
                String(term.rounds.reduce(0) { $0 + count($1.plan) }), whole ? String(alone.rounds.reduce(0) { $0 + count($1.plan) }) : "-")
        }
        rows.append([
            words("term.compare.term"), pair(words.number(totals[0]), whole ? words.number(totals[1]) : "-"),
            difference(totals[0], whole ? totals[1] : nil, words),
            total { $0.vacancies.count }, total { $0.releases.count }, total { $0.moves.count },
        ])
        return rows
    }

    static func comparisonHeader(_ words: Words) -> [String] {
        [
            "term.column.year", "term.compare.objective", "term.compare.difference", "term.compare.vacant", "term.compare.released",
            "term.compare.moves",
        ].map { words($0) }
    }

    /// What the round-by-round term beside a joint one came to, in words: every round optimal,
    /// or the round where it has no plan (the comparison's "-" then says why).
    static func comparisonStatus(_ term: TermPlan, _ words: Words) -> String? {
        guard term.method == TermPlan.joint, let alone = term.roundByRoundPlan?.first else { return nil }
        return words("term.compare.alone", ["status": statusText(alone, words)])
    }

    /// Together − round by round, signed ("+40.60", "-4.40"); "-" when either is missing.
    static func difference(_ together: Double?, _ alone: Double?, _ words: Words) -> String {
        guard let together, let alone else { return "-" }
        let value = together - alone
        if abs(value) < 5e-7 { return words.number(0) }
        return (value > 0 ? "+" : "") + words.number(value)
    }

    /// Year by year, together / alone: vacancies, key posts vacant, key posts at risk, women.
    static func comparisonYearRows(_ term: TermPlan, _ words: Words) -> [[String]]? {
        guard term.method == TermPlan.joint, let alone = term.roundByRoundPlan?.first, !term.rounds.isEmpty else { return nil }
        return term.years.map { year in
            let other = alone.years.first { $0.year == year.year }
            func pair(_ a: Int, _ b: Int?) -> String { "\(a) / \(b.map(String.init) ?? "-")" }
            return [
                String(year.year), pair(year.leadershipPostsFilled, other?.leadershipPostsFilled), pair(year.vacancies, other?.vacancies),
                pair(year.keyPostsVacant.count, other?.keyPostsVacant.count), pair(year.keyPostsAtRisk.count, other?.keyPostsAtRisk.count),
                pair(year.womenInLeadership, other?.womenInLeadership),
            ]
        }
    }

    static func comparisonYearHeader(_ words: Words) -> [String] {
        [
            "term.column.year", "term.compare.filled", "term.compare.vacant", "term.compare.keyVacant", "term.compare.atRisk",
            "term.compare.women",
        ].map { words($0) }
    }

    public static func table(_ term: TermPlan, scenario: Scenario, language: ReportLanguage = .en) -> String {
        let words = Words.of(language)
        let names = RoundNames(scenario, words)
        let rounds = term.settings.rounds.map(String.init).joined(separator: ", ")
        var out =
            words("term.heading", ["name": PlanReport.nfc(term.scenario.name), "rounds": rounds, "until": String(followedTo(term))])
            + "\n"
        out += methodText(term, words) + "\n"
        out +=
            (term.settings.minimumStay > 0
                ? words("term.minimumStay", ["years": String(term.settings.minimumStay)]) : words("term.minimumStay.off")) + "\n"
        if let cap = term.settings.maxMoves {
            out += words("term.maxMoves", ["moves": String(term.movesOverTerm), "cap": String(cap)]) + "\n"
        }
        if term.rounds.contains(where: { $0.slates != nil }) {
            out += words("term.slates") + "\n"
            for line in slateLines(term, words) { out += "  " + line + "\n" }
        }
        out += words("term.statusLine", ["status": statusText(term, words)]) + "\n"

        if let rows = comparisonRows(term, words), let years = comparisonYearRows(term, words) {
            out += PlanReport.section(words("term.compare"), rows, header: comparisonHeader(words), none: words("common.none"))
            if let status = comparisonStatus(term, words) { out += status + "\n" }
            out += PlanReport.section(words("term.compare.years"), years, header: comparisonYearHeader(words), none: words("common.none"))
        }
        out += PlanReport.section(words("term.rounds"), roundRows(term, words), header: roundHeader(words), none: words("common.none"))
        out += PlanReport.section(words("term.years"), yearRows(term, words), header: yearHeader(words), none: words("common.none"))

        out += PlanReport.section(
            words("term.atRisk"), atRiskRows(term, names: names) { names.postWithID($0) },
            header: ["term.column.year", "term.column.post", "term.column.holder"].map { words($0) }, none: words("common.none"))
        out += PlanReport.section(
            words("term.retiring"), retiringRows(term, names: names) { names.postWithID($0) },
            header: ["term.column.year", "term.column.holder", "term.column.post"].map { words($0) }, none: words("common.none"))

        let solvedYears = term.rounds.filter(\.plan.status.hasPlan).map(\.year)
        let vacant = "-"
        out += PlanReport.section(
            words("term.paths"),
            term.paths.map { path in
                [names.person(path.cadre), path.before ?? vacant] + path.steps.map { $0.position ?? vacant }
            },
            header: [words("term.column.cadre"), words("term.column.before")] + solvedYears.map(String.init), none: words("common.none"))
        return out
    }
}
