import Foundation

/// Renders an explanation for people (names from the scenario, as the plan's table shows them),
/// or as its JSON document.
public enum ExplanationReport {
    public static func render(_ explanation: Explanation, scenario: Scenario, format: PlanReport.Format) -> Data {
        switch format {
        case .json: PlanReport.json(explanation)
        case .table: Data(text(explanation, scenario: scenario).utf8)
        case .csv: Data(csv(explanation, scenario: scenario).utf8)
        case .html: HTMLPage.preformatted(title: explanation.subject, language: .en, text: text(explanation, scenario: scenario))
        }
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
            explanation.outcome,
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

    static func person(_ id: String?, _ names: PlanReport.Names) -> String {
        guard let id else { return "nobody" }
        let name = names.cadre(id)
        return name.isEmpty ? id : "\(id) \(name)"
    }

    static func fitLine(_ fit: FitParts) -> String {
        var line = "fit \(PlanReport.number(fit.total)) = rating \(PlanReport.number(fit.rating))"
        line += " + field match \(PlanReport.number(fit.fieldMatch)) + continuity \(PlanReport.number(fit.continuity))"
        if fit.movePrice > 0 { line += " − move \(PlanReport.number(fit.movePrice))" }
        for penalty in fit.penalties { line += " − \(penalty.rule) \(PlanReport.number(penalty.cost))" }
        return line
    }

    public static func text(_ explanation: Explanation, scenario: Scenario) -> String {
        let names = PlanReport.Names(scenario)
        var out = ""
        let isPost = explanation.subject.hasPrefix("post ")
        if isPost, let position = explanation.position {
            out += "\(names.post(position)): \(person(explanation.cadre, names)) (\(explanation.outcome))\n"
        } else if let cadre = explanation.cadre {
            out += "\(person(cadre, names)): \(explanation.position.map(names.post) ?? explanation.outcome) (\(explanation.outcome))\n"
        }
        if let fit = explanation.fit { out += "  \(fitLine(fit))\n" }
        out += "  The plan's objective: \(PlanReport.number(explanation.planObjective)) (\(explanation.planStatus.rawValue))\n"
        if !explanation.contrasts.isEmpty {
            out +=
                "\n"
                + (isPost
                    ? (explanation.contrasts.count == 1 && explanation.leftOut.isEmpty
                        ? "Forced, and re-solved:\n" : "Runners-up, each re-solved with them in the post:\n")
                    : "Other posts, each re-solved with them there:\n")
            for contrast in explanation.contrasts {
                let who = isPost ? person(contrast.cadre, names) : names.post(contrast.position)
                out += "  \(who): \(fitLine(contrast.fit))\n"
                if !contrast.brokenRules.isEmpty {
                    out +=
                        "    not eligible; forced anyway, it breaks "
                        + contrast.brokenRules.map { "\($0.rule): \($0.text)" }.joined(separator: "; ") + "\n"
                }
                guard let objective = contrast.objective, let loss = contrast.loss else {
                    out += "    no plan holds it: \(contrast.status.sentence)\n"
                    continue
                }
                out +=
                    "    the plan's objective would be \(PlanReport.number(objective)): \(loss >= 0 ? "loses" : "gains") \(PlanReport.number(abs(loss)))\n"
                if let tie = contrast.tie { out += "    \(tie.text)\n" }
                let others = contrast.changes.filter { $0.cadre != contrast.cadre }
                if !others.isEmpty {
                    let shown = others.prefix(6).map { "\($0.cadre) \($0.inPlan ?? "none") → \($0.instead ?? "none")" }.joined(
                        separator: ", ")
                    out += "    others who change post: \(shown)\(others.count > 6 ? " and \(others.count - 6) more" : "")\n"
                }
            }
        }
        if !explanation.leftOut.isEmpty || explanation.othersKeptOut > 0 {
            out += "\nLeft out:\n"
            for item in explanation.leftOut {
                out += "  \(isPost ? person(item.cadre, names) : names.post(item.position)): \(item.reason)\n"
            }
            if explanation.othersKeptOut > 0 { out += "  and \(explanation.othersKeptOut) more, each kept out by two or more rules\n" }
        }
        return out
    }
}
