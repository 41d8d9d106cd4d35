using Pipeline.Host.Data.Institutions;

namespace Pipeline.Host.Institutions;

/// <summary>
/// Where a contract stands on a day (China time): <c>current</c> (在履行), <c>pending</c> (not started), <c>expired</c>
/// (期满), <c>terminated</c> (已终止), or <c>renewal-due</c> (未续签: a yearly-renewed contract, R-WS-1, whose contract
/// year began without a recorded renewal; not current).
/// </summary>
public static class ContractStatus
{
    public const string Current = "current";
    public const string Pending = "pending";
    public const string Expired = "expired";
    public const string Terminated = "terminated";
    public const string RenewalDue = "renewal-due";

    /// <summary>The status of <paramref name="contract"/> on <paramref name="day"/>, given its recorded renewals' period starts.</summary>
    public static string On(ContractRow contract, IEnumerable<DateOnly> renewals, DateOnly day)
    {
        if (contract.TerminatedAt is { } ended && ChinaDay(ended) <= day) return Terminated;
        if (day < contract.StartsOn) return Pending;
        if (day > contract.EndsOn) return Expired;
        if (contract.RenewedYearly && PeriodStart(contract, day) is { } period && period != contract.StartsOn && !renewals.Contains(period))
            return RenewalDue;
        return Current;
    }

    /// <summary>The first day of the contract year that holds <paramref name="day"/> (the start, or an anniversary of it).</summary>
    public static DateOnly? PeriodStart(ContractRow contract, DateOnly day)
    {
        if (day < contract.StartsOn) return null;
        var years = day.Year - contract.StartsOn.Year;
        if (contract.StartsOn.AddYears(years) > day) years--;
        return contract.StartsOn.AddYears(years);
    }

    /// <summary>The contract years after the first (each needs a renewal when renewed yearly), in order.</summary>
    public static IReadOnlyList<DateOnly> RenewalPeriods(ContractRow contract)
    {
        var list = new List<DateOnly>();
        for (var k = 1; contract.StartsOn.AddYears(k) <= contract.EndsOn; k++) list.Add(contract.StartsOn.AddYears(k));
        return list;
    }

    /// <summary>Chinese name of a status.</summary>
    public static string Chinese(string status) => status switch
    {
        Current => "在履行",
        Pending => "未开始",
        Expired => "已期满",
        Terminated => "已终止",
        RenewalDue => "未续签",
        _ => status,
    };

    /// <summary>The calendar day in China (UTC+8) of an instant.</summary>
    public static DateOnly ChinaDay(DateTimeOffset at) => Workflows.Calendar.ChinaTime.Day(at);
}
