using Pipeline.Activities.Profiles;

namespace Pipeline.Activities.Supervision.FollowUp;

/// <summary>The last day a follow-up after training counts for.</summary>
/// <param name="DueBy">Inclusive.</param>
/// <param name="Rule">E.g. R-JZ-6.</param>
public sealed record FollowUpDeadline(DateOnly DueBy, string Rule);

/// <summary>One month of the follow-up after a start-up: at least one contact from <paramref name="From"/> to <paramref name="DueBy"/>.</summary>
/// <param name="Month">1-based month after the start-up.</param>
/// <param name="From">First day of the month (inclusive).</param>
/// <param name="DueBy">Last day of the month (inclusive): the contact is due by then.</param>
/// <param name="Rule">E.g. R-GL-7.</param>
public sealed record MonthlyContact(int Month, DateOnly From, DateOnly DueBy, string Rule);

/// <summary>
/// When follow-ups are due. Months are calendar months counted from the day (<see cref="DateOnly.AddMonths"/>: a month
/// after 31 January is the last day of February).
/// </summary>
public static class FollowUpSchedule
{
    /// <summary>
    /// The follow-up after training is due by the class's end date plus <c>followUp.withinMonths</c> months, inclusive
    /// (JZ 6, "培训结束后半年内", R-JZ-6): a class ending 2024-01-15 is followed up by 2024-07-15. Null where the profile sets
    /// no such time.
    /// </summary>
    public static FollowUpDeadline? DueBy(DateOnly classEnd, JurisdictionProfile profile) =>
        profile.RuleNumber(ParameterKeys.FollowUpWithinMonths) is { } within
            ? new FollowUpDeadline(classEnd.AddMonths((int)within.Value), within.Rule) : null;

    /// <summary>
    /// The monthly contacts after a trainee starts a business: one per month for <c>followUp.startUpMonths</c> months from
    /// the start-up date (GL 6, "自创业之日起……不少于六个月……每月至少一次", R-GL-7). Month i runs from
    /// start + (i − 1) months to the day before start + i months. Empty where the profile sets none.
    /// </summary>
    public static IReadOnlyList<MonthlyContact> StartUpContacts(DateOnly startUp, JurisdictionProfile profile)
    {
        if (profile.RuleNumber(ParameterKeys.StartUpFollowUpMonths) is not { } months) return [];
        return Enumerable.Range(1, (int)months.Value)
            .Select(i => new MonthlyContact(i, startUp.AddMonths(i - 1), startUp.AddMonths(i).AddDays(-1), months.Rule))
            .ToList();
    }

    /// <summary>The share key of a class: <c>followUp.rateWorkBased</c> for 以工代训, else <c>followUp.rate</c>.</summary>
    public static string ShareKey(bool workBased) => workBased ? ParameterKeys.FollowUpRateWorkBased : ParameterKeys.FollowUpRate;

    /// <summary>
    /// The least share of trainees followed up (GL 10 %, 30 % for 以工代训, R-GL-11): the profile's <see cref="ShareKey"/>,
    /// or <paramref name="rate"/> where it sets none (or to raise it).
    /// </summary>
    /// <exception cref="MissingParameterException">The profile sets no such share and no rate is given.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A rate not above 0, above 100, or below the profile's.</exception>
    public static SampleShare Share(JurisdictionProfile profile, bool workBased, decimal? rate) =>
        SampleShare.Resolve(profile, ShareKey(workBased), rate, "rate");
}
