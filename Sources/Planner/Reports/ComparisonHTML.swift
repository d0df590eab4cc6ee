import Foundation

/// A comparison of variants as a page for the committee (`planner compare --format html`): the
/// variants side by side, each figure beside its target; what each policy choice costs (the
/// objective's change against the first scenario, the base, and what the variant changes);
/// a chart of those changes; then every post and cadre whose plan differs from the base's.
/// One self-contained page in the report's frame (`HTMLPage`): nothing is fetched when it is
/// opened.
struct ComparisonPage {
    let comparison: Comparison
    let words: Words
    let language: ReportLanguage
    /// The base's words for titles and names, else the first scenario read.
    let names: RoundNames?

    /// Rows a difference table shows before it says how many more there are.
    static let differenceRows = 200

    init(_ comparison: Comparison, language: ReportLanguage) {
        self.comparison = comparison
        self.language = language
        words = Words.of(language)
        names = comparison.scenariosRead.compactMap { $0 }.first.map { RoundNames($0, Words.of(language)) }
    }

    var columns: [Comparison.Column] { comparison.scenarios }
    func scenario(_ index: Int) -> Scenario? { index < comparison.scenariosRead.count ? comparison.scenariosRead[index] : nil }
    func escape(_ text: String) -> String { HTMLReport.escape(text) }
    func nfc(_ text: String) -> String { text.precomposedStringWithCanonicalMapping }
    func fileName(_ column: Comparison.Column) -> String { TextSafety.visible(URL(fileURLWithPath: column.file).lastPathComponent) }

    /// A variant by its name, else its file's name: a variant without a name of its own
    /// carries its base's, which would not tell the two apart.
    func label(_ index: Int) -> String {
        let column = columns[index]
        guard let name = column.name, index == 0 || name != columns[0].name else { return fileName(column) }
        return nfc(TextSafety.visible(name))
    }

    func hasPlan(_ column: Comparison.Column) -> Bool { column.status == "optimal" || column.status == "feasible" }

    func render() -> String {
        let base = columns.isEmpty ? "" : label(0)
        let title = words("compare.page.title", ["base": base, "count": String(columns.count)])
        var body = "<header>\n<p class=\"kicker\">\(escape(words("compare.page.kicker")))</p>\n<h1>\(escape(title))</h1>\n"
        body += "<p>\(escape(words("compare.page.intro")))</p>\n"
        // Files that look like another round, as the table notes them.
        for note in comparison.roundNotes(words, name: { fileName(columns[$0]) }) { body += "<p>\(escape(note))</p>\n" }
        body += "</header>\n"
        body += sideBySide()
        body += costs()
        body += differences()
        body += problems()
        return HTMLPage.document(title: title, language: language, body: body)
    }

    // MARK: The variants side by side

    /// One figure of a plan: its value, and its target under a scenario's policy (nil: none).
    struct Measure {
        var name: String
        var value: (PlanFigures) -> String
        /// Under a policy, with the plan's figures for a target the round computes (the moves' cap).
        var target: (Policy, PlanFigures?) -> String?
    }

