import Foundation

/// The committee's report of a round as one self-contained HTML file: styles and charts inline,
/// no script, font, image or link that would leave the machine when it is opened (a report
/// holds names), readable on a phone and printed on A4. Sections follow the order a committee
/// reads: what the plan is and what made it, the figures before and after beside their
/// targets, charts, the changes unit by unit with their reasons, the vacancy chains, and each
/// team before and after. The same plan and scenario give the same bytes: no clock is read.
public enum HTMLReport {
    public static func render(_ report: RoundReport, language: ReportLanguage) -> String {
        let words = ReportWords(language: language, report: report)
        let plan = report.plan
        var html = "<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        html += "<title>\(escape(words.nfc(plan.scenario.name)))</title>\n"
        html += "<style>\n\(stylesheet(runningHeader: words.nfc(plan.scenario.name)))</style>\n</head>\n<body>\n"
        html += header(report, words)
        html += figures(report, words)
        if plan.status.hasPlan {
            html += charts(report, words)
            html += chains(report, words)
            html += changes(report, words)
            html += teams(report, words)
            if let succession = report.succession { html += slates(succession, report, words) }
        } else if let proof = plan.infeasibility {
            html += "<section><h2>\(escape(words("report.noPlan.heading")))</h2>"
            // The rules in conflict, by their names in the report's language: the conflicts the
            // proof found before solving, else the diagnosis's smallest conflict. Their texts are
            // as the caller worded them (`Planner.reworded` for a report not in English), their
            // subjects in the report's language; ids, as the record has them.
            let conflicts = proof.conflicts ?? plan.diagnosis.map { [$0.conflict] }.map { $0.filter { !$0.isEmpty } } ?? []
            if conflicts.isEmpty {
                // The proof's own words are the record's (English): shown in an English report,
                // as the table shows them only in the record's language.
                if words.language == .en { html += "<p>\(escape(proof.text))</p>" }
                html += "<p>\(escape(words("report.noPlan.diagnose")))</p>"
            } else {
                html += "<p>\(escape(words("report.noPlan.conflicts")))</p><ol>"
                for conflict in conflicts.prefix(20) {
                    html +=
                        "<li>"
                        + conflict.map { item in
                            "<strong>\(escape(words.sentence(words.ruleName(item.rule))))</strong> (\(escape(words.words.conflictSubject(item.subject)))): \(escape(item.text))"
                        }.joined(separator: "; ") + "</li>"
                }
                html += "</ol>"
                if conflicts.count > 20 { html += "<p>… \(conflicts.count - 20)</p>" }
            }
            html += "</section>\n"
            // Slates made from the posts as they stand need no plan of the round (a review's
            // report dropped them without a word).
            if let succession = report.succession { html += slates(succession, report, words) }
        }
        html += "</body>\n</html>\n"
        return html
    }

    // MARK: Sections

    static func header(_ report: RoundReport, _ w: ReportWords) -> String {
        let plan = report.plan
        var html = "<header>\n<p class=\"kicker\">\(escape(w("report.kicker")))</p>\n"
        html += "<h1>\(escape(w.nfc(plan.scenario.name)))</h1>\n"
        html += "<p class=\"status \(plan.status.hasPlan ? "ok" : "none")\">\(escape(w.status))</p>\n<dl class=\"record\">\n"
        let produced = plan.producedBy
        let rows: [(String, String)] = [
            (w("report.record.planningYear"), String(plan.scenario.planningYear)),
            (w("report.record.sha256"), plan.scenario.sha256),
            (w("report.record.producedBy"), "planner \(produced.planner); \(produced.solver) \(produced.solverVersion)"),
            (w("report.record.objective"), plan.objective.map(w.number) ?? "–"),
        ]
        for (term, value) in rows { html += "<dt>\(escape(term))</dt><dd>\(escape(value))</dd>\n" }
        return html + "</dl>\n</header>\n"
    }

