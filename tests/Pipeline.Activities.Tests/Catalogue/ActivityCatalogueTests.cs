using Pipeline.Activities.Catalogue;
using Pipeline.Workflows.Activities;

namespace Pipeline.Activities.Tests.Catalogue;

public class ActivityCatalogueTests
{
    [Fact]
    public void PackCheck_IsDescribed_WithItsInputsOutputsAndVerdictOutcomes()
    {
        var d = ActivityDescriber.Describe(typeof(CheckMaterialPackActivity));
        Assert.Equal("pack.check", d.Type);
        Assert.Equal("材料包审核", d.DisplayNameZh);
        Assert.True(d.LongRunning);
        Assert.Equal(["complete", "incomplete", "unreadable"], d.Outcomes);
        Assert.Contains(d.Inputs, i => i is { Name: "document", TypeName: "string", Required: true });
        Assert.Contains(d.Inputs, i => i is { Name: "profile", Required: false });
        Assert.Contains(d.Outputs, o => o is { Name: "missing", TypeName: "list" });
        Assert.Equal((3, TimeSpan.FromSeconds(10)), (d.Retries, d.RetryBackoff));
    }

    [Activity("test.bad-backoff", "Test", DisplayName = "Bad", DisplayNameZh = "坏", RetryBackoff = "ten seconds")]
    private sealed class BadBackoff : IActivity<CheckMaterialPackInput, CheckMaterialPackOutput>
    {
        public Task<ActivityResult<CheckMaterialPackOutput>> ExecuteAsync(
            CheckMaterialPackInput input, IProgress<ActivityProgress>? progress, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    [Fact]
    public void A_retry_back_off_that_is_no_ISO_duration_is_refused_with_the_activity_name() =>
        Assert.Contains("BadBackoff", Assert.Throws<ArgumentException>(() => ActivityDescriber.Describe(typeof(BadBackoff))).Message);

    [Fact]
    public void Catalogue_ListsEveryActivityOfTheAssembly() =>
        Assert.Contains(ActivityDescriber.DescribeAll(typeof(CheckMaterialPackActivity).Assembly), d => d.Type == "pack.check");
}
