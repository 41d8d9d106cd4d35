using Pipeline.Workflows.Activities;

namespace Pipeline.Activities.Profiles;

/// <summary>Input of <see cref="LoadProfileActivity"/>.</summary>
public sealed record LoadProfileInput
{
    [ActivityInput("Jurisdiction profile name, e.g. qujing", DescriptionZh = "辖区配置名称，如 qujing")]
    public required string Profile { get; init; }

    [ActivityInput("Parameter keys this step cannot go on without: a setting declared but not set stops it",
        DescriptionZh = "本步骤必需的参数键：已声明但尚未设置的参数会使本步骤停止", Required = false)]
    public IReadOnlyList<string>? Required { get; init; }
}

/// <summary>Output of <see cref="LoadProfileActivity"/>.</summary>
public sealed record LoadProfileOutput
{
    [ActivityOutput("The effective rules as nested contexts (rules.classOpening.coSigners …); a setting not yet set is null",
        DescriptionZh = "生效的规则，按层级嵌套（rules.classOpening.coSigners …）；尚未设置的参数为 null")]
    public required Dictionary<string, object?> Rules { get; init; }

    [ActivityOutput("The jurisdiction's name in Chinese", DescriptionZh = "辖区的中文名称")]
    public required string Jurisdiction { get; init; }

    [ActivityOutput("Settings not yet configured, as 'key (rule)'", DescriptionZh = "尚未配置的参数，格式为 'key (rule)'")]
    public required IReadOnlyList<string> NotConfigured { get; init; }
}

/// <summary>
/// Catalogue activity <c>profile.load</c> (载入辖区规则): puts the case's effective jurisdiction rules into the variable
/// <c>rules</c>, so gateways and loops branch on profile data (<c>=rules.classOpening.financeFiling</c>,
/// <c>loopCardinality =rules.classOpening.coSigners</c>) and the history records which numbers the case followed.
/// A parameter the step names in <c>required</c> that the regulation leaves to the administrator and nobody has set
/// stops the step with an incident citing its rule; a parameter no regulation of the chain declares is simply null.
/// </summary>
[Activity("profile.load", "Profiles",
    DisplayName = "Load jurisdiction rules",
    DisplayNameZh = "载入辖区规则",
    Description = "The case's jurisdiction profile (its own regulation over its parents', with the administrator's settings) as the variable rules.",
    DescriptionZh = "把本案件的辖区配置（本级规定优先于上级规定，并含管理员的设置）载入为变量 rules。",
    Retries = 1)]
public sealed class LoadProfileActivity(ProfileCatalog profiles) : IActivity<LoadProfileInput, LoadProfileOutput>
{
    /// <exception cref="KeyNotFoundException">Unknown profile.</exception>
    /// <exception cref="RuleNotConfiguredException">A required parameter is a setting of the jurisdiction's regulation that no
    /// administrator has set (YN's number of co-signers, R-YN-18): the case holds an incident naming the rule until it is set.</exception>
    public Task<ActivityResult<LoadProfileOutput>> ExecuteAsync(LoadProfileInput input, IProgress<ActivityProgress>? progress, CancellationToken cancellationToken)
    {
        var profile = profiles.Get(input.Profile);
        foreach (var key in input.Required ?? [])
            if (profile.Find(key) is { IsConfigured: false } unset) throw new RuleNotConfiguredException(unset);
        return Task.FromResult(new ActivityResult<LoadProfileOutput>("done", new LoadProfileOutput
        {
            Rules = profile.ToVariables(),
            Jurisdiction = profile.DisplayName,
            NotConfigured = profile.Parameters.Values.Where(p => !p.IsConfigured).Select(p => $"{p.Key} ({p.Rule})").ToList(),
        }));
    }
}
