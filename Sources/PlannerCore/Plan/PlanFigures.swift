/// The figures a committee reads next to a plan.
public struct PlanFigures: Codable, Sendable, Equatable {
    public var leadershipPosts: Int
    public var leadershipPostsFilled: Int
    public var womenInLeadership: Int
    /// Women among filled leadership posts; nil when none is filled.
    public var womenShare: Double?
    public var womenShareTarget: Double?
    public var leadershipTeams: Int
    public var teamsWithAWoman: Int
    public var grassrootsTeams: Int
    public var youngInGrassrootsTeams: Int
    /// Grassroots teams with at least the youth rule's number of young members.
    public var grassrootsTeamsMeetingYouth: Int
    public var listedHeadPostsFilled: Int
    public var nonLocalListedHeads: Int
    public var nonLocalShare: Double?
    /// Teams large enough for the age-balance rule, and those spanning enough age bands.
    public var ageBalanceTeams: Int
    public var ageBalanceTeamsMet: Int
    public var moves: Int
    public var movesLimit: Int?
    public var appointments: Int
    public var stays: Int
    public var vacancies: Int
    public var releases: Int
    public var retirements: Int

    /// The figures of `holder` (position index → cadre index) in `scenario`.
    public static func compute(facts: ScenarioFacts, holder: [Int?], retirements: Int) -> PlanFigures {
        let scenario = facts.scenario
        let policy = scenario.policy
        var leadershipPosts = 0
        var filled = 0
        var women = 0
        var listedFilled = 0
        var nonLocal = 0
        var moves = 0
        var appointments = 0
        var stays = 0
        var vacancies = 0
        for (p, position) in scenario.positions.enumerated() {
            let unit = facts.unit(of: position)
            if position.leadership { leadershipPosts += 1 }
            guard let c = holder[p] else {
                vacancies += 1
                continue
            }
            let cadre = scenario.cadres[c]
            if position.leadership {
                filled += 1
                if cadre.gender == .female { women += 1 }
            }
            if facts.isListedHead(position) {
                listedFilled += 1
                if !facts.isLocal(cadre, toUnit: unit) { nonLocal += 1 }
            }
            switch facts.postOfIncumbent[cadre.id] {
            case p?: stays += 1
            case nil: appointments += 1
            default: moves += 1
            }
        }
        let cadresHoldingPosts = Set(holder.compactMap { $0 })
        let releases = facts.postOfIncumbent.keys.filter { id in
            guard let c = facts.cadreIndex[id] else { return false }
            return !facts.retiresInRound(scenario.cadres[c]) && !cadresHoldingPosts.contains(c)
        }.count

        var teams = 0
        var teamsWithWoman = 0
        var grassroots = 0
        var young = 0
        var youthMet = 0
        var balanceTeams = 0
        var balanceMet = 0
        for (u, unit) in scenario.units.enumerated() {
            let team = facts.teams[u]
            guard !team.isEmpty else { continue }
            teams += 1
            let members = team.compactMap { holder[$0] }.map { scenario.cadres[$0] }
            if members.contains(where: { $0.gender == .female }) { teamsWithWoman += 1 }
            if unit.grassroots {
                grassroots += 1
                let youngMembers = members.filter { facts.isYoung($0) }.count
                young += youngMembers
                if youngMembers >= min(policy.youth.minPerTeam, team.count) { youthMet += 1 }
            }
            if team.count >= policy.ageBalance.minTeamSize {
                balanceTeams += 1
                let bands = Set(members.map { facts.ageBand($0) }).count
                if bands >= min(policy.ageBalance.minBands, facts.ageBandCount, team.count) { balanceMet += 1 }
            }
        }
        return PlanFigures(
            leadershipPosts: leadershipPosts, leadershipPostsFilled: filled, womenInLeadership: women,
            womenShare: filled > 0 ? Double(women) / Double(filled) : nil,
            womenShareTarget: policy.women.mode.isActive ? policy.women.minShare : nil,
            leadershipTeams: teams, teamsWithAWoman: teamsWithWoman, grassrootsTeams: grassroots,
            youngInGrassrootsTeams: young, grassrootsTeamsMeetingYouth: youthMet, listedHeadPostsFilled: listedFilled,
            nonLocalListedHeads: nonLocal, nonLocalShare: listedFilled > 0 ? Double(nonLocal) / Double(listedFilled) : nil,
            ageBalanceTeams: balanceTeams, ageBalanceTeamsMet: balanceMet, moves: moves,
            movesLimit: policy.moves.mode.isActive ? facts.movesLimit : nil, appointments: appointments, stays: stays,
            vacancies: vacancies, releases: releases, retirements: retirements)
    }
}
