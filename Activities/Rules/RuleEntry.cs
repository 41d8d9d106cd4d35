namespace Pipeline.Activities.Rules;

/// <summary>
/// One obligation of the five regulations, with a stable id cited in code, definitions, profiles and findings.
/// </summary>
/// <param name="Id">Rule id, e.g. <c>R-GL-4</c>.</param>
/// <param name="Seed">Short name of the regulation: QJ, YN, GL, JZ or WS.</param>
/// <param name="Section">Section of the seed, e.g. 第四条 or §五(二).</param>
/// <param name="Text">The seed's own words (Chinese), abridged.</param>
/// <param name="Summary">English summary.</param>
/// <param name="Status"><c>enforced</c> or <c>out-of-scope</c>.</param>
/// <param name="Where">For an enforced rule: where it is enforced (profile key, activity, definition element, checklist).</param>
/// <param name="Tests">For an enforced rule: the test methods that prove it (at least one).</param>
/// <param name="Reason">For an out-of-scope rule: why.</param>
public sealed record RuleEntry(
    string Id, string Seed, string Section, string Text, string Summary, string Status,
    IReadOnlyList<string>? Where = null, IReadOnlyList<string>? Tests = null, string? Reason = null)
{
    public const string Enforced = "enforced";
    public const string OutOfScope = "out-of-scope";

    /// <summary>The jurisdiction profile whose regulation this is (QJ → qujing …).</summary>
    public string Profile => Seed switch
    {
        "QJ" => "qujing", "YN" => "yunnan", "GL" => "guilin", "JZ" => "jiaozuo", "WS" => "wenshui", _ => Seed.ToLowerInvariant(),
    };
}
