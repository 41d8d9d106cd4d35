using Pipeline.Activities.Packs;
using Pipeline.Activities.Profiles;
using Pipeline.Workflows.Activities;

namespace Pipeline.Activities.Procurement.Tenders;

/// <summary>Input of <see cref="CheckTenderActivity"/>.</summary>
public sealed record CheckTenderInput
{
    [ActivityInput("Jurisdiction profile name", DescriptionZh = "辖区配置名称")]
    public required string Profile { get; init; }

    [ActivityInput("The notice { title, occupations[], headcount, lots[{ name, occupations, headcount, winners?, area? }], method, consent?{ by, on, reference? }, shortlistOnly, filings[{ level, on, reference? }], publishedOn? }",
        DescriptionZh = "招标公告 { title（标题）, occupations（职业/工种）, headcount（标的人数）, lots（标段）, method（采购方式：open/invited/competitive-negotiation/competitive-consultation）, consent?（市级事先同意）, shortlistOnly（是否只招入围机构）, filings（备案：prefecture/province）, publishedOn?（发布日期）}")]
    public required TenderNotice Notice { get; init; }

    [ActivityInput("The city agency's prior consent { by, on, reference? }, as the consent task recorded it; replaces the notice's",
        DescriptionZh = "市劳动就业管理服务中心的事先同意 { by, on, reference? }（同意环节记录）；给出时取代公告中的", Required = false)]
    public TenderConsent? Consent { get; init; }

    [ActivityInput("The filings [{ level, on, reference? }] the filing tasks recorded; when given, replace the notice's",
        DescriptionZh = "备案环节记录的备案 [{ level, on, reference? }]；给出时取代公告中的", Required = false)]
    public IReadOnlyList<TenderFiling>? Filings { get; init; }

    [ActivityInput("The day of publication; replaces the notice's", DescriptionZh = "发布日期；给出时取代公告中的", Required = false)]
    public DateOnly? PublishedOn { get; init; }

    [ActivityInput("Trainees of the approved plan, persons", DescriptionZh = "批准的培训计划人数（人）", Required = false)]
    public int? PlannedHeadcount { get; init; }
}

/// <summary>Output of <see cref="CheckTenderActivity"/>.</summary>
public sealed record CheckTenderOutput
{
    [ActivityOutput("True when no finding is an error: the notice may be published", DescriptionZh = "没有错误时为 true：公告可以发布")]
    public required bool Admissible { get; init; }

    [ActivityOutput("Findings: rule, severity, message (Chinese), page (null)", DescriptionZh = "问题清单：rule（规则编号）、severity（级别）、message（说明）、page（null）")]
    public required IReadOnlyList<Finding> Findings { get; init; }

    [ActivityOutput("The lots [{ name, occupations, headcount, winners, area }], a notice without lots as one lot 全部", DescriptionZh = "标段 [{ name, occupations, headcount, winners（入围家数）, area }]；未分标段时为一个「全部」标段")]
    public required IReadOnlyList<TenderLot> Lots { get; init; }
}

/// <summary>
/// Catalogue activity <c>tender.check</c> (招标公告核验): the rules of <see cref="TenderCheck"/> (R-YN-2, R-QJ-3, R-WS-1) as the
/// profile applies them. Ends <c>admissible</c> or <c>refused</c>.
/// </summary>
[Activity("tender.check", "Procurement",
    DisplayName = "Check the tender notice",
    DisplayNameZh = "招标公告核验",
    Description = "The notice names the occupations and the planned headcount, uses an allowed method (consent recorded), is open to all and filed before publication (R-YN-2, R-QJ-3, R-WS-1).",
    DescriptionZh = "核验招标公告：明确职业（工种）和计划人数、采购方式合规（非公开招标须事先同意）、不只招入围机构、发布前逐级备案（R-YN-2、R-QJ-3、R-WS-1）。",
    Outcomes = ["admissible", "refused"],
    Retries = 1)]
public sealed class CheckTenderActivity(ProfileCatalog profiles) : IActivity<CheckTenderInput, CheckTenderOutput>
{
    /// <exception cref="KeyNotFoundException">Unknown profile.</exception>
    /// <exception cref="ArgumentException">A malformed notice (see <see cref="TenderCheck.Check"/>).</exception>
    public Task<ActivityResult<CheckTenderOutput>> ExecuteAsync(CheckTenderInput input, IProgress<ActivityProgress>? progress, CancellationToken cancellationToken)
    {
        var notice = input.Notice with
        {
            Consent = input.Consent ?? input.Notice.Consent,
            Filings = input.Filings is { Count: > 0 } filings ? filings : input.Notice.Filings,
            PublishedOn = input.PublishedOn ?? input.Notice.PublishedOn,
        };
        var result = TenderCheck.Check(notice, input.PlannedHeadcount, profiles.Get(input.Profile));
        return Task.FromResult(new ActivityResult<CheckTenderOutput>(result.Admissible ? "admissible" : "refused",
            new CheckTenderOutput { Admissible = result.Admissible, Findings = result.Findings, Lots = result.Lots }));
    }
}
