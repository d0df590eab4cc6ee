import Foundation

/// Renders an explanation for people (names from the scenario, as the plan's table shows them),
/// or as its JSON document. The frame is in `language`; the reasons and broken rules are in the
/// language the explanation was made in (`Explainer(words:)`: English for JSON, the report's
/// language otherwise).
public enum ExplanationReport {
    public static func render(
        _ explanation: Explanation, scenario: Scenario, format: PlanReport.Format, language: ReportLanguage = .en
    ) -> Data {
        switch format {
        case .json: PlanReport.json(explanation)
        case .table: Data(text(explanation, scenario: scenario, language: language).utf8)
        case .csv: Data(csv(explanation, scenario: scenario).utf8)
        case .html:
            HTMLPage.preformatted(
                title: title(explanation, scenario: scenario, language: language), round: explanation.scenario.name,
                language: language,
                text: text(explanation, scenario: scenario, language: language))
        }
    }

    /// The page's title: the post or the cadre by id ("Explanation: post P-AL-SEC"; "Giải
    /// thích: chức vụ P-AL-SEC"); the page adds the round's name.
    static func title(_ explanation: Explanation, scenario: Scenario, language: ReportLanguage) -> String {
        let words = Words.of(language)
        let isPost = explanation.subject.hasPrefix("post ")
        let subject =
            isPost
            ? words("diagnose.subject.post", ["id": explanation.position ?? ""])
            : words("diagnose.subject.cadre", ["id": explanation.cadre ?? ""])
        return words("explain.title", ["subject": subject])
    }

    /// One row for the plan's choice and one per contrast (runner-up, other post, forced pair)
    /// and per candidate left out, for a spreadsheet: the same quoting as the plan's CSV.
    public static func csv(_ explanation: Explanation, scenario: Scenario) -> String {
        let names = PlanReport.Names(scenario)
        var lines = [["row", "position", "cadre", "cadre_name", "fit", "objective", "loss", "status", "rules_broken", "reason"]]
        let n = PlanReport.number
        lines.append([
            "plan", explanation.position ?? "", explanation.cadre ?? "", explanation.cadre.map(names.cadre) ?? "",
            explanation.fit.map { n($0.total) } ?? "", n(explanation.planObjective), "0", explanation.planStatus.rawValue, "",
            ([explanation.outcome] + [explanation.note].compactMap { $0 }).joined(separator: "; "),
        ])
        for contrast in explanation.contrasts {
            lines.append([
                "contrast", contrast.position, contrast.cadre, names.cadre(contrast.cadre), n(contrast.fit.total),
                contrast.objective.map(n) ?? "", contrast.loss.map(n) ?? "", contrast.status.rawValue,
                contrast.brokenRules.map(\.rule).joined(separator: "; "),
                (contrast.brokenRules.map(\.text) + [contrast.tie?.text].compactMap { $0 }).joined(separator: "; "),
            ])
        }
        for item in explanation.leftOut {
            lines.append(["left out", item.position, item.cadre, names.cadre(item.cadre), "", "", "", "", "", item.reason])
        }
        return CSVText.document(lines)
    }

    /// The names and numbers of a report in one language: the plan table's names, titles by
    /// the vocabulary's Vietnamese label in Vietnamese.
    struct Wording {
        let words: Words
        let names: RoundNames
        let scenario: Scenario

        init(_ scenario: Scenario, _ language: ReportLanguage) {
            words = .of(language)
            names = RoundNames(scenario, words)
            self.scenario = scenario
        }

        func number(_ value: Double) -> String { words.number(value) }

        func person(_ id: String?) -> String { id.map(names.person) ?? words("common.nobody") }

        /// "P-AL-SEC secretary, Xã An Lão"; in Vietnamese "P-AL-SEC Bí thư, Xã An Lão".
        func post(_ id: String) -> String { names.postWithID(id) }

        /// A code of the document (an outcome, a status) in words: the code itself in English.
        func code(_ prefix: String, _ code: String) -> String {
            guard words.language == .vi else { return code }
            let key = "explain.\(prefix).\(code.replacingOccurrences(of: " ", with: "_"))"
            return words.has(key) ? words(key) : code
        }

        /// A rule as a line names it: its key in English, its name in Vietnamese.
        func rule(_ key: String) -> String { words.ruleInText(key) }

        func fitLine(_ fit: FitParts) -> String {
            var line = words(
                "explain.fit",
                [
                    "total": number(fit.total), "rating": number(fit.rating), "fieldMatch": number(fit.fieldMatch),
                    "continuity": number(fit.continuity),
                ])
            if fit.movePrice > 0 { line += words("explain.fit.move", ["price": number(fit.movePrice)]) }
            for penalty in fit.penalties { line += " − \(rule(penalty.rule)) \(number(penalty.cost))" }
            return line
        }

