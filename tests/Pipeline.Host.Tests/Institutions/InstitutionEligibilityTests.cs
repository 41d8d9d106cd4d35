using Pipeline.Activities.Procurement.Contracts;
using Pipeline.Activities.Profiles;
using Pipeline.Host.Data.Institutions;
using Pipeline.Host.Institutions;

namespace Pipeline.Host.Tests.Institutions;

/// <summary><see cref="InstitutionEligibility.Assess"/>: each reason with its rule, and the dates that make it apply.</summary>
public sealed class InstitutionEligibilityTests
{
    private static readonly DateOnly June2027 = new(2027, 6, 1);

    private static ContractRow Contract(string occupations = "电工", string areas = "凤城镇\t40", bool yearly = true, DateOnly? from = null, DateOnly? to = null) => new()
    {
        Id = Guid.NewGuid().ToString("N"), Jurisdiction = "wenshui", InstitutionId = "institution:X", Number = "WS-2026-01",
        Occupations = occupations, Areas = areas, StartsOn = from ?? new DateOnly(2026, 1, 1), EndsOn = to ?? new DateOnly(2028, 12, 31),
        RenewedYearly = yearly, RecordedBy = "王经办",
    };

    private static InstitutionFacts Facts(
        string jurisdiction = "wenshui", string licence = "电工\n育婴员", RegistrationRow? registration = null,
        IReadOnlyList<AnnualReviewRow>? reviews = null, IReadOnlyList<BlacklistRow>? blacklist = null,
        params (ContractRow, IReadOnlyList<DateOnly>)[] contracts) =>
        new("institution:X", Profiles.Get(jurisdiction).FlagRule(ParameterKeys.ContractRequired),
            Profiles.Get(jurisdiction).FlagRule(ParameterKeys.CityRegistration), licence.Split('\n'), registration, reviews ?? [], blacklist ?? [],
            contracts.Select(c => ContractRows.ToContract(c.Item1, c.Item2)).ToList());

    /// <summary>The shipped profiles: which rule requires a contract, or city registration, is their data.</summary>
    private static readonly ProfileCatalog Profiles = ProfileCatalog.LoadEmbedded();

    private static IReadOnlyList<string> Rules(EligibilityAnswer answer) => answer.Reasons.Select(r => r.Rule).ToList();

    [Fact]
    public void A_current_contract_covering_occupation_and_area_makes_a_Wenshui_institution_eligible()
    {
        var contract = Contract();
        var answer = InstitutionEligibility.Assess(Facts(contracts: (contract, [new DateOnly(2027, 1, 1)])), "电工", "凤城镇", June2027);
        Assert.True(answer.Eligible);
        Assert.Empty(answer.Reasons);
    }

    [Fact]
    public void Without_a_contract_Wenshui_refuses_under_R_WS_1_and_Jiaozuo_needs_none()
    {
        var ws = InstitutionEligibility.Assess(Facts(), "电工", "凤城镇", June2027);
        Assert.False(ws.Eligible);
        Assert.Equal(["R-WS-1"], Rules(ws));
        Assert.Contains("无覆盖「电工」（凤城镇）的有效培训合同", ws.Reasons[0].Message);
        Assert.True(InstitutionEligibility.Assess(Facts("jiaozuo"), "电工", null, June2027).Eligible);
        // Guilin asks for an agreement only for 项目制 training (第一条), which eligibility by occupation cannot see: no contract rule.
        Assert.True(InstitutionEligibility.Assess(Facts("guilin"), "电工", null, June2027).Eligible);
    }

    [Fact]
    public void A_contract_year_without_its_recorded_renewal_is_not_current()
    {
        var contract = Contract();
        var lapsed = InstitutionEligibility.Assess(Facts(contracts: (contract, [])), "电工", "凤城镇", June2027);
        Assert.Equal(["R-WS-1"], Rules(lapsed));
        Assert.Contains("未续签", lapsed.Reasons[0].Message);
        // The first year needs no renewal; a contract not renewed yearly never lapses within its term.
        Assert.True(InstitutionEligibility.Assess(Facts(contracts: (contract, [])), "电工", "凤城镇", new DateOnly(2026, 12, 31)).Eligible);
        Assert.True(InstitutionEligibility.Assess(Facts(contracts: (Contract(yearly: false), [])), "电工", "凤城镇", June2027).Eligible);
        Assert.Equal(ContractTerm.RenewalDue, ContractRows.StatusOn(contract, [], new DateOnly(2027, 1, 1)));
        Assert.Equal(ContractTerm.Current, ContractRows.StatusOn(contract, [new DateOnly(2027, 1, 1)], new DateOnly(2027, 12, 31)));
        Assert.Equal(ContractTerm.RenewalDue, ContractRows.StatusOn(contract, [new DateOnly(2027, 1, 1)], new DateOnly(2028, 1, 1)));
    }

    [Fact]
    public void Expired_pending_and_terminated_contracts_do_not_count()
    {
        var contract = Contract(yearly: false);
        Assert.Equal(ContractTerm.Pending, ContractRows.StatusOn(contract, [], new DateOnly(2025, 12, 31)));
        Assert.Equal(ContractTerm.Expired, ContractRows.StatusOn(contract, [], new DateOnly(2029, 1, 1)));
        Assert.False(InstitutionEligibility.Assess(Facts(contracts: (contract, [])), "电工", "凤城镇", new DateOnly(2029, 1, 1)).Eligible);
        contract.TerminatedAt = new DateTimeOffset(2027, 3, 1, 2, 0, 0, TimeSpan.Zero);
        Assert.Equal(ContractTerm.Current, ContractRows.StatusOn(contract, [], new DateOnly(2027, 2, 28)));
        Assert.Equal(ContractTerm.Terminated, ContractRows.StatusOn(contract, [], new DateOnly(2027, 3, 1)));
        Assert.Contains("已终止", InstitutionEligibility.Assess(Facts(contracts: (contract, [])), "电工", "凤城镇", June2027).Reasons[0].Message);
    }

