using Pipeline.Activities.Forms;

namespace Pipeline.Activities.Statistics;

/// <summary>One form a report consists of: the <c>form.render</c> id, its record and the file name to give it.</summary>
public sealed record StatisticsForm(string Form, object Data, string FileName);

/// <summary>A compiled report: its forms and what is not known (each note Chinese first, English in brackets).</summary>
public sealed record CompiledStatistics(IReadOnlyList<StatisticsForm> Forms, IReadOnlyList<string> Notes);

/// <summary>
/// Port to the figures the Host keeps (its class cases), so that <c>Activities</c> never depends on the Host. Each
/// method reads the class cases of its jurisdiction and of the jurisdictions it encloses; a figure the
/// cases do not tell is left out and said in <see cref="CompiledStatistics.Notes"/>, never guessed.
/// </summary>
public interface IStatisticsSource
{
    /// <summary>QJ 附件1 (<c>qj-quarterly-statistics</c>) of the quarter <paramref name="period"/> (R-QJ-6).</summary>
    /// <param name="date">填报日期 printed on the form.</param>
    /// <exception cref="KeyNotFoundException">Unknown jurisdiction profile.</exception>
    Task<CompiledStatistics> QuarterlyAsync(string jurisdiction, StatisticsPeriod period, DateOnly date, CancellationToken cancellationToken);

    /// <summary>JZ 附件9 (<c>jz-employment-statistics</c>), one form per institution, of the classes that ended from
    /// <see cref="StatisticsPeriod.From"/> to <see cref="StatisticsPeriod.To"/>, with their follow-up (R-JZ-6).</summary>
    /// <exception cref="KeyNotFoundException">Unknown jurisdiction profile.</exception>
    Task<CompiledStatistics> EmploymentAsync(string jurisdiction, StatisticsPeriod period, DateOnly date, CancellationToken cancellationToken);

    /// <summary>YN §二十 annual statistics (<c>yn-annual-summary</c>): the year's quarters by the figures of QJ 附件1.</summary>
    /// <exception cref="KeyNotFoundException">Unknown jurisdiction profile.</exception>
    Task<CompiledStatistics> AnnualAsync(string jurisdiction, StatisticsPeriod period, DateOnly date, CancellationToken cancellationToken);

    /// <summary>
    /// Files the report's process instance (business key <paramref name="businessKey"/>) as a case of
    /// <paramref name="jurisdiction"/> without an institution, so that the jurisdiction's bureau staff reach its review
    /// task and its documents; nothing happens when the key has a case already.
    /// </summary>
    Task FileReportCaseAsync(string businessKey, string jurisdiction, CancellationToken cancellationToken);
}
