extension Catalogue {
    /// Words every output shares.
    static let vietnameseCommon: [String: String] = [
        "common.none": "không có",
        "common.vacant": "để trống",
        "common.yes": "có",
        "common.no": "không",
        "common.nobody": "không ai",
        "common.andMore": "và còn {count} nữa",
        "common.progress.line": "{step} · tốt nhất {best} · cận {bound} · khoảng cách {gap} · {seconds} giây",
        "common.progress.relaxation": "giải bài toán nới lỏng LP, vòng {round}",
        "common.progress.dive": "dò phương án từ nghiệm LP",
        "common.progress.search": "nhánh và cận, {nodes} nút",
        "common.progress.stage": "chọn giữa các phương án bằng nhau: {key}",
        "common.progress.none": "—",
    ]
}
