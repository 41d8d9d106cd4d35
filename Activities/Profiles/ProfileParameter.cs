using System.Text.Json;

namespace Pipeline.Activities.Profiles;

/// <summary>
/// One number (or flag, list, range) a jurisdiction's regulation sets for a regulated step, with its unit and rule id,
/// e.g. <c>classOpening.leadTime</c> = 5 working days (R-JZ-3). A parameter the seed names but gives no number for is a
/// <em>setting</em>: <see cref="Value"/> stays null until an administrator sets it, and the rule it feeds is reported
/// as not configured (<see cref="RuleNotConfiguredException"/>); no default is ever invented.
/// </summary>
/// <param name="Key">Dotted key (<see cref="ParameterKeys"/>), e.g. <c>attendance.minRate</c>.</param>
/// <param name="Value">The value as the profile file writes it: a number in <paramref name="Unit"/>, <c>true</c>/<c>false</c>
/// for a flag, an array of strings for a list, <c>{ "min": …, "max": … }</c> for a range; null for a setting not yet set.</param>
/// <param name="Unit">One of <see cref="ParameterUnits"/>: working-days, calendar-days, months, years, yuan-per-trainee-day,
/// percent, persons, person-times, checks, hours, square-metres, flag, list, range-years, count.</param>
/// <param name="Rule">Rule id of the rules catalogue the value comes from, e.g. <c>R-GL-4</c>.</param>
/// <param name="Text">The seed's own words for it, e.g. 提前3个工作日.</param>
/// <param name="Setting">True when the seed gives no number and an administrator fills it in.</param>
/// <param name="DeclaredBy">The profile that declares it (<c>yunnan</c> for a Qujing case's YN rules); the value's source.</param>
/// <param name="SetBy">Who set a setting's value (<c>settings</c> file), null for a value from the seed.</param>
public sealed record ProfileParameter(
    string Key, JsonElement? Value, string Unit, string Rule, string? Text = null, bool Setting = false,
    string DeclaredBy = "", string? SetBy = null)
{
    /// <summary>Whether a value is there (always for seed numbers; for settings once set).</summary>
    public bool IsConfigured => Value is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined };

    /// <summary>The value as a number.</summary>
    /// <exception cref="RuleNotConfiguredException">A setting not yet set.</exception>
    /// <exception cref="InvalidDataException">The value is not a number.</exception>
    public decimal Number => Configured().ValueKind == JsonValueKind.Number ? Value!.Value.GetDecimal() : throw Wrong("a number");

    /// <summary>The value as a whole number (persons, days, checks).</summary>
    public int Count => (int)Number;

    /// <summary>The value as a flag.</summary>
    public bool Flag => Configured().ValueKind is JsonValueKind.True or JsonValueKind.False ? Value!.Value.GetBoolean() : throw Wrong("true or false");

    /// <summary>The value as a list of strings (target groups, modes).</summary>
    public IReadOnlyList<string> List => Configured().ValueKind == JsonValueKind.Array
        ? Value!.Value.EnumerateArray().Select(e => e.GetString() ?? "").ToList() : throw Wrong("a list");

    /// <summary>The value as an inclusive range, e.g. a working age of 16–60 years.</summary>
    public (decimal Min, decimal Max) Range => Configured().ValueKind == JsonValueKind.Object
        && Value!.Value.TryGetProperty("min", out var min) && Value.Value.TryGetProperty("max", out var max)
        ? (min.GetDecimal(), max.GetDecimal()) : throw Wrong("{ min, max }");

    /// <summary>The value as whole persons per area (<see cref="ParameterUnits.PersonsByArea"/>), in the file's order.</summary>
    public IReadOnlyList<KeyValuePair<string, int>> PersonsByArea => Configured().ValueKind == JsonValueKind.Object
        && Value!.Value.EnumerateObject().All(p => p.Value.ValueKind == JsonValueKind.Number && p.Value.TryGetInt32(out var n) && n >= 1)
        ? Value.Value.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value.GetInt32())).ToList()
        : throw Wrong("{ area: persons ≥ 1, … }");

    /// <summary>The value as percent per criterion (<see cref="ParameterUnits.PercentByCriterion"/>), in the file's order:
    /// every weight a number from 0 to 100, the weights summing to 100.</summary>
    public IReadOnlyList<KeyValuePair<string, decimal>> PercentByCriterion => Configured().ValueKind == JsonValueKind.Object
        && Value!.Value.EnumerateObject().Any()
        && Value.Value.EnumerateObject().All(p => p.Name.Trim().Length > 0 && p.Value.ValueKind == JsonValueKind.Number && p.Value.GetDecimal() is >= 0 and <= 100)
        && Value.Value.EnumerateObject().Sum(p => p.Value.GetDecimal()) == 100
        ? Value.Value.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value.GetDecimal())).ToList()
        : throw Wrong("{ criterion: percent 0–100, … } summing to 100");

    /// <summary>The value in words for listings, with its unit (<c>5 working-days</c>, <c>not set</c>).</summary>
    public string Display => !IsConfigured ? "(not set)" : Value!.Value.ValueKind switch
    {
        JsonValueKind.Number => $"{Value.Value.GetDecimal():0.##} {Unit}",
        JsonValueKind.Array => string.Join("、", List),
        JsonValueKind.Object when Unit == ParameterUnits.PercentByCriterion => string.Join("、", PercentByCriterion.Select(p => $"{p.Key} {p.Value:0.##}%")),
        JsonValueKind.Object when Unit == ParameterUnits.PersonsByArea => string.Join("、", PersonsByArea.Select(p => $"{p.Key} {p.Value}")) + $" {Unit}",
        JsonValueKind.Object => $"{Range.Min:0.##}–{Range.Max:0.##} {Unit}",
        JsonValueKind.True => "yes",
        JsonValueKind.False => "no",
        _ => Value.Value.ToString(),
    };

    private JsonElement Configured() => IsConfigured ? Value!.Value : throw new RuleNotConfiguredException(this);

    private InvalidDataException Wrong(string expected) =>
        new($"profile parameter '{Key}' ({DeclaredBy}) should be {expected}, found {Value}");
}

/// <summary>
/// A rule needs a setting no one has set yet (a daily subsidy rate, a publicity period): the step cannot be decided by
/// the product and an administrator must set the value (<c>./pipeline profiles set</c>). Reported with the rule id.
/// </summary>
public sealed class RuleNotConfiguredException(ProfileParameter parameter)
    : InvalidOperationException($"规则 {parameter.Rule} 未配置：{parameter.DeclaredBy} 尚未设置「{parameter.Key}」（{parameter.Unit}），请管理员设置后再办理 (rule {parameter.Rule} is not configured: set '{parameter.Key}' for {parameter.DeclaredBy})")
{
    public ProfileParameter Parameter { get; } = parameter;
}
