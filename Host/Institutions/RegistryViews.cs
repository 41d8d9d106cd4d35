using Pipeline.Activities.Procurement.Contracts;
using Pipeline.Activities.Rosters;
using Pipeline.Host.Data.Institutions;

namespace Pipeline.Host.Institutions;

/// <summary>A contract as the API gives it: dates <c>yyyy-MM-dd</c> (China time), quotas in persons a year, <c>status</c> on today's date.</summary>
public sealed record ContractView(
    string Id, string Jurisdiction, string InstitutionId, string InstitutionName, string Number, IReadOnlyList<string> Occupations,
    IReadOnlyList<ContractArea> Areas, DateOnly StartsOn, DateOnly EndsOn, bool RenewedYearly, int? OrderBasedPercent,
    IReadOnlyList<RenewalView> Renewals, DateOnly? NextRenewal, string Status, string StatusName,
    string RecordedBy, DateTimeOffset RecordedAt, string? TerminatedBy, DateTimeOffset? TerminatedAt, string? TerminationReason)
{
    public static ContractView Of(ContractRow c, IReadOnlyList<ContractRenewalRow> renewals, string institutionName, DateOnly today)
    {
        var recorded = renewals.Select(r => r.PeriodStartsOn).ToList();
        var status = ContractRows.StatusOn(c, recorded, today);
        return new ContractView(
            c.Id, c.Jurisdiction, c.InstitutionId, institutionName, c.Number, InstitutionEligibility.Lines(c.Occupations), ContractAreas.Parse(c.Areas),
            c.StartsOn, c.EndsOn, c.RenewedYearly, c.OrderBasedPercent,
            renewals.OrderBy(r => r.PeriodStartsOn).Select(r => new RenewalView(r.PeriodStartsOn, r.RecordedBy, r.RecordedAt)).ToList(),
            c.RenewedYearly && c.TerminatedAt is null ? ContractTerm.RenewalPeriods(c.StartsOn, c.EndsOn).FirstOrDefault(p => !recorded.Contains(p)) is var next && next != default ? next : null : null,
            status, ContractTerm.Chinese(status), c.RecordedBy, c.RecordedAt, c.TerminatedBy, c.TerminatedAt,
            c.TerminationReason is null ? null : SensitiveText.Mask(c.TerminationReason));
    }
}

/// <summary>A recorded yearly renewal (R-WS-1): the contract year it renews, who recorded it and when.</summary>
public sealed record RenewalView(DateOnly PeriodStartsOn, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>An annual review (R-GL-13) with its Chinese grade.</summary>
public sealed record ReviewView(int Year, string Grade, string GradeName, string Publication, string RecordedBy, DateTimeOffset RecordedAt)
{
    public static ReviewView Of(AnnualReviewRow r) => new(r.Year, r.Grade, AnnualGrades.Chinese(r.Grade), SensitiveText.Mask(r.Publication), r.RecordedBy, r.RecordedAt);
}

/// <summary>A blacklist entry (R-YN-12): the evidence by its SHA-256 and file name; ID and mobile numbers in the texts masked.</summary>
public sealed record BlacklistView(string Id, string Reason, string Decision, string EvidenceSha256, string EvidenceFileName, bool LicenceRevoked,
    string DecidedBy, DateTimeOffset DecidedAt)
{
    public static BlacklistView Of(BlacklistRow b) => new(b.Id, SensitiveText.Mask(b.Reason), SensitiveText.Mask(b.Decision), b.EvidenceSha256, b.EvidenceFileName, b.LicenceRevoked, b.DecidedBy, b.DecidedAt);
}

/// <summary>Registration (R-QJ-1).</summary>
public sealed record RegistrationView(string Level, string LevelName, DateOnly RegisteredOn, string RecordedBy, DateTimeOffset RecordedAt)
{
    public static RegistrationView Of(RegistrationRow r) => new(r.Level, RegistrationLevels.Chinese(r.Level), r.RegisteredOn, r.RecordedBy, r.RecordedAt);
}

/// <summary>An institution's standing: licence occupations (R-GL-1), registration, reviews newest first, blacklist entries, contracts.</summary>
public sealed record StandingView(
    string Id, string Name, string Jurisdiction, string JurisdictionName, string? CreditCode, IReadOnlyList<string> LicensedOccupations,
    RegistrationView? Registration, IReadOnlyList<ReviewView> Reviews, ReviewView? LatestReview, bool Blacklisted, IReadOnlyList<BlacklistView> Blacklist,
    IReadOnlyList<ContractView> Contracts);
