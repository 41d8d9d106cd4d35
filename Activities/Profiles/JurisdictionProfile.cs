using System.Text.Json;

namespace Pipeline.Activities.Profiles;

/// <summary>
/// A jurisdiction's effective profile (地方标准): its own regulation's parameters over those of every enclosing
/// jurisdiction (a Qujing case follows 曲人社办〔2018〕18号 and 云人社通〔2022〕50号), the more specific value winning,
/// with the settings an administrator filled in. Code asks the profile; a parameter that is absent means no regulation
/// of the chain sets such a rule and the check does not apply. Built by <see cref="ProfileCatalog.Get"/>.
/// </summary>
public sealed record JurisdictionProfile
{
    /// <summary>Profile name used on the command line and in cases, e.g. <c>jiaozuo</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Jurisdiction in Chinese, e.g. 焦作市.</summary>
    public required string DisplayName { get; init; }

    /// <summary>The enclosing jurisdiction whose regulation also applies (<c>qujing</c> → <c>yunnan</c>); null for a top-level one.</summary>
    public string? Parent { get; init; }

    /// <summary>The regulation of this jurisdiction, e.g. 焦人社文〔2021〕15号.</summary>
    public required string Source { get; init; }

    /// <summary>The jurisdiction and its enclosing ones, innermost first.</summary>
    public IReadOnlyList<string> Chain { get; init; } = [];

    /// <summary>Checklist id per pack kind, e.g. <c>class-opening</c> → <c>jz-class-opening</c>; the innermost profile naming one wins.</summary>
    public required IReadOnlyDictionary<string, string> Checklists { get; init; }

    /// <summary>Effective parameters by key (<see cref="ParameterKeys"/>), each with the profile that declares it.</summary>
    public IReadOnlyDictionary<string, ProfileParameter> Parameters { get; init; } = new Dictionary<string, ProfileParameter>();

    /// <summary>The parameter, or null when no regulation of the chain sets it.</summary>
    public ProfileParameter? Find(string key) => Parameters.TryGetValue(key, out var p) ? p : null;

    /// <summary>A number the chain sets, or null when it sets none.</summary>
    /// <exception cref="RuleNotConfiguredException">A setting not yet set.</exception>
    public decimal? Number(string key) => Find(key)?.Number;

    /// <summary>A flag the chain sets; false when it sets none.</summary>
    /// <exception cref="RuleNotConfiguredException">A setting not yet set.</exception>
    public bool Flag(string key) => Find(key)?.Flag ?? false;

    /// <summary>A number the chain sets, with its rule id (<c>attendance.minRate</c> → 80, R-GL-4); null when it sets none.</summary>
    /// <exception cref="RuleNotConfiguredException">A setting not yet set: the rule exists but cannot be decided.</exception>
    public RuleParameter? RuleNumber(string key) => Find(key) is { } p ? new RuleParameter(p.Number, p.Rule) : null;

    /// <summary>The rule id of a flag the chain sets to true (<c>attendance.halfDaySignIn</c> → R-YN-9); null when unset or false.</summary>
    /// <exception cref="RuleNotConfiguredException">A setting not yet set.</exception>
    public string? FlagRule(string key) => Find(key) is { Flag: true } p ? p.Rule : null;

    /// <summary>Least vacancies offered per trainee on the job vacancy list (JZ: 3, "不少于1:3"); null: no such rule.</summary>
    public RuleParameter? VacanciesPerTrainee =>
        Find(ParameterKeys.VacanciesPerTrainee) is { IsConfigured: true } p ? new RuleParameter(p.Number, p.Rule) : null;

    /// <summary>Legal working age of trainees in years (R-JZ-1); null: ages are not checked.</summary>
    public AgeRange? WorkingAge =>
        Find(ParameterKeys.WorkingAge) is { IsConfigured: true } p ? new AgeRange((int)p.Range.Min, (int)p.Range.Max, p.Rule) : null;

    /// <summary>
    /// The values as nested FEEL-ready contexts, for gateway conditions on profile data: <c>classOpening.coSigners</c>
    /// becomes <c>{ "classOpening": { "coSigners": 2 } }</c>; a setting not yet set is null.
    /// </summary>
    public Dictionary<string, object?> ToVariables()
    {
        var root = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, parameter) in Parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var parts = key.Split('.');
            var at = root;
            foreach (var part in parts[..^1])
            {
                if (at.TryGetValue(part, out var next) && next is Dictionary<string, object?> child) { at = child; continue; }
                var created = new Dictionary<string, object?>(StringComparer.Ordinal);
                at[part] = created;
                at = created;
            }
            at[parts[^1]] = parameter.IsConfigured ? Plain(parameter.Value!.Value) : null;
        }
        return root;
    }

    private static object? Plain(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDecimal(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Array => value.EnumerateArray().Select(Plain).ToList(),
        JsonValueKind.Object => value.EnumerateObject().ToDictionary(p => p.Name, p => Plain(p.Value), StringComparer.Ordinal),
        _ => null,
    };
}

/// <summary>A regulation number with the rule it comes from, e.g. 3 vacancies per trainee (R-JZ-3).</summary>
/// <param name="Value">The number, in the unit its property names.</param>
/// <param name="Rule">Rule id of the rules catalogue.</param>
public sealed record RuleParameter(decimal Value, string Rule);

/// <summary>An inclusive age range in whole years, with its rule.</summary>
public sealed record AgeRange(int Min, int Max, string Rule);
