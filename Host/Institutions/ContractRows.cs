using Pipeline.Activities.Procurement.Contracts;
using Pipeline.Host.Data.Institutions;

namespace Pipeline.Host.Institutions;

/// <summary>
/// A registry row as the contract the activities and the gate reason about (<see cref="TrainingContract"/>), so that
/// "is this contract current" has one answer (<see cref="ContractTerm"/>): renewals recorded one contract year after
/// another fold into <see cref="TrainingContract.RenewedUntil"/>, a termination into its China calendar day.
/// </summary>
public static class ContractRows
{
    /// <summary>The contract of <paramref name="row"/> with its recorded renewals (first days of renewed contract years).</summary>
    public static TrainingContract ToContract(ContractRow row, IEnumerable<DateOnly> renewals)
    {
        var areas = ContractAreas.Parse(row.Areas);
        return new()
        {
        Id = row.Id,
        Number = row.Number,
        Institution = row.InstitutionId,
        Occupations = InstitutionEligibility.Lines(row.Occupations),
        Areas = areas.Select(a => a.Area).ToList(),
        Task = areas.Count > 0 ? areas.Sum(a => a.Quota) : null,
        From = row.StartsOn,
        To = row.EndsOn,
        RenewedYearly = row.RenewedYearly,
        RenewedUntil = row.RenewedYearly ? ContractTerm.RenewedUntil(row.StartsOn, row.EndsOn, renewals) : null,
        OrderBasedShare = row.OrderBasedPercent,
        TerminatedOn = row.TerminatedAt is { } at ? Workflows.Calendar.ChinaTime.Day(at) : null,
        };
    }

    /// <summary>The status of <paramref name="row"/> on <paramref name="day"/> (<see cref="ContractTerm"/>'s statuses).</summary>
    public static string StatusOn(ContractRow row, IEnumerable<DateOnly> renewals, DateOnly day) =>
        ContractTerm.StatusOn(ToContract(row, renewals), day, null);
}
