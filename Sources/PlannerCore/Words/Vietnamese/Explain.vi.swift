extension Catalogue {
    /// Lời của bản giải thích (`explain`, `explain --why-not`).
    static let vietnameseExplain: [String: String] = [
        "explain.title": "Giải thích: {subject}",
        "explain.fit":
            "điểm phù hợp {total} = điểm đánh giá {rating} + phù hợp chuyên ngành {fieldMatch} + ổn định chức vụ {continuity}",
        "explain.fit.move": " − chi phí điều động {price}",
        "explain.objective": "Tổng điểm của phương án: {objective} ({status})",
        "explain.heading.forced": "Buộc bố trí rồi giải lại:",
        "explain.heading.runnersUp": "Các ứng viên kế tiếp, mỗi người được giải lại với giả định giữ chức vụ này:",
        "explain.heading.otherPosts": "Các chức vụ khác, mỗi chức vụ được giải lại với giả định cán bộ giữ chức vụ đó:",
        "explain.heading.leftOut": "Không được đề xuất:",
        "explain.exemptAsIncumbent":
            "{cadre} tiếp tục giữ chức vụ của mình nên không áp dụng tiêu chuẩn đối với người mới bổ nhiệm: {rules}",
        "explain.alreadyHolds":
            "{cadre} đã được bố trí vào chức vụ {post} trong phương án: không cần buộc bố trí và giải lại",
        "explain.contrast.breaks": "không đủ điều kiện; nếu vẫn bố trí thì vi phạm quy định ",
        "explain.contrast.noPlan": "không có phương án nào với phân công này: {status}",
        "explain.contrast.unsettled": "chưa có kết luận: {status}",
        "explain.stopped":
            "Đã dừng trước khi mọi lượt giải kết thúc: phương án trên có thể chưa phải phương án được ưu tiên theo thứ tự đã công bố giữa các phương án ngang nhau; các ứng viên chưa có kết luận được ghi rõ.",
        "explain.contrast.loses": "tổng điểm của phương án sẽ là {objective}: giảm {difference} so với phương án đề xuất",
        "explain.contrast.gains": "tổng điểm của phương án sẽ là {objective}: tăng {difference} so với phương án đề xuất",
        "explain.contrast.gainsByBreaking":
            "tổng điểm của phương án sẽ là {objective}: cao hơn {difference} chỉ vì bỏ qua các quy định bị vi phạm; phương án đề xuất tuân thủ các quy định đó",
        "explain.contrast.others": "những người khác phải thay đổi chức vụ: {changes}",
        "explain.leftOut.eligible": "đủ điều kiện; điểm phù hợp {fit}",
        "explain.leftOut.holders": ", người được đề xuất đạt {fit}",
        "explain.leftOut.holds": "; theo phương án giữ chức vụ {post}",
        "explain.leftOut.heldBy": "; theo phương án do {cadre} đảm nhiệm",
        "explain.leftOut.vacant": "; theo phương án để trống",
        "explain.leftOut.notResolved": " (chưa giải lại)",
        "explain.leftOut.notEligible": "không đủ điều kiện ({rule}): {text}",
        "explain.leftOut.others": "và {count} trường hợp khác, mỗi trường hợp bị loại bởi từ hai quy định trở lên",
        "explain.tie.vacant": "để trống chức vụ",
        "explain.tie.unreached":
            "tốt ngang nhau cho cả đợt; theo thứ tự ưu tiên đã nêu ({order}) thì {cadre} được ưu tiên ở đây: việc chọn giữa các phương án ngang nhau chưa đi đến bước này (ghi chú về thứ tự ưu tiên của phương án nêu lý do)",
        "explain.tie.fewerChanges":
            "tốt ngang nhau cho cả đợt; phương án chọn {holder} vì ít hơn {count} người phải thay đổi chức vụ ({plan} so với {alternative})",
        "explain.tie.rank":
            "tốt ngang nhau cho cả đợt, với cùng số người thay đổi chức vụ; phương án chọn {holder} theo tiêu chí cuối của thứ tự ưu tiên: cán bộ xếp hạng cao hơn vào chức vụ xếp hạng cao hơn, xếp hạng theo điểm đánh giá và trọng số, rồi theo mã ({plan} so với {alternative})",
        "explain.tie.equal":
            "tốt ngang nhau cho cả đợt và ngang nhau theo mọi tiêu chí của thứ tự ưu tiên; phương án được chọn theo thứ tự mã trong dữ liệu của đợt",
        "explain.order.fewestChanges": "ít người thay đổi chức vụ nhất",
        "explain.order.ratingByRank": "cán bộ xếp hạng cao hơn vào chức vụ xếp hạng cao hơn",
        "explain.outcome.stay": "giữ nguyên",
        "explain.outcome.move": "điều động",
        "explain.outcome.appointment": "bổ nhiệm",
        "explain.outcome.vacant": "để trống",
        "explain.outcome.released": "thôi giữ chức",
        "explain.outcome.retired": "nghỉ hưu",
        "explain.outcome.not_in_a_post": "không giữ chức vụ",
        "explain.status.optimal": "tối ưu",
        "explain.status.feasible": "khả thi, chưa chứng minh là tối ưu",
        "explain.status.infeasible": "không có phương án khả thi",
        "explain.status.noPlanWithinTimeLimit": "chưa tìm được phương án trong thời gian cho phép",
        "explain.status.stopped": "đã dừng tìm kiếm",
        "explain.sentence.optimal": "tối ưu",
        "explain.sentence.feasible": "khả thi (chưa chứng minh là tối ưu)",
        "explain.sentence.infeasible": "không có phương án khả thi: các quy định bắt buộc không thể cùng được đáp ứng",
        "explain.sentence.noPlanWithinTimeLimit": "không tìm được phương án trong thời gian cho phép",
        "explain.sentence.stopped": "việc tìm kiếm đã dừng trước khi có phương án",
    ]
}
