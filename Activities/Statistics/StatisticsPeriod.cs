namespace Pipeline.Activities.Statistics;

/// <summary>
/// The statistics a bureau reports on a timer, each with its period: <c>qj-quarterly</c> (QJ 附件1 every quarter,
/// R-QJ-6), <c>jz-employment</c> (JZ 附件9 an institution's 年度就业情况统计表, summed up every half year, R-JZ-6) and
/// <c>yn-annual</c> (YN §二十 the year's training and subsidy statistics with the annual summary).
/// </summary>
public static class StatisticsReports
{
    public const string QujingQuarterly = "qj-quarterly";
    public const string JiaozuoEmployment = "jz-employment";
    public const string YunnanAnnual = "yn-annual";

    public static IReadOnlyList<string> All { get; } = [QujingQuarterly, JiaozuoEmployment, YunnanAnnual];
}

/// <summary>
/// A reporting period: <paramref name="Year"/>, <paramref name="Number"/> (quarter 1–4, half 1–2, 0 for a whole year)
/// and its first and last day (China time). <paramref name="From"/> of a JZ half is 1 January: the 年度 table is the
/// year to date.
/// </summary>
public sealed record StatisticsPeriod(int Year, int Number, DateOnly From, DateOnly To, string Label)
{
    /// <summary>
    /// The last period of <paramref name="report"/> that ended before <paramref name="asOf"/>: the report a timer firing
    /// on 1 April 00:00 (China time) makes is the first quarter's; on 1 July the JZ first half (1 January–30 June); on
    /// 1 January the JZ second half (the whole previous year) and the YN year before.
    /// </summary>
    /// <exception cref="ArgumentException">An unknown report (the message lists the known ones).</exception>
    public static StatisticsPeriod Before(string report, DateOnly asOf)
    {
        switch (report)
        {
            case StatisticsReports.QujingQuarterly:
            {
                var start = new DateOnly(asOf.Year, 3 * ((asOf.Month - 1) / 3) + 1, 1).AddMonths(-3);
                var quarter = (start.Month + 2) / 3;
                return new(start.Year, quarter, start, start.AddMonths(3).AddDays(-1), $"{start.Year}年第{quarter}季度");
            }
            case StatisticsReports.JiaozuoEmployment:
            {
                var start = new DateOnly(asOf.Year, asOf.Month <= 6 ? 1 : 7, 1).AddMonths(-6);
                var half = start.Month == 1 ? 1 : 2;
                return new(start.Year, half, new DateOnly(start.Year, 1, 1), start.AddMonths(6).AddDays(-1),
                    half == 1 ? $"{start.Year}年上半年" : $"{start.Year}年全年");
            }
            case StatisticsReports.YunnanAnnual:
                return new(asOf.Year - 1, 0, new DateOnly(asOf.Year - 1, 1, 1), new DateOnly(asOf.Year - 1, 12, 31), $"{asOf.Year - 1}年度");
            default:
                throw new ArgumentException($"report: unknown report '{report}'; known reports: {string.Join(", ", StatisticsReports.All)}", nameof(report));
        }
    }
}
