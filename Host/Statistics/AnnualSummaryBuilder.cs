using Pipeline.Activities.Forms;

namespace Pipeline.Host.Statistics;

/// <summary>
/// Builds the YN §二十 yearly statistics (<see cref="YunnanAnnualSummaryData"/>) from the four quarters of
/// <see cref="QuarterlyStatisticsBuilder"/> (a class in the quarter of its first day): per quarter the 合计 of QJ 附件1,
/// 已考核人数 as the base of the pass rate; the quarters' notes, each under its quarter, the same sentence once.
/// </summary>
public static class AnnualSummaryBuilder
{
    public static (YunnanAnnualSummaryData Form, IReadOnlyList<string> Notes) Build(int year, string reporter, DateOnly date, IReadOnlyCollection<StatisticsCase> cases)
    {
        var quarters = Enumerable.Range(1, 4).Select(q => QuarterlyStatisticsBuilder.Build(year, q, cases)).ToList();
        var notes = new List<string>();
        foreach (var q in quarters)
            foreach (var note in q.Notes)
                if (!quarters.All(other => other.Notes.Contains(note))) notes.Add($"第{q.Quarter}季度：{note}");
        notes.AddRange(quarters[0].Notes.Where(n => quarters.All(other => other.Notes.Contains(n))));
        var form = new YunnanAnnualSummaryData
        {
            Reporter = reporter, Year = year, Date = date,
            Quarters = quarters.Select(q => new AnnualQuarterRow
            {
                Quarter = q.Quarter, Classes = q.Total.Classes, Trainees = q.Total.Trainees, Assessed = q.Total.TraineesWithResults,
                Passed = q.Total.Passed, Subsidy = q.Total.Subsidy, Institutions = q.Total.Institutions.Count,
            }).ToList(),
            InstitutionsInYear = quarters.SelectMany(q => q.Total.Institutions).Distinct(StringComparer.Ordinal).Count(),
            Notes = notes,
        };
        return (form, notes);
    }
}
