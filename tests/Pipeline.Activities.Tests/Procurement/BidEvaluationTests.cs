using System.Text.Json;
using Pipeline.Activities.Catalogue;
using Pipeline.Activities.Procurement.Tenders;
using Pipeline.Activities.Profiles;

namespace Pipeline.Activities.Tests.Procurement;

/// <summary>evaluators.draw and tender.evaluate (评标): seeded evaluators, weighted sheets, ranking with ties, selection per lot.</summary>
public class BidEvaluationTests
{
    public const string Seed = "麒麟区2027招标-评审专家抽取 随机数 40213";
    public static readonly string[] Pool = ["专家甲", "专家乙", "专家丙", "专家丁", "专家戊", "专家己", "专家庚"];

    [Fact]
    public void EvaluatorDraw_IsSeededAndReproducible_AsSHA256RanksThePool()
    {
        var draw = DrawEvaluatorsActivity.Draw(Seed, Pool, 3);
        // Pinned with Python's hashlib: sorted(pool, key=sha256(seed + ":" + name)).
        Assert.Equal(["专家甲", "专家戊", "专家丙"], draw.Drawn);
        Assert.Equal((Seed, false), (draw.Seed, draw.SeedDrawn));
        Assert.Equal(Pool.Order(StringComparer.Ordinal), draw.Pool);
        Assert.Equal(draw.Drawn, DrawEvaluatorsActivity.Draw(Seed, Pool.Reverse().ToList(), 3).Drawn);
        var fresh = DrawEvaluatorsActivity.Draw(null, Pool, 3);
        Assert.True(fresh.SeedDrawn);
        Assert.Equal(fresh.Drawn, DrawEvaluatorsActivity.Draw(fresh.Seed, Pool, 3).Drawn);
        Assert.StartsWith("抽取人数须在 1 至专家库人数 7 之间", Assert.Throws<ArgumentException>(() => DrawEvaluatorsActivity.Draw(Seed, Pool, 8)).Message);
    }

    private static readonly TenderLot[] Lots = [new("第一标段", ["中式烹调师"], 90, 2, "麒麟区"), new("第二标段", ["育婴员"], 60, 1, "麒麟区")];
    private static readonly Bid[] Bids = [new("A", "第一标段"), new("B", "第一标段"), new("C", "第一标段"), new("D", "第二标段"), new("E", "第二标段")];

    /// <summary>The same points on every criterion: the weighted sum is that number.</summary>
    private static ScoreRow Row(string institution, string lot, decimal points) => new()
    {
        Institution = institution, Lot = lot, Criteria = ProcurementTestData.QujingWeights.Keys.ToDictionary(k => k, _ => points),
    };

    private static ScoreSheet Sheet(string evaluator, params (string I, string L, decimal P)[] rows) =>
        new() { Evaluator = evaluator, Scores = rows.Select(r => Row(r.I, r.L, r.P)).ToList() };

    [Fact]
    public void BidEvaluation_WeighsEveryEvaluatorsSheet_RanksPerLot_AndSelectsTheWinners_R_QJ_3()
    {
        var sheets = new[]
        {
            Sheet("专家甲", ("A", "第一标段", 90), ("B", "第一标段", 80), ("C", "第一标段", 70), ("D", "第二标段", 60), ("E", "第二标段", 75)),
            Sheet("专家戊", ("A", "第一标段", 80), ("B", "第一标段", 84), ("C", "第一标段", 60), ("D", "第二标段", 70), ("E", "第二标段", 75)),
        };
        // Uneven points per criterion on one row: 20 % teachers × 100 + 80 % × 50 = 60.
        var uneven = sheets[1].Scores[4] with { Criteria = ProcurementTestData.QujingWeights.Keys.ToDictionary(k => k, k => k == "teachers" ? 100m : 50m) };
        sheets[1] = sheets[1] with { Scores = [.. sheets[1].Scores.Take(4), uneven] };

        var result = BidEvaluation.Evaluate(Lots, Bids, sheets, ["专家甲", "专家戊"], ProcurementTestData.Configured().Get("qujing"));
        Assert.True(result.Decided);
        Assert.Equal(["A 85 1", "B 82 2", "C 65 3", "E 67.5 1", "D 65 2"], result.Ranking.Select(r => $"{r.Institution} {r.Score:0.##} {r.Rank}"));
        Assert.Equal(new Dictionary<string, decimal> { ["专家甲"] = 75, ["专家戊"] = 60 }, result.Ranking.Single(r => r.Institution == "E").ByEvaluator);
        Assert.Equal(["第一标段 A 45", "第一标段 B 45", "第二标段 E 60"], result.Winners.Select(w => $"{w.Lot} {w.Institution} {w.Quota}"));
        Assert.Equal(("R-QJ-3", 20m), (result.Rule, result.Weights["teachers"]));
        Assert.Empty(result.Ties);
    }

    [Fact]
    public void BidEvaluation_StatesTies_AndLeavesATieAtTheCutToTheCommittee_R_QJ_3()
    {
        var sheets = new[] { Sheet("专家甲", ("A", "第一标段", 90), ("B", "第一标段", 80), ("C", "第一标段", 80), ("D", "第二标段", 70), ("E", "第二标段", 70)) };
        var result = BidEvaluation.Evaluate(Lots, Bids, sheets, null, ProcurementTestData.Configured().Get("qujing"));
        Assert.False(result.Decided);
        Assert.Equal(["第一标段：B、C 并列第 2 名（80 分），跨越入围名额，须由评标委员会确定", "第二标段：D、E 并列第 1 名（70 分），跨越入围名额，须由评标委员会确定"], result.Ties);
        Assert.Equal(["A"], result.Winners.Select(w => w.Institution));
        Assert.Equal([1, 2, 2], result.Ranking.Where(r => r.Lot == "第一标段").Select(r => r.Rank));
        Assert.Equal("标段「第一标段」第 2 名并列（80 分），入围 1/2 家，须由评标委员会确定（R-QJ-3）", result.Findings[0].Message);
    }

