using Pipeline.Activities.Packs;
using Pipeline.Activities.Profiles;
using Pipeline.Workflows.Activities;

namespace Pipeline.Activities.Procurement.Tenders;

/// <summary>Input of <see cref="EvaluateBidsActivity"/>.</summary>
public sealed record EvaluateBidsInput
{
    [ActivityInput("Jurisdiction profile name", DescriptionZh = "辖区配置名称")]
    public required string Profile { get; init; }

    [ActivityInput("The lots [{ name, occupations, headcount, winners, area? }] (tender.check's lots)", DescriptionZh = "标段 [{ name, occupations, headcount, winners, area? }]（tender.check 招标公告核验的输出）")]
    public required IReadOnlyList<TenderLot> Lots { get; init; }

    [ActivityInput("The bids [{ institution, lot? }]", DescriptionZh = "投标 [{ institution（培训机构）, lot?（标段）}]")]
    public required IReadOnlyList<Bid> Bids { get; init; }

    [ActivityInput("Every evaluator's score sheet [{ evaluator, scores: [{ institution, lot?, <criterion>: points 0–100 }] }]",
        DescriptionZh = "每位评审专家的评分表 [{ evaluator, scores：[{ institution, lot?, 各评判标准得分（0–100 分）}] }]")]
    public required IReadOnlyList<ScoreSheet> Sheets { get; init; }

    [ActivityInput("The evaluators drawn (each hands in one sheet)", DescriptionZh = "抽取的评审专家（每人一份评分表）", Required = false)]
    public IReadOnlyList<string>? Evaluators { get; init; }
}

/// <summary>Output of <see cref="EvaluateBidsActivity"/>.</summary>
public sealed record EvaluateBidsOutput
{
    [ActivityOutput("Every evaluator's sheet as handed in", DescriptionZh = "每位评审专家的评分表（原样保存）")]
    public required IReadOnlyList<ScoreSheet> Sheets { get; init; }

    [ActivityOutput("The ranking [{ lot, rank, institution, score, byEvaluator, tied, selected }]", DescriptionZh = "排名 [{ lot, rank（名次）, institution, score（平均得分）, byEvaluator（各专家得分）, tied（并列）, selected（入围）}]")]
    public required IReadOnlyList<RankedBid> Ranking { get; init; }

    [ActivityOutput("The selected institutions [{ lot, institution, occupations, area, quota, score, rank }]", DescriptionZh = "入围（中标）机构 [{ lot, institution, occupations, area, quota（人）, score, rank }]")]
    public required IReadOnlyList<TenderWinner> Winners { get; init; }

    [ActivityOutput("Ties stated in words", DescriptionZh = "并列情况说明")]
    public required IReadOnlyList<string> Ties { get; init; }

    [ActivityOutput("The weights used, percent per criterion", DescriptionZh = "所用权重（各评判标准的百分比）")]
    public required IReadOnlyDictionary<string, decimal> Weights { get; init; }

    [ActivityOutput("Findings: a tie at a lot's cut for the committee to settle", DescriptionZh = "问题：标段入围名额处并列，须由评标委员会确定")]
    public required IReadOnlyList<Finding> Findings { get; init; }

    [ActivityOutput("True when every lot's selection is decided (no tie at a cut)", DescriptionZh = "各标段入围均已确定（无跨名额并列）时为 true")]
    public required bool Decided { get; init; }

    [ActivityOutput("The rule the weights come from", DescriptionZh = "权重所依据的规则")]
    public required string Rule { get; init; }
}

/// <summary>
/// Catalogue activity <c>tender.evaluate</c> (评标): weighted scores of every evaluator's sheet, ranking per lot with ties
/// stated, selection of each lot's winners (<see cref="BidEvaluation"/>; weights in the profile, R-QJ-3; WS six winners,
/// R-WS-1). Ends <c>selected</c>, or <c>tied</c> when a tie at a cut leaves a seat for the committee.
/// </summary>
[Activity("tender.evaluate", "Procurement",
    DisplayName = "Evaluate the bids",
    DisplayNameZh = "评标",
    Description = "Weighted scores from every evaluator's sheet (weights in the profile), ranking per lot with ties stated, and selection of the winners (R-QJ-3, R-WS-1).",
    DescriptionZh = "按辖区配置的权重汇总每位评审专家的评分，分标段排名（并列注明）并确定入围机构（R-QJ-3、R-WS-1）。",
    Outcomes = ["selected", "tied"],
    Retries = 1)]
public sealed class EvaluateBidsActivity(ProfileCatalog profiles) : IActivity<EvaluateBidsInput, EvaluateBidsOutput>
{
    /// <exception cref="KeyNotFoundException">Unknown profile.</exception>
    /// <exception cref="RuleNotConfiguredException">The weights are not set.</exception>
    /// <exception cref="ArgumentException">Bad bids or sheets (see <see cref="BidEvaluation.Evaluate"/>).</exception>
    public Task<ActivityResult<EvaluateBidsOutput>> ExecuteAsync(EvaluateBidsInput input, IProgress<ActivityProgress>? progress, CancellationToken cancellationToken)
    {
        var result = BidEvaluation.Evaluate(input.Lots ?? [], input.Bids ?? [], input.Sheets ?? [], input.Evaluators, profiles.Get(input.Profile));
        return Task.FromResult(new ActivityResult<EvaluateBidsOutput>(result.Decided ? "selected" : "tied", new EvaluateBidsOutput
        {
            Sheets = input.Sheets ?? [], Ranking = result.Ranking, Winners = result.Winners, Ties = result.Ties,
            Weights = result.Weights, Decided = result.Decided, Findings = result.Findings, Rule = result.Rule,
        }));
    }
}
