using Pipeline.Activities.Procurement.Lottery;
using Pipeline.Activities.Supervision.Draws;
using Pipeline.Workflows.Activities;

namespace Pipeline.Activities.Procurement.Tenders;

/// <summary>Input of <see cref="DrawEvaluatorsActivity"/>.</summary>
public sealed record DrawEvaluatorsInput
{
    [ActivityInput("The evaluator pool (names or ids), each once", DescriptionZh = "评审专家库（姓名或编号），每人一次")]
    public required IReadOnlyList<string> Pool { get; init; }

    [ActivityInput("How many evaluators to draw, ≥ 1 and at most the pool", DescriptionZh = "抽取人数，至少 1 人且不超过专家库人数")]
    public required int Count { get; init; }

    [ActivityInput("The seed, fixed before the draw; when absent one is drawn and returned",
        DescriptionZh = "随机种子，须在抽取前固定；不填时由系统生成并在结果中给出", Required = false)]
    public string? Seed { get; init; }
}

/// <summary>The draw as the history keeps it: enough to repeat and verify it.</summary>
/// <param name="Seed">The seed used.</param>
/// <param name="SeedDrawn">True when the product drew the seed because none was given.</param>
/// <param name="Pool">The pool, ordinally sorted.</param>
/// <param name="Drawn">The evaluators drawn, in draw order.</param>
/// <param name="Method">The ranking in words (<see cref="SeededDraw.Method"/>).</param>
public sealed record EvaluatorDraw(string Seed, bool SeedDrawn, IReadOnlyList<string> Pool, IReadOnlyList<string> Drawn, string Method);

/// <summary>Output of <see cref="DrawEvaluatorsActivity"/>.</summary>
public sealed record DrawEvaluatorsOutput
{
    [ActivityOutput("The draw: seed, seedDrawn, pool, drawn, method", DescriptionZh = "抽取记录：seed（种子）、seedDrawn、pool（专家库）、drawn（抽中专家）、method（方法）")]
    public required EvaluatorDraw Draw { get; init; }

    [ActivityOutput("The evaluators drawn, in draw order (the multi-instance score sheets run over them)", DescriptionZh = "抽中的评审专家（按抽取顺序；评分表按此逐人填写）")]
    public required IReadOnlyList<string> Evaluators { get; init; }
}

/// <summary>
/// Catalogue activity <c>evaluators.draw</c> (随机抽取评审专家): a seeded, reproducible draw of <c>count</c> evaluators from
/// the pool on <see cref="SeededDraw"/> (SHA-256 of seed:id ascending, first k); seed, pool and result go to the history.
/// </summary>
[Activity("evaluators.draw", "Procurement",
    DisplayName = "Draw the bid evaluators",
    DisplayNameZh = "随机抽取评审专家",
    Description = "Seeded, reproducible draw of the bid evaluators from the pool; seed, pool and result kept for the history.",
    DescriptionZh = "以可验证的随机种子从评审专家库中抽取评审专家；种子、专家库和结果记入办件历史。",
    Outcomes = ["drawn"],
    Retries = 1)]
public sealed class DrawEvaluatorsActivity : IActivity<DrawEvaluatorsInput, DrawEvaluatorsOutput>
{
    /// <exception cref="ArgumentException">A count below 1 or above the pool, a blank or repeated evaluator (Chinese first).</exception>
    public Task<ActivityResult<DrawEvaluatorsOutput>> ExecuteAsync(DrawEvaluatorsInput input, IProgress<ActivityProgress>? progress, CancellationToken cancellationToken)
    {
        var draw = Draw(input.Seed, input.Pool ?? [], input.Count);
        return Task.FromResult(new ActivityResult<DrawEvaluatorsOutput>("drawn", new DrawEvaluatorsOutput { Draw = draw, Evaluators = draw.Drawn }));
    }

    /// <summary>Draws <paramref name="count"/> evaluators.</summary>
    /// <exception cref="ArgumentException">As <see cref="ExecuteAsync"/>.</exception>
    public static EvaluatorDraw Draw(string? seed, IReadOnlyList<string> pool, int count)
    {
        if (count < 1 || count > pool.Count)
            throw new ArgumentException($"抽取人数须在 1 至专家库人数 {pool.Count} 之间，而不是 {count} (count must be between 1 and the pool size)", nameof(count));
        var drawn = string.IsNullOrWhiteSpace(seed);
        var used = drawn ? QuotaLottery.NewSeed() : seed!;
        var chosen = SeededDraw.Take(used, pool, count);
        return new EvaluatorDraw(used, drawn, pool.Order(StringComparer.Ordinal).ToList(), chosen, SeededDraw.Method);
    }
}