    static func figures(_ report: RoundReport, _ w: ReportWords) -> String {
        let before = report.before
        let after = report.after
        let policy = report.scenario.policy
        func of(_ part: Int, _ whole: Int, _ share: Double?) -> String {
            "\(part) / \(whole)" + (share.map { " (\(w.percent($0)))" } ?? "")
        }
        func young(_ f: PlanFigures) -> String {
            w(
                "report.figures.youngValue",
                [
                    "young": String(f.youngInGrassrootsTeams), "met": String(f.grassrootsTeamsMeetingYouth),
                    "teams": String(f.grassrootsTeams),
                ])
        }
        var rows: [[String]] = []
        rows.append([
            w("report.figures.women"),
            of(before.womenInLeadership, before.leadershipPostsFilled, before.womenShare),
            of(after.womenInLeadership, after.leadershipPostsFilled, after.womenShare),
            policy.women.mode.isActive ? "≥ \(w.percent(policy.women.minShare))" : "–",
        ])
        rows.append([
            w("report.figures.teamsWithAWoman"), "\(before.teamsWithAWoman) / \(before.leadershipTeams)",
            "\(after.teamsWithAWoman) / \(after.leadershipTeams)",
            policy.womenPerTeam.mode.isActive ? w("report.figures.everyTeam") : "–",
        ])
        rows.append([
            w("report.figures.young", ["age": String(policy.youth.age)]),
            young(before), young(after),
            policy.youth.mode.isActive ? w("report.figures.youngTarget", ["count": String(policy.youth.minPerTeam)]) : "–",
        ])
        rows.append([
            w("report.figures.nonLocalHeads"),
            of(before.nonLocalListedHeads, before.listedHeadPostsFilled, before.nonLocalShare),
            of(after.nonLocalListedHeads, after.listedHeadPostsFilled, after.nonLocalShare),
            policy.nonLocalHeads.mode.isActive ? "≥ \(w.percent(policy.nonLocalHeads.minShare))" : "–",
        ])
        rows.append([
            w("report.figures.ageBalance"),
            "\(before.ageBalanceTeamsMet) / \(before.ageBalanceTeams)",
            "\(after.ageBalanceTeamsMet) / \(after.ageBalanceTeams)",
            policy.ageBalance.mode.isActive
                ? w("report.figures.ageBalanceTarget", ["bands": String(policy.ageBalance.minBands)]) : "–",
        ])
        rows.append([w("report.figures.vacancies"), String(before.vacancies), String(after.vacancies), "–"])
        rows.append([
            w("report.figures.moves"), "–", String(after.moves), after.movesLimit.map { "≤ \($0)" } ?? "–",
        ])
        rows.append([w("report.figures.appointments"), "–", String(after.appointments), "–"])
        rows.append([w("report.figures.releases"), "–", String(after.releases), "–"])
        rows.append([w("report.figures.retirements"), "–", String(after.retirements), "–"])
        // With no plan there is no "after": the round as it stands, beside the targets.
        if !report.plan.status.hasPlan { rows = rows.map { [$0[0], $0[1], "–", $0[3]] } }
        let header = [w("report.column.figure"), w("report.column.before"), w("report.column.after"), w("report.column.target")]
        return
            "<section id=\"figures\">\n<h2>\(escape(w("report.section.figures")))</h2>\n"
            + table(header: header, rows: rows, className: "figures") + "</section>\n"
    }

