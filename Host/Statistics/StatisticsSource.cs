using Pipeline.Activities.Forms;
using Pipeline.Activities.Profiles;
using Pipeline.Activities.Statistics;
using Pipeline.Host.Cases;
using Pipeline.Workflows.Runtime;

namespace Pipeline.Host.Statistics;

/// <summary>
/// <see cref="IStatisticsSource"/> on the Host's class cases (<see cref="StatisticsCases"/>): QJ 附件1 by
/// <see cref="QuarterlyStatisticsBuilder"/>, JZ 附件9 by <see cref="EmploymentStatisticsBuilder"/>, the YN year by
/// <see cref="AnnualSummaryBuilder"/>. The reporter printed on the forms is the jurisdiction's name. A report's instance
/// is filed as a case of its jurisdiction (no institution), so that the jurisdiction's bureau staff reach it.
/// </summary>
public sealed class StatisticsSource(StatisticsCases cases, ProfileCatalog profiles, ICaseIndex index, IInstanceStore instances) : IStatisticsSource
{
    public async Task<CompiledStatistics> QuarterlyAsync(string jurisdiction, StatisticsPeriod period, DateOnly date, CancellationToken cancellationToken)
    {
        var reporter = profiles.Get(jurisdiction).DisplayName;
        // A class is filed before it starts: cases filed after the quarter's end cannot start in it.
        var figures = QuarterlyStatisticsBuilder.Build(period.Year, period.Number, await cases.LoadAsync(jurisdiction, period.To.AddDays(1), cancellationToken));
        var form = QuarterlyStatisticsBuilder.Form(figures, reporter, date) with { Notes = figures.Notes };
        return new CompiledStatistics([new StatisticsForm("qj-quarterly-statistics", form, $"{QujingQuarterlyStatistics.Title}-{reporter}-{period.Year}Q{period.Number}.xlsx")], figures.Notes);
    }

    public async Task<CompiledStatistics> EmploymentAsync(string jurisdiction, StatisticsPeriod period, DateOnly date, CancellationToken cancellationToken)
    {
        var (forms, notes) = EmploymentStatisticsBuilder.Build(period.Year, period.From, period.To, date,
            await cases.LoadWithChildrenAsync(jurisdiction, period.To.AddDays(1), cancellationToken));
        return new CompiledStatistics(forms.Select(f => new StatisticsForm("jz-employment-statistics", f with { Notes = notes },
            $"{JiaozuoEmploymentStatistics.TitleOf(f.Institution, f.Year)}-{period.Label}.xlsx")).ToList(), notes);
    }

    public async Task<CompiledStatistics> AnnualAsync(string jurisdiction, StatisticsPeriod period, DateOnly date, CancellationToken cancellationToken)
    {
        var reporter = profiles.Get(jurisdiction).DisplayName;
        var (form, notes) = AnnualSummaryBuilder.Build(period.Year, reporter, date, await cases.LoadAsync(jurisdiction, period.To.AddDays(1), cancellationToken));
        return new CompiledStatistics([new StatisticsForm("yn-annual-summary", form, YunnanAnnualSummary.TitleOf(reporter, period.Year) + ".xlsx")], notes);
    }

    public async Task FileReportCaseAsync(string businessKey, string jurisdiction, CancellationToken cancellationToken)
    {
        if (await index.FindAsync(businessKey, cancellationToken) is not null) return;
        var instance = (await instances.ByBusinessKeyAsync(businessKey, cancellationToken)).Where(i => i.ParentInstanceId is null).MinBy(i => i.StartedAt)
            ?? throw new KeyNotFoundException($"no process instance with business key '{businessKey}'");
        try
        {
            await index.AddCaseAsync(new CaseEntry(businessKey, instance.Id, instance.ProcessId, [], Jurisdiction: profiles.Get(jurisdiction).Name), "system", cancellationToken);
        }
        catch (CaseExistsException)
        {
            // Filed by a retry on another node meanwhile.
        }
    }
}
