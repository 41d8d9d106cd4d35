using Pipeline.Activities.Profiles;

namespace Pipeline.Activities.Supervision;

/// <summary>
/// A least share of a population a rule samples (QJ 10 % of a year's classes, R-QJ-7; GL 10 % of trainees, 30 % for
/// 以工代训, R-GL-11), taken from the profile or, where the profile sets none, from the caller. A caller may sample
/// more than the regulation's share, never less.
/// </summary>
/// <param name="Percent">The share in percent, above 0 and at most 100.</param>
/// <param name="Rule">The rule id of the profile's parameter; null when the profile sets none and the share is the caller's.</param>
/// <param name="Key">The profile parameter, e.g. <c>followUp.rate</c>.</param>
public sealed record SampleShare(decimal Percent, string? Rule, string Key)
{
    /// <summary>The profile's <paramref name="key"/>, or <paramref name="argument"/> (which may raise it, not lower it).</summary>
    /// <param name="argumentName">The input's name, for messages (<c>rate</c>).</param>
    /// <exception cref="MissingParameterException">The profile sets no <paramref name="key"/> and no argument is given.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An argument not above 0 or above 100, or below the profile's share.</exception>
    public static SampleShare Resolve(JurisdictionProfile profile, string key, decimal? argument, string argumentName)
    {
        var set = profile.RuleNumber(key);
        if (argument is not { } given)
            return set is null ? throw new MissingParameterException(profile, key, argumentName, ParameterUnits.Percent) : new(set.Value, set.Rule, key);
        if (given is <= 0 or > 100)
            throw new ArgumentOutOfRangeException(argumentName, given, $"比例须大于 0、不超过 100 ({argumentName} must be above 0 and at most 100 percent)");
        if (set is not null && given < set.Value)
            throw new ArgumentOutOfRangeException(argumentName, given,
                $"比例 {given:0.##}% 低于 {set.Rule} 规定的 {set.Value:0.##}%（{key}）({argumentName} is below the profile's {set.Value:0.##} %)");
        return new(given, set?.Rule, key);
    }

    /// <summary>⌈<see cref="Percent"/> % × <paramref name="population"/>⌉: the least number to sample.</summary>
    public int Of(int population) => (int)Math.Ceiling(Percent * population / 100m);

    /// <summary>The computation in words for the case history: <c>10% × 23 = 2.3，向上取整 3（inspection.spotCheckRate，R-QJ-7）</c>.</summary>
    public string Basis(int population) =>
        $"{Percent:0.##}% × {population} = {Percent * population / 100m:0.##}，向上取整 {Of(population)}（{(Rule is null ? $"{Key} 未规定，比例由调用方给出" : $"{Key}，{Rule}")}）";
}