    static func charts(_ report: RoundReport, _ w: ReportWords) -> String {
        let before = w("report.chart.before")
        let after = w("report.chart.after")
        var html = "<section id=\"charts\">\n<h2>\(escape(w("report.section.charts")))</h2>\n"

        // Age structure of the leadership: a row per age band, women and men stacked.
        let starts = report.scenario.policy.ageBalance.bandStarts
        let bandLabels = (0...starts.count).map { band -> String in
            if band == 0 { return w("report.chart.under", ["age": String(starts.first ?? 0)]) }
            if band == starts.count { return w("report.chart.andOver", ["age": String(starts[band - 1])]) }
            return "\(starts[band - 1])–\(starts[band] - 1)"
        }
        let ageBefore = report.ageStructure(after: false)
        let ageAfter = report.ageStructure(after: true)
        let ageRows = bandLabels.indices.map { band in
            SVGCharts.Row(
                label: bandLabels[band],
                bars: [
                    SVGCharts.Bar(caption: before, segments: [(ageBefore[band].women, "women"), (ageBefore[band].men, "men")]),
                    SVGCharts.Bar(caption: after, segments: [(ageAfter[band].women, "women"), (ageAfter[band].men, "men")]),
                ])
        }
        let ageTitle = w("report.chart.ageAndSex")
        html += figure(
            ageTitle,
            SVGCharts.horizontalBars(
                title: ageTitle, rows: ageRows, legend: [(w.sex(.female), "women"), (w.sex(.male), "men")]))

        let teamsBefore = report.teamCounts(after: false)
        let teamsAfter = report.teamCounts(after: true)
        let legend = [(w("report.chart.beforeTheRound"), "before"), (after, "after")]
        func perTeam(_ title: String, grassrootsOnly: Bool, count: ((unit: OrgUnit, women: Int, young: Int)) -> Int, marker: Int?) {
            let indices = teamsBefore.indices.filter { !grassrootsOnly || teamsBefore[$0].unit.grassroots }
            guard !indices.isEmpty else { return }
            let rows: [SVGCharts.Row]
            if indices.count <= 20 {
                rows = indices.map { i in
                    SVGCharts.Row(
                        label: w.nfc(teamsBefore[i].unit.name),
                        bars: [
                            SVGCharts.Bar(caption: before, segments: [(count(teamsBefore[i]), "before")]),
                            SVGCharts.Bar(caption: after, segments: [(count(teamsAfter[i]), "after")]),
                        ])
                }
            } else {
                // Too many teams for a bar each: how many teams have 0, 1, 2, 3 or more.
                let bucket = { (value: Int) in min(value, 3) }
                rows = (0...3).map { k in
                    SVGCharts.Row(
                        label: w(k == 3 ? "report.chart.teamsWithOrMore" : "report.chart.teamsWith", ["count": String(k)]),
                        bars: [
                            SVGCharts.Bar(
                                caption: before, segments: [(indices.filter { bucket(count(teamsBefore[$0])) == k }.count, "before")]),
                            SVGCharts.Bar(
                                caption: after, segments: [(indices.filter { bucket(count(teamsAfter[$0])) == k }.count, "after")]),
                        ])
                }
            }
            let useMarker = indices.count <= 20 ? marker : nil
            html += figure(
                title,
                SVGCharts.horizontalBars(
                    title: title, rows: rows, legend: legend,
                    marker: useMarker.map { ($0, w("report.chart.target")) }))
        }
        let policy = report.scenario.policy
        perTeam(
            w("report.chart.womenPerTeam"), grassrootsOnly: false, count: { $0.women },
            marker: policy.womenPerTeam.mode.isActive ? 1 : nil)
        perTeam(
            w("report.chart.youngPerTeam"), grassrootsOnly: true, count: { $0.young },
            marker: policy.youth.mode.isActive ? policy.youth.minPerTeam : nil)
        return html + "</section>\n"
    }

    static func chains(_ report: RoundReport, _ w: ReportWords) -> String {
        var html = "<section id=\"chains\">\n<h2>\(escape(w("report.section.chains")))</h2>\n"
        guard !report.chains.isEmpty else {
            return html + "<p>\(escape(w("report.chains.none")))</p>\n</section>\n"
        }
        html += "<ol class=\"chains\">\n"
        for chain in report.chains {
            html += "<li>"
            if chain.isRing {
                html += "<p>\(escape(w("report.chains.ring")))</p>"
            } else {
                html += "<p>\(escape(w.sentence(w.opening(chain.opening))))</p>"
            }
            html += "<ol class=\"steps\">"
            for step in chain.steps {
                let line: String
                switch (step.holder, step.from) {
                case (let holder?, let from?):
                    line = w("report.chains.from", ["post": w.post(step.position), "name": w.name(holder), "from": w.post(from)])
                case (let holder?, nil):
                    line = w("report.chains.fromThePool", ["post": w.post(step.position), "name": w.name(holder)])
                case (nil, _):
                    line = w("report.change.vacancy", ["post": w.post(step.position)])
                }
                html += "<li>\(escape(w.sentence(line)))</li>"
            }
            html += "</ol></li>\n"
        }
        return html + "</ol>\n</section>\n"
    }

    static func changes(_ report: RoundReport, _ w: ReportWords) -> String {
        var html = "<section id=\"changes\">\n<h2>\(escape(w("report.section.changes")))</h2>\n"
        if report.changes.isEmpty { html += "<p>\(escape(w("report.changes.none")))</p>\n" }
        for unitChanges in report.changes {
            html +=
                "<article class=\"unit\">\n<h3>\(escape(w.nfc(report.scenario.units[unitChanges.unit].name)))</h3>\n<ul class=\"changes\">\n"
            for change in unitChanges.changes {
                html += "<li><span class=\"what\">\(escape(w.sentence(w.change(change))))</span>"
                if !change.reasons.isEmpty {
                    html += "<ul class=\"why\">" + change.reasons.map { "<li>\(escape(w.sentence(w.reason($0))))</li>" }.joined() + "</ul>"
                }
                html += "</li>\n"
            }
            html += "</ul>\n</article>\n"
        }
        return html + "</section>\n"
    }