    var measures: [Measure] {
        let w = words
        func of(_ part: Int, _ whole: Int, _ share: Double?) -> String {
            "\(part)/\(whole)" + (share.map { " (\(w.percent($0)))" } ?? "")
        }
        let youthAge = scenario(0)?.policy.youth.age ?? Policy().youth.age
        return [
            Measure(
                name: w("compare.page.women"), value: { of($0.womenInLeadership, $0.leadershipPostsFilled, $0.womenShare) },
                target: { policy, _ in policy.women.mode.isActive ? "≥ \(w.percent(policy.women.minShare))" : nil }),
            Measure(
                name: w("compare.page.teamsWithAWoman"), value: { "\($0.teamsWithAWoman)/\($0.leadershipTeams)" },
                target: { policy, _ in policy.womenPerTeam.mode.isActive ? w("compare.target.everyTeam") : nil }),
            Measure(
                name: w("compare.page.young", ["age": String(youthAge)]),
                value: { f in
                    w(
                        "compare.page.youngValue",
                        [
                            "young": String(f.youngInGrassrootsTeams), "met": String(f.grassrootsTeamsMeetingYouth),
                            "teams": String(f.grassrootsTeams),
                        ])
                },
                target: { policy, _ in
                    policy.youth.mode.isActive ? w("compare.target.perTeam", ["count": String(policy.youth.minPerTeam)]) : nil
                }),
            Measure(
                name: w("compare.page.nonLocal"), value: { of($0.nonLocalListedHeads, $0.listedHeadPostsFilled, $0.nonLocalShare) },
                target: { policy, _ in policy.nonLocalHeads.mode.isActive ? "≥ \(w.percent(policy.nonLocalHeads.minShare))" : nil }),
            Measure(
                name: w("compare.page.ageBalance"), value: { "\($0.ageBalanceTeamsMet)/\($0.ageBalanceTeams)" },
                target: { policy, _ in
                    policy.ageBalance.mode.isActive ? w("compare.target.bands", ["count": String(policy.ageBalance.minBands)]) : nil
                }),
            Measure(name: w("compare.page.vacancies"), value: { String($0.vacancies) }, target: { _, _ in nil }),
            Measure(
                name: w("compare.page.moves"), value: { String($0.moves) },
                target: { _, figures in figures?.movesLimit.map { "≤ \($0)" } }),
            Measure(name: w("compare.page.appointments"), value: { String($0.appointments) }, target: { _, _ in nil }),
            Measure(name: w("compare.page.releases"), value: { String($0.releases) }, target: { _, _ in nil }),
            Measure(name: w("compare.page.retirements"), value: { String($0.retirements) }, target: { _, _ in nil }),
        ]
    }

    /// The objective's change against the base's, signed, with its share of the base's ("−5 (−3.1 %)").
    func change(_ index: Int) -> (amount: Double, text: String)? {
        guard index > 0, let baseObjective = columns.first?.objective, hasPlan(columns[0]), hasPlan(columns[index]),
            let objective = columns[index].objective
        else { return nil }
        let amount = objective - baseObjective
        var text = (amount > 0 ? "+" : amount < 0 ? "−" : "") + words.figure(abs(amount))
        if baseObjective != 0 { text += " (\(amount > 0 ? "+" : amount < 0 ? "−" : "")\(words.percent(abs(amount / baseObjective))))" }
        return (amount, text)
    }

    /// Variants a printed table holds, the base among them: a comparison of more prints as
    /// several tables, each with the base, so that every column is on the page.
    static let printedVariants = 4

    /// A table of some of the variants (their indices), made by `table`: all of them on screen,
    /// where a wide table scrolls; in print, groups of `printedVariants`, the base first in each.
    func grouped(_ table: ([Int]) -> String) -> String {
        let all = Array(columns.indices)
        guard all.count > Self.printedVariants else { return "<div class=\"scroll\">\n" + table(all) + "</div>\n" }
        var html = "<div class=\"scroll screen-only\">\n" + table(all) + "</div>\n"
        let others = Array(all.dropFirst())
        for start in stride(from: 0, to: others.count, by: Self.printedVariants - 1) {
            let group = [0] + others[start..<min(start + Self.printedVariants - 1, others.count)]
            html += "<div class=\"scroll print-only\">\n" + table(group) + "</div>\n"
        }
        return html
    }

    func sideBySide() -> String {
        var html = "<section id=\"variants\">\n<h2>\(escape(words("compare.page.variants")))</h2>\n"
        html += WhatIfPageStyle.block
        html += grouped(sideBySide)
        html += chart()
        return html + "</section>\n"
    }