        /// What forcing the assignment does to the plan's objective, read the right way round: a
        /// forced plan that scores higher only because the rules it breaks are set aside is no
        /// better plan (issue 19: "gains 1.95" read as if it were).
        func outcome(of contrast: Contrast, objective: Double, loss: Double) -> String {
            let values = ["objective": number(objective), "difference": number(abs(loss))]
            if loss >= 0 { return words("explain.contrast.loses", values) }
            return words(contrast.brokenRules.isEmpty ? "explain.contrast.gains" : "explain.contrast.gainsByBreaking", values)
        }
    }

    public static func text(_ explanation: Explanation, scenario: Scenario, language: ReportLanguage = .en) -> String {
        let say = Wording(scenario, language)
        let words = say.words
        var out = ""
        let isPost = explanation.subject.hasPrefix("post ")
        let outcome = say.code("outcome", explanation.outcome)
        if isPost, let position = explanation.position {
            out += "\(say.post(position)): \(say.person(explanation.cadre)) (\(outcome))\n"
        } else if let cadre = explanation.cadre {
            // A post and what happens in it; without a post, the outcome once ("retired").
            out += "\(say.person(cadre)): \(explanation.position.map { "\(say.post($0)) (\(outcome))" } ?? outcome)\n"
        }
        if let fit = explanation.fit { out += "  \(say.fitLine(fit))\n" }
        if let exempt = explanation.exemptAsIncumbent, let cadre = explanation.cadre {
            // The runners-up below may be "not planned for" a post whose holder is not either.
            let rules = exempt.map { "\(say.rule($0.rule)): \($0.text)" }.joined(separator: "; ")
            out += "  " + words("explain.exemptAsIncumbent", ["cadre": cadre, "rules": rules]) + "\n"
        }
        out +=
            "  "
            + words(
                "explain.objective",
                ["objective": say.number(explanation.planObjective), "status": say.code("status", explanation.planStatus.rawValue)])
            + "\n"
        if explanation.note != nil, let cadre = explanation.cadre, let position = explanation.position {
            // --why-not asked about the holder: the plan already says yes, with names here.
            out += "\n" + words("explain.alreadyHolds", ["cadre": say.person(cadre), "post": say.post(position)]) + "\n"
        }
        if !explanation.contrasts.isEmpty {
            out +=
                "\n"
                + (isPost
                    // A --why-not leaves no one out; a post's runners-up leave out at least those
                    // the rules keep out (a review's post with one runner-up read "Forced").
                    ? (explanation.contrasts.count == 1 && explanation.leftOut.isEmpty && explanation.othersKeptOut == 0
                        ? words("explain.heading.forced") : words("explain.heading.runnersUp"))
                    : words("explain.heading.otherPosts")) + "\n"
            for contrast in explanation.contrasts {
                let who = isPost ? say.person(contrast.cadre) : say.post(contrast.position)
                out += "  \(who): \(say.fitLine(contrast.fit))\n"
                if !contrast.brokenRules.isEmpty {
                    out +=
                        "    " + words("explain.contrast.breaks")
                        + contrast.brokenRules.map { "\(say.rule($0.rule)): \($0.text)" }.joined(separator: "; ") + "\n"
                }
                guard let objective = contrast.objective, let loss = contrast.loss else {
                    let status = language == .vi ? say.code("sentence", contrast.status.rawValue) : contrast.status.sentence
                    // Only a proof that no plan holds the pair says so; a search stopped in
                    // time or by a signal settled nothing.
                    let key = contrast.status == .infeasible ? "explain.contrast.noPlan" : "explain.contrast.unsettled"
                    out += "    " + words(key, ["status": status]) + "\n"
                    continue
                }
                out += "    " + say.outcome(of: contrast, objective: objective, loss: loss) + "\n"
                if let tie = contrast.tie { out += "    \(tie.text)\n" }
                let others = contrast.changes.filter { $0.cadre != contrast.cadre }
                if !others.isEmpty {
                    let none = words("common.none")
                    // Names beside the ids and posts by title and unit, as the table shows them
                    // everywhere else; parted by semicolons, as a post's words hold a comma.
                    let shown = others.prefix(6).map {
                        "\(say.person($0.cadre)): \($0.inPlan.map(say.post) ?? none) → \($0.instead.map(say.post) ?? none)"
                    }
                    .joined(separator: "; ")
                    let more = others.count > 6 ? "; " + words("common.andMore", count: others.count - 6) : ""
                    out += "    " + words("explain.contrast.others", ["changes": shown + more]) + "\n"
                }
            }
        }
        if !explanation.leftOut.isEmpty || explanation.othersKeptOut > 0 {
            out += "\n" + words("explain.heading.leftOut") + "\n"
            for item in explanation.leftOut {
                out += "  \(isPost ? say.person(item.cadre) : say.post(item.position)): \(item.reason)\n"
            }
            if explanation.othersKeptOut > 0 {
                out += "  " + words("explain.leftOut.others", count: explanation.othersKeptOut) + "\n"
            }
        }
        return out
    }
}
