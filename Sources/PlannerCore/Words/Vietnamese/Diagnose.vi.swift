extension Catalogue {
    /// Lời của bản chẩn đoán (`diagnose`, `solve` khi không có phương án).
    static let vietnameseDiagnose: [String: String] = [
        "diagnose.title": "Chẩn đoán",
        "diagnose.feasible": "Đợt luân chuyển có phương án khả thi: không có quy định nào mâu thuẫn.",
        "diagnose.undecided":
            "Trong thời gian cho phép chưa xác định được đợt luân chuyển có phương án hay không: chưa kết luận gì (chạy lại `planner diagnose` với --time-limit dài hơn, hoặc `planner solve`, để xác định).",
        "diagnose.fewest.notFound":
            "Đợt luân chuyển không có phương án khả thi; chưa tìm được số ràng buộc ít nhất cần nới lỏng trong thời gian cho phép (chạy lại `planner diagnose` với --time-limit dài hơn).",
        "diagnose.undecided.stopped":
            "Quá trình chẩn đoán bị dừng (Ctrl-C hoặc tín hiệu) trước khi xác định được đợt luân chuyển có phương án hay không: chưa kết luận gì.",
        "diagnose.fewest.notFound.stopped":
            "Đợt luân chuyển không có phương án khả thi; quá trình chẩn đoán bị dừng (Ctrl-C hoặc tín hiệu) trước khi tìm được số ràng buộc ít nhất cần nới lỏng (chạy `planner diagnose` đến khi kết thúc để tìm).",
        "diagnose.conflict.none.stopped": "Chưa tách được nhóm quy định mâu thuẫn trước khi quá trình chẩn đoán bị dừng.",
        "diagnose.fewest": "Ít nhất phải nới lỏng {count} ràng buộc của các quy định",
        "diagnose.fewest.unproven":
            "Cần nới lỏng {count} ràng buộc của các quy định (quá trình tìm kiếm dừng lại trước khi chứng minh được không thể ít hơn)",
        "diagnose.fewest.sampled":
            "Cần nới lỏng {count} ràng buộc của các quy định (chỉ tính trên các ứng viên có điểm đánh giá cao nhất của mỗi chức danh: đợt luân chuyển quá lớn để chứng minh không thể ít hơn, xem docs/model.md)",
        "diagnose.fewest.yields": "; bỏ các ràng buộc này thì đợt luân chuyển có phương án (đã kiểm tra bằng cách giải lại)",
        "diagnose.fewest.stillNoPlan":
            "; nhưng bỏ các ràng buộc này, giải lại vẫn không tìm được phương án (mô hình nới lỏng và đợt luân chuyển không khớp: xin báo lại đợt này)",
        "diagnose.fewest.unchecked": "; hết thời gian cho phép trước khi kiểm tra được đợt luân chuyển khi đó có phương án hay không",
        "diagnose.conflict.none": "Không tách được nhóm quy định mâu thuẫn trong thời gian cho phép.",
        "diagnose.conflict": "Một mâu thuẫn: {count} ràng buộc không thể cùng được đáp ứng",
        "diagnose.conflict.one": "Một mâu thuẫn: {count} ràng buộc không thể được đáp ứng",
        "diagnose.conflict.irreducible.one": "; riêng ràng buộc này cũng không thể đáp ứng (đã kiểm tra bằng cách giải lại)",
        "diagnose.conflict.evident.one":
            "; riêng ràng buộc này cũng không thể đáp ứng (thấy ngay từ dữ liệu của đợt luân chuyển, không cần giải)",
        "diagnose.conflict.irreducible":
            "; bỏ bất kỳ ràng buộc nào thì các ràng buộc còn lại đều đáp ứng được (từng trường hợp đã kiểm tra bằng cách giải lại)",
        "diagnose.conflict.evident":
            "; bỏ bất kỳ ràng buộc nào thì các ràng buộc còn lại đều đáp ứng được (thấy ngay từ dữ liệu của đợt luân chuyển, không cần giải)",
        "diagnose.conflict.mayReduce": " (một số phép thử bỏ bớt đã hết thời gian: nhóm này có thể chưa tối giản)",
        "diagnose.solves": "Đã giải {count} lần để chẩn đoán.",
        "diagnose.subject.post": "chức vụ {id}",
        "diagnose.subject.cadre": "cán bộ {id}",
        "diagnose.subject.unit": "đơn vị {id}",
        "diagnose.subject.cadres": "cán bộ {first} và {second}",
        "diagnose.subject.round": "toàn đợt",
        "diagnose.subject.pair": "{cadre} vào {post}",
        "diagnose.ruleBinds": "quy định {rule} ràng buộc",
        "diagnose.keepsOut.others": "quy định này loại {cadres}, mỗi người cũng không đáp ứng một quy định khác",
        "diagnose.keepsOut.alone": "quy định này loại {cadres}; trong đó {count} người đáp ứng mọi quy định khác cho chức vụ này ({ids})",
        "diagnose.recheck.foundPlan":
            "phương án ghi đợt luân chuyển không có phương án khả thi, nhưng giải lại đã tìm được (tổng điểm {objective})",
        "diagnose.recheck.infeasibleUnconfirmed":
            "giải lại trong thời gian cho phép không tìm được phương án nhưng cũng không chứng minh được là không có: kết luận \"không khả thi\" chưa được xác nhận",
        "diagnose.recheck.provenInfeasible":
            "phương án ghi trạng thái {status}, nhưng giải lại chứng minh đợt luân chuyển không có phương án khả thi",
        "diagnose.recheck.boundBelowOptimum": "cận trên đã nêu {bound} thấp hơn tổng điểm tối ưu {optimum} mà giải lại tìm được",
        "diagnose.recheck.notOptimal":
            "phương án ghi là \"tối ưu\" với tổng điểm {objective}, nhưng giải lại tìm được phương án đạt {optimum}",
        "diagnose.recheck.optimalUnconfirmed":
            "giải lại không chứng minh được phương án tối ưu trong thời gian cho phép, nên kết luận \"tối ưu\" chưa được xác nhận",
        "diagnose.recheck.boundBelowPlan": "cận trên đã nêu {bound} thấp hơn một phương án đạt {found} mà giải lại tìm được",
        "diagnose.recheck.boundUnconfirmed":
            "giải lại không chứng minh được phương án tối ưu trong thời gian cho phép, nên cận trên đã nêu {bound} chưa được xác nhận",
    ]
}
