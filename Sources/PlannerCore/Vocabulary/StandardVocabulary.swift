extension Vocabulary {
    /// The words every round knows without declaring them: the posts of Vietnam's party
    /// committees, people's councils and committees, fronts, mass organisations and
    /// departments at commune and city level, the fields of expertise the city plans for
    /// (docs/scenario-format.md, "Vocabulary", lists them), the education levels and the sexes.
    /// A round adds its own in its `vocabulary` section.
    public static let standard = Vocabulary(
        titles: [
            Word(id: "secretary", vi: "Bí thư", en: "secretary", aliases: ["Bí thư Đảng ủy", "Bí thư Đảng uỷ", "party secretary"]),
            Word(id: "deputy-secretary", vi: "Phó Bí thư", en: "deputy secretary", aliases: ["Phó Bí thư Đảng ủy", "Phó Bí thư Đảng uỷ"]),
            Word(
                id: "standing-deputy-secretary", vi: "Phó Bí thư Thường trực", en: "standing deputy secretary",
                aliases: ["Phó Bí thư Thường trực Đảng ủy"]),
            Word(id: "chair", vi: "Chủ tịch", en: "chair", aliases: ["Chủ tịch UBND", "Chủ tịch Ủy ban nhân dân"]),
            Word(
                id: "vice-chair", vi: "Phó Chủ tịch", en: "vice chair",
                aliases: ["Phó Chủ tịch UBND", "Phó Chủ tịch Ủy ban nhân dân"]),
            Word(id: "council-chair", vi: "Chủ tịch HĐND", en: "council chair", aliases: ["Chủ tịch Hội đồng nhân dân"]),
            Word(id: "council-vice-chair", vi: "Phó Chủ tịch HĐND", en: "council vice chair", aliases: ["Phó Chủ tịch Hội đồng nhân dân"]),
            Word(id: "director", vi: "Giám đốc", en: "director", aliases: ["Giám đốc Sở"]),
            Word(id: "deputy-director", vi: "Phó Giám đốc", en: "deputy director", aliases: ["Phó Giám đốc Sở"]),
            Word(
                id: "front-chair", vi: "Chủ tịch Ủy ban MTTQ", en: "Fatherland Front chair", aliases: ["Chủ tịch Ủy ban Mặt trận Tổ quốc"]),
            Word(
                id: "front-vice-chair", vi: "Phó Chủ tịch Ủy ban MTTQ", en: "Fatherland Front vice chair",
                aliases: ["Phó Chủ tịch Ủy ban Mặt trận Tổ quốc"]),
            Word(id: "inspection-chair", vi: "Chủ nhiệm Ủy ban Kiểm tra", en: "inspection commission chair", aliases: ["Chủ nhiệm UBKT"]),
            Word(
                id: "inspection-deputy", vi: "Phó Chủ nhiệm Ủy ban Kiểm tra", en: "inspection commission deputy",
                aliases: ["Phó Chủ nhiệm UBKT"]),
            Word(id: "organisation-head", vi: "Trưởng Ban Tổ chức", en: "head of organisation"),
            Word(id: "propaganda-head", vi: "Trưởng Ban Tuyên giáo", en: "head of propaganda and education"),
            Word(id: "mass-mobilisation-head", vi: "Trưởng Ban Dân vận", en: "head of mass mobilisation"),
            Word(id: "office-chief", vi: "Chánh Văn phòng", en: "chief of office"),
            Word(id: "office-deputy", vi: "Phó Chánh Văn phòng", en: "deputy chief of office"),
            Word(id: "police-chief", vi: "Trưởng Công an", en: "police chief", aliases: ["Trưởng Công an xã", "Giám đốc Công an"]),
            Word(id: "police-deputy", vi: "Phó Trưởng Công an", en: "deputy police chief"),
            Word(
                id: "military-commander", vi: "Chỉ huy trưởng Quân sự", en: "military commander",
                aliases: ["Chỉ huy trưởng Ban Chỉ huy Quân sự"]),
            Word(id: "military-deputy", vi: "Chỉ huy phó Quân sự", en: "deputy military commander"),
            Word(id: "economy-head", vi: "Trưởng phòng Kinh tế", en: "head of economy"),
            Word(id: "economy-deputy", vi: "Phó Trưởng phòng Kinh tế", en: "deputy head of economy"),
            Word(
                id: "culture-head", vi: "Trưởng phòng Văn hóa - Xã hội", en: "head of culture and society",
                aliases: ["Trưởng phòng Văn hoá - Xã hội"]),
            Word(
                id: "culture-deputy", vi: "Phó Trưởng phòng Văn hóa - Xã hội", en: "deputy head of culture and society",
                aliases: ["Phó Trưởng phòng Văn hoá - Xã hội"]),
            Word(
                id: "public-service-head", vi: "Giám đốc Trung tâm Phục vụ hành chính công", en: "head of the public service centre"),
            Word(
                id: "public-service-deputy", vi: "Phó Giám đốc Trung tâm Phục vụ hành chính công",
                en: "deputy head of the public service centre"),
            Word(id: "youth-union-secretary", vi: "Bí thư Đoàn Thanh niên", en: "youth union secretary"),
            Word(id: "women-union-chair", vi: "Chủ tịch Hội Liên hiệp Phụ nữ", en: "women's union chair", aliases: ["Chủ tịch Hội Phụ nữ"]),
            Word(id: "veterans-chair", vi: "Chủ tịch Hội Cựu chiến binh", en: "veterans' association chair"),
            Word(id: "farmers-union-chair", vi: "Chủ tịch Hội Nông dân", en: "farmers' union chair"),
            Word(id: "trade-union-chair", vi: "Chủ tịch Công đoàn", en: "trade union chair", aliases: ["Chủ tịch Liên đoàn Lao động"]),
            Word(id: "court-chief", vi: "Chánh án Tòa án nhân dân", en: "chief judge", aliases: ["Chánh án"]),
            Word(
                id: "procuracy-chief", vi: "Viện trưởng Viện Kiểm sát nhân dân", en: "chief procurator",
                aliases: ["Viện trưởng Viện Kiểm sát"]),
            Word(id: "finance-director", vi: "Giám đốc Sở Tài chính", en: "director of finance"),
            Word(
                id: "tax-director", vi: "Trưởng Thuế", en: "head of taxation",
                aliases: ["Cục trưởng Cục Thuế", "Chi cục trưởng Chi cục Thuế"]),
            Word(id: "customs-director", vi: "Cục trưởng Hải quan", en: "head of customs", aliases: ["Cục trưởng Cục Hải quan"]),
        ],
        fields: [
            Word(id: "administration", vi: "Quản lý hành chính", en: "administration", aliases: ["Hành chính", "Quản lý nhà nước"]),
            Word(id: "economics", vi: "Kinh tế", en: "economics"),
            Word(id: "law", vi: "Luật", en: "law", aliases: ["Pháp luật", "Luật học"]),
            Word(id: "finance", vi: "Tài chính", en: "finance", aliases: ["Tài chính - Ngân hàng", "Kế toán"]),
            Word(id: "land", vi: "Đất đai", en: "land", aliases: ["Quản lý đất đai"]),
            Word(id: "environment", vi: "Môi trường", en: "environment", aliases: ["Tài nguyên và Môi trường"]),
            Word(id: "planning", vi: "Quy hoạch", en: "planning", aliases: ["Quy hoạch đô thị"]),
            Word(id: "construction", vi: "Xây dựng", en: "construction"),
            Word(id: "transport", vi: "Giao thông", en: "transport", aliases: ["Giao thông vận tải"]),
            Word(id: "agriculture", vi: "Nông nghiệp", en: "agriculture", aliases: ["Nông nghiệp và Môi trường"]),
            Word(id: "health", vi: "Y tế", en: "health"),
            Word(id: "medicine", vi: "Y học", en: "medicine", aliases: ["Y khoa", "Dược"]),
            Word(id: "education", vi: "Giáo dục", en: "education", aliases: ["Giáo dục và Đào tạo", "Sư phạm"]),
            Word(id: "science-technology", vi: "Khoa học - Công nghệ", en: "science and technology", aliases: ["Khoa học và Công nghệ"]),
            Word(id: "science", vi: "Khoa học", en: "science"),
            Word(id: "technology", vi: "Công nghệ", en: "technology", aliases: ["Công nghệ thông tin", "information technology"]),
            Word(id: "party-building", vi: "Xây dựng Đảng", en: "party building", aliases: ["Xây dựng Đảng và Chính quyền nhà nước"]),
            Word(id: "culture", vi: "Văn hóa", en: "culture", aliases: ["Văn hoá"]),
            Word(id: "industry", vi: "Công nghiệp", en: "industry", aliases: ["Công thương"]),
            Word(id: "tourism", vi: "Du lịch", en: "tourism"),
            Word(id: "labour", vi: "Lao động", en: "labour", aliases: ["labor", "Lao động - Thương binh và Xã hội"]),
            Word(id: "security", vi: "An ninh", en: "security"),
            Word(id: "defence", vi: "Quốc phòng", en: "defence", aliases: ["defense"]),
            Word(id: "mass-mobilisation", vi: "Dân vận", en: "mass mobilisation"),
            Word(id: "home-affairs", vi: "Nội vụ", en: "home affairs"),
            Word(id: "justice", vi: "Tư pháp", en: "justice"),
            Word(id: "foreign-affairs", vi: "Đối ngoại", en: "foreign affairs", aliases: ["Ngoại vụ"]),
            Word(
                id: "information", vi: "Thông tin - Truyền thông", en: "information and media",
                aliases: ["Thông tin và Truyền thông", "Báo chí"]),
        ],
        education: [
            Word(id: "secondary", vi: "Trung cấp", en: "secondary", aliases: ["Trung học", "Trung học phổ thông"]),
            Word(id: "college", vi: "Cao đẳng", en: "college"),
            Word(id: "bachelor", vi: "Đại học", en: "bachelor", aliases: ["Cử nhân", "Kỹ sư", "Kĩ sư", "Bác sĩ"]),
            Word(id: "master", vi: "Thạc sĩ", en: "master", aliases: ["Thạc sỹ", "ThS", "ThS."]),
            Word(id: "doctorate", vi: "Tiến sĩ", en: "doctorate", aliases: ["Tiến sỹ", "TS", "TS.", "PhD", "doctor"]),
        ],
        genders: [
            Word(id: "female", vi: "Nữ", en: "female", aliases: ["F", "woman"]),
            Word(id: "male", vi: "Nam", en: "male", aliases: ["M", "man"]),
        ])
}
