import Foundation

/// Renders a diagnosis for people (the committee reads it under the plan's status), or as its
/// JSON document. The frame is in `language`; the items' texts are in the language the
/// diagnosis was made in (`Planner.diagnose(words:)`: English for JSON, the report's language
/// otherwise).
public enum DiagnosisReport {
    public static func render(_ diagnosis: Diagnosis, format: PlanReport.Format, language: ReportLanguage = .en) -> Data {
        switch format {
        case .json: PlanReport.json(diagnosis)
        case .table: Data(text(diagnosis, language: language).utf8)
        case .csv: Data(csv(diagnosis).utf8)
        case .html:
            HTMLPage.preformatted(
                title: Words.of(language)("diagnose.title"), round: diagnosis.scenario.name, language: language,
                text: text(diagnosis, language: language))
        }
    }

    /// One row per rule instance: in the fewest to relax, in the irreducible conflict, or both;
    /// first, the verdict (set "round", rule "status": `infeasible`, `feasible`, or `undecided`
    /// when the time limit left it open), so that the three differ in the file, not only in the
    /// exit code. Values are codes, the same in every language (docs/words.md): the verdict was
    /// English prose, "not settled within the time limit", even under --lang vi.
    public static func csv(_ diagnosis: Diagnosis) -> String {
        let verdict =
            switch diagnosis.infeasible {
            case true?: "infeasible"
            case false?: "feasible"
            case nil: "undecided"
            }
        var lines = [["set", "rule", "subject", "text", "kept_out"], ["round", "status", "", verdict, ""]]
        // What the text's qualifiers say, as plain values: whether no fewer rules can do, whether
        // the conflict is irreducible, and whether that was seen in the data or checked by solving.
        if diagnosis.infeasible == true {
            lines += [
                ["round", "fewest_proven", "", String(diagnosis.fewestProven), ""],
                ["round", "fewest_yields_plan", "", diagnosis.fewestYieldsPlan.map(String.init) ?? "", ""],
                ["round", "conflict_irreducible", "", String(diagnosis.irreducible), ""],
                ["round", "conflict_evident", "", String(diagnosis.conflictEvident), ""],
            ]
        }
        for (set, items) in [("fewest", diagnosis.fewest), ("conflict", diagnosis.conflict)] {
            for item in items { lines.append([set, item.rule, item.subject, item.text, (item.keptOut ?? []).joined(separator: " ")]) }
        }
        return CSVText.document(lines)
    }

    public static func text(_ diagnosis: Diagnosis, language: ReportLanguage = .en) -> String {
        let words = Words.of(language)
        switch diagnosis.infeasible {
        case false?: return words("diagnose.feasible") + "\n"
        case nil:
            let undecided = diagnosis.stopped == true ? words("diagnose.undecided.stopped") : words("diagnose.undecided")
            return undecided + "\n\n" + words("diagnose.solves", count: diagnosis.solves) + "\n"
        case true?: break
        }
        var out = ""
        if diagnosis.fewest.isEmpty {
            // The time ran out before the fewest were found; a conflict found first is still shown.
            out += (diagnosis.stopped == true ? words("diagnose.fewest.notFound.stopped") : words("diagnose.fewest.notFound")) + "\n"
        } else {
            let n = diagnosis.fewest.count
            let heading =
                diagnosis.fewestProven
                ? "diagnose.fewest" : (diagnosis.fewestCountedOnSample ? "diagnose.fewest.sampled" : "diagnose.fewest.unproven")
            out += words(heading, count: n)
            switch diagnosis.fewestYieldsPlan {
            case true?: out += words("diagnose.fewest.yields", count: n) + "\n"
            case false?: out += words("diagnose.fewest.stillNoPlan") + "\n"
            case nil: out += words("diagnose.fewest.unchecked") + "\n"
            }
            out += items(diagnosis.fewest, words)
        }
        if diagnosis.conflict.isEmpty {
            out += "\n" + (diagnosis.stopped == true ? words("diagnose.conflict.none.stopped") : words("diagnose.conflict.none")) + "\n"
        } else {
            let k = diagnosis.conflict.count
            out += "\n" + words("diagnose.conflict", count: k)
            // How it is known to be irreducible: from the data alone, or by a solve per deletion.
            let irreducible = diagnosis.conflictEvident ? "diagnose.conflict.evident" : "diagnose.conflict.irreducible"
            out += (diagnosis.irreducible ? words(irreducible, count: k) : words("diagnose.conflict.mayReduce")) + "\n"
            out += items(diagnosis.conflict, words)
        }
        return out + "\n" + words("diagnose.solves", count: diagnosis.solves) + "\n"
    }

    /// "  1. education, post P1: …": the rule by its key in English (as a policy file writes
    /// it), by its name in Vietnamese; the subject in the table's language.
    static func items(_ list: [ConflictItem], _ words: Words) -> String {
        list.enumerated().map { index, item in
            return "  \(index + 1). \(words.ruleInText(item.rule)), \(words.conflictSubject(item.subject)): \(item.text)\n"
        }.joined()
    }
}
