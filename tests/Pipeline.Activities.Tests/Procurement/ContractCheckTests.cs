using Pipeline.Activities.Catalogue;
using Pipeline.Activities.ClassOpening;
using Pipeline.Activities.Packs;
using Pipeline.Activities.Procurement.Contracts;
using Pipeline.Activities.Profiles;

namespace Pipeline.Activities.Tests.Procurement;

/// <summary>合同核验: a class opens only under a current contract for its occupation and area (R-WS-1, R-YN-2, R-QJ-4),
/// WS areas by lot (R-WS-2), WS order-based share ≥ 30 % (R-WS-3).</summary>
public class ContractCheckTests
{
    private static readonly ProfileCatalog Profiles = ProfileCatalog.LoadEmbedded();
    private const string School = "文水县华信职业培训学校";

    private static ClassApplication Class(string occupation = "中式烹调师", string start = "2023-06-12", string mode = "general",
        int headcount = 30, string place = "开栅镇东街村") => new()
    {
        Occupation = occupation, FiledOn = DateOnly.Parse("2023-05-20"), StartDate = DateOnly.Parse(start),
        EndDate = DateOnly.Parse(start).AddDays(14), TrainingMode = mode, Headcount = headcount, Place = place,
    };

    /// <summary>Three-year WS service from 2023-03-01, signed for a year at a time (合同一年一订).</summary>
    private static TrainingContract Contract(DateOnly? renewedUntil = null, int? task = 300) => new()
    {
        Id = "WS-HT-2023-01", Institution = School, Occupations = ["中式烹调师", "育婴员"], Areas = ["开栅镇", "下曲镇"],
        From = DateOnly.Parse("2023-03-01"), To = DateOnly.Parse("2026-02-28"), RenewedUntil = renewedUntil, Task = task,
    };

    private static ContractCheckResult Check(ClassApplication c, IReadOnlyList<TrainingContract> contracts, ContractProgress? progress = null,
        string profile = "wenshui", string institution = School, string? area = null) =>
        ContractCheck.Check(c, area, institution, contracts, progress ?? new ContractProgress(0, 0), Profiles.Get(profile));

    private static Finding Refusal(ContractCheckResult result, string rule)
    {
        Assert.False(result.Admissible);
        var finding = Assert.Single(result.Findings);
        Assert.Equal((rule, Severities.Error, (int?)null), (finding.Rule, finding.Severity, finding.Page));
        return finding;
    }

    [Fact]
    public void ContractCheck_admits_a_class_under_a_current_contract_for_its_occupation_and_area_R_WS_1()
    {
        var result = Check(Class(mode: "order-based"), [Contract()]);
        Assert.True(result.Admissible);
        Assert.Empty(result.Findings);
        Assert.Equal("WS-HT-2023-01", result.Contract);
    }

    [Fact]
    public void ContractCheck_refuses_an_institution_without_a_contract_R_WS_1()
    {
        var finding = Refusal(Check(Class(), [Contract() with { Institution = "文水县汾河职业培训学校" }]), "R-WS-1");
        Assert.Equal($"培训机构「{School}」没有职业培训合同，不能开班（R-WS-1）", finding.Message);
    }

    [Fact]
    public void ContractCheck_refuses_a_class_after_the_yearly_renewal_date_when_not_renewed_R_WS_1()
    {
        // Within the three-year service, but the 2023 contract ran to 2024-02-29 and was not renewed (合同一年一订).
        var late = Class(start: "2024-04-08");
        var finding = Refusal(Check(late, [Contract()]), "R-WS-1");
        Assert.Contains("本年度合同至 2024-02-29，未续签", finding.Message);
        Assert.True(Check(late, [Contract(renewedUntil: DateOnly.Parse("2025-02-28"))]).Admissible);
    }