    static func teams(_ report: RoundReport, _ w: ReportWords) -> String {
        var html = "<section id=\"teams\">\n<h2>\(escape(w("report.section.teams")))</h2>\n"
        let header = [w("report.column.post"), w("report.column.before"), w("report.column.after")]
        func person(_ cadre: Cadre?) -> String {
            guard let cadre else { return w("report.teams.vacant") }
            // As the reasons name people: with the id beside a name another cadre shares.
            guard let c = report.facts.cadreIndex[cadre.id] else {
                return "\(w.nfc(cadre.name)), \(report.age(cadre)), \(w.sex(cadre.gender))"
            }
            return "\(w.name(c)), \(report.age(cadre)), \(w.sex(cadre.gender))"
        }
        for (u, unit) in report.scenario.units.enumerated() {
            let posts = report.positions(ofUnit: u)
            guard !posts.isEmpty else { continue }
            let rows = posts.map { p -> [String] in
                let before = report.holder(p, after: false)
                let after = report.holder(p, after: true)
                let same = before != nil && before?.id == after?.id
                let position = report.scenario.positions[p]
                // Posts that read the same told apart by id, as `RoundNames.post` does.
                return [w.sentence(w.title(position.title)) + w.names.idIfShared(position.id), person(before), same ? "=" : person(after)]
            }
            html +=
                "<article class=\"team\">\n<h3>\(escape(w.nfc(unit.name)))</h3>\n" + table(header: header, rows: rows, className: "team")
            html += "</article>\n"
        }
        return html + "</section>\n"
    }

    static func slates(_ succession: SuccessionPlan, _ report: RoundReport, _ w: ReportWords) -> String {
        var html = "<section id=\"succession\">\n<h2>\(escape(w("report.section.slates")))</h2>\n"
        guard succession.status.hasPlan else {
            // The slates' own words: it is the slates, not the round, that have no plan (a
            // review read "no plan can keep every hard rule of this round" over a round with one).
            let status = succession.status == .infeasible ? "slates.page.plain.infeasible" : "slates.page.plain.noPlanWithinTimeLimit"
            html += "<p class=\"status\">\(escape(w.sentence(w(status))))</p>\n"
            return html + SuccessionPage.whyNoSlates(succession, words: w.words) + "\n</section>\n"
        }
        html += "<p class=\"status\">\(escape(w.status(succession.status, gap: succession.gap)))</p>\n"
        html += "<p>\(escape(w("report.slates.madeFrom")))</p>\n"
        let scenario = report.scenario
        let cadres = Dictionary(scenario.cadres.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let posts = Dictionary(scenario.positions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let header = [
            "#", w("report.column.name"), w("report.column.ageAndSex"), w("report.column.holdsBefore"), w("report.column.ready"),
        ]
        for slate in ProtocolOrder(report.scenario).sorted(succession.slates, byPost: { $0.position }) {
            guard let p = posts[slate.position] else { continue }
            html += "<article class=\"slate\">\n<h3>\(escape(w.sentence(w.post(p))))</h3>\n"
            if let incumbent = slate.incumbent.flatMap({ cadres[$0] }) {
                let said =
                    slate.incumbentRetirementYear.map {
                        w("report.slates.incumbentRetires", ["name": w.name(incumbent), "year": String($0)])
                    }
                    ?? w("report.slates.incumbent", ["name": w.name(incumbent)])
                html += "<p>\(escape(said))</p>\n"
            }
            let rows = slate.candidates.enumerated().compactMap { rank, candidate -> [String]? in
                guard let c = cadres[candidate.cadre] else { return nil }
                let cadre = scenario.cadres[c]
                let holds = candidate.holds.flatMap { posts[$0] }.map { w.sentence(w.post($0)) } ?? w("report.slates.pool")
                return [
                    String(rank + 1), w.name(c), "\(report.age(cadre)), \(w.sex(cadre.gender))", holds,
                    w(candidate.ready ? "report.slates.ready" : "report.slates.notReady"),
                ]
            }
            html +=
                rows.isEmpty
                ? "<p>\(escape(w("report.slates.none")))</p>\n"
                : table(header: header, rows: rows, className: "slate")
            for risk in slate.risks {
                let words: String
                switch risk {
                case .noCandidate: words = w("report.risk.noCandidate")
                case .singleCandidate: words = w("report.risk.singleCandidate")
                case .incumbentRetiresWithoutReadySuccessor:
                    words = w("report.risk.retiresWithoutReadySuccessor")
                }
                html += "<p class=\"risk\">\(escape(words))</p>\n"
            }
            html += "</article>\n"
        }
        return html + "</section>\n"
    }

    // MARK: Pieces

    static func table(header: [String], rows: [[String]], className: String) -> String {
        var html =
            "<table class=\"\(className)\">\n<thead><tr>" + header.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in rows { html += "<tr>" + row.map { "<td>\(escape($0))</td>" }.joined() + "</tr>\n" }
        return html + "</tbody>\n</table>\n"
    }

    static func figure(_ caption: String, _ svg: String) -> String {
        "<figure>\n\(svg)\n<figcaption>\(escape(caption))</figcaption>\n</figure>\n"
    }

    /// Text as HTML shows it: the five characters markup gives meaning to, escaped. Every text
    /// of the report (names may hold `<`, `&`) goes through here.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// Text as a CSS string literal holds it: every character but letters, digits and spaces
    /// as a code escape, so that no name can end the string or the style element.
    static func cssString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || (scalar.value >= 0x30 && scalar.value <= 0x39) || scalar == " " {
                out.unicodeScalars.append(scalar)
            } else {
                out += "\\" + String(scalar.value, radix: 16) + " "
            }
        }
        return out + "\""
    }

