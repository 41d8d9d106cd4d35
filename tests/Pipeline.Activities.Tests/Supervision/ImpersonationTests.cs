using Pipeline.Activities.Packs;
using Pipeline.Activities.Profiles;
using Pipeline.Activities.Supervision.Attendance;

namespace Pipeline.Activities.Tests.Supervision;

/// <summary>R-JZ-4: 每期发现3人次以上（含）冒名顶替的，取消该期所有人员的培训补贴.</summary>
public class ImpersonationTests
{
    private static readonly ProfileCatalog Profiles = ProfileCatalog.LoadEmbedded();

    [Fact]
    public void R_JZ_4_ThreeImpersonations_CancelTheClass()
    {
        var finding = ImpersonationTally.Check(3, Profiles.Get("jiaozuo"));
        Assert.NotNull(finding);
        Assert.Equal(("R-JZ-4", Severities.Error), (finding.Rule, finding.Severity));
        Assert.Contains("取消该期所有人员的培训补贴", finding.Message);
        Assert.NotNull(ImpersonationTally.Check(4, Profiles.Get("jiaozuo")));
    }

    [Fact]
    public void R_JZ_4_TwoImpersonations_AreBelowTheLimit() => Assert.Null(ImpersonationTally.Check(2, Profiles.Get("jiaozuo")));

    [Fact]
    public void A_jurisdiction_without_the_rule_cancels_nothing() => Assert.Null(ImpersonationTally.Check(10, Profiles.Get("guilin")));
}
