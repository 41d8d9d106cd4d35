using Pipeline.Activities.Packs;
using Pipeline.Activities.Profiles;

namespace Pipeline.Activities.Procurement.Tenders;

/// <summary>The outcome of <see cref="TenderCheck.Check"/>.</summary>
/// <param name="Admissible">True when no finding is an error: the notice may be published.</param>
/// <param name="Findings">Each with its rule id; <c>page</c> always null.</param>
/// <param name="Lots">The lots as the evaluation takes them: a notice without lots is one lot 全部; winners resolved.</param>
public sealed record TenderCheckResult(bool Admissible, IReadOnlyList<Finding> Findings, IReadOnlyList<TenderLot> Lots);

/// <summary>
/// 招标公告核验: may the notice be published? Which rules apply is profile data with the rule id: the notice names the
/// occupations (<c>tender.namesOccupations</c>, YN R-YN-2); its object is the planned headcount, possibly in lots
/// (<c>tender.objectIsPlannedHeadcount</c>, QJ R-QJ-3); the method is one the regulation allows (<c>tender.methods</c>,
/// WS open tender R-WS-1) and, for invited tender, competitive negotiation or consultation, the city agency's consent
/// is recorded before publication (<c>tender.consentRequired</c>, QJ R-QJ-3); it is not restricted to short-listed
/// institutions (<c>tender.shortlistOnlyForbidden</c>, YN R-YN-2); it is filed with prefecture and then province before
/// publication (<c>tender.filingBeforePublication</c>, YN R-YN-2); the winners in all are the regulation's number
/// (<c>tender.winners</c>, WS 6, R-WS-1).
/// </summary>
public static class TenderCheck
{
    /// <summary>The lot name of a notice without lots.</summary>
    public const string WholeLot = "全部";

    /// <param name="notice">The notice.</param>
    /// <param name="plannedHeadcount">Trainees of the approved plan (persons), when known; compared where the object is the planned headcount.</param>
    /// <param name="profile">The tendering bureau's profile.</param>
    /// <exception cref="ArgumentException">A blank title, an unknown method, a lot that is blank, given twice, with a headcount or
    /// winners below 1, or lots whose headcounts do not add up to the notice's (Chinese first).</exception>
    public static TenderCheckResult Check(TenderNotice notice, int? plannedHeadcount, JurisdictionProfile profile)
    {
        if (string.IsNullOrWhiteSpace(notice.Title))
            throw new ArgumentException("招标公告须有标题 (the notice needs a title)", nameof(notice));
        if (!TenderMethods.Names.ContainsKey(notice.Method ?? ""))
            throw new ArgumentException($"采购方式「{notice.Method}」不可识别，应为 {string.Join("、", TenderMethods.Names.Select(m => $"{m.Key}（{m.Value}）"))} (unknown method)", nameof(notice));
        var lots = Lots(notice, profile);
        var findings = new List<Finding>();
        var method = TenderMethods.Names[notice.Method!];

        if (profile.FlagRule(ParameterKeys.TenderNamesOccupations) is { } named)
        {
            if (notice.Occupations.Count == 0 && lots.All(l => l.Occupations.Count == 0))
                findings.Add(Error(named, $"招标公告「{notice.Title}」未明确职业（工种）（{named}）"));
            else
                findings.AddRange(lots.Where(l => l.Occupations.Count == 0).Select(l => Error(named, $"标段「{l.Name}」未明确职业（工种）（{named}）")));
        }

        if (profile.FlagRule(ParameterKeys.TenderObjectIsPlannedHeadcount) is { } headcountRule)
        {
            if (notice.Headcount < 1)
                findings.Add(Error(headcountRule, $"招标公告未写明标的（培训计划人数）（{headcountRule}）"));
            else if (plannedHeadcount is { } planned && planned != notice.Headcount)
                findings.Add(Error(headcountRule, $"招标标的 {notice.Headcount} 人与批准的培训计划人数 {planned} 人不一致（{headcountRule}）"));
        }

        if (profile.Find(ParameterKeys.TenderMethods) is { IsConfigured: true } allowed && !allowed.List.Contains(notice.Method!))
            findings.Add(Error(allowed.Rule, $"采购方式为{method}，规定为{string.Join("、", allowed.List.Select(m => TenderMethods.Names.GetValueOrDefault(m, m)))}（{allowed.Rule}）"));

        if (profile.Find(ParameterKeys.TenderConsentRequired) is { IsConfigured: true } consent && consent.List.Contains(notice.Method!))
        {
            if (notice.Consent is not { } given || string.IsNullOrWhiteSpace(given.By))
                findings.Add(Error(consent.Rule, $"采用{method}须事先报请市劳动就业管理服务中心同意，未记录同意（{consent.Rule}）"));
            else if (notice.PublishedOn is { } published && given.On > published)
                findings.Add(Error(consent.Rule, $"采用{method}须事先同意：同意日期 {given.On:yyyy-MM-dd} 晚于公告发布日期 {published:yyyy-MM-dd}（{consent.Rule}）"));
        }

        if (notice.ShortlistOnly && profile.FlagRule(ParameterKeys.TenderShortlistOnlyForbidden) is { } shortlist)
            findings.Add(Error(shortlist, $"招标公告禁止只招入围机构（{shortlist}）"));

        if (profile.Find(ParameterKeys.TenderFilingBeforePublication) is { IsConfigured: true } filing)
        {
            DateOnly? previous = null;
            foreach (var level in filing.List)
            {
                var name = TenderMethods.Levels.GetValueOrDefault(level, level);
                var filed = notice.Filings.Where(f => f.Level == level).OrderBy(f => f.On).FirstOrDefault();
                if (filed is null)
                {
                    findings.Add(Error(filing.Rule, $"招标公告未报{name}备案审核，不得发布（{filing.Rule}）"));
                    continue;
                }
                if (notice.PublishedOn is { } published && filed.On > published)
                    findings.Add(Error(filing.Rule, $"招标公告须经{name}备案审核后方可发布：{name}备案 {filed.On:yyyy-MM-dd} 晚于发布日期 {published:yyyy-MM-dd}（{filing.Rule}）"));
                if (previous is { } before && filed.On < before)
                    findings.Add(Error(filing.Rule, $"{name}备案（{filed.On:yyyy-MM-dd}）早于上一级之前的备案（{before:yyyy-MM-dd}），须逐级备案（{filing.Rule}）"));
                previous = filed.On;
            }
        }

        if (profile.Find(ParameterKeys.TenderWinners) is { IsConfigured: true } winners)
        {
            var total = lots.Sum(l => l.Winners ?? 0);
            if (total != winners.Count)
                findings.Add(Error(winners.Rule, $"中标培训机构共 {total} 所，规定为 {winners.Count} 所（{winners.Rule}）"));
        }
        return new TenderCheckResult(!findings.Any(f => f.Severity == Severities.Error), findings, lots);
    }

