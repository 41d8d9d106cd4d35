namespace Pipeline.Activities.Procurement.Contracts;

/// <summary>
/// Where a training contract stands on a day, and what it covers: the one answer for the contract check of a class
/// (<see cref="ContractCheck"/>), the registry's views and the eligibility gate. Statuses: <c>current</c> (在履行),
/// <c>pending</c> (未开始), <c>expired</c> (已期满), <c>terminated</c> (已终止), <c>renewal-due</c> (未续签: a contract
/// renewed yearly — WS "合同一年一订", R-WS-1 — whose contract year began after the last renewal; not current).
/// </summary>
public static class ContractTerm
{
    public const string Current = "current";
    public const string Pending = "pending";
    public const string Expired = "expired";
    public const string Terminated = "terminated";
    public const string RenewalDue = "renewal-due";

    /// <summary>The length of a renewed term in years: the contract's own <see cref="TrainingContract.RenewedYearly"/> when it
    /// says, else the profile's <c>contract.renewalYears</c>; null when the contract is not renewed during its term.</summary>
    public static int? RenewalYears(TrainingContract contract, int? profileRenewalYears) => contract.RenewedYearly switch
    {
        true => profileRenewalYears ?? 1,
        false => null,
        null => profileRenewalYears,
    };

    /// <summary>The status of <paramref name="contract"/> on <paramref name="day"/> (China calendar day).</summary>
    /// <param name="profileRenewalYears">The profile's <c>contract.renewalYears</c> (WS 1, R-WS-1), or null.</param>
    public static string StatusOn(TrainingContract contract, DateOnly day, int? profileRenewalYears)
    {
        if (contract.TerminatedOn is { } ended && ended <= day) return Terminated;
        if (day < contract.From) return Pending;
        if (day > contract.To) return Expired;
        return day <= CurrentUntil(contract, profileRenewalYears) ? Current : RenewalDue;
    }

    /// <summary>The last day of the current term: the contract's end, or the end of the renewed years when renewed yearly.</summary>
    public static DateOnly CurrentUntil(TrainingContract contract, int? profileRenewalYears)
    {
        if (RenewalYears(contract, profileRenewalYears) is not { } years) return contract.To;
        var term = contract.RenewedUntil ?? contract.From.AddYears(years).AddDays(-1);
        return term < contract.To ? term : contract.To;
    }

    /// <summary>The first days of the contract years after the first, in order (each needs a renewal when renewed yearly).</summary>
    public static IReadOnlyList<DateOnly> RenewalPeriods(DateOnly from, DateOnly to, int years = 1)
    {
        var list = new List<DateOnly>();
        for (var k = 1; from.AddYears(k * years) <= to; k++) list.Add(from.AddYears(k * years));
        return list;
    }

    /// <summary>The last day of the renewed years, from the renewals recorded (each the first day of a renewed contract year):
    /// the renewals count while they follow each other from the second year on; null when the second year is not renewed.</summary>
    public static DateOnly? RenewedUntil(DateOnly from, DateOnly to, IEnumerable<DateOnly> renewals, int years = 1)
    {
        var renewed = renewals.ToHashSet();
        DateOnly? until = null;
        foreach (var period in RenewalPeriods(from, to, years))
        {
            if (!renewed.Contains(period)) break;
            until = period.AddYears(years).AddDays(-1);
        }
        return until;
    }

    /// <summary>Whether the contract covers the occupation and (when given) the place: a contract naming no areas covers its
    /// whole jurisdiction; an area covers a place when the place names it (开栅镇 covers 开栅镇东街村).</summary>
    public static bool Covers(TrainingContract contract, string occupation, string? place) =>
        contract.Occupations.Contains(occupation, StringComparer.Ordinal) && CoversPlace(contract, place);

    /// <summary>Whether the contract's areas cover <paramref name="place"/> (see <see cref="Covers"/>).</summary>
    public static bool CoversPlace(TrainingContract contract, string? place) =>
        string.IsNullOrWhiteSpace(place) || contract.Areas.Count == 0 || contract.Areas.Any(a => NamesArea(place, a));

    /// <summary>True when <paramref name="place"/> names <paramref name="area"/> (contains it).</summary>
    public static bool NamesArea(string place, string area) =>
        area.Trim().Length > 0 && place.Contains(area.Trim(), StringComparison.Ordinal);

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
}
