using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Activities.Procurement.Tenders;

/// <summary>A bid (投标): an institution bidding for a lot.</summary>
/// <param name="Institution">The institution's organisation id, e.g. <c>institution:91530000MA6K000001</c>, or its name.</param>
/// <param name="Lot">The lot's name; null: the tender's only lot.</param>
public sealed record Bid(string Institution, string? Lot = null);

/// <summary>
/// One evaluator's score sheet (评分表), as the form <c>bid-score-sheet</c> returns it: <c>{ evaluator, scores: [{ institution,
/// lot?, teachers, facilities, …, criteria? }] }</c>; each criterion scored in points 0–100.
/// </summary>
public sealed record ScoreSheet
{
    /// <summary>The evaluator (评审专家) who scored.</summary>
    public required string Evaluator { get; init; }

    /// <summary>One row per bid scored.</summary>
    public IReadOnlyList<ScoreRow> Scores { get; init; } = [];
}

/// <summary>The scores of one bid on one sheet: points 0–100 per criterion, either in <see cref="Criteria"/> or as the row's own
/// properties (as a form's repeating group writes them).</summary>
public sealed record ScoreRow
{
    /// <summary>The institution scored.</summary>
    public required string Institution { get; init; }

    /// <summary>The lot; null: the tender's only lot.</summary>
    public string? Lot { get; init; }

    /// <summary>Points per criterion, 0–100.</summary>
    public Dictionary<string, decimal>? Criteria { get; init; }

    /// <summary>Other properties of the row: criteria written flat by a form.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }

    /// <summary>The points given for <paramref name="criterion"/>, or null when the row has none.</summary>
    public decimal? Points(string criterion) =>
        Criteria is not null && Criteria.TryGetValue(criterion, out var p) ? p
        : Extra is not null && Extra.TryGetValue(criterion, out var e) && e.ValueKind == JsonValueKind.Number ? e.GetDecimal()
        : null;
}

/// <summary>Names of the criteria of R-QJ-3 (QJ §二(三)) in Chinese; a local criterion is shown by its key.</summary>
public static class Criteria
{
    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["teachers"] = "师资力量", ["facilities"] = "办学设施", ["trackRecord"] = "主要业绩", ["employmentRate"] = "培训后就业率（创业率）",
        ["trainingTime"] = "培训时间", ["passRate"] = "鉴定考试合格率", ["financialCompliance"] = "财务规范",
    };

    /// <summary>The criterion's Chinese name, or its key for a local one.</summary>
    public static string Name(string key) => Names.GetValueOrDefault(key, key);
}