    [Fact]
    public void BidEvaluation_WithoutWeights_IsNotConfigured_AndSaysSo_R_QJ_3()
    {
        var sheets = new[] { Sheet("专家甲", ("A", "第一标段", 90), ("B", "第一标段", 80), ("C", "第一标段", 70), ("D", "第二标段", 60), ("E", "第二标段", 75)) };
        var e = Assert.Throws<RuleNotConfiguredException>(() => BidEvaluation.Evaluate(Lots, Bids, sheets, null, ProfileCatalog.LoadEmbedded().Get("qujing")));
        Assert.StartsWith("规则 R-QJ-3 未配置", e.Message);
        Assert.Equal(ParameterKeys.TenderWeights, e.Parameter.Key);

        // Qujing's weights must weigh every criterion of R-QJ-3; a local one may be added.
        var partial = ProfileCatalog.LoadEmbedded(ProfileSettings.Empty().With("qujing", ParameterKeys.TenderWeights,
            JsonSerializer.SerializeToElement(new Dictionary<string, decimal> { ["teachers"] = 60, ["localReputation"] = 40 }), "admin", ProcurementTestData.SetAt));
        Assert.Contains("评标权重缺少评判标准：办学设施、主要业绩", Assert.Throws<InvalidOperationException>(() => BidEvaluation.Evaluate(Lots, Bids, sheets, null, partial.Get("qujing"))).Message);
        // Weights that do not add up to 100 are refused when the profile loads.
        var wrong = ProfileSettings.Empty().With("qujing", ParameterKeys.TenderWeights, JsonSerializer.SerializeToElement(new Dictionary<string, decimal> { ["teachers"] = 60 }), "admin", ProcurementTestData.SetAt);
        Assert.Throws<InvalidDataException>(() => ProfileCatalog.LoadEmbedded(wrong).Get("qujing"));
    }

    [Fact]
    public void BidEvaluation_RefusesIncompleteSheets_InChineseFirst()
    {
        var qj = ProcurementTestData.Configured().Get("qujing");
        var full = Sheet("专家甲", ("A", "第一标段", 90), ("B", "第一标段", 80), ("C", "第一标段", 70), ("D", "第二标段", 60), ("E", "第二标段", 75));
        Assert.StartsWith("评审专家「专家戊」未提交评分表", Assert.Throws<ArgumentException>(() => BidEvaluation.Evaluate(Lots, Bids, [full], ["专家甲", "专家戊"], qj)).Message);
        var short1 = full with { Scores = full.Scores.Take(4).ToList() };
        Assert.StartsWith("评审专家「专家甲」未对「E」（第二标段）评分", Assert.Throws<ArgumentException>(() => BidEvaluation.Evaluate(Lots, Bids, [short1], null, qj)).Message);
        var over = full with { Scores = [.. full.Scores.Take(4), Row("E", "第二标段", 101)] };
        Assert.Contains("不在 0–100 分之间", Assert.Throws<ArgumentException>(() => BidEvaluation.Evaluate(Lots, Bids, [over], null, qj)).Message);
        var unscored = full with { Scores = [.. full.Scores.Take(4), new ScoreRow { Institution = "E", Lot = "第二标段", Criteria = new() { ["teachers"] = 80 } }] };
        Assert.Contains("未评「办学设施」", Assert.Throws<ArgumentException>(() => BidEvaluation.Evaluate(Lots, Bids, [unscored], null, qj)).Message);
    }

    [Fact]
    public async Task TenderEvaluate_Activity_ReadsFlatFormRows_KeepsEverySheet_AndEndsSelected_R_QJ_3()
    {
        Dictionary<string, object?> FormRow(string institution, string lot, decimal points)
        {
            var row = new Dictionary<string, object?> { ["institution"] = institution, ["lot"] = lot };
            foreach (var key in ProcurementTestData.QujingWeights.Keys) row[key] = points;
            return row;
        }
        var inputs = new Dictionary<string, object?>
        {
            ["profile"] = "qujing",
            ["lots"] = Lots.Select(l => (object?)new Dictionary<string, object?> { ["name"] = l.Name, ["occupations"] = l.Occupations.Cast<object?>().ToList(), ["headcount"] = (decimal)l.Headcount, ["winners"] = (decimal)l.Winners!, ["area"] = l.Area }).ToList(),
            ["bids"] = Bids.Select(b => (object?)new Dictionary<string, object?> { ["institution"] = b.Institution, ["lot"] = b.Lot }).ToList(),
            ["sheets"] = new List<object?>
            {
                new Dictionary<string, object?> { ["evaluator"] = "专家甲", ["scores"] = new List<object?> { FormRow("A", "第一标段", 90), FormRow("B", "第一标段", 80), FormRow("C", "第一标段", 70), FormRow("D", "第二标段", 60), FormRow("E", "第二标段", 75) } },
            },
        };
        var (outcome, variables) = await ProcurementTestData.Invoker(ProcurementTestData.Configured()).InvokeAsync("tender.evaluate", inputs, null, CancellationToken.None);
        Assert.Equal("selected", outcome);
        var sheets = JsonSerializer.Serialize(ActivityInvoker.Plain(variables["sheets"]));
        Assert.Contains("\"teachers\":90", sheets);
        Assert.Equal(3, ((IReadOnlyList<object?>)variables["winners"]!).Count);
    }
}
