using Pipeline.Activities.Profiles;

namespace Pipeline.Activities.Subsidy;

/// <summary>A value of the subsidy policy with the rule it comes from, e.g. 80 (percent) of R-WS-14.</summary>
/// <param name="Value">The value, in the unit its property names.</param>
/// <param name="Rule">Rule id of the rules catalogue (domain.md), cited by every finding the value causes.</param>
public sealed record PolicyRule<T>(T Value, string Rule);

/// <summary>
/// The numbers <see cref="SubsidyCalculator"/> needs from a jurisdiction profile, each with its rule id. A null
/// property means no regulation of the jurisdiction's chain sets that rule: the step does not apply (Guilin cuts no
/// headcount for a low pass rate; only Jiaozuo cancels a class for impersonations).
/// </summary>
public sealed record SubsidyPolicy
{
    /// <summary>The profile the policy was read from, e.g. <c>wenshui</c>.</summary>
    public required string Profile { get; init; }

    /// <summary>Least attendance rate, percent of the planned hours (<c>attendance.minRate</c>; GL 80 R-GL-4, YN/QJ 80 R-YN-9c).</summary>
    public PolicyRule<decimal>? AttendanceMinRate { get; init; }

    /// <summary>Least pass rate on the approved headcount, percent (<c>subsidy.passRateMin</c>; WS 80, R-WS-14).</summary>
    public PolicyRule<decimal>? PassRateMin { get; init; }

    /// <summary>Least employment rate on the verified trainees, percent (<c>subsidy.employmentRateMin</c>; WS 80, R-WS-14).</summary>
    public PolicyRule<decimal>? EmploymentRateMin { get; init; }

    /// <summary>Video gaps deduct the missing half day or day when true (<c>subsidy.videoGapDeduction</c>; WS, R-WS-14).</summary>
    public PolicyRule<bool>? VideoGapDeduction { get; init; }

    /// <summary>
    /// Yuan per trainee per day by training mode (<c>subsidy.dailyRate.{mode}</c>; WS settings, R-WS-13), for the modes
    /// the profile declares; a value of null is a setting no administrator has set yet.
    /// </summary>
    public IReadOnlyDictionary<string, PolicyRule<decimal?>> DailyRates { get; init; } = new Dictionary<string, PolicyRule<decimal?>>();

    /// <summary>Impersonations, person-times, that cancel the whole class (<c>attendance.impersonationLimit</c>; JZ 3, R-JZ-4).</summary>
    public PolicyRule<int>? ImpersonationLimit { get; init; }

    /// <summary>Share of the approved amount paid in advance, percent (<c>subsidy.advanceShare</c>; YN 50, R-YN-1).</summary>
    public PolicyRule<decimal>? AdvanceShare { get; init; }

    /// <summary>Target groups whose tendered project training may be advanced (<c>subsidy.advanceTargetGroups</c>; YN, R-YN-1);
    /// null: the advance of project training is not restricted to target groups.</summary>
    public PolicyRule<IReadOnlyList<string>>? AdvanceTargetGroups { get; init; }

    /// <summary>Only trainees who passed (hold the certificate or its number) are subsidised when true
    /// (<c>subsidy.certificateRequired</c>; YN §五, R-YN-5).</summary>
    public PolicyRule<bool>? CertificateRequired { get; init; }

    /// <summary>Settings of the rules above (other than daily rates) that are declared but not yet set: the amount cannot be computed.</summary>
    public IReadOnlyList<ProfileParameter> NotConfigured { get; init; } = [];

    /// <summary>Reads the policy from <paramref name="profile"/>; never throws for a setting not yet set (it lands in <see cref="NotConfigured"/>,
    /// or as a null rate in <see cref="DailyRates"/>).</summary>
    /// <exception cref="InvalidDataException">A parameter of the profile has the wrong kind of value (a list where a number belongs).</exception>
    public static SubsidyPolicy From(JurisdictionProfile profile)
    {
        var unset = new List<ProfileParameter>();
        PolicyRule<T>? Read<T>(string key, Func<ProfileParameter, T> value)
        {
            switch (profile.Find(key))
            {
                case null: return null;
                case { IsConfigured: false } p: unset.Add(p); return null;
                case var p: return new PolicyRule<T>(value(p), p.Rule);
            }
        }

        var rates = new Dictionary<string, PolicyRule<decimal?>>(StringComparer.Ordinal);
        foreach (var mode in TrainingModes.Names.Keys)
            if (profile.Find(ParameterKeys.DailyRatePrefix + mode) is { } rate)
                rates[mode] = new PolicyRule<decimal?>(rate.IsConfigured ? rate.Number : null, rate.Rule);

        return new SubsidyPolicy
        {
            Profile = profile.Name,
            AttendanceMinRate = Read(ParameterKeys.AttendanceMinRate, p => p.Number),
            PassRateMin = Read(ParameterKeys.PassRateMin, p => p.Number),
            EmploymentRateMin = Read(ParameterKeys.EmploymentRateMin, p => p.Number),
            VideoGapDeduction = Read(ParameterKeys.VideoGapDeduction, p => p.Flag),
            DailyRates = rates,
            ImpersonationLimit = Read(ParameterKeys.ImpersonationLimit, p => p.Count),
            AdvanceShare = Read(ParameterKeys.AdvanceShare, p => p.Number),
            AdvanceTargetGroups = Read(ParameterKeys.AdvanceTargetGroups, p => p.List),
            CertificateRequired = Read(ParameterKeys.CertificateRequired, p => p.Flag),
            NotConfigured = unset,
        };
    }
}
