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
            html += "<section><h2>\(escape(words.say("Why there is no plan", "Vì sao không có phương án")))</h2>"
            // The rules in conflict, by their names in the report's language: the conflicts the
            // proof found before solving, else the diagnosis's smallest conflict. Their details
            // are the solver side's record, in English and ids.
            let conflicts = proof.conflicts ?? plan.diagnosis.map { [$0.conflict] }.map { $0.filter { !$0.isEmpty } } ?? []
            if conflicts.isEmpty {
                html += "<p>\(escape(proof.text))</p>"
                html +=
                    "<p>\(escape(words.say("`planner diagnose` names the rules in conflict.", "Lệnh `planner diagnose` chỉ ra các quy định mâu thuẫn nhau.")))</p>"
            } else {
                html +=
                    "<p>\(escape(words.say("These hard rules cannot all hold together:", "Các quy định bắt buộc sau không thể cùng được đáp ứng:")))</p><ol>"
                for conflict in conflicts.prefix(20) {
                    html +=
                        "<li>"
                        + conflict.map { item in
                            "<strong>\(escape(words.sentence(words.ruleName(item.rule))))</strong> (\(escape(item.subject))): \(escape(item.text))"
                        }.joined(separator: "; ") + "</li>"
                }
                html += "</ol>"
                if conflicts.count > 20 { html += "<p>… \(conflicts.count - 20)</p>" }
            }
            html += "</section>\n"
        }
        html += "</body>\n</html>\n"
        return html
    }

    // MARK: Sections

    static func header(_ report: RoundReport, _ w: ReportWords) -> String {
        let plan = report.plan
        var html =
            "<header>\n<p class=\"kicker\">\(escape(w.say("Rotation round: proposal to the committee", "Đợt luân chuyển cán bộ: phương án trình Thường vụ")))</p>\n"
        html += "<h1>\(escape(w.nfc(plan.scenario.name)))</h1>\n"
        html += "<p class=\"status \(plan.status.hasPlan ? "ok" : "none")\">\(escape(w.status))</p>\n<dl class=\"record\">\n"
        let produced = plan.producedBy
        let rows: [(String, String)] = [
            (w.say("Planning year", "Năm kế hoạch"), String(plan.scenario.planningYear)),
            (w.say("Scenario SHA-256", "SHA-256 của tệp kịch bản"), plan.scenario.sha256),
            (w.say("Produced by", "Lập bởi"), "planner \(produced.planner); \(produced.solver) \(produced.solverVersion)"),
            (w.say("Objective", "Giá trị mục tiêu"), plan.objective.map(w.number) ?? "–"),
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
            w.say(
                "\(f.youngInGrassrootsTeams); \(f.grassrootsTeamsMeetingYouth) / \(f.grassrootsTeams) teams meet the rule",
                "\(f.youngInGrassrootsTeams); \(f.grassrootsTeamsMeetingYouth) / \(f.grassrootsTeams) tập thể đạt")
        }
        var rows: [[String]] = []
        rows.append([
            w.say("Women in leadership", "Cán bộ nữ trong lãnh đạo"),
            of(before.womenInLeadership, before.leadershipPostsFilled, before.womenShare),
            of(after.womenInLeadership, after.leadershipPostsFilled, after.womenShare),
            policy.women.mode.isActive ? "≥ \(w.percent(policy.women.minShare))" : "–",
        ])
        rows.append([
            w.say("Teams with a woman", "Tập thể có cán bộ nữ"), "\(before.teamsWithAWoman) / \(before.leadershipTeams)",
            "\(after.teamsWithAWoman) / \(after.leadershipTeams)",
            policy.womenPerTeam.mode.isActive ? w.say("every team", "mọi tập thể") : "–",
        ])
        rows.append([
            w.say(
                "Young cadres (under \(policy.youth.age)) in grassroots teams",
                "Cán bộ trẻ (dưới \(policy.youth.age) tuổi) trong tập thể cấp cơ sở"),
            young(before), young(after),
            policy.youth.mode.isActive ? w.say("≥ \(policy.youth.minPerTeam) per team", "≥ \(policy.youth.minPerTeam) mỗi tập thể") : "–",
        ])
        rows.append([
            w.say("Non-local heads", "Người đứng đầu không là người địa phương"),
            of(before.nonLocalListedHeads, before.listedHeadPostsFilled, before.nonLocalShare),
            of(after.nonLocalListedHeads, after.listedHeadPostsFilled, after.nonLocalShare),
            policy.nonLocalHeads.mode.isActive ? "≥ \(w.percent(policy.nonLocalHeads.minShare))" : "–",
        ])
        rows.append([
            w.say("Teams spanning the age bands", "Tập thể có đủ các nhóm tuổi"),
            "\(before.ageBalanceTeamsMet) / \(before.ageBalanceTeams)",
            "\(after.ageBalanceTeamsMet) / \(after.ageBalanceTeams)",
            policy.ageBalance.mode.isActive
                ? w.say("≥ \(policy.ageBalance.minBands) bands each", "≥ \(policy.ageBalance.minBands) nhóm tuổi mỗi tập thể") : "–",
        ])
        rows.append([w.say("Vacant posts", "Chức vụ để trống"), String(before.vacancies), String(after.vacancies), "–"])
        rows.append([
            w.say("Moves", "Điều động"), "–", String(after.moves), after.movesLimit.map { "≤ \($0)" } ?? "–",
        ])
        rows.append([w.say("Appointments from the pool", "Bổ nhiệm từ nguồn quy hoạch"), "–", String(after.appointments), "–"])
        rows.append([w.say("Releases", "Cho thôi chức vụ"), "–", String(after.releases), "–"])
        rows.append([w.say("Retirements", "Nghỉ hưu"), "–", String(after.retirements), "–"])
        // With no plan there is no "after": the round as it stands, beside the targets.
        if !report.plan.status.hasPlan { rows = rows.map { [$0[0], $0[1], "–", $0[3]] } }
        let header = [w.say("Figure", "Chỉ tiêu"), w.say("Before", "Trước"), w.say("After", "Sau"), w.say("Target", "Mục tiêu")]
        return
            "<section id=\"figures\">\n<h2>\(escape(w.say("Figures before and after the round", "Các chỉ tiêu trước và sau đợt luân chuyển")))</h2>\n"
            + table(header: header, rows: rows, className: "figures") + "</section>\n"
    }

    static func charts(_ report: RoundReport, _ w: ReportWords) -> String {
        let before = w.say("before", "trước")
        let after = w.say("after", "sau")
        var html = "<section id=\"charts\">\n<h2>\(escape(w.say("Charts", "Biểu đồ")))</h2>\n"

        // Age structure of the leadership: a row per age band, women and men stacked.
        let starts = report.scenario.policy.ageBalance.bandStarts
        let bandLabels = (0...starts.count).map { band -> String in
            if band == 0 { return w.say("under \(starts.first ?? 0)", "dưới \(starts.first ?? 0)") }
            if band == starts.count { return w.say("\(starts[band - 1]) and over", "từ \(starts[band - 1]) trở lên") }
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
        let ageTitle = w.say("Leadership by age band and sex", "Cơ cấu lãnh đạo theo nhóm tuổi và giới tính")
        html += figure(
            ageTitle,
            SVGCharts.horizontalBars(
                title: ageTitle, rows: ageRows, legend: [(w.sex(.female), "women"), (w.sex(.male), "men")]))

        let teamsBefore = report.teamCounts(after: false)
        let teamsAfter = report.teamCounts(after: true)
        let legend = [(w.say("before the round", "trước đợt luân chuyển"), "before"), (w.say("after", "sau"), "after")]
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
                        label: w.say(
                            k == 3 ? "teams with 3 or more" : "teams with \(k)", k == 3 ? "tập thể có từ 3 trở lên" : "tập thể có \(k)"),
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
                    marker: useMarker.map { ($0, w.say("target", "mục tiêu")) }))
        }
        let policy = report.scenario.policy
        perTeam(
            w.say("Women per leadership team", "Số cán bộ nữ mỗi tập thể lãnh đạo"), grassrootsOnly: false, count: { $0.women },
            marker: policy.womenPerTeam.mode.isActive ? 1 : nil)
        perTeam(
            w.say("Young cadres per grassroots team", "Số cán bộ trẻ mỗi tập thể cấp cơ sở"), grassrootsOnly: true, count: { $0.young },
            marker: policy.youth.mode.isActive ? policy.youth.minPerTeam : nil)
        return html + "</section>\n"
    }

    static func chains(_ report: RoundReport, _ w: ReportWords) -> String {
        var html = "<section id=\"chains\">\n<h2>\(escape(w.say("Vacancy chains", "Các chuỗi thay thế")))</h2>\n"
        guard !report.chains.isEmpty else {
            return html
                + "<p>\(escape(w.say("No post changes hands.", "Không có chức vụ nào thay đổi người đảm nhiệm.")))</p>\n</section>\n"
        }
        html += "<ol class=\"chains\">\n"
        for chain in report.chains {
            html += "<li>"
            if chain.isRing {
                html +=
                    "<p>\(escape(w.say("A rotation: each takes the next one's post.", "Luân chuyển vòng: mỗi người nhận chức vụ của người kế tiếp.")))</p>"
            } else {
                html += "<p>\(escape(w.sentence(w.opening(chain.opening))))</p>"
            }
            html += "<ol class=\"steps\">"
            for step in chain.steps {
                let line: String
                switch (step.holder, step.from) {
                case (let holder?, let from?):
                    line = w.say(
                        "\(w.post(step.position)) ← \(w.name(holder)), from \(w.post(from))",
                        "\(w.post(step.position)) ← \(w.name(holder)), từ \(w.post(from))")
                case (let holder?, nil):
                    line = w.say(
                        "\(w.post(step.position)) ← \(w.name(holder)), from the pool",
                        "\(w.post(step.position)) ← \(w.name(holder)), từ nguồn quy hoạch")
                case (nil, _):
                    line = w.say("\(w.post(step.position)) stays vacant", "\(w.post(step.position)) để trống")
                }
                html += "<li>\(escape(w.sentence(line)))</li>"
            }
            html += "</ol></li>\n"
        }
        return html + "</ol>\n</section>\n"
    }

    static func changes(_ report: RoundReport, _ w: ReportWords) -> String {
        var html = "<section id=\"changes\">\n<h2>\(escape(w.say("Changes, unit by unit", "Thay đổi theo từng đơn vị")))</h2>\n"
        if report.changes.isEmpty { html += "<p>\(escape(w.say("No changes.", "Không có thay đổi.")))</p>\n" }
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
        var html =
            "<section id=\"teams\">\n<h2>\(escape(w.say("Each unit's posts before and after", "Nhân sự từng đơn vị trước và sau")))</h2>\n"
        let header = [w.say("Post", "Chức vụ"), w.say("Before", "Trước"), w.say("After", "Sau")]
        func person(_ cadre: Cadre?) -> String {
            guard let cadre else { return w.say("vacant", "trống") }
            return "\(w.nfc(cadre.name)), \(report.age(cadre)), \(w.sex(cadre.gender))"
        }
        for (u, unit) in report.scenario.units.enumerated() {
            let posts = report.positions(ofUnit: u)
            guard !posts.isEmpty else { continue }
            let rows = posts.map { p -> [String] in
                let before = report.holder(p, after: false)
                let after = report.holder(p, after: true)
                let same = before != nil && before?.id == after?.id
                return [w.sentence(w.title(report.scenario.positions[p].title)), person(before), same ? "=" : person(after)]
            }
            html +=
                "<article class=\"team\">\n<h3>\(escape(w.nfc(unit.name)))</h3>\n" + table(header: header, rows: rows, className: "team")
            html += "</article>\n"
        }
        return html + "</section>\n"
    }

    static func slates(_ succession: SuccessionPlan, _ report: RoundReport, _ w: ReportWords) -> String {
        var html =
            "<section id=\"succession\">\n<h2>\(escape(w.say("Successor slates for the key posts", "Quy hoạch kế nhiệm các chức danh chủ chốt")))</h2>\n"
        html += "<p class=\"status\">\(escape(w.status(succession.status, gap: succession.gap)))</p>\n"
        html +=
            "<p>\(escape(w.say("Made from the posts as they stand before the round, as `planner succession` makes them.", "Lập theo nhân sự trước đợt luân chuyển, như lệnh `planner succession`.")))</p>\n"
        let scenario = report.scenario
        let cadres = Dictionary(scenario.cadres.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let posts = Dictionary(scenario.positions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let header = [
            "#", w.say("Name", "Họ và tên"), w.say("Age, sex", "Tuổi, giới tính"),
            w.say("Holds before the round", "Chức vụ trước đợt luân chuyển"),
            w.say("Ready", "Sẵn sàng"),
        ]
        for slate in succession.slates {
            guard let p = posts[slate.position] else { continue }
            html += "<article class=\"slate\">\n<h3>\(escape(w.sentence(w.post(p))))</h3>\n"
            if let incumbent = slate.incumbent.flatMap({ cadres[$0] }) {
                let retires =
                    slate.incumbentRetirementYear.map { w.say(", reaches retirement age in \($0)", ", đến tuổi nghỉ hưu năm \($0)") } ?? ""
                html +=
                    "<p>\(escape(w.say("Incumbent before the round: ", "Người đương nhiệm trước đợt luân chuyển: ") + w.name(incumbent) + retires))</p>\n"
            }
            let rows = slate.candidates.enumerated().compactMap { rank, candidate -> [String]? in
                guard let c = cadres[candidate.cadre] else { return nil }
                let cadre = scenario.cadres[c]
                let holds = candidate.holds.flatMap { posts[$0] }.map { w.sentence(w.post($0)) } ?? w.say("the pool", "nguồn quy hoạch")
                return [
                    String(rank + 1), w.name(c), "\(report.age(cadre)), \(w.sex(cadre.gender))", holds,
                    candidate.ready ? w.say("yes", "có") : w.say("not yet", "chưa"),
                ]
            }
            html +=
                rows.isEmpty
                ? "<p>\(escape(w.say("No candidate.", "Chưa có người được quy hoạch.")))</p>\n"
                : table(header: header, rows: rows, className: "slate")
            for risk in slate.risks {
                let words: String
                switch risk {
                case .noCandidate: words = w.say("Risk: no candidate", "Rủi ro: không có người kế nhiệm")
                case .singleCandidate: words = w.say("Risk: a single candidate", "Rủi ro: chỉ có một người kế nhiệm")
                case .incumbentRetiresWithoutReadySuccessor:
                    words = w.say(
                        "Risk: the incumbent retires within the term and no successor is ready",
                        "Rủi ro: người đương nhiệm nghỉ hưu trong nhiệm kỳ mà chưa có người kế nhiệm sẵn sàng")
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
        body { font-family: "Noto Sans", "DejaVu Sans", "Segoe UI", Arial, sans-serif; color: var(--ink); margin: 0 auto; padding: 1rem; max-width: 60rem; line-height: 1.4; font-size: 15px; }
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
          @top-left { content: \(cssString(runningHeader)); font-size: 8pt; color: #555; }
          @bottom-right { content: counter(page) " / " counter(pages); font-size: 8pt; color: #555; }
        }
        @media print {
          body { max-width: none; padding: 0; font-size: 10.5pt; }
          h2 { break-before: auto; }
        }

        """
    }
}
