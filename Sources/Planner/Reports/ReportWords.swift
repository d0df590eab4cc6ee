import Foundation

/// The report's words in one language: phrases from the catalogue's `report` section, numbers
/// as the language writes them, and the round's own words (titles, sexes, rule names) from the
/// vocabulary and the rule registry. Every reason is built here from `Reason`'s facts, each
/// language's template placing the values where its grammar wants them.
struct ReportWords {
    let words: Words
    let report: RoundReport
    /// Titles, sexes, units and names of the round, in this language.
    let names: RoundNames
    /// Names two or more cadres of the round share (compared as written, in NFC).
    let sharedNames: Set<String>

    init(language: ReportLanguage, report: RoundReport) {
        words = language.words
        self.report = report
        names = RoundNames(report.scenario, words)
        var seen: Set<String> = []
        var shared: Set<String> = []
        for cadre in report.scenario.cadres {
            let name = cadre.name.precomposedStringWithCanonicalMapping
            if !seen.insert(name).inserted { shared.insert(name) }
        }
        sharedNames = shared
    }

    var language: ReportLanguage { words.language }
    var scenario: Scenario { report.scenario }

    /// The catalogue's phrase for `key`, its values filled in.
    func callAsFunction(_ key: String, _ values: [String: String] = [:]) -> String { words(key, values) }

    // MARK: Numbers

    func number(_ value: Double) -> String { words.number(value) }

    func percent(_ share: Double) -> String { words.percent(share) }

    // MARK: The round's words

    func title(_ id: String) -> String { names.title(id) }
    func sex(_ gender: Gender) -> String { names.label(.gender, gender.rawValue) }

    /// A cadre as the reasons name them: by name, with the id beside a name others of the round
    /// share too (namesakes are common, and "Nguyễn Văn An takes the post Nguyễn Văn An leaves"
    /// reads as one person; a review's roster).
    func name(_ c: Int) -> String {
        let name = nfc(scenario.cadres[c].name)
        return sharedNames.contains(name) ? "\(name) (\(scenario.cadres[c].id))" : name
    }

    /// "chair, Xã An Lão" ("Chủ tịch, Xã An Lão").
    func post(_ p: Int) -> String { names.post(scenario.positions[p].id) }

    func ruleName(_ key: String) -> String { words.ruleName(key) }

    func nfc(_ text: String) -> String { text.precomposedStringWithCanonicalMapping }

