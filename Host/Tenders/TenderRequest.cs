using Pipeline.Activities.Procurement.Tenders;

namespace Pipeline.Host.Tenders;

/// <summary>
/// A bureau's request to start a tender (<c>POST /api/tenders</c>): the notice (title, method, occupations, planned
/// headcount in persons, lots), the evaluator pool and how many to draw (R-QJ-3), the contract term's first day (and
/// last day where the profile sets no term, R-WS-1) and, in Wenshui, the lottery's seed and areas with yearly quotas
/// (R-WS-2). Checked here for shape only; the regulation's checks are the process's own (<c>tender.check</c>).
/// </summary>
public sealed record TenderRequest(
    string? Title, string? Method, IReadOnlyList<string>? Occupations, int? Headcount, IReadOnlyList<TenderLotView>? Lots,
    bool ShortlistOnly, IReadOnlyList<string>? EvaluatorPool, int? EvaluatorCount, string? EvaluatorSeed,
    DateOnly? ContractStartsOn, DateOnly? ContractEndsOn, string? LotterySeed, IReadOnlyList<LotteryAreaRequest>? LotteryAreas)
{
    /// <summary>The variables of the <c>tender-requested</c> message.</summary>
    /// <exception cref="ArgumentException">A missing or bad field, in Chinese first.</exception>
    public Dictionary<string, object?> ToVariables()
    {
        var title = Title?.Trim() ?? "";
        if (title.Length is 0 or > 200) throw new ArgumentException("请填写招标公告标题（不超过200字）(title is required, at most 200 characters)");
        var method = string.IsNullOrWhiteSpace(Method) ? TenderMethods.Open : Method.Trim();
        if (!TenderMethods.Names.ContainsKey(method))
            throw new ArgumentException($"采购方式应为 {string.Join(" / ", TenderMethods.Names.Select(m => $"{m.Key}（{m.Value}）"))} (unknown method '{method}')");
        var occupations = Clean(Occupations);
        if (occupations.Count == 0) throw new ArgumentException("招标公告须列明培训职业（工种）(name at least one occupation)");
        if (Headcount is not (>= 1 and <= 1_000_000)) throw new ArgumentException("计划培训人数应为 1–1000000 人 (headcount is 1 to 1,000,000 persons)");
        var lots = (Lots ?? []).Select(l => new TenderLotView(l.Name?.Trim() ?? "", Clean(l.Occupations), l.Headcount, l.Winners, string.IsNullOrWhiteSpace(l.Area) ? null : l.Area.Trim())).ToList();
        if (lots.FirstOrDefault(l => l.Name.Length is 0 or > 100 || l.Occupations.Count == 0 || l.Headcount < 1 || l.Winners is < 1) is { } bad)
            throw new ArgumentException($"标段「{bad.Name}」须有名称、职业（工种）、人数（≥1）和入围家数（≥1）(a lot needs a name, occupations, a headcount and winners ≥ 1)");
        if (lots.Count > 0 && lots.Sum(l => l.Headcount) != Headcount)
            throw new ArgumentException($"各标段人数之和（{lots.Sum(l => l.Headcount)}）应等于计划培训人数（{Headcount}）(the lots' headcounts must add up to the headcount)");
        var pool = Clean(EvaluatorPool);
        if (EvaluatorCount is not { } count || count < 1 || count > pool.Count)
            throw new ArgumentException($"抽取的评审专家人数应为 1–{pool.Count}（专家库 {pool.Count} 人）(evaluatorCount is 1 to the pool's size)");
        if (ContractStartsOn is not { } starts) throw new ArgumentException("请填写合同服务期起始日 (contractStartsOn is required, yyyy-MM-dd)");
        if (ContractEndsOn is { } ends && ends < starts) throw new ArgumentException("合同截止日期早于起始日期 (contractEndsOn is before contractStartsOn)");
        var areas = (LotteryAreas ?? []).Select(a => new LotteryAreaRequest(a.Area?.Trim(), a.Quota)).ToList();
        if (areas.FirstOrDefault(a => string.IsNullOrEmpty(a.Area) || a.Quota is < 1 or > 100_000) is not null)
            throw new ArgumentException("抽签区域须有名称，年度任务数为 1–100000 人 (a lottery area needs a name and a quota of 1 to 100,000 persons)");

        var notice = new Dictionary<string, object?>
        {
            ["title"] = title, ["occupations"] = occupations.Cast<object?>().ToList(), ["headcount"] = (decimal)Headcount.Value, ["method"] = method,
            ["shortlistOnly"] = ShortlistOnly, ["filings"] = new List<object?>(),
            ["lots"] = lots.Select(l => (object?)new Dictionary<string, object?>
            {
                ["name"] = l.Name, ["occupations"] = l.Occupations.Cast<object?>().ToList(), ["headcount"] = (decimal)l.Headcount,
                ["winners"] = l.Winners is { } w ? (decimal)w : null, ["area"] = l.Area,
            }).ToList(),
        };
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["notice"] = notice, ["plannedHeadcount"] = (decimal)Headcount.Value,
            ["evaluatorPool"] = pool.Cast<object?>().ToList(), ["evaluatorCount"] = (decimal)count,
            ["evaluatorSeed"] = string.IsNullOrWhiteSpace(EvaluatorSeed) ? null : EvaluatorSeed.Trim(),
            ["contractStartsOn"] = starts.ToString("yyyy-MM-dd"), ["contractEndsOn"] = ContractEndsOn?.ToString("yyyy-MM-dd"),
            ["lotterySeed"] = string.IsNullOrWhiteSpace(LotterySeed) ? null : LotterySeed.Trim(),
            ["lotteryAreas"] = areas.Count == 0 ? null
                : areas.Select(a => (object?)new Dictionary<string, object?> { ["area"] = a.Area, ["quota"] = (decimal)a.Quota }).ToList(),
        };
    }

    private static List<string> Clean(IReadOnlyList<string>? values) =>
        (values ?? []).Select(v => v?.Trim() ?? "").Where(v => v.Length is > 0 and <= 100).Distinct(StringComparer.Ordinal).ToList();
}

/// <summary>An area to draw by lot with its yearly quota, persons (R-WS-2).</summary>
public sealed record LotteryAreaRequest(string? Area, int Quota);
