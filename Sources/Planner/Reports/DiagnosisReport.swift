import Foundation

/// Renders a diagnosis for people (the committee reads it under the plan's status), or as its
/// JSON document.
public enum DiagnosisReport {
    public static func render(_ diagnosis: Diagnosis, format: PlanReport.Format) -> Data {
        switch format {
        case .json: PlanReport.json(diagnosis)
        case .table: Data(text(diagnosis).utf8)
        case .csv: Data(csv(diagnosis).utf8)
        case .html: HTMLPage.preformatted(title: "Diagnosis", language: .en, text: text(diagnosis))
        }
    }

    /// One row per rule instance: in the fewest to relax, in the irreducible conflict, or both.
    public static func csv(_ diagnosis: Diagnosis) -> String {
        var lines = [["set", "rule", "subject", "text", "kept_out"]]
        for (set, items) in [("fewest", diagnosis.fewest), ("conflict", diagnosis.conflict)] {
            for item in items { lines.append([set, item.rule, item.subject, item.text, (item.keptOut ?? []).joined(separator: " ")]) }
        }
        return CSVText.document(lines)
    }

    public static func text(_ diagnosis: Diagnosis) -> String {
        guard diagnosis.infeasible else { return "The round has a feasible plan: no rules conflict.\n" }
        var out = ""
        if diagnosis.fewest.isEmpty {
            // The time ran out before the fewest were found; a conflict found first is still shown.
            out +=
                "The fewest rules to relax were not found within the time limit (`planner diagnose` with a longer --time-limit finds them).\n"
        } else {
            let n = diagnosis.fewest.count
            out += "Fewest rules to relax: \(n) rule instance\(n == 1 ? "" : "s")"
            switch diagnosis.fewestYieldsPlan {
            case true?: out += "; without \(n == 1 ? "it" : "them") the round has a plan (checked by solving)\n"
            case false?: out += "; without them the round still has no plan (a sampled relaxation: see docs/model.md)\n"
            case nil: out += "; the check that the round then has a plan ran out of time\n"
            }
            out += items(diagnosis.fewest)
        }
        if diagnosis.conflict.isEmpty {
            out += "\nNo conflicting set could be isolated within the time limit.\n"
        } else {
            let k = diagnosis.conflict.count
            out += "\nA conflict: \(k) rule instance\(k == 1 ? "" : "s") that cannot all hold"
            out +=
                diagnosis.irreducible
                ? "; dropping any one of them lets the others hold (each checked by solving)\n"
                : " (some deletion tests ran out of time: the set may not be irreducible)\n"
            out += items(diagnosis.conflict)
        }
        return out + "\nDiagnosed with \(diagnosis.solves) solves.\n"
    }

    static func items(_ list: [ConflictItem]) -> String {
        list.enumerated().map { "  \($0.offset + 1). \($0.element.rule), \($0.element.subject): \($0.element.text)\n" }.joined()
    }
}
