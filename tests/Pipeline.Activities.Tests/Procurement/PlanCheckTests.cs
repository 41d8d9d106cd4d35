using System.Text.Json;
using Pipeline.Activities.Catalogue;
using Pipeline.Activities.Procurement.Plans;
using Pipeline.Activities.Profiles;

namespace Pipeline.Activities.Tests.Procurement;

/// <summary>plan.check (培训计划审核, YN §四): complete items; an added occupation needs a national standard and an in-province evaluation institution (R-YN-3).</summary>
public class PlanCheckTests
{
    private static readonly ProfileCatalog Profiles = ProfileCatalog.LoadEmbedded();
    private static readonly string[] LastYear = ["中式烹调师", "育婴员"];

    private static TrainingPlan Plan(params PlanItem[] items) => new() { Year = 2027, County = "麒麟区", Items = items };

    [Fact]
    public void PlanCheck_AddedOccupation_WithoutStandardOrEvaluator_IsRefused_R_YN_3()
    {
        var plan = Plan(new PlanItem("中式烹调师", 60, "农村转移就业劳动者"), new PlanItem("无人机驾驶员", 30, "失业人员"));
        var result = PlanCheck.Check(plan, LastYear, [], Profiles.Get("yunnan"));
        Assert.False(result.Admissible);
        var finding = Assert.Single(result.Findings);
        Assert.Equal(("R-YN-3", "error"), (finding.Rule, finding.Severity));
        Assert.Equal("新增职业（工种）「无人机驾驶员」没有国家职业标准和省内评价认定机构，不予增加（R-YN-3）", finding.Message);
        Assert.Equal(["无人机驾驶员"], result.AddedOccupations);
        Assert.Equal(90, result.Headcount);

        // Qujing follows the Yunnan notice too.
        Assert.False(PlanCheck.Check(plan, LastYear, [], Profiles.Get("qujing")).Admissible);
        // Only the evaluator missing: named as such.
        var half = Plan(new PlanItem("无人机驾驶员", 30, "失业人员", NationalStandard: "4-99-00-00"));
        Assert.Contains("没有省内评价认定机构", Assert.Single(PlanCheck.Check(half, LastYear, [], Profiles.Get("yunnan")).Findings).Message);
    }

    [Fact]
    public void PlanCheck_AddedOccupation_WithStandardAndInProvinceEvaluator_IsAccepted_R_YN_3()
    {
        var plan = Plan(new PlanItem("中式烹调师", 60, "农村转移就业劳动者"),
            new PlanItem("无人机驾驶员", 30, "失业人员", NationalStandard: "国家职业标准 4-99-00-00", EvaluationInstitution: "云南省职业技能鉴定中心"));
        var result = PlanCheck.Check(plan, LastYear, [], Profiles.Get("yunnan"));
        Assert.True(result.Admissible);
        Assert.Empty(result.Findings);
        // An occupation of the occupation list is not "added" even if last year's plan lacked it.
        Assert.Empty(PlanCheck.Check(Plan(new PlanItem("电工", 20, "失业人员")), LastYear, ["电工"], Profiles.Get("yunnan")).AddedOccupations);
    }

    [Fact]
    public void PlanCheck_WhereTheRegulationSetsNoRule_ListsTheAddedOccupationsOnly()
    {
        var result = PlanCheck.Check(Plan(new PlanItem("无人机驾驶员", 30, "失业人员")), LastYear, [], Profiles.Get("wenshui"));
        Assert.True(result.Admissible);
        Assert.Equal(["无人机驾驶员"], result.AddedOccupations);
    }

    [Fact]
    public void PlanCheck_RefusesAnIncompletePlan_InChineseFirst()
    {
        var yn = Profiles.Get("yunnan");
        Assert.StartsWith("麒麟区 2027 年培训计划没有计划项目", Assert.Throws<ArgumentException>(() => PlanCheck.Check(Plan(), [], [], yn)).Message);
        Assert.StartsWith("第 1 项未填写职业", Assert.Throws<ArgumentException>(() => PlanCheck.Check(Plan(new PlanItem(" ", 3, "失业人员")), [], [], yn)).Message);
        Assert.StartsWith("第 1 项「电工」的计划人数须至少为 1 人", Assert.Throws<ArgumentException>(() => PlanCheck.Check(Plan(new PlanItem("电工", 0, "失业人员")), [], [], yn)).Message);
        Assert.Contains("未填写培训对象", Assert.Throws<ArgumentException>(() => PlanCheck.Check(Plan(new PlanItem("电工", 3, "")), [], [], yn)).Message);
        Assert.Contains("重复列出", Assert.Throws<ArgumentException>(() => PlanCheck.Check(Plan(new PlanItem("电工", 3, "失业人员"), new PlanItem("电工", 5, "失业人员")), [], [], yn)).Message);
    }

    [Fact]
    public async Task PlanCheck_Activity_TakesFeelInputs_AndEndsRefused_R_YN_3()
    {
        var inputs = new Dictionary<string, object?>
        {
            ["profile"] = "yunnan",
            ["plan"] = new Dictionary<string, object?>
            {
                ["year"] = 2027m, ["county"] = "麒麟区",
                ["items"] = new List<object?> { new Dictionary<string, object?> { ["occupation"] = "无人机驾驶员", ["headcount"] = 30m, ["targetGroup"] = "失业人员" } },
            },
            ["previousOccupations"] = new List<object?> { "中式烹调师" },
        };
        var (outcome, variables) = await new ActivityInvoker(t => Activator.CreateInstance(t, Profiles)!).InvokeAsync("plan.check", inputs, null, CancellationToken.None);
        Assert.Equal("refused", outcome);
        Assert.Contains("R-YN-3", JsonSerializer.Serialize(ActivityInvoker.Plain(variables["findings"])));
    }
}