    /// The figures of the variants at `shown` side by side, each beside the base's target.
    func sideBySide(_ shown: [Int]) -> String {
        let baseTargets = scenario(0)?.policy
        // Not the report's `figures` table, whose cells do not wrap: a column per variant must.
        var html = "<table class=\"variants\">\n<thead><tr>"
        html += "<th class=\"label\">\(escape(words("compare.page.figure")))</th>"
        html += "<th>\(escape(words("compare.page.target")))</th>"
        for index in shown {
            html += "<th>\(escape(label(index)))"
            if index == 0 { html += "<br><small>(\(escape(words("compare.page.base"))))</small>" }
            if label(index) != fileName(columns[index]) { html += "<br><small>\(escape(fileName(columns[index])))</small>" }
            html += "</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        func row(_ name: String, target: String, _ cells: [String]) {
            // A target is short ("≥ 25.0 %"): kept on one line rather than broken before its "%".
            html += "<tr><th scope=\"row\">\(escape(name))</th><td class=\"target\">\(escape(target))</td>"
            html += cells.map { "<td>\(escape($0))</td>" }.joined() + "</tr>\n"
        }
        row(
            words("compare.page.status"), target: "",
            shown.map { words.sentence(words.shortStatus(columns[$0].status, gap: columns[$0].gap)) })
        row(words("compare.page.objective"), target: "", shown.map { columns[$0].objective.map(words.figure) ?? "–" })
        row(words("compare.page.change"), target: "", shown.map { change($0)?.text ?? "–" })
        for measure in measures {
            let baseTarget = baseTargets.flatMap { measure.target($0, columns.first?.figures) }
            let cells = shown.map { index -> String in
                guard hasPlan(columns[index]), let figures = columns[index].figures else { return "–" }
                var cell = measure.value(figures)
                // A variant that sets another target says so in its cell: that is its policy choice.
                if index > 0, let policy = scenario(index)?.policy, measure.target(policy, figures) != baseTarget {
                    cell += " (" + words("compare.page.targetOf", ["target": measure.target(policy, figures) ?? "–"]) + ")"
                }
                return cell
            }
            row(measure.name, target: baseTarget ?? "–", cells)
        }
        return html + "</tbody>\n</table>\n"
    }

    /// Each variant's change of the objective against the base, as bars either side of zero:
    /// a cost to the left, a gain to the right.
    func chart() -> String {
        // A long name would be cut to the label column, and variants of one round often share
        // its start: such a variant goes by its file there.
        func chartLabel(_ index: Int) -> String { label(index).count <= 30 ? label(index) : fileName(columns[index]) }
        let changes = columns.indices.dropFirst().compactMap { index in change(index).map { (label: chartLabel(index), $0.amount, $0.text) }
        }
        guard !changes.isEmpty else { return "" }
        let title = words("compare.page.chart")
        let width = SVGCharts.width
        let labelWidth = SVGCharts.labelWidth
        let barHeight = 16.0
        let gap = 8.0
        let valueRoom = 120.0
        let half = (width - labelWidth - 2 * valueRoom) / 2
        let zero = labelWidth + valueRoom + half
        let largest = max(changes.map { abs($0.1) }.max() ?? 0, 1e-9)
        var body = ""
        var y = 6.0
        for (label, amount, text) in changes {
            let shown = label.count > 30 ? String(label.prefix(29)) + "…" : label
            body += SVGCharts.text(x: 0, y: y + barHeight - 3, shown, attributes: "class=\"label\"")
            let length = abs(amount) / largest * half
            let x = amount < 0 ? zero - length : zero
            body +=
                "<rect class=\"\(amount < 0 ? "women" : "after")\" x=\"\(SVGCharts.f(x))\" y=\"\(SVGCharts.f(y))\" width=\"\(SVGCharts.f(length))\" height=\"\(SVGCharts.f(barHeight))\"/>"
            body +=
                amount < 0
                ? SVGCharts.text(x: x - 4, y: y + barHeight - 3, text, attributes: "class=\"caption\" text-anchor=\"end\"")
                : SVGCharts.text(x: x + length + 4, y: y + barHeight - 3, text, attributes: "class=\"caption\"")
            y += barHeight + gap
        }
        body += "<line class=\"marker\" x1=\"\(SVGCharts.f(zero))\" y1=\"0\" x2=\"\(SVGCharts.f(zero))\" y2=\"\(SVGCharts.f(y))\"/>"
        let svg =
            "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 \(SVGCharts.f(width)) \(SVGCharts.f(y + 4))\" width=\"100%\">"
            + "<title>\(escape(title))</title>" + body + "</svg>"
        return HTMLReport.figure(title, svg)
    }

