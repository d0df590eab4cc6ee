/// What each title's posts ask for, and what its holders are planned for next.
extension Generation {
    /// The fields a post of each title draws its two asked fields from.
    static let titleFields: [String: [String]] = [
        "secretary": ["party-building", "administration", "law", "culture", "economics"],
        "chair": ["economics", "land", "planning", "finance", "agriculture", "construction"],
        "deputy-secretary": ["party-building", "culture", "administration", "labour", "law"],
        "vice-chair": ["agriculture", "land", "environment", "construction", "transport", "health", "education", "economics"],
        "council-chair": ["law", "administration", "party-building", "economics"],
        "council-vice-chair": ["law", "administration", "culture"],
        "inspection-chair": ["law", "party-building", "finance"],
        "inspection-deputy": ["law", "finance", "administration"],
        "police-chief": ["security", "law"],
        "police-deputy": ["security", "law", "administration"],
        "military-commander": ["defence", "security"],
        "military-deputy": ["defence", "administration"],
        "front-chair": ["mass-mobilisation", "culture", "party-building"],
        "front-vice-chair": ["mass-mobilisation", "culture", "labour"],
        "organisation-head": ["party-building", "administration", "labour"],
        "propaganda-head": ["culture", "party-building", "education"],
        "office-chief": ["administration", "finance", "law"],
        "office-deputy": ["administration", "finance"],
        "economy-head": ["economics", "agriculture", "construction", "land", "industry"],
        "economy-deputy": ["economics", "agriculture", "planning", "environment"],
        "culture-head": ["culture", "education", "health", "tourism"],
        "culture-deputy": ["culture", "education", "labour"],
        "public-service-head": ["administration", "law", "science-technology"],
        "public-service-deputy": ["administration", "science-technology"],
        "women-union-chair": ["mass-mobilisation", "culture", "labour"],
        "youth-union-secretary": ["mass-mobilisation", "party-building", "education"],
        "farmers-union-chair": ["agriculture", "mass-mobilisation"],
        "veterans-chair": ["defence", "mass-mobilisation"],
        "trade-union-chair": ["labour", "mass-mobilisation"],
    ]

    /// Titles the holder of a title is planned for: the next step up.
    static let promotion: [String: [String]] = [
        "vice-chair": ["chair", "deputy-secretary"], "deputy-secretary": ["secretary", "chair"], "chair": ["secretary"],
        "secretary": [], "deputy-director": ["director"], "director": [],
        "council-chair": ["secretary"], "council-vice-chair": ["council-chair"], "inspection-chair": ["deputy-secretary"],
        "inspection-deputy": ["inspection-chair"], "police-chief": [], "police-deputy": ["police-chief"],
        "military-commander": [], "military-deputy": ["military-commander"], "front-chair": ["deputy-secretary", "council-chair"],
        "front-vice-chair": ["front-chair", "women-union-chair"], "organisation-head": ["deputy-secretary"],
        "propaganda-head": ["deputy-secretary", "front-chair"], "office-chief": ["vice-chair"], "office-deputy": ["office-chief"],
        "economy-head": ["vice-chair"], "economy-deputy": ["economy-head"], "culture-head": ["vice-chair", "propaganda-head"],
        "culture-deputy": ["culture-head"], "public-service-head": ["vice-chair", "office-chief"],
        "public-service-deputy": ["public-service-head"],
        "women-union-chair": ["front-chair", "vice-chair"], "youth-union-secretary": ["vice-chair", "organisation-head"],
        "farmers-union-chair": ["front-chair"], "veterans-chair": ["front-chair"], "trade-union-chair": ["front-chair"],
    ]

    /// Titles the pool (commune staff planned for promotion) is planned for, with weights.
    static let poolPlanning: [([String], Double)] = [
        (["vice-chair"], 0.45), (["vice-chair", "deputy-secretary"], 0.3), (["chair"], 0.15), (["deputy-secretary", "secretary"], 0.1),
    ]
    static let committeePoolPlanning: [([String], Double)] = [
        (["economy-deputy", "economy-head"], 0.08), (["culture-deputy", "culture-head"], 0.08), (["office-deputy", "office-chief"], 0.08),
        (["public-service-deputy", "public-service-head"], 0.07), (["police-deputy"], 0.05), (["military-deputy"], 0.05),
        (["inspection-deputy", "inspection-chair"], 0.06), (["council-vice-chair"], 0.05), (["front-vice-chair", "front-chair"], 0.06),
        (["women-union-chair"], 0.05), (["youth-union-secretary"], 0.06), (["farmers-union-chair", "veterans-chair"], 0.04),
        (["trade-union-chair"], 0.04), (["organisation-head", "propaganda-head"], 0.06), (["vice-chair"], 0.08),
        (["vice-chair", "deputy-secretary"], 0.05), (["chair", "council-chair"], 0.02), (["secretary", "deputy-secretary"], 0.02),
    ]
}