    /// A line as it starts a list item or a cell: its first letter upper case (English labels
    /// are lower case, "chair"; Vietnamese ones already capitalised, "Chủ tịch").
    func sentence(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    // MARK: Status

    /// The status in plain words: what a committee may rely on.
    var status: String {
        let said = status(report.plan.status, gap: report.plan.gap)
        guard report.plan.stoppedBy != nil else { return said }
        // A search stopped by a signal: the plan is the best found by then, and says so.
        return words("report.status.searchStopped", ["status": said])
    }

    /// A plan's (or the slates') status in plain words.
    func status(_ status: PlanStatus, gap: Double?) -> String {
        switch status {
        case .optimal:
            if let gap, gap > 1e-9 { return words("report.status.optimalWithin", ["gap": words.gap(gap)]) }
            return words("report.status.optimal")
        case .feasible:
            guard let gap else { return words("report.status.feasible") }
            return words("report.status.feasibleWithin", ["gap": words.gap(gap)])
        case .infeasible: return words("report.status.infeasible")
        case .noPlanWithinTimeLimit: return words("report.status.noPlanWithinTimeLimit")
        case .stopped: return words("report.status.stopped")
        }
    }

    // MARK: Changes

    func change(_ change: Change) -> String {
        switch change.kind {
        case .moveIn(let c, let from, let to):
            return words("report.change.moveIn", ["name": name(c), "from": post(from), "to": post(to)])
        case .moveOut(let c, let from, let to):
            return words("report.change.moveOut", ["name": name(c), "from": post(from), "to": post(to)])
        case .appointment(let c, let to):
            return words("report.change.appointment", ["name": name(c), "to": post(to)])
        case .release(let c, let from):
            return words("report.change.release", ["name": name(c), "from": post(from)])
        case .retirement(let c, let from, let year):
            return words("report.change.retirement", ["name": name(c), "from": post(from), "year": String(year)])
        case .vacancy(let p):
            return words("report.change.vacancy", ["post": post(p)])
        }
    }

    func reason(_ reason: Reason) -> String {
        switch reason {
        case .mayNotStay(let p, let rule, let detail):
            let because: String
            switch detail {
            case .tenure(let years, let limit, let title):
                if let title {
                    because = words(
                        "report.reason.tenureTitle", ["years": String(years), "limit": String(limit), "title": self.title(title)])
                } else {
                    because = words("report.reason.tenure", ["years": String(years), "limit": String(limit)])
                }
            case .local(let locality):
                because = words("report.reason.local", ["locality": nfc(locality)])
            case .other:
                because = words.ruleSummary(rule)
            }
            return words("report.reason.mayNotStay", ["post": post(p), "because": because, "rule": ruleName(rule)])
        case .opens(let p, let how):
            switch how {
            case .retires(let c, let year):
                return words("report.reason.opensRetires", ["post": post(p), "name": name(c), "year": String(year)])
            case .movesTo(let c, let to):
                return words("report.reason.opensMoves", ["post": post(p), "name": name(c), "to": post(to)])
            case .released(let c):
                return words("report.reason.opensReleased", ["post": post(p), "name": name(c)])
            case .wasVacant:
                return words("report.reason.wasVacant", ["post": post(p)])
            }
        case .mustFill:
            return words("report.reason.mustFill", ["rule": ruleName("mustFill")])
        case .plannedFor(let id):
            return words("report.reason.plannedFor", ["title": title(id)])
        case .oneOfEligible(let count):
            return words("report.reason.oneOfEligible", ["count": String(count)])
        case .teamNeed(let rule):
            let key =
                switch rule {
                case "youth": scenario.policy.youth.minPerTeam > 1 ? "report.reason.neededYoung" : "report.reason.onlyYoung"
                case "ageBalance": "report.reason.onlyAgeBand"
                default: "report.reason.onlyWoman"
                }
            return words(key, ["rule": ruleName(rule), "count": String(scenario.policy.youth.minPerTeam)])
        case .fitsBetter(let new, let old):
            return words("report.reason.fitsBetter", ["new": number(new), "old": number(old)])
        case .successorFitsBetter(let successor, let successorFit, let ownFit):
            return words(
                "report.reason.successorFitsBetter", ["name": name(successor), "successor": number(successorFit), "own": number(ownFit)])
        case .fitHere(let new, let old):
            guard let old else { return words("report.reason.fitHere", ["new": number(new)]) }
            return words("report.reason.fitHereAgainst", ["new": number(new), "old": number(old)])
        case .succeededBy(let p, let successor, let worth, let against):
            var values = ["post": post(p), "name": name(successor), "fit": number(worth)]
            guard let against else { return words("report.reason.succeededBy", values) }
            values["own"] = number(against)
            return words("report.reason.succeededByAgainst", values)
        case .equallyWorth(let others):
            // Three names at most, as the plan's English reasons give them.
            let names = others.prefix(3).map(name).joined(separator: ", ") + (others.count > 3 ? ", …" : "")
            return words("report.reason.equallyWorth", ["names": names])
        case .pinned(let p):
            return words("report.reason.pinned", ["post": post(p)])
        case .pinnedSuccessor(let successor, let p):
            return words("report.reason.pinnedSuccessor", ["name": name(successor), "post": post(p)])
        case .relativeInUnit(let relative, let unit):
            return words(
                "report.reason.relativeInUnit",
                ["name": name(relative), "unit": names.unitName(scenario.units[unit].id), "rule": ruleName("relatives")])
        case .localHead(let p, let locality):
            return words("report.reason.localHead", ["post": post(p), "locality": nfc(locality), "rule": ruleName("nonLocalHeads")])
        case .noPostWorthTheReleasePrice:
            return words("report.reason.noPostWorthRelease")
        case .reachedRetirementAge(let age, let year):
            return words(
                "report.reason.retirementAge", ["age": String(age), "year": String(scenario.planningYear), "retirementYear": String(year)])
        case .noEligibleCadre:
            return words("report.reason.noEligibleCadre")
        case .eligibleServeElsewhere(let count):
            return words("report.reason.eligibleServeElsewhere", ["count": String(count)])
        }
    }

    func opening(_ opening: Opening) -> String {
        switch opening {
        case .retires(let c, let year): words("report.opening.retires", ["name": name(c), "year": String(year)])
        case .released(let c): words("report.opening.released", ["name": name(c)])
        case .movesTo(let c, let p): words("report.opening.movesTo", ["name": name(c), "post": post(p)])
        case .wasVacant: words("report.opening.wasVacant")
        }
    }
}
