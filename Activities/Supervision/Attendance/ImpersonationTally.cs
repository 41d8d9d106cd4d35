using Pipeline.Activities.Packs;
using Pipeline.Activities.Profiles;

namespace Pipeline.Activities.Supervision.Attendance;

/// <summary>
/// Impersonations (冒名顶替) found in one class, counted in person-times: one person attended for by someone else on
/// two days is two person-times. At the profile's <c>attendance.impersonationLimit</c> or more (JZ: 3, "每期发现3人次以上
/// （含）冒名顶替的", R-JZ-4) the whole class loses its subsidy, every trainee's, not only the impersonated ones'.
/// </summary>
public static class ImpersonationTally
{
    /// <summary>The finding for <paramref name="personTimes"/> impersonations, or null below the limit or where the profile sets none.</summary>
    /// <param name="personTimes">Impersonation person-times recorded for the class (face-recognition mismatches confirmed, inspections).</param>
    /// <exception cref="ArgumentOutOfRangeException">A negative count.</exception>
    public static Finding? Check(int personTimes, JurisdictionProfile profile)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(personTimes);
        if (profile.RuleNumber(ParameterKeys.ImpersonationLimit) is not { } limit || personTimes < limit.Value) return null;
        return new Finding(limit.Rule, Severities.Error,
            $"本期发现冒名顶替 {personTimes} 人次（达到 {limit.Value:0} 人次）：取消该期所有人员的培训补贴", null);
    }
}
