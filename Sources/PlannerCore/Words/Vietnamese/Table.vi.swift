extension Catalogue {
    /// The words of the plan's table (`solve`).
    static let vietnameseTable: [String: String] = [
        "table.title": "Phương án điều động: {name} (năm kế hoạch {year})",

        // The status line, as every plan's table (and the slates') opens.
        "table.statusLine": "Tình trạng: {status}",
        "table.statusLine.objective": "Tình trạng: {status}; giá trị mục tiêu {objective}",
        "table.statusLine.bound": "Tình trạng: {status}; giá trị mục tiêu {objective}, cận {bound}, khoảng cách {gap}",
        "table.status.optimal": "phương án tốt nhất theo các quy định này, đã được chứng minh",
        "table.status.feasible": "phương án khả thi (chưa chứng minh là tốt nhất)",
        "table.status.infeasible": "không có phương án: các quy định bắt buộc không thể cùng được đáp ứng",
        "table.status.noPlanWithinTimeLimit": "không tìm được phương án trong thời gian cho phép",
        "table.status.stopped": "việc tìm kiếm đã dừng trước khi có phương án",

        // A search stopped by a signal ({cause}: SIGINT, SIGTERM).
        "table.stopped.withPlan": "Dừng do {cause} trước khi việc tìm kiếm kết thúc: phương án tốt nhất tìm được đến lúc đó.",
        "table.stopped.withoutPlan": "Dừng do {cause} trước khi việc tìm kiếm kết thúc: chưa tìm được phương án nào.",

        // How the plan was chosen among the plans of its objective.
        "table.preference.statedOrder": "Trong các phương án cùng giá trị mục tiêu: theo thứ tự đã nêu là {order}.",
        "table.preference.fewest": "Trong các phương án cùng giá trị mục tiêu: phương án có {fewest} ({count})",
        "table.preference.changes": "Trong các phương án cùng giá trị mục tiêu: {count} lần thay đổi chức vụ",
        "table.preference.then": "{choice}, sau đó {next}",
        // The stated order's keys (`PreferenceOrder.Key`), as the line above names them.
        "table.preference.key.fewestChanges": "ít lượt thay đổi chức vụ nhất",
        "table.preference.key.ratingByRank": "cán bộ được đánh giá cao hơn ở chức vụ quan trọng hơn",
        "table.preference.key.closestToPlan": "ít thay đổi chức vụ nhất so với phương án (phương án đối chứng của explain)",

        // A round without a plan.
        "table.noPlan.proof": "Chứng minh: {proof}.",
        "table.noPlan.conflicts": "Các quy định bắt buộc sau không thể cùng được đáp ứng:",
        "table.noPlan.moreConflicts": "… và còn {count} nữa (--format json liệt kê đầy đủ)",
        "table.noPlan.diagnose": "Chạy `planner diagnose` để biết các quy định mâu thuẫn.",

        // The lists and their columns.
        "table.heading.moves": "Chuyển vị trí",
        "table.heading.appointments": "Bổ nhiệm từ nguồn quy hoạch",
        "table.heading.stays": "Giữ nguyên vị trí",
        "table.heading.vacancies": "Vị trí để trống",
        "table.heading.releases": "Thôi giữ chức vụ (không có vị trí sau đợt điều động)",
        "table.heading.retirements": "Nghỉ hưu",
        "table.heading.why": "Lý do",
        "table.heading.figures": "Các chỉ số",
        "table.heading.objective": "Giá trị mục tiêu",
        "table.heading.penalties": "Quy định mềm chưa đáp ứng đủ",
        "table.column.cadre": "MÃ CÁN BỘ",
        "table.column.name": "HỌ VÀ TÊN",
        "table.column.from": "TỪ",
        "table.column.to": "ĐẾN",
        "table.column.post": "VỊ TRÍ",
        "table.column.retirementYear": "NĂM NGHỈ HƯU",
        "table.column.change": "THAY ĐỔI",
        "table.column.reason": "LÝ DO",
        "table.column.rule": "QUY ĐỊNH",
        "table.column.where": "Ở ĐÂU",
        "table.column.shortBy": "THIẾU",
        "table.column.price": "MỨC PHẠT",
        "table.column.cost": "TỔNG",

        // `--explain`: each change as the plan records it.
        "table.why.move": "{cadre} chuyển sang {post}",
        "table.why.appointment": "{cadre} được bổ nhiệm vào {post}",
        "table.why.release": "{cadre} thôi giữ {post}",
        "table.why.retirement": "{cadre} nghỉ hưu, thôi giữ {post}",
        "table.why.vacancy": "{post} để trống",

        // The figures: each entry a line, label and value parted by a tab; appointments and
        // stays, releases and retirements each on their own line.
        "table.figures.women": "Nữ lãnh đạo\t{women}",
        "table.figures.womenValue": "{women} / {filled} vị trí lãnh đạo đã bố trí",
        "table.figures.share": "{value} ({share})",
        "table.figures.target": "{value}, chỉ tiêu {target}",
        "table.figures.teamsWithAWoman": "Tập thể có cán bộ nữ\t{teams} / {all}",
        "table.figures.young": "Cán bộ trẻ ở cơ sở\t{young} dưới {age} tuổi; {met} / {teams} tập thể có {min}",
        "table.figures.nonLocalHeads": "Không phải người địa phương\t{heads}",
        "table.figures.nonLocalValue": "{heads} / {filled} vị trí người đứng đầu đã bố trí",
        "table.figures.ageBalance": "Cơ cấu độ tuổi\t{met} / {teams} tập thể có đủ {bands} độ tuổi",
        "table.figures.moves": "Chuyển vị trí\t{moves}",
        "table.figures.movesLimit": "{moves} (tối đa {limit})",
        "table.figures.appointmentsAndStays": "Bổ nhiệm từ nguồn\t{appointments}\nGiữ nguyên vị trí\t{stays}",
        "table.figures.vacancies": "Vị trí để trống\t{vacancies}",
        "table.figures.releasesAndRetirements": "Thôi giữ chức vụ\t{releases}\nNghỉ hưu\t{retirements}",

        // The objective's terms.
        "table.objective.terms":
            "điểm phù hợp {fit} − điều động {moves} − để trống {vacancies} − cho thôi {releases} − phạt quy định mềm {penalties} = {total}",

        // Where a soft rule falls short (`PlanReport.PenaltyPlaces`).
        "table.subject.leadershipPosts": "các vị trí lãnh đạo",
        "table.subject.listedHeadPosts": "các vị trí người đứng đầu",
        "table.subject.moves": "số lượt điều động của đợt",
        "table.subject.relatives": "{first} và {second} tại {unit}",
        "table.subject.cadreInPost": "{cadre} tại chức vụ {post}",

        // The last line.
        "table.footer": "Giải bằng {solver} {version}; SHA-256 của kịch bản {sha256}…",
        "table.footer.timed": "Giải bằng {solver} {version} trong {solve} s (dựng mô hình {build} s); SHA-256 của kịch bản {sha256}…",
    ]
}
