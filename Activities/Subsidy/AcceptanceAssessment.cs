namespace Pipeline.Activities.Subsidy;

/// <summary>
/// What the acceptance reviewer (验收审核) records of a class, by trainee name as on the roster: who did not pass the
/// assessment (结业考核/鉴定), who is not employed (WS §四(三) proofs missing), who could not be verified by inspection or
/// video (R-WS-13), and the contract's daily rates when the jurisdiction's profile has none.
/// </summary>
/// <param name="Failed">Names of trainees who did not pass.</param>
/// <param name="NotEmployed">Names of trainees without an accepted employment proof.</param>
/// <param name="Unverified">Names of trainees the inspections and the video do not confirm.</param>
/// <param name="DailyRates">Yuan per trainee per day by training mode, from the contract; overrides the profile (R-WS-13).</param>
/// <param name="Tendered">The class was selected by tender (R-YN-1).</param>
/// <param name="ApprovedAmount">The approved amount for an advance, yuan (R-YN-1).</param>
public sealed record AcceptanceAssessment(
    IReadOnlyList<string>? Failed = null, IReadOnlyList<string>? NotEmployed = null, IReadOnlyList<string>? Unverified = null,
    IReadOnlyDictionary<string, decimal>? DailyRates = null, bool Tendered = false, decimal? ApprovedAmount = null);

/// <summary>An impersonation (冒名顶替) found during training, by the trainee's name on the roster (R-JZ-4).</summary>
public sealed record RecordedImpersonation(string Name, DateOnly Date);

/// <summary>One trainee's attended hours from the sign-in sheet, matched to the roster by name and masked ID number.</summary>
public sealed record AttendedHours(string Name, string IdNumberMasked, decimal Hours);