    /// <summary>The notice's lots, or one lot 全部 of the whole; winners resolved (the lot's, else the profile's tender.winners
    /// for a single lot, else 1).</summary>
    private static List<TenderLot> Lots(TenderNotice notice, JurisdictionProfile profile)
    {
        var perTender = profile.Find(ParameterKeys.TenderWinners) is { IsConfigured: true } w ? w.Count : (int?)null;
        var lots = notice.Lots is { Count: > 0 }
            ? notice.Lots.ToList()
            : [new TenderLot(WholeLot, notice.Occupations, notice.Headcount, null, null)];
        foreach (var lot in lots)
        {
            if (string.IsNullOrWhiteSpace(lot.Name)) throw new ArgumentException("标段名称不能为空 (a lot name is blank)", nameof(notice));
            if (lot.Headcount < 1 && notice.Lots is { Count: > 0 })
                throw new ArgumentException($"标段「{lot.Name}」的人数须至少为 1 人 (lot {lot.Name}: headcount must be ≥ 1)", nameof(notice));
            if (lot.Winners is < 1) throw new ArgumentException($"标段「{lot.Name}」的入围家数须至少为 1 (lot {lot.Name}: winners must be ≥ 1)", nameof(notice));
        }
        if (lots.GroupBy(l => l.Name.Trim(), StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new ArgumentException($"标段「{twice.Key}」重复 (lot {twice.Key} is given twice)", nameof(notice));
        if (notice.Lots is { Count: > 0 } && notice.Headcount > 0 && lots.Sum(l => l.Headcount) != notice.Headcount)
            throw new ArgumentException($"各标段人数之和 {lots.Sum(l => l.Headcount)} 人与招标标的 {notice.Headcount} 人不一致 (the lots' headcounts do not add up)", nameof(notice));
        return lots.Select(l => l with
        {
            Occupations = l.Occupations.Count > 0 ? l.Occupations : notice.Occupations,
            Winners = l.Winners ?? (lots.Count == 1 ? perTender ?? 1 : 1),
        }).ToList();
    }

    private static Finding Error(string rule, string message) => new(rule, Severities.Error, message, null);
}
