namespace Pipeline.Host.Accounts;

/// <summary>An organisation as the API and CLI show it.</summary>
/// <param name="Kind"><c>bureau</c> or <c>institution</c>.</param>
/// <param name="CreditCode">An institution's unified social credit code (统一社会信用代码).</param>
/// <param name="LicensedOccupations">Occupations an institution is licensed to train (R-GL-1).</param>
public sealed record OrganisationView(
    string Id, string Kind, string Name, string Jurisdiction, string? CreditCode, IReadOnlyList<string> LicensedOccupations);

/// <summary>A user as administrators see it (no password material).</summary>
/// <param name="LockedOutUntil">When a lockout after failed sign-ins ends; null when not locked.</param>
/// <param name="Recusals">Institutions whose tasks the user never sees (R-YN-11).</param>
public sealed record UserView(
    string Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, OrganisationView Organisation,
    DateTimeOffset CreatedAt, DateTimeOffset? LockedOutUntil, IReadOnlyList<RecusalView> Recusals);

/// <param name="Relation"><c>spouse</c>, <c>child</c> or <c>child-spouse</c> (配偶、子女及其配偶, YN §十六).</param>
public sealed record RecusalView(string InstitutionId, string Relation);

/// <summary>A new training institution: its credit code, name, jurisdiction profile, licensed occupations.</summary>
public sealed record NewInstitution(string CreditCode, string Name, string Jurisdiction, IReadOnlyList<string>? LicensedOccupations);

/// <summary>A new user of a bureau (<paramref name="Bureau"/>: a jurisdiction) or of an institution (<paramref name="Institution"/>: its credit code or id).</summary>
public sealed record NewUser(
    string UserName, string Password, IReadOnlyList<string> Roles, string? Bureau, string? Institution, string? DisplayName);
