using Pipeline.Activities.Packs;
using Pipeline.Activities.Profiles;

namespace Pipeline.Activities.Procurement.Tenders;

/// <summary>An institution's place in its lot.</summary>
/// <param name="Lot">The lot.</param>
/// <param name="Rank">1 for the best; equal scores share a rank (1, 1, 3).</param>
/// <param name="Institution">The institution.</param>
/// <param name="Score">Mean over the evaluators of the weighted sum, points 0–100, rounded to 2 decimals.</param>
/// <param name="ByEvaluator">Each evaluator's weighted sum, points, rounded to 2 decimals.</param>
/// <param name="Tied">True when another institution of the lot has the same score.</param>
/// <param name="Selected">True when selected in the lot.</param>
public sealed record RankedBid(string Lot, int Rank, string Institution, decimal Score, IReadOnlyDictionary<string, decimal> ByEvaluator, bool Tied, bool Selected);

/// <summary>A selected institution (中标/入围) with what its contract covers.</summary>
/// <param name="Lot">The lot won.</param>
/// <param name="Institution">The institution.</param>
/// <param name="Occupations">The lot's occupations.</param>
/// <param name="Area">The lot's area, or null (assigned later, WS by lot).</param>
/// <param name="Quota">Yearly trainees of its contract, persons: the lot's headcount shared evenly among the lot's winners,
/// the remainder to the better ranked (the seeds do not say how a lot with several winners is shared).</param>
/// <param name="Score">Its score.</param>
/// <param name="Rank">Its rank in the lot.</param>
public sealed record TenderWinner(string Lot, string Institution, IReadOnlyList<string> Occupations, string? Area, int Quota, decimal Score, int Rank);

/// <summary>The outcome of <see cref="BidEvaluation.Evaluate"/>.</summary>
/// <param name="Ranking">Every bid, per lot in notice order, best first.</param>
/// <param name="Winners">The selected institutions, per lot in notice order, best first.</param>
/// <param name="Ties">Ties stated in words (every group of equal scores, and whether it straddles the selection).</param>
/// <param name="Weights">The weights used, percent per criterion.</param>
/// <param name="Findings">Errors: a tie at the cut of a lot, which the evaluation committee must settle.</param>
/// <param name="Rule">The rule the weights come from.</param>
public sealed record BidEvaluationResult(IReadOnlyList<RankedBid> Ranking, IReadOnlyList<TenderWinner> Winners, IReadOnlyList<string> Ties,
    IReadOnlyDictionary<string, decimal> Weights, IReadOnlyList<Finding> Findings, string Rule)
{
    /// <summary>True when every lot's selection is decided (no tie at a cut).</summary>
    public bool Decided => Findings.All(f => f.Severity != Severities.Error);
}

