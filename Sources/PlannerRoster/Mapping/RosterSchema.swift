import Foundation

/// The roster's tables and their columns, with the names an office's sheet gives them in
/// Vietnamese and English (docs/roster-format.md lists them). Names are matched without regard
/// to case, accents written composed or decomposed, and spaces; a mapping file
/// (`RosterMapping`) adds an office's own names.
public enum RosterSchema {
    /// A kind of table, one entity per row.
    public enum TableKind: String, Sendable, CaseIterable {
        case round, localities, units, positions, cadres, relatives, planning, pinned, forbidden

        /// The names a sheet or a CSV file (without its extension) may have: the Vietnamese first,
        /// as `export` writes it.
        public var names: [String] {
            switch self {
            case .round: ["Thông tin chung", "round", "Kỳ điều động", "settings"]
            case .localities: ["Địa bàn", "localities", "Địa phương"]
            case .units: ["Đơn vị", "units", "Cơ quan đơn vị"]
            case .positions: ["Vị trí", "positions", "posts", "Chức danh", "Vị trí chức danh"]
            case .cadres: ["Cán bộ", "cadres", "people", "Danh sách cán bộ"]
            case .relatives: ["Quan hệ gia đình", "relatives", "Người thân"]
            case .planning: ["Quy hoạch", "planning"]
            case .pinned: ["Bố trí cố định", "pinned", "Cố định"]
            case .forbidden: ["Không bố trí", "forbidden"]
            }
        }

        /// The file name `export` writes (ASCII, so that every file system and zip tool keeps it).
        public var fileName: String {
            switch self {
            case .round: "thong-tin-chung"
            case .localities: "dia-ban"
            case .units: "don-vi"
            case .positions: "vi-tri"
            case .cadres: "can-bo"
            case .relatives: "quan-he-gia-dinh"
            case .planning: "quy-hoach"
            case .pinned: "bo-tri-co-dinh"
            case .forbidden: "khong-bo-tri"
            }
        }

        public var columns: [Column] {
            switch self {
            case .round:
                [Column("setting", ["Nội dung", "setting", "Mục"]), Column("value", ["Giá trị", "value"])]
            case .localities:
                [
                    Column("id", ["Mã địa bàn", "id", "Mã"]), Column("name", ["Tên địa bàn", "name", "Tên"]),
                    Column("within", ["Thuộc", "within", "Trực thuộc"]),
                ]
            case .units:
                [
                    Column("id", ["Mã đơn vị", "id", "unit id"]), Column("name", ["Tên đơn vị", "name", "unit"]),
                    Column("locality", ["Địa bàn", "locality"]), Column("grassroots", ["Cấp cơ sở", "grassroots"]),
                    Column("level", ["Cấp", "level"]),
                ]
            case .positions:
                [
                    Column("id", ["Mã vị trí", "id", "position id", "post id"]), Column("unit", ["Đơn vị", "unit", "Mã đơn vị"]),
                    Column("title", ["Chức vụ", "title", "Chức danh"]),
                    Column("leadership", ["Thuộc tập thể lãnh đạo", "leadership", "Lãnh đạo"]),
                    Column("incumbent", ["Người đang giữ", "incumbent", "Cán bộ đương nhiệm", "Mã cán bộ đương nhiệm"]),
                    Column("mustFill", ["Bắt buộc bố trí", "must fill", "mustFill"]), Column("weight", ["Trọng số", "weight"]),
                    Column("minEducation", ["Trình độ tối thiểu", "minimum education", "minEducation"]),
                    Column("fields", ["Lĩnh vực yêu cầu", "required fields", "fields"]),
                    Column("minRating", ["Điểm đánh giá tối thiểu", "minimum rating", "minRating"]),
                    Column("maxAge", ["Tuổi tối đa", "maximum age", "maxAge"]),
                ]
            case .cadres:
                [
                    Column("id", ["Mã cán bộ", "id", "cadre id", "Số hiệu cán bộ", "Số hiệu"]),
                    Column("name", ["Họ và tên", "name", "Họ tên", "full name"]), Column("gender", ["Giới tính", "gender", "sex"]),
                    Column("birthYear", ["Năm sinh", "birth year", "birthYear", "Ngày sinh", "date of birth", "Ngày tháng năm sinh"]),
                    Column("homeLocality", ["Quê quán", "home locality", "homeLocality", "home"]),
                    Column("education", ["Trình độ", "education", "Trình độ chuyên môn"]),
                    Column("fields", ["Lĩnh vực", "fields", "Chuyên ngành", "Lĩnh vực chuyên môn"]),
                    Column("rating", ["Điểm đánh giá", "rating", "Kết quả đánh giá"]),
                    Column("yearsInPost", ["Số năm giữ chức vụ", "years in post", "yearsInPost"]),
                    Column("plannedFor", ["Quy hoạch", "planned for", "plannedFor"]),
                    Column("locked", ["Giữ nguyên vị trí", "locked", "Giữ nguyên"]),
                    Column("relatives", ["Người thân", "relatives"]),
                ]
            case .relatives:
                [Column("cadre", ["Mã cán bộ", "cadre", "Cán bộ"]), Column("relative", ["Người thân", "relative", "Mã người thân"])]
            case .planning:
                [
                    Column("cadre", ["Mã cán bộ", "cadre", "Cán bộ"]),
                    Column("plannedFor", ["Quy hoạch", "planned for", "plannedFor", "Chức danh quy hoạch"]),
                ]
            case .pinned, .forbidden:
                [Column("cadre", ["Mã cán bộ", "cadre", "Cán bộ"]), Column("position", ["Mã vị trí", "position", "Vị trí"])]
            }
        }

        /// Columns a table of this kind must have.
        public var required: [String] {
            switch self {
            case .round: ["setting", "value"]
            case .localities: ["name"]
            case .units: ["name"]
            case .positions: ["unit", "title"]
            case .cadres: ["name", "gender", "birthYear", "homeLocality", "education", "rating"]
            case .relatives: ["cadre", "relative"]
            case .planning: ["cadre", "plannedFor"]
            case .pinned, .forbidden: ["cadre", "position"]
            }
        }
    }

    /// One column: its key (the scenario format's field) and the headers that name it.
    public struct Column: Sendable {
        public var key: String
        public var headers: [String]
        init(_ key: String, _ headers: [String]) {
            self.key = key
            self.headers = headers
        }
    }

    /// The settings of the round table, by key: the names its first column may give.
    public static let roundSettings: [(key: String, names: [String])] = [
        ("name", ["Tên kỳ điều động", "name", "Tên", "Tên kỳ"]),
        ("planningYear", ["Năm kế hoạch", "planning year", "planningYear", "Năm"]),
    ]

    /// The separator of a list in one cell (fields, planning entries, relatives); a new line in
    /// the cell (Alt+Enter) separates too.
    public static let listSeparator: Character = ";"

    /// A name as names are compared: composed, lower case, accents and spaces and '-' '_'
    /// folded, so that "Cán bộ", "can-bo" and "CÁN BỘ " match.
    public static func folded(_ text: String) -> String {
        let decomposed = text.replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "Đ", with: "D")
            .decomposedStringWithCanonicalMapping
        var out = ""
        for scalar in decomposed.unicodeScalars {
            // Combining marks (accents) are dropped.
            if (0x300...0x36F).contains(scalar.value) { continue }
            let c = Character(scalar)
            if c.isLetter || c.isNumber { out += c.lowercased() } else { out += " " }
        }
        return out.split(separator: " ").joined(separator: " ")
    }
}
