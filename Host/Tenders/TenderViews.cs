namespace Pipeline.Host.Tenders;

/// <summary>
/// A tender (招标采购, process <c>tender</c>) as the tenders page lists it, read from its instance's variables: the
/// notice (title, occupations, planned headcount, lots, method), where it stands, the dates (China time,
/// <c>yyyy-MM-dd</c> or ISO instants), the winners and contracts. For institution staff only what the notice and the
/// publicity make public: scores and evaluators are left out (null).
/// </summary>
/// <param name="Incident">A step failed and waits for an administrator (an incident on the case page).</param>
/// <param name="Stage">Names of the elements the tender waits at (its stage), e.g. 专家评分, a service step as 系统处理中; empty when it has ended.</param>
/// <param name="InPublicity">The selected institutions are being publicised (R-QJ-4): an objection may be filed.</param>
/// <param name="ObjectionUpheld">An objection was upheld after investigation (no contract); null: none decided.</param>
/// <param name="NoticeFindings">What <c>tender.check</c> found in the notice (rule and message), for bureau staff; empty for institutions.</param>
/// <param name="Contracts">Contracts recorded for the winners (ids); institutions get only their own.</param>
public sealed record TenderView(
    string Key, string Jurisdiction, string JurisdictionName, string Title, string Method, string MethodName,
    IReadOnlyList<string> Occupations, int Headcount, IReadOnlyList<TenderLotView> Lots, string? PublishedOn, string? BidDeadline,
    string? PublicityEndsAt, string Status, bool Incident, IReadOnlyList<string> Stage, bool InPublicity, bool? ObjectionUpheld,
    IReadOnlyList<TenderWinnerView> Winners, IReadOnlyList<string> Contracts, IReadOnlyList<TenderFinding> NoticeFindings, DateTimeOffset CreatedAt);

/// <summary>A finding on the notice with its rule id.</summary>
public sealed record TenderFinding(string Rule, string Severity, string Message);

/// <summary>A lot (标段): its occupations, headcount (persons) and number of winners (null: the profile's).</summary>
public sealed record TenderLotView(string Name, IReadOnlyList<string> Occupations, int Headcount, int? Winners, string? Area);

/// <summary>A selected institution: its lot, rank and (bureau staff only) weighted score out of 100, the yearly quota in persons.</summary>
public sealed record TenderWinnerView(string Lot, string InstitutionId, string InstitutionName, int Rank, decimal? Score, int Quota, string? Area);

/// <summary>The answer to starting a tender or a plan: its business key (the case page is <c>/cases/{key}</c>).</summary>
public sealed record TenderStarted(string Key);
