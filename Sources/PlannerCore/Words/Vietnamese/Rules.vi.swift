extension Catalogue {
    /// Lời của từng quy định về một chức vụ, một tập thể hay một cán bộ (chẩn đoán, giải thích).
    static let vietnameseRules: [String: String] = [
        "rules.count.cadres": "{count} cán bộ",
        "rules.count.posts": "{count} chức vụ",
        "rules.team": "tập thể lãnh đạo {unit} ({posts})",
        // Tiêu chuẩn bổ nhiệm, từng yêu cầu.
        "rules.education.requires": "yêu cầu trình độ {education} trở lên",
        "rules.education.lacks": "có trình độ {has}; {post} yêu cầu trình độ {education} trở lên",
        "rules.education.aDegree": "đào tạo",
        "rules.education.more": "tương ứng",
        "rules.fields.asks": "yêu cầu một trong các chuyên ngành {fields}",
        "rules.fields.lacks": "không có chuyên ngành nào mà {post} yêu cầu ({fields})",
        "rules.minRating.requires": "yêu cầu điểm đánh giá từ {rating} trở lên",
        "rules.minRating.below": "điểm đánh giá {rating}, thấp hơn mức {least} mà {post} yêu cầu",
        "rules.maxAge.takes": "không bổ nhiệm người quá {age} tuổi",
        "rules.maxAge.over": "{age} tuổi, quá mức {most} tuổi khi bổ nhiệm vào {post}",
        "rules.serviceLeft.cadre": "{cadre} còn {years} năm công tác; bổ nhiệm chức vụ mới phải còn đủ {needed} năm",
        "rules.serviceLeft.left": "còn {years} năm công tác; bổ nhiệm chức vụ mới phải còn đủ {needed} năm",
        "rules.serviceLeft.cadre.retiring": "{cadre} đã đến tuổi nghỉ hưu; bổ nhiệm chức vụ mới phải còn đủ {needed} năm công tác",
        "rules.serviceLeft.left.retiring": "đã đến tuổi nghỉ hưu; bổ nhiệm chức vụ mới phải còn đủ {needed} năm công tác",
        "rules.planning.takes":
            "chỉ nhận cán bộ đã được quy hoạch chức danh {title} (không giới hạn địa bàn hoặc tại địa bàn của đơn vị này) hoặc được quy hoạch vào chính chức vụ {post}",
        "rules.planning.notPlanned": "chưa được quy hoạch chức danh {title} tại {unit}",
        // Nghỉ hưu, giữ nguyên, thời hạn giữ chức vụ, cho thôi, phải bố trí.
        "rules.retirement.reached": "đã đến tuổi nghỉ hưu từ năm {year}",
        "rules.retirement.reaches": "đến tuổi nghỉ hưu vào năm {year}",
        "rules.retirement.reached.noPost": "{cadre} đã đến tuổi nghỉ hưu từ năm {year}, không được giữ chức vụ",
        "rules.retirement.reaches.noPost": "{cadre} đến tuổi nghỉ hưu vào năm {year}, không được giữ chức vụ",
        "rules.locks.lockedOut": "{cadre} không thuộc diện luân chuyển trong đợt này",
        "rules.locks.forbidden": "{cadre} không được giữ chức vụ {post} (phân công bị cấm)",
        "rules.locks.lockedIn": "{cadre} được giữ nguyên ở {post}",
        "rules.locks.pinned": "{cadre} được ấn định vào {post}",
        "rules.locks.theirPost": "chức vụ hiện tại",
        "rules.locks.isLockedOut": "không thuộc diện luân chuyển trong đợt này",
        "rules.locks.isForbidden": "phân công {cadre} vào {post} bị cấm",
        "rules.locks.isLockedIn": "được giữ nguyên ở {post}",
        "rules.tenure.mayNotKeep":
            "{cadre} đã giữ chức vụ {post} {years} năm; thời hạn là {limit} năm: không được tiếp tục giữ chức vụ này",
        "rules.tenure.held": "đã giữ chức vụ {post} {years} năm; thời hạn là {limit} năm",
        "rules.tenure.heldTitle": "đã giữ chức vụ {post} {years} năm; thời hạn đối với chức danh {title} là {limit} năm",
        "rules.tenure.mayNotKeepTitle":
            "{cadre} đã giữ chức vụ {post} {years} năm; thời hạn đối với chức danh {title} là {limit} năm: không được tiếp tục giữ chức vụ này",
        "rules.tenure.theIncumbent": "người đương nhiệm",
        "rules.release.keeps": "{cadre}, đang giữ chức vụ {post}, phải được bố trí một chức vụ (không cho thôi chức vụ)",
        "rules.release.aPost": "một chức vụ",
        "rules.mustFill.must": "{post} phải có người đảm nhiệm; {who}",
        "rules.mustFill.nobody": "không có cán bộ nào đáp ứng mọi quy định cho chức vụ này",
        "rules.mustFill.pass": "{cadres} đáp ứng mọi quy định cho chức vụ này ({ids})",
        "rules.mustFill.passOne": "{cadres} đáp ứng mọi quy định cho chức vụ này ({ids})",
        // Quy định về tập thể lãnh đạo.
        "rules.youth.needs":
            "{team} cần {needed} cán bộ dưới {age} tuổi; trong {candidates} cán bộ đủ điều kiện cho các chức vụ của tập thể có {young} người dưới {age} tuổi{ids}",
        "rules.youth.only": "cán bộ duy nhất của tập thể dưới {age} tuổi ({rule})",
        "rules.youth.needed": "một trong {count} cán bộ dưới {age} tuổi mà tập thể cần có ({rule})",
        "rules.womenPerTeam.needs":
            "{team} cần có cán bộ nữ; trong {candidates} cán bộ đủ điều kiện cho các chức vụ của tập thể có {women} cán bộ nữ{ids}",
        "rules.womenPerTeam.needs.one":
            "{team} cần có cán bộ nữ; trong {candidates} cán bộ đủ điều kiện cho các chức vụ của tập thể có {women} cán bộ nữ{ids}",
        "rules.womenPerTeam.only": "cán bộ nữ duy nhất của tập thể",
        "rules.ageBalance.needs":
            "{team} cần cán bộ thuộc {needed} nhóm tuổi; {candidates} cán bộ đủ điều kiện cho các chức vụ của tập thể thuộc {bands} nhóm ({names})",
        "rules.ageBalance.andOver": "từ {age} trở lên",
        "rules.ageBalance.only": "cán bộ duy nhất của tập thể thuộc nhóm tuổi này ({rule})",
        // Quy định chung của đợt.
        "rules.women.share": "cán bộ nữ phải giữ ít nhất {share} % số chức vụ lãnh đạo đã bố trí",
        "rules.nonLocalHeads.headPost": "là chức danh đứng đầu: chỉ nhận cán bộ không phải người địa phương ({locality})",
        "rules.nonLocalHeads.share": "cán bộ không phải người địa phương phải giữ ít nhất {share} % số chức danh đứng đầu đã bố trí",
        "rules.nonLocalHeads.local": "là người địa phương ({home}) tại đơn vị của {post}; đây là chức danh đứng đầu",
        "rules.moves.atMost": "tối đa {limit} người đương nhiệm được chuyển chức vụ",
        "rules.relatives.both": "{first} và {second} có quan hệ gia đình gần, không được cùng công tác tại {unit}",
    ]
}
