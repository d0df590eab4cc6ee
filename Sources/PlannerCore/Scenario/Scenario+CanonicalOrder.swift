extension Scenario {
    /// The same round with every list in id order: localities, units, posts and cadres by id,
    /// pinned and forbidden pairs by (cadre, post), and the lists that are sets (fields,
    /// relatives, planning entries, key posts) sorted.
    ///
    /// `ScenarioReader` hands this order to everything after it, so that nothing downstream (the
    /// model's column order, the simplex's path among equal optima, the order a plan lists its
    /// posts) depends on the order of rows in the office's file: the same round exported in
    /// another order gets the same plan, byte for byte apart from the input's hash
    /// (docs/model.md, "One plan among equals").
    public func canonicallyOrdered() -> Scenario {
        var sorted = self
        sorted.localities.sort { $0.id < $1.id }
        sorted.units.sort { $0.id < $1.id }
        sorted.positions = positions.map { position in
            var position = position
            position.requirements.fields.sort()
            return position
        }.sorted { $0.id < $1.id }
        sorted.cadres = cadres.map { cadre in
            var cadre = cadre
            cadre.fields.sort()
            cadre.relatives.sort()
            cadre.plannedFor.sort()
            return cadre
        }.sorted { $0.id < $1.id }
        sorted.pinned.sort { ($0.cadre, $0.position) < ($1.cadre, $1.position) }
        sorted.forbidden.sort { ($0.cadre, $0.position) < ($1.cadre, $1.position) }
        sorted.policy.succession.keyPositions.sort()
        if var vocabulary = sorted.vocabulary {
            vocabulary.titles.sort { $0.id < $1.id }
            vocabulary.fields.sort { $0.id < $1.id }
            vocabulary.education.sort { $0.id < $1.id }
            vocabulary.genders.sort { $0.id < $1.id }
            sorted.vocabulary = vocabulary
        }
        return sorted
    }
}
