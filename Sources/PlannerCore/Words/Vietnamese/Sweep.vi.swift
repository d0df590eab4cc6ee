extension Catalogue {
    /// Các từ của bảng khảo sát theo tham số (`sweep`).
    static let vietnameseSweep: [String: String] = [
        "sweep.page.kicker": "Đợt luân chuyển cán bộ: khảo sát từng giá trị của một thiết lập",
        "sweep.heading": "Khảo sát kịch bản {file} theo {parameters}",
        "sweep.headingNamed": "Khảo sát kịch bản {name} ({file}) theo {parameters}",
        "sweep.unsolved": "{count} giá trị chưa được giải: {cause}",
        "sweep.stoppedBy": "dừng do tín hiệu {cause}",
        "sweep.stopped": "việc khảo sát đã bị dừng",
        "sweep.stoppedDuringSearch": "(trong đó {count} giá trị bị dừng khi đang giải)",
        "sweep.column.status": "tình trạng",
        "sweep.column.objective": "giá trị mục tiêu",
        "sweep.column.gap": "khoảng cách",
        "sweep.column.moves": "điều động",
        "sweep.column.vacancies": "để trống",
        "sweep.column.women": "nữ",
        "sweep.column.womenShare": "tỷ lệ nữ",
        "sweep.column.young": "cán bộ trẻ ở cơ sở",
        "sweep.column.nonLocalShare": "tỷ lệ người đứng đầu không phải người địa phương",
        "sweep.column.ageBalance": "tập thể đạt cơ cấu độ tuổi",
        "sweep.column.solveSeconds": "thời gian giải (s)",
    ]
}
