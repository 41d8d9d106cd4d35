namespace Pipeline.Activities.Procurement.Tenders;

/// <summary>
/// A tender notice (招标公告) as the workflow carries it: <c>{ title, occupations[], headcount, lots[], method, consent?,
/// shortlistOnly, filings[], publishedOn? }</c>. Dates are China calendar days (<c>yyyy-MM-dd</c>).
/// </summary>
public sealed record TenderNotice
{
    /// <summary>The notice's title, e.g. 麒麟区2027年职业技能培训项目招标公告.</summary>
    public required string Title { get; init; }

    /// <summary>Occupations (职业（工种）) the notice names (YN: it must, R-YN-2).</summary>
    public IReadOnlyList<string> Occupations { get; init; } = [];

    /// <summary>The object: planned trainees in all, persons (QJ "标的为培训计划人数", R-QJ-3).</summary>
    public int Headcount { get; init; }

    /// <summary>Lots (分段发标), each with its occupations, headcount and number of winners (多家入围, QJ §二(三)); empty: one lot of the whole.</summary>
    public IReadOnlyList<TenderLot> Lots { get; init; } = [];

    /// <summary>Procurement method: <c>open</c> (公开招标), <c>invited</c> (邀请招标), <c>competitive-negotiation</c> (竞争性谈判),
    /// <c>competitive-consultation</c> (竞争性磋商).</summary>
    public string Method { get; init; } = TenderMethods.Open;

    /// <summary>The city agency's prior consent to a method other than open tender (R-QJ-3), when recorded.</summary>
    public TenderConsent? Consent { get; init; }

    /// <summary>The notice admits only short-listed (入围) institutions (forbidden in YN, R-YN-2).</summary>
    public bool ShortlistOnly { get; init; }

    /// <summary>Filings of the notice with the higher levels (YN prefecture and province, R-YN-2).</summary>
    public IReadOnlyList<TenderFiling> Filings { get; init; } = [];

    /// <summary>The day the notice is (to be) published; null while it is not.</summary>
    public DateOnly? PublishedOn { get; init; }
}

/// <summary>One lot (标段) of a tender.</summary>
/// <param name="Name">Lot name, e.g. 第一标段, unique in the tender.</param>
/// <param name="Occupations">Occupations of the lot, at least one.</param>
/// <param name="Headcount">Trainees of the lot, persons, ≥ 1.</param>
/// <param name="Winners">Institutions selected in the lot, ≥ 1; null: the profile's <c>tender.winners</c> (WS 6) or 1.</param>
/// <param name="Area">The area (培训区域) the lot's contracts cover, e.g. the county; null: assigned later (WS by lot, R-WS-2).</param>
public sealed record TenderLot(string Name, IReadOnlyList<string> Occupations, int Headcount, int? Winners = null, string? Area = null);

/// <summary>The city agency's prior consent (事先报请市劳动就业管理服务中心同意, R-QJ-3).</summary>
/// <param name="By">Who consented (the agency and signatory).</param>
/// <param name="On">Day of the consent.</param>
/// <param name="Reference">Document number of the consent, optional.</param>
public sealed record TenderConsent(string By, DateOnly On, string? Reference = null);

/// <summary>A filing (备案) of the notice with a higher level (R-YN-2).</summary>
/// <param name="Level"><c>prefecture</c> (州(市)) or <c>province</c> (省级).</param>
/// <param name="On">Day of the filing.</param>
/// <param name="Reference">Filing reference, optional.</param>
public sealed record TenderFiling(string Level, DateOnly On, string? Reference = null);

/// <summary>Procurement methods (采购方式) and their Chinese names.</summary>
public static class TenderMethods
{
    public const string Open = "open";
    public const string Invited = "invited";
    public const string CompetitiveNegotiation = "competitive-negotiation";
    public const string CompetitiveConsultation = "competitive-consultation";

    /// <summary>Every method with its Chinese name.</summary>
    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Open] = "公开招标", [Invited] = "邀请招标", [CompetitiveNegotiation] = "竞争性谈判", [CompetitiveConsultation] = "竞争性磋商",
    };

    /// <summary>Filing levels and their Chinese names.</summary>
    public static readonly IReadOnlyDictionary<string, string> Levels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["prefecture"] = "州(市)", ["province"] = "省级",
    };
}