    // MARK: What each policy choice costs

    func costs() -> String {
        guard columns.count > 1 else { return "" }
        var html = "<section id=\"costs\">\n<h2>\(escape(words("compare.page.costs")))</h2>\n"
        html += "<p>\(escape(words("compare.page.costsNote")))</p>\n"
        let baseRows = comparison.figureRows(words)
        for index in columns.indices.dropFirst() {
            let column = columns[index]
            html += "<article class=\"unit\">\n<h3>\(escape(label(index)))</h3>\n"
            let cost: String
            if !hasPlan(column) {
                cost = words("compare.cost.noPlan", ["status": words.plainStatus(column.status, gap: column.gap)])
            } else if !hasPlan(columns[0]) {
                cost = words("compare.cost.baseNoPlan")
            } else if let (amount, _) = change(index), let baseObjective = columns[0].objective {
                let share = baseObjective == 0 ? "–" : words.percent(abs(amount / baseObjective))
                if abs(amount) < 0.005 {
                    cost = words("compare.cost.same")
                } else {
                    cost = words(
                        amount < 0 ? "compare.cost.lower" : "compare.cost.higher", ["amount": words.figure(abs(amount)), "share": share])
                }
            } else {
                cost = words("compare.cost.baseNoPlan")
            }
            html += "<p><strong>\(escape(cost))</strong></p>\n"
            if let base = scenario(0), let variant = scenario(index) {
                let changes = Self.settingChanges(from: base, to: variant, words) + dataChanges(from: base, to: variant)
                if changes.isEmpty {
                    html += "<p>\(escape(words("compare.settings.none")))</p>\n"
                } else {
                    html += "<p>\(escape(words("compare.settings.heading")))</p>\n<ul class=\"why\">"
                    html += changes.map { "<li>\(escape(words.sentence($0)))</li>" }.joined() + "</ul>\n"
                }
            }
            if hasPlan(column), hasPlan(columns[0]) {
                // The table's figure rows (after status, objective and gap) that differ from the base's.
                let changed = baseRows.dropFirst(3).filter { $0[index + 1] != $0[1] }.map { "\($0[0]) \($0[1]) → \($0[index + 1])" }
                html +=
                    "<p>\(escape(changed.isEmpty ? words("compare.figuresSame") : words("compare.figuresChange", ["list": changed.joined(separator: "; ")])))</p>\n"
                let posts = comparison.positions.filter { $0.holders[index] != $0.holders[0] }.count
                let cadres = comparison.cadres.filter { $0.posts[index] != $0.posts[0] }.count
                html += "<p>\(escape(words("compare.holdersChange", ["posts": String(posts), "cadres": String(cadres)])))</p>\n"
            }
            html += "</article>\n"
        }
        return html + "</section>\n"
    }

