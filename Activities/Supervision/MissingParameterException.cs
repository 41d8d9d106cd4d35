using Pipeline.Activities.Profiles;

namespace Pipeline.Activities.Supervision;

/// <summary>
/// A supervision step needs a number the jurisdiction's regulation does not set (Jiaozuo sets no follow-up share,
/// Yunnan no spot-check share): the caller must give it as an argument. The message names the missing parameter and
/// the argument that replaces it.
/// </summary>
public sealed class MissingParameterException(JurisdictionProfile profile, string key, string argument, string unit)
    : ArgumentException(
        $"{profile.DisplayName}（{profile.Name}）的规定没有「{key}」，请给出参数 {argument}（{unit}）(profile {profile.Name} sets no {key}: give the {argument} argument, in {unit})",
        argument)
{
    /// <summary>The profile parameter that is missing, e.g. <c>followUp.rate</c>.</summary>
    public string Key { get; } = key;

    /// <summary>The input that replaces it, e.g. <c>rate</c>.</summary>
    public string Argument { get; } = argument;
}
