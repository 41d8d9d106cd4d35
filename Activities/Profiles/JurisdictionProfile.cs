namespace Pipeline.Activities.Profiles;

/// <summary>A regulation number with the rule it comes from, e.g. 3 vacancies per trainee (R-JZ-3).</summary>
/// <param name="Value">The number, in the unit its property names.</param>
/// <param name="Rule">Rule id of domain.md's catalogue.</param>
public sealed record RuleParameter(decimal Value, string Rule);

/// <summary>An inclusive age range in whole years, with its rule.</summary>
public sealed record AgeRange(int Min, int Max, string Rule);

/// <summary>
/// The numbers one jurisdiction sets for the regulated steps (地方标准). Code asks the profile; a missing
/// parameter means the jurisdiction sets no such rule and the check is skipped.
/// Loaded from <c>Profiles/Data/{name}.json</c>.
/// </summary>
public sealed record JurisdictionProfile
{
    /// <summary>Profile name used on the command line and in cases, e.g. <c>jiaozuo</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Jurisdiction in Chinese, e.g. 焦作市.</summary>
    public required string DisplayName { get; init; }

    /// <summary>
    /// The enclosing jurisdiction whose regulation also applies (Qujing 曲靖 is a prefecture of Yunnan 云南, so
    /// <c>qujing</c> has parent <c>yunnan</c>); null for a top-level one. A bureau of the parent covers this jurisdiction.
    /// </summary>
    public string? Parent { get; init; }

    /// <summary>The regulation the numbers come from, e.g. 焦人社文〔2021〕15号.</summary>
    public required string Source { get; init; }

    /// <summary>Checklist id per pack kind, e.g. <c>class-opening</c> → <c>jz-class-opening</c>.</summary>
    public required IReadOnlyDictionary<string, string> Checklists { get; init; }

    /// <summary>Least vacancies offered per trainee on the job vacancy list (JZ: 3, "不少于1:3"); null: no such rule.</summary>
    public RuleParameter? VacanciesPerTrainee { get; init; }

    /// <summary>Least working days between filing the class opening and its start (JZ: 5, GL: 3); null: no such rule.</summary>
    public RuleParameter? ClassOpeningLeadWorkingDays { get; init; }

    /// <summary>Legal working age of trainees in years (R-JZ-1); null: ages are not checked.</summary>
    public AgeRange? WorkingAge { get; init; }
}