    /// The settings (policy and objective) a variant sets otherwise than the base, one line each
    /// ("Tenure: hard → off"), read from the settings as the scenario writer lays them out, in
    /// the rule registry's order.
    static func settingChanges(from base: Scenario, to variant: Scenario, _ words: Words) -> [String] {
        let before = settings(base)
        let after = settings(variant)
        var lines: [String] = []
        let ruleOrder = Policy.rules.map(\.key) + ["succession"]
        let policyKeys = Set(before.policy.keys).union(after.policy.keys).sorted {
            (ruleOrder.firstIndex(of: $0) ?? ruleOrder.count, $0) < (ruleOrder.firstIndex(of: $1) ?? ruleOrder.count, $1)
        }
        func ruleName(_ key: String) -> String {
            words.sentence(key == "succession" ? words("compare.settings.succession") : words.ruleName(key))
        }
        func parameterName(_ key: String) -> String { words.has("compare.parameter.\(key)") ? words("compare.parameter.\(key)") : key }
        /// The lines of one block: a rule's (with a mode) or a group of settings (`readiness`),
        /// named by `name`; a block within it is a rule of its own or a group named after its parent.
        func block(_ name: String, rule: String, _ old: [String: Any], _ new: [String: Any]) {
            if old["mode"] != nil || new["mode"] != nil, modeText(old, words) != modeText(new, words) {
                lines.append("\(name): \(modeText(old, words)) → \(modeText(new, words))")
            }
            for key in Set(old.keys).union(new.keys).sorted() where key != "mode" && key != "price" {
                let oldBlock = old[key] as? [String: Any]
                let newBlock = new[key] as? [String: Any]
                if oldBlock != nil || newBlock != nil {
                    let inner = (oldBlock ?? [:], newBlock ?? [:])
                    if inner.0["mode"] != nil || inner.1["mode"] != nil {
                        block(ruleName("\(rule).\(key)"), rule: "\(rule).\(key)", inner.0, inner.1)
                    } else {
                        block("\(name), \(parameterName(key))", rule: rule, inner.0, inner.1)
                    }
                    continue
                }
                let from = valueText(old[key], words)
                let to = valueText(new[key], words)
                if from != to { lines.append("\(name), \(parameterName(key)): \(from) → \(to)") }
            }
        }
        for rule in policyKeys {
            block(ruleName(rule), rule: rule, before.policy[rule] as? [String: Any] ?? [:], after.policy[rule] as? [String: Any] ?? [:])
        }
        for key in ["rating", "fieldMatch", "continuity", "movePrice", "vacancyPrice"] {
            let from = valueText(before.objective[key], words)
            let to = valueText(after.objective[key], words)
            guard from != to else { continue }
            let weight = words.has("compare.weight.\(key)") ? words("compare.weight.\(key)") : key
            lines.append("\(words.sentence(words("compare.settings.objective"))), \(weight): \(from) → \(to)")
        }
        return lines
    }

    /// A scenario's policy and objective blocks, as the scenario writer lays them out, with
    /// the succession block always there (the writer leaves out one that is all defaults).
    static func settings(_ scenario: Scenario) -> (policy: [String: Any], objective: [String: Any]) {
        func read(_ scenario: Scenario) -> [String: Any] {
            (try? JSONSerialization.jsonObject(with: ScenarioWriter.encodeSettings(scenario))) as? [String: Any] ?? [:]
        }
        let object = read(scenario)
        var policy = object["policy"] as? [String: Any] ?? [:]
        if policy["succession"] == nil {
            // Defaults, then: written by listing a key post, which is taken out again.
            var listed = scenario
            listed.policy.succession.keyPositions = ["-"]
            var succession = (read(listed)["policy"] as? [String: Any])?["succession"] as? [String: Any] ?? [:]
            succession["keyPositions"] = nil
            policy["succession"] = succession
        }
        return (policy, object["objective"] as? [String: Any] ?? [:])
    }

    /// A rule's mode in words, with its price when soft.
    static func modeText(_ block: [String: Any], _ words: Words) -> String {
        switch block["mode"] as? String {
        case "hard": return words("compare.mode.hard")
        case "soft":
            return (block["price"]).map { words("compare.mode.softPriced", ["price": valueText($0, words)]) } ?? words("compare.mode.soft")
        case "off": return words("compare.mode.off")
        case let other?: return other
        case nil: return "–"
        }
    }

