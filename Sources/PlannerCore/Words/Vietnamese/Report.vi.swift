extension Catalogue {
    /// The words of the committee's report (HTML) and its reasons.
    static let vietnameseReport: [String: String] = [
        // The plan's status, as the committee may rely on it.
        "report.status.optimal": "phương án tốt nhất theo các quy định này, đã được chứng minh",
        "report.status.optimalWithin": "phương án cách phương án tốt nhất theo các quy định này không quá {gap}, đã được chứng minh",
        "report.status.feasible": "phương án đáp ứng mọi quy định bắt buộc, chưa chứng minh là tốt nhất",
        "report.status.feasibleWithin":
            "phương án đáp ứng mọi quy định bắt buộc, chưa chứng minh là tốt nhất (kém phương án tốt nhất không quá {gap})",
        "report.status.infeasible": "không có phương án nào đáp ứng được mọi quy định bắt buộc của đợt này",
        "report.status.noPlanWithinTimeLimit": "không tìm được phương án trong thời gian cho phép",
        "report.status.stopped": "việc tìm kiếm bị dừng trước khi có phương án",
        "report.status.searchStopped": "{status} — việc tìm kiếm đã bị dừng trước khi kết thúc",

        // Each change of the round.
        "report.change.moveIn": "{name} chuyển từ {from} sang {to}",
        "report.change.moveOut": "{name} rời {from}, sang {to}",
        "report.change.appointment": "{name} được bổ nhiệm {to}, từ nguồn quy hoạch",
        "report.change.release": "{name} thôi giữ chức {from}",
        "report.change.retirement": "{name} nghỉ hưu, thôi giữ chức {from} ({year})",
        "report.change.vacancy": "{post} để trống",

        // Why a change is made.
        "report.reason.tenure": "đã giữ chức vụ {years} năm, thời hạn là {limit} năm",
        "report.reason.tenureTitle": "đã giữ chức vụ {years} năm, thời hạn đối với chức danh {title} là {limit} năm",
        "report.reason.local": "là người địa phương ({locality})",
        "report.reason.mayNotStay": "không được tiếp tục giữ chức {post}: {because} (quy định: {rule})",
        "report.reason.opensRetires": "{post} trống do {name} nghỉ hưu ({year})",
        "report.reason.opensMoves": "{post} trống do {name} chuyển sang {to}",
        "report.reason.opensReleased": "{post} trống do {name} thôi giữ chức",
        "report.reason.wasVacant": "{post} đang trống",
        "report.reason.mustFill": "chức vụ phải có người đảm nhiệm (quy định: {rule})",
        "report.reason.plannedFor": "đã được quy hoạch chức danh {title}",
        "report.reason.pinned": "được ấn định vào {post} trong dữ liệu kỳ điều động (quyết định đã có, phương án giữ nguyên)",
        "report.reason.pinnedSuccessor": "{name} được ấn định vào {post} trong dữ liệu kỳ điều động",
        "report.reason.relativeInUnit": "có người thân là {name} công tác tại {unit} sau kỳ điều động (quy định: {rule})",
        "report.reason.localHead": "là người địa phương ({locality}) ở chức vụ người đứng đầu {post} (quy định: {rule})",
        "report.reason.oneOfEligible": "là một trong {count} người đáp ứng mọi quy định",
        "report.reason.onlyYoung": "là cán bộ trẻ duy nhất của tập thể (quy định: {rule})",
        "report.reason.onlyWoman": "là cán bộ nữ duy nhất của tập thể (quy định: {rule})",
        "report.reason.neededYoung": "là một trong {count} cán bộ trẻ mà tập thể cần có (quy định: {rule})",
        "report.reason.onlyAgeBand": "là cán bộ duy nhất của tập thể thuộc nhóm tuổi này (quy định: {rule})",
        "report.reason.succeededBy": "{post} do {name} đảm nhiệm (điểm phù hợp {fit})",
        "report.reason.succeededByAgainst": "{post} do {name} đảm nhiệm (điểm phù hợp {fit} so với {own})",
        "report.reason.fitHere": "điểm phù hợp {new} ở chức vụ mới",
        "report.reason.fitHereAgainst": "điểm phù hợp {new} ở chức vụ mới so với {old} ở chức vụ cũ",
        "report.reason.equallyWorth":
            "{names} cũng có giá trị như nhau ở chức vụ này (nếu phương án với họ tốt như nhau, thứ tự đã nêu quyết định: ít lượt thay đổi chức vụ nhất, sau đó xếp hạng)",
        "report.reason.fitsBetter": "phù hợp hơn với chức vụ mới (điểm phù hợp {new} so với {old})",
        "report.reason.successorFitsBetter": "{name} phù hợp hơn với chức vụ (điểm phù hợp {successor} so với {own})",
        "report.reason.noPostWorthRelease": "không có chức vụ nào khác mà các quy định cho phép có lợi hơn việc cho thôi",
        "report.reason.retirementAge": "đã đến tuổi nghỉ hưu ({age} tuổi năm {year}; năm nghỉ hưu {retirementYear})",
        "report.reason.noEligibleCadre": "không có cán bộ nào đáp ứng mọi quy định cho chức vụ này",
        "report.reason.eligibleServeElsewhere": "{count} người đủ điều kiện đều đã được bố trí nơi khác hoặc sẽ làm phương án kém hơn",

        // What opens a vacancy chain.
        "report.opening.retires": "{name} nghỉ hưu ({year})",
        "report.opening.released": "{name} thôi giữ chức",
        "report.opening.movesTo": "{name} chuyển sang {post}",
        "report.opening.wasVacant": "chức vụ đang trống",

        // The header and the record of the plan.
        "report.kicker": "Đợt luân chuyển cán bộ: phương án trình Thường vụ",
        "report.record.planningYear": "Năm kế hoạch",
        "report.record.sha256": "SHA-256 của tệp kịch bản",
        "report.record.producedBy": "Lập bởi",
        "report.record.objective": "Giá trị mục tiêu",

        // A round without a plan.
        "report.noPlan.heading": "Vì sao không có phương án",
        "report.noPlan.diagnose": "Lệnh `planner diagnose` chỉ ra các quy định mâu thuẫn nhau.",
        "report.noPlan.conflicts": "Các quy định bắt buộc sau không thể cùng được đáp ứng:",

        // The sections.
        "report.section.figures": "Các chỉ tiêu trước và sau đợt luân chuyển",
        "report.section.charts": "Biểu đồ",
        "report.section.chains": "Các chuỗi thay thế",
        "report.section.changes": "Thay đổi theo từng đơn vị",
        "report.section.teams": "Nhân sự từng đơn vị trước và sau",
        "report.section.slates": "Quy hoạch kế nhiệm các chức danh chủ chốt",

        // Table columns.
        "report.column.figure": "Chỉ tiêu",
        "report.column.before": "Trước",
        "report.column.after": "Sau",
        "report.column.target": "Mục tiêu",
        "report.column.post": "Chức vụ",
        "report.column.name": "Họ và tên",
        "report.column.ageAndSex": "Tuổi, giới tính",
        "report.column.holdsBefore": "Chức vụ trước đợt luân chuyển",
        "report.column.ready": "Sẵn sàng",

        // The figures before and after.
        "report.figures.women": "Cán bộ nữ trong lãnh đạo",
        "report.figures.teamsWithAWoman": "Tập thể có cán bộ nữ",
        "report.figures.everyTeam": "mọi tập thể",
        "report.figures.young": "Cán bộ trẻ (dưới {age} tuổi) trong tập thể cấp cơ sở",
        "report.figures.youngValue": "{young}; {met} / {teams} tập thể đạt",
        "report.figures.youngTarget": "≥ {count} mỗi tập thể",
        "report.figures.nonLocalHeads": "Người đứng đầu không là người địa phương",
        "report.figures.ageBalance": "Tập thể có đủ các nhóm tuổi",
        "report.figures.ageBalanceTarget": "≥ {bands} nhóm tuổi mỗi tập thể",
        "report.figures.vacancies": "Chức vụ để trống",
        "report.figures.moves": "Điều động",
        "report.figures.appointments": "Bổ nhiệm từ nguồn quy hoạch",
        "report.figures.releases": "Cho thôi chức vụ",
        "report.figures.retirements": "Nghỉ hưu",

        // The charts.
        "report.chart.before": "trước",
        "report.chart.after": "sau",
        "report.chart.beforeTheRound": "trước đợt luân chuyển",
        "report.chart.under": "dưới {age}",
        "report.chart.andOver": "từ {age} trở lên",
        "report.chart.ageAndSex": "Cơ cấu lãnh đạo theo nhóm tuổi và giới tính",
        "report.chart.teamsWith": "tập thể có {count}",
        "report.chart.teamsWithOrMore": "tập thể có từ {count} trở lên",
        "report.chart.target": "mục tiêu",
        "report.chart.womenPerTeam": "Số cán bộ nữ mỗi tập thể lãnh đạo",
        "report.chart.youngPerTeam": "Số cán bộ trẻ mỗi tập thể cấp cơ sở",

        // The vacancy chains.
        "report.chains.none": "Không có chức vụ nào thay đổi người đảm nhiệm.",
        "report.chains.ring": "Luân chuyển vòng: mỗi người nhận chức vụ của người kế tiếp.",
        "report.chains.from": "{post} ← {name}, từ {from}",
        "report.chains.fromThePool": "{post} ← {name}, từ nguồn quy hoạch",

        // The changes and the teams.
        "report.changes.none": "Không có thay đổi.",
        "report.teams.vacant": "trống",

        // The successor slates.
        "report.slates.madeFrom": "Lập theo nhân sự trước đợt luân chuyển, như lệnh `planner succession`.",
        "report.slates.incumbent": "Người đương nhiệm trước đợt luân chuyển: {name}",
        "report.slates.incumbentRetires": "Người đương nhiệm trước đợt luân chuyển: {name}, đến tuổi nghỉ hưu năm {year}",
        "report.slates.pool": "nguồn quy hoạch",
        "report.slates.ready": "có",
        "report.slates.notReady": "chưa",
        "report.slates.none": "Chưa có người được quy hoạch.",
        "report.risk.noCandidate": "Rủi ro: không có người kế nhiệm",
        "report.risk.singleCandidate": "Rủi ro: chỉ có một người kế nhiệm",
        "report.risk.retiresWithoutReadySuccessor": "Rủi ro: người đương nhiệm nghỉ hưu trong nhiệm kỳ mà chưa có người kế nhiệm sẵn sàng",
    ]
}
