extension Catalogue {
    /// The words of what each rule says about a post, a team or a cadre (diagnoses, explanations).
    static let englishRules: [String: String] = [
        // What the wording shares: counts, a team.
        "rules.count.cadres": "{count} cadres",
        "rules.count.cadres.one": "{count} cadre",
        "rules.count.posts": "{count} posts",
        "rules.count.posts.one": "{count} post",
        "rules.team": "the leadership team of {unit} ({posts})",
        // Eligibility, requirement by requirement.
        "rules.education.requires": "requires {education} or higher",
        "rules.education.lacks": "has {has}; {post} requires {education} or higher",
        "rules.education.aDegree": "a degree",
        "rules.education.more": "more",
        "rules.fields.asks": "asks for one of the fields {fields}",
        "rules.fields.lacks": "has none of the fields {post} asks for ({fields})",
        "rules.minRating.requires": "requires a rating of at least {rating}",
        "rules.minRating.below": "rating {rating}, below the {least} {post} requires",
        "rules.maxAge.takes": "takes no one older than {age} at appointment",
        "rules.maxAge.over": "is {age}, over the {most} {post} takes at appointment",
        "rules.serviceLeft.cadre": "{cadre} has {years} years of service left; a new post needs {needed}",
        "rules.serviceLeft.left": "has {years} years of service left; a new post needs {needed}",
        "rules.planning.takes":
            "takes only cadres planned for it (\"{title}\", a \"{title}@\" entry covering its unit, or \"post:{post}\")",
        "rules.planning.notPlanned": "is not planned for \"{title}\" in {unit}",
        // Retirement, locks, tenure, release, must fill.
        "rules.retirement.reached": "reached retirement age in {year}",
        "rules.retirement.reaches": "reaches retirement age in {year}",
        "rules.retirement.reached.noPost": "{cadre} reached retirement age in {year} and may hold no post",
        "rules.retirement.reaches.noPost": "{cadre} reaches retirement age in {year} and may hold no post",
        "rules.locks.lockedOut": "{cadre} is locked out of the round",
        "rules.locks.forbidden": "{cadre} may not hold {post} (a forbidden assignment)",
        "rules.locks.lockedIn": "{cadre} is locked in {post}",
        "rules.locks.pinned": "{cadre} is pinned to {post}",
        "rules.locks.theirPost": "their post",
        "rules.locks.isLockedOut": "is locked out of the round",
        "rules.locks.isForbidden": "the assignment of {cadre} to {post} is forbidden",
        "rules.locks.isLockedIn": "is locked in {post}",
        "rules.tenure.mayNotKeep": "{cadre} has held {post} for {years} years; the limit is {limit}: they may not keep it",
        "rules.tenure.held": "has held {post} for {years} years; the limit is {limit}",
        "rules.tenure.theIncumbent": "the incumbent",
        "rules.release.keeps": "{cadre}, holder of {post}, must keep a post (releases are not allowed)",
        "rules.release.aPost": "a post",
        "rules.mustFill.must": "{post} must be filled; {who}",
        "rules.mustFill.nobody": "no cadre passes every rule for it",
        "rules.mustFill.pass": "{cadres} pass every rule for it ({ids})",
        // Team rules.
        "rules.youth.needs":
            "{team} needs {needed} under {age}; {young} of the {candidates} cadres eligible for its posts are{ids}",
        "rules.youth.only": "the team's only member under {age} ({rule})",
        "rules.womenPerTeam.needs": "{team} needs a woman; {women} of the {candidates} cadres eligible for its posts are women{ids}",
        "rules.womenPerTeam.only": "the team's only woman",
        "rules.ageBalance.needs": "{team} needs {needed} age bands; the {candidates} cadres eligible for its posts span {bands} ({names})",
        "rules.ageBalance.andOver": "{age} and over",
        "rules.ageBalance.only": "the team's only member of their age band ({rule})",
        // Round rules.
        "rules.women.share": "women must hold at least {share} % of the filled leadership posts",
        "rules.nonLocalHeads.headPost": "is a head post: takes only cadres who are not from {locality}",
        "rules.nonLocalHeads.share": "cadres who are not local must hold at least {share} % of the filled head posts",
        "rules.nonLocalHeads.local": "is from {home}, local to {post}'s unit: the post is a head post",
        "rules.moves.atMost": "at most {limit} incumbents may change post",
        "rules.relatives.both": "{first} and {second} are close relatives and may not both serve in {unit}",
    ]
}
