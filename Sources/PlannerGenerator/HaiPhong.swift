/// Place names and personal names the generator draws from. The localities are the areas of
/// Hai Phong after the 2025 merger with Hai Duong (former districts and towns); the names
/// follow the frequencies of Vietnamese family names.
enum HaiPhong {
    /// (id, name, urban?) of each area.
    static let areas: [(id: String, name: String, urban: Bool)] = [
        ("hong-bang", "Hồng Bàng", true), ("ngo-quyen", "Ngô Quyền", true), ("le-chan", "Lê Chân", true),
        ("hai-an", "Hải An", true), ("kien-an", "Kiến An", true), ("do-son", "Đồ Sơn", true), ("duong-kinh", "Dương Kinh", true),
        ("thuy-nguyen", "Thủy Nguyên", true), ("an-duong", "An Dương", false), ("an-lao", "An Lão", false),
        ("kien-thuy", "Kiến Thụy", false), ("tien-lang", "Tiên Lãng", false), ("vinh-bao", "Vĩnh Bảo", false),
        ("cat-hai", "Cát Hải", false), ("bach-long-vi", "Bạch Long Vĩ", false), ("hai-duong", "Hải Dương", true),
        ("chi-linh", "Chí Linh", true), ("kinh-mon", "Kinh Môn", true), ("nam-sach", "Nam Sách", false),
        ("kim-thanh", "Kim Thành", false), ("thanh-ha", "Thanh Hà", false), ("cam-giang", "Cẩm Giàng", false),
        ("binh-giang", "Bình Giang", false), ("gia-loc", "Gia Lộc", false), ("tu-ky", "Tứ Kỳ", false),
        ("ninh-giang", "Ninh Giang", false), ("thanh-mien", "Thanh Miện", false),
    ]

    /// Provinces cadres rotated in from elsewhere come from.
    static let otherProvinces: [(id: String, name: String)] = [
        ("ha-noi", "Hà Nội"), ("thai-binh", "Thái Bình"), ("quang-ninh", "Quảng Ninh"), ("hung-yen", "Hưng Yên"), ("nam-dinh", "Nam Định"),
    ]

    /// Provinces a generated region adds beside Hai Phong (their areas are numbered).
    static let regionProvinces: [(id: String, name: String)] = [
        ("thai-nguyen", "Thái Nguyên"), ("bac-ninh", "Bắc Ninh"), ("lang-son", "Lạng Sơn"), ("cao-bang", "Cao Bằng"),
        ("tuyen-quang", "Tuyên Quang"), ("lao-cai", "Lào Cai"), ("phu-tho", "Phú Thọ"), ("son-la", "Sơn La"), ("dien-bien", "Điện Biên"),
        ("lai-chau", "Lai Châu"), ("ninh-binh", "Ninh Bình"), ("thanh-hoa", "Thanh Hóa"), ("nghe-an", "Nghệ An"), ("ha-tinh", "Hà Tĩnh"),
    ]

    static let communeFirst = [
        "An", "Bình", "Hòa", "Hưng", "Phú", "Tân", "Thuận", "Vĩnh", "Đông", "Tây", "Nam", "Bắc", "Trung", "Quang", "Minh", "Thanh", "Hồng",
        "Kiến", "Đại", "Hợp",
    ]
    static let communeSecond = [
        "Lão", "Hải", "Thịnh", "Phong", "Lộc", "Sơn", "Hà", "Lạc", "Thái", "Yên", "Khê", "Xuyên", "Đồng", "Tiến", "Thành", "Long", "Hòa",
        "Phúc",
    ]

    /// (name, fields of expertise its posts ask for)
    static let departments: [(name: String, fields: [String])] = [
        ("Văn phòng Thành ủy", ["administration", "party-building"]), ("Ban Tổ chức Thành ủy", ["party-building", "administration"]),
        ("Ban Tuyên giáo và Dân vận", ["culture", "party-building"]), ("Ủy ban Kiểm tra Thành ủy", ["law", "party-building"]),
        ("Văn phòng UBND thành phố", ["administration", "law"]), ("Sở Tài chính", ["finance", "economics"]),
        ("Sở Xây dựng", ["construction", "transport", "planning"]),
        ("Sở Nông nghiệp và Môi trường", ["agriculture", "land", "environment"]),
        ("Sở Công Thương", ["industry", "economics"]), ("Sở Khoa học và Công nghệ", ["science-technology"]),
        ("Sở Y tế", ["health"]), ("Sở Giáo dục và Đào tạo", ["education"]), ("Sở Văn hóa, Thể thao và Du lịch", ["culture", "tourism"]),
        ("Sở Nội vụ", ["administration", "labour"]), ("Sở Tư pháp", ["law"]), ("Thanh tra thành phố", ["law", "finance"]),
        ("Sở Dân tộc và Tôn giáo", ["culture", "administration"]), ("Sở Ngoại vụ", ["economics", "administration"]),
        ("Ban Quản lý Khu kinh tế", ["economics", "planning", "industry"]), ("Đài Phát thanh và Truyền hình", ["culture"]),
        ("Trường Chính trị Tô Hiệu", ["party-building", "education"]), ("Báo Hải Phòng", ["culture"]),
        ("Liên đoàn Lao động thành phố", ["labour"]), ("Hội Nông dân thành phố", ["agriculture"]),
        ("Thành đoàn", ["party-building", "culture"]),
    ]

    static let fields = [
        "administration", "economics", "law", "finance", "land", "environment", "planning", "construction", "transport",
        "agriculture", "health", "education", "science-technology", "party-building", "culture", "industry", "tourism", "labour",
    ]

    static let familyNames: [(String, Double)] = [
        ("Nguyễn", 38), ("Trần", 11), ("Lê", 9.5), ("Phạm", 7), ("Hoàng", 5), ("Phan", 4.5), ("Vũ", 3.9), ("Đặng", 2.1),
        ("Bùi", 2), ("Đỗ", 1.4), ("Hồ", 1.3), ("Ngô", 1.3), ("Dương", 1), ("Lý", 0.5), ("Đinh", 1), ("Mai", 0.8),
    ]
    static let maleMiddle = ["Văn", "Hữu", "Đức", "Minh", "Quang", "Xuân", "Thanh", "Công", "Mạnh", "Tiến"]
    static let femaleMiddle = ["Thị", "Thu", "Ngọc", "Thanh", "Hồng", "Minh", "Thúy", "Phương"]
    static let maleGiven = [
        "Hùng", "Dũng", "Tuấn", "Minh", "Hải", "Long", "Nam", "Thắng", "Sơn", "Cường", "Quân", "Phong", "Khánh", "Trung", "Bình", "Hưng",
        "Thành", "Đạt", "Toàn", "Hiếu", "Lâm", "Vinh",
    ]
    static let femaleGiven = [
        "Lan", "Hương", "Hoa", "Mai", "Hà", "Linh", "Thảo", "Trang", "Ngọc", "Huyền", "Nga", "Phương", "Thủy", "Yến", "Hạnh", "Dung",
        "Oanh", "Vân",
    ]
}