    static func valueText(_ value: Any?, _ words: Words) -> String {
        switch value {
        case nil: return "–"
        case let number as NSNumber:
            // JSON's true and false arrive as NSNumber too, of type char ("c").
            if String(cString: number.objCType) == "c" { return number.boolValue ? words("common.yes") : words("common.no") }
            return words.decimal(ScenarioWriter.plainNumber(number.doubleValue))
        case let text as String: return text
        case let list as [Any]: return list.isEmpty ? words("common.none") : list.map { valueText($0, words) }.joined(separator: ", ")
        case let object as [String: Any]:
            return object.keys.sorted().map { "\($0) \(valueText(object[$0], words))" }.joined(separator: ", ")
        default: return "\(value!)"
        }
    }

    /// Pinned or forbidden pairs a list lists at most before it says how many more there are.
    static let pairsListed = 20

    /// The records a variant changes: cadres and posts by name and id, the pinned and forbidden
    /// pairs it adds or takes away (cadre → post, by name, title and unit), and whether the
    /// units or localities differ.
    func dataChanges(from base: Scenario, to variant: Scenario) -> [String] {
        func changed<T: Equatable>(_ old: [T], _ new: [T], id: (T) -> String) -> [String] {
            let before = Dictionary(old.map { (id($0), $0) }, uniquingKeysWith: { a, _ in a })
            let after = Dictionary(new.map { (id($0), $0) }, uniquingKeysWith: { a, _ in a })
            var ids: [String] = []
            var seen = Set<String>()
            for key in old.map(id) + new.map(id) where seen.insert(key).inserted && before[key] != after[key] { ids.append(key) }
            return ids
        }
        func list(_ items: [String]) -> String {
            items.prefix(10).joined(separator: ", ") + (items.count > 10 ? " " + words("common.andMore", count: items.count - 10) : "")
        }
        var lines: [String] = []
        let cadres = changed(base.cadres, variant.cadres, id: \.id)
        if !cadres.isEmpty {
            let named = cadres.map { id in
                let name = (variant.cadres.first { $0.id == id } ?? base.cadres.first { $0.id == id }).map { nfc($0.name) }
                return name.map { "\($0) (\(id))" } ?? id
            }
            lines.append(words("compare.data.cadres", ["list": list(named)]))
        }
        let posts = changed(base.positions, variant.positions, id: \.id)
        if !posts.isEmpty {
            lines.append(words("compare.data.posts", ["list": list(posts.map { id in names.map { "\($0.post(id)) (\(id))" } ?? id })]))
        }
        // Each pair by the words of the scenario that has it: an added pair's, the variant's.
        let baseNames = RoundNames(base, words)
        let variantNames = RoundNames(variant, words)
        func pairs(_ key: String, _ listed: [AssignmentPair], missingFrom other: [AssignmentPair], _ names: RoundNames) {
            let others = Set(other)
            var seen = Set<AssignmentPair>()
            let changed = listed.filter { !others.contains($0) && seen.insert($0).inserted }
            guard !changed.isEmpty else { return }
            let shown = changed.prefix(Self.pairsListed).map { pair in
                let name = names.name(pair.cadre)
                return "\(name.isEmpty ? pair.cadre : name) → \(names.post(pair.position))"
            }
            let more = changed.count > Self.pairsListed ? " " + words("common.andMore", count: changed.count - Self.pairsListed) : ""
            lines.append(words(key, ["list": TextSafety.visible(shown.joined(separator: "; ")) + more]))
        }
        pairs("compare.data.pinnedAdded", variant.pinned, missingFrom: base.pinned, variantNames)
        pairs("compare.data.pinnedRemoved", base.pinned, missingFrom: variant.pinned, baseNames)
        pairs("compare.data.forbiddenAdded", variant.forbidden, missingFrom: base.forbidden, variantNames)
        pairs("compare.data.forbiddenRemoved", base.forbidden, missingFrom: variant.forbidden, baseNames)
        if base.units != variant.units || base.localities != variant.localities {
            lines.append(words("compare.data.other"))
        }
        return lines
    }

