namespace Pipeline.Host.Data.Accounts;

/// <summary>
/// A row of <c>host_organisations</c>: a bureau (人力资源和社会保障局, one per jurisdiction) or a training institution
/// (职业培训机构). Ids: <c>bureau:{jurisdiction}</c>, <c>institution:{credit code}</c>.
/// </summary>
public sealed class OrganisationRow
{
    public const string Bureau = "bureau";
    public const string Institution = "institution";

    public required string Id { get; set; }

    /// <summary><see cref="Bureau"/> or <see cref="Institution"/>.</summary>
    public required string Kind { get; set; }

    public required string Name { get; set; }

    /// <summary>Jurisdiction profile name, e.g. <c>jiaozuo</c>; a province's bureau (<c>yunnan</c>) covers its prefectures.</summary>
    public required string Jurisdiction { get; set; }

    /// <summary>An institution's unified social credit code (统一社会信用代码, GB 32100, 18 characters); null for a bureau.</summary>
    public string? CreditCode { get; set; }

    /// <summary>Occupations an institution is licensed to train (R-GL-1), one per line; empty for a bureau.</summary>
    public string LicensedOccupations { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}
