import Foundation

/// The report's words in one language: phrases, numbers as the language writes them, and the
/// round's own words (titles, sexes, rule names) from the vocabulary and the rule registry.
/// Every reason is built here from `Reason`'s facts, in each language on its own.
struct ReportWords {
    let language: ReportLanguage
    let report: RoundReport
    let vocabulary: Vocabulary.Index

    init(language: ReportLanguage, report: RoundReport) {
        self.language = language
        self.report = report
        vocabulary = Vocabulary.Index(report.scenario.words)
    }

    var scenario: Scenario { report.scenario }

    /// The phrase in the report's language.
    func say(_ en: String, _ vi: String) -> String { language == .vi ? vi : en }

    // MARK: Numbers

    func number(_ value: Double) -> String {
        let text = PlanReport.number(value)
        return language == .vi ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    func percent(_ share: Double) -> String {
        let text = String(format: "%.1f %%", share * 100)
        return language == .vi ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    // MARK: The round's words

    func label(_ kind: Vocabulary.Kind, _ id: String) -> String {
        guard let word = vocabulary.word(kind, id: id) else { return id }
        return language == .vi ? word.vi : word.en
    }

    func title(_ id: String) -> String { label(.title, id) }
    func sex(_ gender: Gender) -> String { label(.gender, gender.rawValue) }

    func name(_ c: Int) -> String { nfc(scenario.cadres[c].name) }

    /// "Chair, Xã An Lão".
    func post(_ p: Int) -> String {
        let position = scenario.positions[p]
        let unit = scenario.units.first { $0.id == position.unit }.map { nfc($0.name) } ?? position.unit
        return "\(title(position.title)), \(unit)"
    }

    func ruleName(_ key: String) -> String {
        let words = (Policy.rules.first { $0.key == key }?.words) ?? (SuccessionPolicy.rules.first { $0.key == key }?.words)
        guard let words else { return key }
        return language == .vi ? words.viName : words.name
    }

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
        let words = status(report.plan.status, gap: report.plan.gap)
        guard report.plan.stoppedBy != nil else { return words }
        // A search stopped by a signal: the plan is the best found by then, and says so.
        return words + say(" — the search was stopped before it ended", " — việc tìm kiếm đã bị dừng trước khi kết thúc")
    }

    /// A plan's (or the slates') status in plain words.
    func status(_ status: PlanStatus, gap: Double?) -> String {
        switch status {
        case .optimal:
            if let gap, gap > 1e-9 {
                return say(
                    "a plan within \(percent(gap)) of the best under these rules, proven",
                    "phương án cách phương án tốt nhất theo các quy định này không quá \(percent(gap)), đã được chứng minh")
            }
            return say("the best plan under these rules, proven", "phương án tốt nhất theo các quy định này, đã được chứng minh")
        case .feasible:
            let gap =
                gap.map { say(" (at most \(percent($0)) from the best)", " (kém phương án tốt nhất không quá \(percent($0)))") } ?? ""
            return say(
                "a plan that keeps every hard rule, not proven the best\(gap)",
                "phương án đáp ứng mọi quy định bắt buộc, chưa chứng minh là tốt nhất\(gap)")
        case .infeasible:
            return say(
                "no plan can keep every hard rule of this round", "không có phương án nào đáp ứng được mọi quy định bắt buộc của đợt này")
        case .noPlanWithinTimeLimit:
            return say("no plan was found within the time limit", "không tìm được phương án trong thời gian cho phép")
        case .stopped:
            return say("the search was stopped before a plan was found", "việc tìm kiếm bị dừng trước khi có phương án")
        }
    }

    // MARK: Changes

    func change(_ change: Change) -> String {
        switch change.kind {
        case .moveIn(let c, let from, let to):
            return say("\(name(c)) moves from \(post(from)) to \(post(to))", "\(name(c)) chuyển từ \(post(from)) sang \(post(to))")
        case .moveOut(let c, let from, let to):
            return say("\(name(c)) leaves \(post(from)) for \(post(to))", "\(name(c)) rời \(post(from)), sang \(post(to))")
        case .appointment(let c, let to):
            return say("\(name(c)) is appointed \(post(to)), from the pool", "\(name(c)) được bổ nhiệm \(post(to)), từ nguồn quy hoạch")
        case .release(let c, let from):
            return say("\(name(c)) is released from \(post(from))", "\(name(c)) thôi giữ chức \(post(from))")
        case .retirement(let c, let from, let year):
            return say("\(name(c)) retires from \(post(from)) (\(year))", "\(name(c)) nghỉ hưu, thôi giữ chức \(post(from)) (\(year))")
        case .vacancy(let p):
            return say("\(post(p)) stays vacant", "\(post(p)) để trống")
        }
    }

    func reason(_ reason: Reason) -> String {
        switch reason {
        case .mayNotStay(let p, let rule, let detail):
            let because: String
            switch detail {
            case .tenure(let years, let limit):
                because = say(
                    "has held it \(years) years, the limit is \(limit)", "đã giữ chức vụ \(years) năm, thời hạn là \(limit) năm")
            case .local(let locality):
                because = say("is from \(nfc(locality)), the locality the post leads", "là người địa phương (\(nfc(locality)))")
            case .other:
                let words = Policy.rules.first { $0.key == rule }?.words
                because = words.map { say($0.summary, $0.viSummary) } ?? rule
            }
            return say(
                "may not stay in \(post(p)): \(because) (rule: \(ruleName(rule)))",
                "không được tiếp tục giữ chức \(post(p)): \(because) (quy định: \(ruleName(rule)))")
        case .opens(let p, let how):
            switch how {
            case .retires(let c, let year):
                return say("\(post(p)) opens: \(name(c)) retires (\(year))", "\(post(p)) trống do \(name(c)) nghỉ hưu (\(year))")
            case .movesTo(let c, let to):
                return say("\(post(p)) opens: \(name(c)) moves to \(post(to))", "\(post(p)) trống do \(name(c)) chuyển sang \(post(to))")
            case .released(let c):
                return say("\(post(p)) opens: \(name(c)) is released", "\(post(p)) trống do \(name(c)) thôi giữ chức")
            case .wasVacant:
                return say("\(post(p)) was vacant", "\(post(p)) đang trống")
            }
        case .mustFill:
            return say(
                "the post must be filled (rule: \(ruleName("mustFill")))",
                "chức vụ phải có người đảm nhiệm (quy định: \(ruleName("mustFill")))")
        case .plannedFor(let id):
            return say("planned for \(title(id))", "đã được quy hoạch chức danh \(title(id))")
        case .oneOfEligible(let count):
            return say("one of \(count) eligible under every rule", "là một trong \(count) người đáp ứng mọi quy định")
        case .teamNeed(let rule):
            return rule == "youth"
                ? say(
                    "the team's only young member (rule: \(ruleName(rule)))",
                    "là cán bộ trẻ duy nhất của tập thể (quy định: \(ruleName(rule)))")
                : say("the team's only woman (rule: \(ruleName(rule)))", "là cán bộ nữ duy nhất của tập thể (quy định: \(ruleName(rule)))")
        case .fitsBetter(let new, let old):
            return say(
                "fits the new post better (fit \(number(new)) against \(number(old)))",
                "phù hợp với chức vụ mới hơn (điểm phù hợp \(number(new)) so với \(number(old)))")
        case .successorFitsBetter(let successor, let successorFit, let ownFit):
            return say(
                "\(name(successor)) fits the post better (fit \(number(successorFit)) against \(number(ownFit)))",
                "\(name(successor)) phù hợp hơn với chức vụ (điểm phù hợp \(number(successorFit)) so với \(number(ownFit)))")
        case .noPostWorthTheReleasePrice:
            return say(
                "no other post the rules allow them is worth more than their release",
                "không có chức vụ nào khác mà các quy định cho phép có lợi hơn việc cho thôi")
        case .reachedRetirementAge(let age, let year):
            return say(
                "has reached retirement age (\(age) in \(scenario.planningYear); retirement year \(year))",
                "đã đến tuổi nghỉ hưu (\(age) tuổi năm \(scenario.planningYear); năm nghỉ hưu \(year))")
        case .noEligibleCadre:
            return say("no cadre passes every rule for it", "không có cán bộ nào đáp ứng mọi quy định cho chức vụ này")
        case .eligibleServeElsewhere(let count):
            return say(
                "its \(count) eligible cadres serve elsewhere or would make the plan worse",
                "\(count) người đủ điều kiện đều đã được bố trí nơi khác hoặc sẽ làm phương án kém hơn")
        }
    }

    func opening(_ opening: Opening) -> String {
        switch opening {
        case .retires(let c, let year): say("\(name(c)) retires (\(year))", "\(name(c)) nghỉ hưu (\(year))")
        case .released(let c): say("\(name(c)) is released", "\(name(c)) thôi giữ chức")
        case .movesTo(let c, let p): say("\(name(c)) moves to \(post(p))", "\(name(c)) chuyển sang \(post(p))")
        case .wasVacant: say("the post was vacant", "chức vụ đang trống")
        }
    }
}