/// <summary>
/// 评标: every evaluator's score sheet weighs every bid on the criteria of the profile's <c>tender.weights</c> (a setting: no seed
/// gives weights; QJ R-QJ-3 also requires the criteria of <c>tender.criteria</c>: teachers, facilities, track record,
/// employment or start-up rate, training time, pass rate, financial compliance, plus local ones). A bid's score is the mean
/// over the evaluators of Σ weight × points ÷ 100; bids are ranked per lot (equal scores share a rank and are stated), and
/// the best <c>winners</c> of each lot are selected; a tie across the cut selects no one of the tied and is reported for
/// the committee to settle.
/// </summary>
public static class BidEvaluation
{
    /// <param name="lots">The lots with their winners (from <see cref="TenderCheck"/>).</param>
    /// <param name="bids">The bids.</param>
    /// <param name="sheets">The evaluators' sheets, one per evaluator.</param>
    /// <param name="evaluators">The evaluators drawn; when given, each must hand in exactly one sheet and no one else may.</param>
    /// <param name="profile">The tendering bureau's profile.</param>
    /// <exception cref="RuleNotConfiguredException">The weights are not set (规则未配置).</exception>
    /// <exception cref="InvalidOperationException">The weights leave out a criterion the regulation requires.</exception>
    /// <exception cref="ArgumentException">No bid, a bid for an unknown lot or given twice, a sheet missing or scoring a bid
    /// twice, a score outside 0–100 or missing a criterion (Chinese first).</exception>
    public static BidEvaluationResult Evaluate(IReadOnlyList<TenderLot> lots, IReadOnlyList<Bid> bids, IReadOnlyList<ScoreSheet> sheets,
        IReadOnlyList<string>? evaluators, JurisdictionProfile profile)
    {
        var weightsParameter = profile.Find(ParameterKeys.TenderWeights)
            ?? throw new InvalidOperationException($"{profile.DisplayName}（{profile.Name}）没有评标权重的规定（{ParameterKeys.TenderWeights}） (no bid evaluation weights in profile {profile.Name})");
        var weights = weightsParameter.PercentByCriterion.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        if (profile.Find(ParameterKeys.TenderCriteria) is { IsConfigured: true } required
            && required.List.Where(c => !weights.ContainsKey(c)).ToList() is { Count: > 0 } unweighted)
            throw new InvalidOperationException($"评标权重缺少评判标准：{string.Join("、", unweighted.Select(Criteria.Name))}（{required.Rule}），请管理员设置 {ParameterKeys.TenderWeights} (weights miss required criteria)");

        var lotNames = lots.Select(l => l.Name).ToList();
        string LotOf(string? lot) => lot ?? (lots.Count == 1 ? lots[0].Name : throw new ArgumentException("招标有多个标段，须写明标段 (the tender has several lots: name the lot)", nameof(bids)));
        if (bids is not { Count: > 0 }) throw new ArgumentException("没有投标 (no bids)", nameof(bids));
        var bidKeys = new List<(string Lot, string Institution)>();
        foreach (var bid in bids)
        {
            var lot = LotOf(bid.Lot);
            if (!lotNames.Contains(lot)) throw new ArgumentException($"投标的标段「{lot}」不在招标公告中 (unknown lot {lot})", nameof(bids));
            if (string.IsNullOrWhiteSpace(bid.Institution)) throw new ArgumentException("投标机构不能为空 (a bid's institution is blank)", nameof(bids));
            if (bidKeys.Contains((lot, bid.Institution))) throw new ArgumentException($"「{bid.Institution}」在标段「{lot}」重复投标 (a bid is given twice)", nameof(bids));
            bidKeys.Add((lot, bid.Institution));
        }

        if (sheets is not { Count: > 0 }) throw new ArgumentException("没有评分表 (no score sheets)", nameof(sheets));
        if (sheets.GroupBy(s => s.Evaluator, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new ArgumentException($"评审专家「{twice.Key}」交了两份评分表 (an evaluator handed in two sheets)", nameof(sheets));
        if (evaluators is { Count: > 0 })
        {
            if (evaluators.FirstOrDefault(e => sheets.All(s => s.Evaluator != e)) is { } absent)
                throw new ArgumentException($"评审专家「{absent}」未提交评分表 (evaluator {absent} has no sheet)", nameof(sheets));
            if (sheets.FirstOrDefault(s => !evaluators.Contains(s.Evaluator)) is { } stranger)
                throw new ArgumentException($"「{stranger.Evaluator}」不是抽取的评审专家 ({stranger.Evaluator} was not drawn)", nameof(sheets));
        }

        var totals = bidKeys.ToDictionary(k => k, _ => new Dictionary<string, decimal>(StringComparer.Ordinal));
        foreach (var sheet in sheets)
        {
            foreach (var row in sheet.Scores)
            {
                var key = (LotOf(row.Lot), row.Institution);
                if (!totals.TryGetValue(key, out var byEvaluator))
                    throw new ArgumentException($"评审专家「{sheet.Evaluator}」的评分表评了未投标的「{row.Institution}」（{key.Item1}） (a score for no bid)", nameof(sheets));
                if (byEvaluator.ContainsKey(sheet.Evaluator))
                    throw new ArgumentException($"评审专家「{sheet.Evaluator}」对「{row.Institution}」（{key.Item1}）评分两次 (a bid scored twice on one sheet)", nameof(sheets));
                var sum = 0m;
                foreach (var (criterion, weight) in weights)
                {
                    var points = row.Points(criterion)
                        ?? throw new ArgumentException($"评审专家「{sheet.Evaluator}」对「{row.Institution}」未评「{Criteria.Name(criterion)}」 (criterion {criterion} not scored)", nameof(sheets));
                    if (points is < 0 or > 100)
                        throw new ArgumentException($"评审专家「{sheet.Evaluator}」对「{row.Institution}」的「{Criteria.Name(criterion)}」评分 {points} 不在 0–100 分之间 (points must be 0–100)", nameof(sheets));
                    sum += weight * points / 100m;
                }
                byEvaluator[sheet.Evaluator] = sum;
            }
        }
        foreach (var ((lot, institution), byEvaluator) in totals)
            if (sheets.FirstOrDefault(s => !byEvaluator.ContainsKey(s.Evaluator)) is { } missing)
                throw new ArgumentException($"评审专家「{missing.Evaluator}」未对「{institution}」（{lot}）评分 (a bid is not scored by every evaluator)", nameof(sheets));

        var ranking = new List<RankedBid>();
        var winners = new List<TenderWinner>();
        var ties = new List<string>();
        var findings = new List<Finding>();
        foreach (var lot in lots)
        {
            var scored = totals.Where(t => t.Key.Lot == lot.Name)
                .Select(t => (Institution: t.Key.Institution, Mean: t.Value.Values.Sum() / t.Value.Count, ByEvaluator: t.Value))
                .OrderByDescending(t => t.Mean).ThenBy(t => t.Institution, StringComparer.Ordinal).ToList();
            var seats = lot.Winners ?? 1;
            var ranks = scored.Select(s => 1 + scored.Count(o => o.Mean > s.Mean)).ToList();
            // A tie straddles the cut when the group at the last seat extends past it.
            var cutTie = scored.Count > seats && seats > 0 && scored[seats - 1].Mean == scored[seats].Mean;
            var cutScore = cutTie ? scored[seats - 1].Mean : (decimal?)null;
            foreach (var group in scored.GroupBy(s => s.Mean).Where(g => g.Count() > 1))
                ties.Add($"{lot.Name}：{string.Join("、", group.Select(g => g.Institution))} 并列第 {1 + scored.Count(o => o.Mean > group.Key)} 名（{Round(group.Key):0.##} 分）"
                    + (group.Key == cutScore ? "，跨越入围名额，须由评标委员会确定" : ""));
            var selectedCount = 0;
            for (var i = 0; i < scored.Count; i++)
            {
                var s = scored[i];
                var selected = i < seats && s.Mean != cutScore;
                if (selected) selectedCount++;
                ranking.Add(new RankedBid(lot.Name, ranks[i], s.Institution, Round(s.Mean),
                    s.ByEvaluator.ToDictionary(e => e.Key, e => Round(e.Value), StringComparer.Ordinal),
                    scored.Count(o => o.Mean == s.Mean) > 1, selected));
            }
            var chosen = ranking.Where(r => r.Lot == lot.Name && r.Selected).ToList();
            for (var i = 0; i < chosen.Count; i++)
            {
                var quota = lot.Headcount / Math.Max(seats, 1) + (i < lot.Headcount % Math.Max(seats, 1) ? 1 : 0);
                winners.Add(new TenderWinner(lot.Name, chosen[i].Institution, lot.Occupations, lot.Area, quota, chosen[i].Score, chosen[i].Rank));
            }
            if (cutTie)
                findings.Add(new Finding(weightsParameter.Rule, Severities.Error,
                    $"标段「{lot.Name}」第 {seats} 名并列（{Round(cutScore!.Value):0.##} 分），入围 {selectedCount}/{seats} 家，须由评标委员会确定（{weightsParameter.Rule}）", null));
            else if (scored.Count < seats)
                findings.Add(new Finding(weightsParameter.Rule, Severities.Warning,
                    $"标段「{lot.Name}」投标 {scored.Count} 家，少于入围名额 {seats} 家（{weightsParameter.Rule}）", null));
        }
        return new BidEvaluationResult(ranking, winners, ties, weights, findings, weightsParameter.Rule);
    }

    private static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
