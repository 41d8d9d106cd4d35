using Pipeline.Activities.Profiles;
using Pipeline.Activities.Subsidy;
using static Pipeline.Activities.Tests.Subsidy.Classes;

namespace Pipeline.Activities.Tests.Subsidy;

/// <summary>The policy takes each jurisdiction's own numbers with their rule ids; an absent key is no rule.</summary>
public class SubsidyPolicyTests
{
    [Fact]
    public void Wenshui_HasThePassEmploymentAndVideoRules_AndDailyRatesNotYetSet()
    {
        var p = Policy("wenshui");
        Assert.Equal(new PolicyRule<decimal>(80, "R-WS-14"), p.PassRateMin);
        Assert.Equal(new PolicyRule<decimal>(80, "R-WS-14"), p.EmploymentRateMin);
        Assert.Equal(new PolicyRule<bool>(true, "R-WS-14"), p.VideoGapDeduction);
        Assert.Equal(TrainingModes.Names.Keys.Order(), p.DailyRates.Keys.Order());
        Assert.All(p.DailyRates.Values, rate => Assert.Equal(new PolicyRule<decimal?>(null, "R-WS-13"), rate));
        Assert.Null(p.AttendanceMinRate);
        Assert.Null(p.ImpersonationLimit);
        Assert.Null(p.AdvanceShare);
        Assert.Null(p.CertificateRequired);
        Assert.Empty(p.NotConfigured);
    }

    [Fact]
    public void Guilin_Jiaozuo_Yunnan_Qujing_CarryTheirOwnRuleIds()
    {
        Assert.Equal(new PolicyRule<decimal>(80, "R-GL-4"), Policy("guilin").AttendanceMinRate);
        Assert.Equal(new PolicyRule<int>(3, "R-JZ-4"), Policy("jiaozuo").ImpersonationLimit);
        foreach (var name in new[] { "yunnan", "qujing" })
        {
            var p = Policy(name);
            Assert.Equal(new PolicyRule<decimal>(80, "R-YN-9c"), p.AttendanceMinRate);
            Assert.Equal(new PolicyRule<decimal>(50, "R-YN-1"), p.AdvanceShare);
            Assert.Equal(["脱贫人口", "失业人员", "退役军人"], p.AdvanceTargetGroups!.Value);
            Assert.Equal(new PolicyRule<bool>(true, "R-YN-5"), p.CertificateRequired);
            Assert.Empty(p.DailyRates);
            Assert.Null(p.PassRateMin);
        }
    }

    [Fact]
    public void ASetDailyRate_IsTaken()
    {
        var settings = ProfileSettings.Empty().With("wenshui", "subsidy.dailyRate.general", System.Text.Json.JsonSerializer.SerializeToElement(60), "admin", DateTimeOffset.UnixEpoch);
        var p = SubsidyPolicy.From(ProfileCatalog.LoadEmbedded(settings).Get("wenshui"));
        Assert.Equal(new PolicyRule<decimal?>(60, "R-WS-13"), p.DailyRates[TrainingModes.General]);
        Assert.Null(p.DailyRates[TrainingModes.OrderBased].Value);
    }

    [Fact]
    public void AnotherSettingNotYetSet_IsListed_AndTheAmountIsNotComputed()
    {
        // No shipped profile declares a threshold as a setting yet; a profile that did would list it.
        var declared = new ProfileParameter(ParameterKeys.PassRateMin, null, ParameterUnits.Percent, "R-XX-1", Setting: true, DeclaredBy: "somewhere");
        var wenshui = Catalog.Get("wenshui");
        var profile = wenshui with { Parameters = new Dictionary<string, ProfileParameter>(wenshui.Parameters) { [ParameterKeys.PassRateMin] = declared } };
        var policy = SubsidyPolicy.From(profile);
        Assert.Null(policy.PassRateMin);
        Assert.Equal(declared, Assert.Single(policy.NotConfigured));
        var result = SubsidyCalculator.Compute(Class(10, Trainees(10)), policy);
        Assert.Null(result.Amount);
        Assert.Contains(result.Findings, f => f.Rule == "R-XX-1" && f.Message.Contains("未配置"));
    }
}