    static func stylesheet(runningHeader: String) -> String {
        """
        :root { --women: #b0306a; --men: #2f5f9e; --before: #a7a7a7; --after: #2e7d4f; --ink: #1d1d1d; --rule: #d0d0d0; }
        * { box-sizing: border-box; }
        body { font-family: "Noto Sans", "DejaVu Sans", "Segoe UI", Arial, sans-serif; color: var(--ink); margin: 0 auto; padding: 1rem; max-width: 60rem; line-height: 1.4; font-size: 15px; overflow-wrap: anywhere; }
        h1 { font-size: 1.5rem; margin: 0.2rem 0; }
        h2 { font-size: 1.2rem; border-bottom: 2px solid var(--ink); padding-bottom: 0.2rem; margin-top: 1.6rem; break-after: avoid; }
        h3 { font-size: 1.05rem; margin: 1rem 0 0.3rem; break-after: avoid; }
        .kicker { text-transform: uppercase; letter-spacing: 0.05em; font-size: 0.8rem; margin: 0; }
        .status { font-weight: bold; font-size: 1.05rem; margin: 0.4rem 0; }
        .status.ok { color: var(--after); }
        .status.none { color: #a33; }
        dl.record { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 1rem; font-size: 0.85rem; margin: 0.5rem 0; }
        dl.record dt { font-weight: bold; }
        dl.record dd { margin: 0; overflow-wrap: anywhere; }
        table { border-collapse: collapse; width: 100%; margin: 0.4rem 0; font-size: 0.9rem; break-inside: avoid; }
        th, td { text-align: left; padding: 0.25rem 0.4rem; border-bottom: 1px solid var(--rule); vertical-align: top; }
        th { background: #f0f0f0; }
        table.figures td:nth-child(n+2) { white-space: nowrap; }
        figure { margin: 0.8rem 0; break-inside: avoid; }
        figcaption { font-size: 0.85rem; font-style: italic; }
        svg.chart { max-width: 40rem; height: auto; display: block; }
        svg.chart text { font-size: 11px; fill: var(--ink); }
        svg.chart .caption { font-size: 10px; }
        svg.chart .women { fill: var(--women); }
        svg.chart .men { fill: var(--men); }
        svg.chart .before { fill: var(--before); }
        svg.chart .after { fill: var(--after); }
        svg.chart .marker { stroke: var(--ink); stroke-dasharray: 3 3; }
        ol.chains > li, ul.changes > li { margin-bottom: 0.5rem; break-inside: avoid; }
        ol.chains p { margin: 0.1rem 0; font-weight: bold; }
        ul.why { font-size: 0.88rem; color: #444; margin: 0.1rem 0; }
        article.unit, article.team, article.slate { break-inside: avoid; }
        p.risk { color: #a33; font-size: 0.88rem; margin: 0.1rem 0; }
        @media (max-width: 40rem) {
          body { padding: 0.5rem; font-size: 14px; }
          dl.record { grid-template-columns: 1fr; }
          table.figures td:nth-child(n+2) { white-space: normal; }
          th, td { padding: 0.2rem; }
          /* A chart keeps a legible size on a phone and scrolls sideways instead of shrinking. */
          figure { overflow-x: auto; }
          svg.chart { min-width: 34rem; }
        }
        @page {
          size: A4;
          margin: 16mm 14mm 16mm 14mm;
          @top-left { content: \(cssString(runningHeader)); font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; font-size: 8pt; color: #555; }
          @bottom-right { content: counter(page) " / " counter(pages); font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; font-size: 8pt; color: #555; }
        }
        @media print {
          body { max-width: none; padding: 0; font-size: 10.5pt; }
          h2 { break-before: auto; }
        }

        """
    }
}
