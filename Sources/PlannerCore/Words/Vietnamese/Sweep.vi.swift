extension Catalogue {
    /// Các từ của bảng khảo sát theo tham số (`sweep`).
    static let vietnameseSweep: [String: String] = [
        "sweep.title": "Khảo sát theo tham số",
        "sweep.heading": "Khảo sát kịch bản {file} theo {parameters}",
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