    [Fact]
    public void The_contract_must_cover_the_occupation_and_the_area_unless_it_names_no_areas()
    {
        var contract = Contract(occupations: "电工\n育婴员", areas: "凤城镇\t40\n孝义镇\t20");
        var facts = Facts(contracts: (contract, [new DateOnly(2027, 1, 1)]));
        Assert.True(InstitutionEligibility.Assess(facts, "育婴员", "孝义镇", June2027).Eligible);
        Assert.Equal(["R-WS-1"], Rules(InstitutionEligibility.Assess(facts, "电工", "开栅镇", June2027)));
        Assert.True(InstitutionEligibility.Assess(facts, "电工", null, June2027).Eligible);
        var whole = Facts(contracts: (Contract(areas: ""), [new DateOnly(2027, 1, 1)]));
        Assert.True(InstitutionEligibility.Assess(whole, "电工", "开栅镇", June2027).Eligible);
    }

    [Fact]
    public void An_occupation_outside_the_licence_is_refused_under_R_GL_1_even_with_a_contract()
    {
        var answer = InstitutionEligibility.Assess(Facts("jiaozuo", licence: "电工"), "育婴员", null, June2027);
        Assert.Equal(["R-GL-1"], Rules(answer));
        Assert.Contains("「育婴员」不在办学许可的职业（工种）范围内（许可：电工）", answer.Reasons[0].Message);
    }

    [Fact]
    public void Graded_fail_loses_the_next_year_only()
    {
        AnnualReviewRow Review(int year, string grade) => new()
        {
            InstitutionId = "institution:X", Year = year, Grade = grade, Publication = "市人社局网站", RecordedBy = "王经办",
            RecordedAt = new DateTimeOffset(year + 1, 1, 15, 0, 0, 0, TimeSpan.Zero),
        };
        var facts = Facts("jiaozuo", reviews: [Review(2026, AnnualGrades.Fail)]);
        var answer = InstitutionEligibility.Assess(facts, "电工", null, June2027);
        Assert.Equal(["R-GL-13"], Rules(answer));
        Assert.Contains("2026年度年审不合格，取消2027年补贴性培训资格", answer.Reasons[0].Message);
        Assert.True(InstitutionEligibility.Assess(facts, "电工", null, new DateOnly(2028, 6, 1)).Eligible);
        Assert.True(InstitutionEligibility.Assess(Facts("jiaozuo", reviews: [Review(2026, AnnualGrades.Pass)]), "电工", null, June2027).Eligible);
    }

    [Fact]
    public void A_blacklisted_institution_is_refused_from_the_decision_on_under_R_YN_12()
    {
        var entry = new BlacklistRow
        {
            Id = "b1", InstitutionId = "institution:X", Reason = "虚报培训人数", Decision = "焦人社罚〔2027〕1号", EvidenceSha256 = new string('a', 64),
            EvidenceFileName = "查处记录.pdf", LicenceRevoked = true, DecidedBy = "王经办", DecidedAt = new DateTimeOffset(2027, 5, 1, 0, 0, 0, TimeSpan.Zero),
        };
        var facts = Facts("jiaozuo", blacklist: [entry]);
        var answer = InstitutionEligibility.Assess(facts, "电工", null, June2027);
        Assert.Equal(["R-YN-12"], Rules(answer));
        Assert.Contains("已列入黑名单（焦人社罚〔2027〕1号", answer.Reasons[0].Message);
        Assert.Contains("办学许可已取消", answer.Reasons[0].Message);
        Assert.True(InstitutionEligibility.Assess(facts, "电工", null, new DateOnly(2027, 4, 30)).Eligible);
    }

    [Fact]
    public void Qujing_needs_city_registration_and_a_contract_and_lists_every_reason()
    {
        var county = new RegistrationRow { InstitutionId = "institution:X", Level = RegistrationLevels.County, RegisteredOn = new DateOnly(2026, 1, 1), RecordedBy = "x" };
        var answer = InstitutionEligibility.Assess(Facts("qujing", licence: "电工", registration: county), "育婴员", null, June2027);
        Assert.Equal(["R-QJ-1", "R-GL-1", "R-QJ-4"], Rules(answer));
        var city = new RegistrationRow { InstitutionId = "institution:X", Level = RegistrationLevels.City, RegisteredOn = new DateOnly(2026, 1, 1), RecordedBy = "x" };
        var contract = Contract(areas: "", yearly: false);
        Assert.True(InstitutionEligibility.Assess(Facts("qujing", registration: city, contracts: (contract, [])), "电工", null, June2027).Eligible);
        // Before the registration day (and the contract's first day) neither counts.
        Assert.Equal(["R-QJ-1", "R-QJ-4"], Rules(InstitutionEligibility.Assess(Facts("qujing", registration: city, contracts: (contract, [])), "电工", null, new DateOnly(2025, 12, 31))));
        // Wenshui and Jiaozuo do not ask for city registration.
        Assert.DoesNotContain("R-QJ-1", Rules(InstitutionEligibility.Assess(Facts("wenshui"), "电工", null, June2027)));
    }
}
