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
    }

    [Fact]
    public void Catalogue_ListsEveryActivityOfTheAssembly() =>
        Assert.Contains(ActivityDescriber.DescribeAll(typeof(CheckMaterialPackActivity).Assembly), d => d.Type == "pack.check");
}