    // MARK: What differs, post by post

    func differences() -> String {
        var html = "<section id=\"differences\">\n"
        guard !comparison.cadres.isEmpty || !comparison.positions.isEmpty else {
            // Only what the plans there are show: the base or every other variant may have none.
            let key: String
            let others = columns.dropFirst()
            if let base = columns.first, !hasPlan(base) {
                key = "compare.page.baseNoPlan"
            } else if !others.isEmpty && !others.contains(where: hasPlan) {
                key = "compare.page.noOtherPlan"
            } else if others.contains(where: { !hasPlan($0) }) {
                key = "compare.page.sameHoldersWithPlan"
            } else {
                key = "compare.page.sameHolders"
            }
            return html + "<p>\(escape(words(key)))</p>\n</section>\n"
        }
        let variantHeaders = columns.indices.map { label($0) }
        // A column without a plan has no holders to show: not "vacant", not "no post".
        func planned(_ index: Int) -> Bool { hasPlan(columns[index]) }
        func post(_ id: String?) -> String {
            guard let id else { return words("compare.page.noPost") }
            return names.map { words.sentence($0.post(id)) } ?? id
        }
        func person(_ id: String?) -> String {
            guard let id else { return words.sentence(words("common.vacant")) }
            let name = names?.name(id) ?? ""
            return name.isEmpty ? id : name
        }
        /// A difference's cell: the mark in a column without a plan, "not in this scenario" for a
        /// cadre or post the column's scenario does not have, else the value.
        func cell(_ index: Int, exists: Bool, _ value: () -> String) -> String {
            guard planned(index) else { return "–" }
            return exists ? value() : words("compare.page.notInScenario")
        }
        html += "<h2>\(escape(words("compare.page.cadresDiffer", ["count": String(comparison.cadres.count)])))</h2>\n"
        html += grouped { shown in
            HTMLReport.table(
                header: [words("compare.page.name")] + shown.map { variantHeaders[$0] },
                rows: comparison.cadres.prefix(Self.differenceRows).map { difference in
                    [nfc(difference.name)]
                        + shown.map { index in
                            cell(index, exists: comparison.has(cadre: difference.cadre, in: index) || difference.posts[index] != nil) {
                                post(difference.posts[index])
                            }
                        }
                }, className: "team")
        }
        html += more(comparison.cadres.count)
        html += "<h2>\(escape(words("compare.page.postsDiffer", ["count": String(comparison.positions.count)])))</h2>\n"
        html += grouped { shown in
            HTMLReport.table(
                header: [words("compare.page.post")] + shown.map { variantHeaders[$0] },
                rows: comparison.positions.prefix(Self.differenceRows).map { difference in
                    [post(difference.position)]
                        + shown.map { index in
                            cell(index, exists: comparison.has(post: difference.position, in: index) || difference.holders[index] != nil) {
                                person(difference.holders[index])
                            }
                        }
                }, className: "team")
        }
        html += more(comparison.positions.count)
        return html + "</section>\n"
    }

    func more(_ count: Int) -> String {
        count > Self.differenceRows ? "<p>\(escape(words("compare.page.more", ["count": String(count - Self.differenceRows)])))</p>\n" : ""
    }

    /// The variants without a plan, each with why (the solver side's record, as `solve` says it).
    func problems() -> String {
        let failed = columns.filter { $0.error != nil }
        guard !failed.isEmpty else { return "" }
        var html = "<section id=\"problems\">\n<h2>\(escape(words("compare.page.problems")))</h2>\n<ul>\n"
        for column in failed {
            html +=
                "<li><strong>\(escape(TextSafety.visible(column.file)))</strong>: \(escape(TextSafety.visible(column.error ?? "")))</li>\n"
        }
        return html + "</ul>\n</section>\n"
    }
}