    [Fact]
    public void ContractCheck_refuses_a_class_before_or_after_the_service_period_R_WS_1()
    {
        Refusal(Check(Class(start: "2023-02-20"), [Contract()]), "R-WS-1");
        Refusal(Check(Class(start: "2026-03-02"), [Contract(renewedUntil: DateOnly.Parse("2027-02-28"))]), "R-WS-1");
    }

    [Fact]
    public void ContractCheck_refuses_an_occupation_the_contract_does_not_cover_R_WS_1()
    {
        var finding = Refusal(Check(Class(occupation: "电工"), [Contract()]), "R-WS-1");
        Assert.Contains("不含职业（工种）「电工」", finding.Message);
    }

    [Fact]
    public void ContractCheck_refuses_an_area_not_drawn_for_the_institution_R_WS_2()
    {
        var finding = Refusal(Check(Class(place: "南庄镇北街"), [Contract()]), "R-WS-2");
        Assert.Contains("培训地点「南庄镇北街」不在合同 WS-HT-2023-01 的培训区域（开栅镇、下曲镇）内", finding.Message);
        Assert.True(Check(Class(place: "某村"), [Contract()], area: "下曲镇").Admissible);
    }

    [Fact]
    public void ContractCheck_admits_classes_in_the_areas_the_lottery_gave_the_institution_and_no_others_R_WS_2()
    {
        var lottery = Pipeline.Activities.Procurement.Lottery.QuotaLottery.Draw(QuotaLotteryTests.Seed, QuotaLotteryTests.Institutions,
            QuotaLotteryTests.Areas, ["凤城镇四关四街"], "R-WS-2");
        var drawn = lottery.Assignments.Where(a => a.Institution == School).ToList();
        var contract = Contract() with { Areas = drawn.Select(a => a.Area).ToList(), Task = drawn.Sum(a => a.Quota) };
        foreach (var area in QuotaLotteryTests.Areas.Select(a => a.Area))
            Assert.Equal(drawn.Any(a => a.Area == area), Check(Class(place: area + "中心村", mode: "order-based"), [contract]).Admissible);
    }

    [Fact]
    public void ContractCheck_lets_every_contracted_institution_recruit_in_Fengcheng_four_gates_four_streets_R_WS_2()
    {
        var result = Check(Class(place: "凤城镇四关四街北关社区", mode: "order-based"), [Contract()]);
        Assert.True(result.Admissible);
        var note = Assert.Single(result.Findings);
        Assert.Equal(("R-WS-2", Severities.Warning), (note.Rule, note.Severity));
        Assert.Contains("不进行抽签", note.Message);
    }

    [Fact]
    public void ContractCheck_refuses_a_general_class_that_leaves_less_than_30_percent_of_the_task_order_based_R_WS_3()
    {
        // Task 300: at most 210 trainees outside order-based classes. 190 opened, 30 more would make 220.
        var finding = Refusal(Check(Class(headcount: 30), [Contract()], new ContractProgress(250, 60)), "R-WS-3");
        Assert.Contains("“订单式”培训不得低于培训任务的30%", finding.Message);
        Assert.Contains("非订单式至多 210 人", finding.Message);
        Assert.True(Check(Class(headcount: 20), [Contract()], new ContractProgress(250, 60)).Admissible);
        Assert.True(Check(Class(headcount: 30, mode: "order-based"), [Contract()], new ContractProgress(250, 60)).Admissible);
    }

    [Fact]
    public void ContractCheck_without_a_task_keeps_the_running_order_based_share_at_30_percent_R_WS_3()
    {
        Refusal(Check(Class(headcount: 30), [Contract(task: null)], new ContractProgress(30, 0)), "R-WS-3");
        Assert.True(Check(Class(headcount: 30), [Contract(task: null)], new ContractProgress(60, 30)).Admissible);
    }

    [Fact]
    public void ContractCheck_a_contract_asking_more_order_based_training_than_the_regulation_wins_R_WS_3()
    {
        var stricter = Contract() with { OrderBasedShare = 50 };
        // 130 + 30 = 160 trainees outside order-based classes: within 70 % of 300 (210), beyond 50 % (150).
        Assert.True(Check(Class(headcount: 30), [Contract()], new ContractProgress(160, 30)).Admissible);
        Assert.Contains("不得低于培训任务的50%", Refusal(Check(Class(headcount: 30), [stricter], new ContractProgress(160, 30)), "R-WS-3").Message);
    }

    [Fact]
    public void ContractCheck_without_the_counts_so_far_warns_that_the_share_was_not_checked_R_WS_3()
    {
        var result = ContractCheck.Check(Class(), null, School, [Contract()], null, Profiles.Get("wenshui"));
        Assert.True(result.Admissible);
        Assert.Equal(("R-WS-3", Severities.Warning), (result.Findings[0].Rule, result.Findings[0].Severity));
    }

    [Theory]
    [InlineData("qujing", "R-QJ-4")]
    [InlineData("yunnan", "R-YN-2")]
    public void ContractCheck_cites_the_jurisdictions_own_rule_for_a_missing_contract(string profile, string rule)
    {
        var finding = Refusal(Check(Class(), [], profile: profile), rule);
        Assert.EndsWith($"（{rule}）", finding.Message);
        // No yearly renewal outside WS: a contract is current through its whole term, and no order-based share applies.
        Assert.True(Check(Class(start: "2025-06-02"), [Contract()], profile: profile).Admissible);
    }

    [Theory]
    [InlineData("jiaozuo")]
    [InlineData("guilin")]
    public void ContractCheck_does_not_apply_where_the_regulation_sets_no_contract_rule(string profile)
    {
        var result = Check(Class(), [], profile: profile);
        Assert.True(result.Admissible);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void ContractCheck_refuses_inconsistent_counts_in_Chinese_first()
    {
        Assert.StartsWith("本合同已开班人数有误", Assert.Throws<ArgumentException>(() => Check(Class(), [Contract()], new ContractProgress(10, 20))).Message);
    }

    [Fact]
    public async Task ContractCheck_activity_takes_contracts_as_FEEL_contexts_and_ends_refused_with_the_rule()
    {
        var invoker = new ActivityInvoker(type => Activator.CreateInstance(type, Profiles, null)!);
        var contract = new Dictionary<string, object?>
        {
            ["id"] = "WS-HT-2023-01", ["institution"] = School, ["occupations"] = new List<object?> { "中式烹调师" },
            ["areas"] = new List<object?> { "开栅镇" }, ["from"] = DateOnly.Parse("2023-03-01"), ["to"] = DateOnly.Parse("2026-02-28"),
            ["task"] = 300m,
        };
        var inputs = new Dictionary<string, object?>
        {
            ["profile"] = "wenshui", ["institution"] = School, ["contracts"] = new List<object?> { contract },
            ["class"] = new Dictionary<string, object?>
            {
                ["occupation"] = "中式烹调师", ["filedOn"] = DateOnly.Parse("2024-03-20"), ["startDate"] = DateOnly.Parse("2024-04-08"),
                ["endDate"] = DateOnly.Parse("2024-04-20"), ["headcount"] = 30m, ["place"] = "开栅镇东街村", ["trainingMode"] = "order-based",
            },
            ["progress"] = new Dictionary<string, object?> { ["trainees"] = 0m, ["orderBasedTrainees"] = 0m },
        };
        var (outcome, variables) = await invoker.InvokeAsync("contract.check", inputs, null, CancellationToken.None);
        Assert.Equal("refused", outcome);
        Assert.Equal(false, variables["admissible"]);
        Assert.Contains("R-WS-1", System.Text.Json.JsonSerializer.Serialize(ActivityInvoker.Plain(variables["findings"])));

        contract["renewedUntil"] = DateOnly.Parse("2025-02-28");
        (outcome, variables) = await invoker.InvokeAsync("contract.check", inputs, null, CancellationToken.None);
        Assert.Equal(("admissible", (object?)"WS-HT-2023-01"), (outcome, variables["contract"]));
    }
}
