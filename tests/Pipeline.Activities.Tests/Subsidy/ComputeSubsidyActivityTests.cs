using Pipeline.Activities.Catalogue;
using Pipeline.Activities.Subsidy;
using Pipeline.Workflows.Activities;
using static Pipeline.Activities.Tests.Subsidy.Classes;

namespace Pipeline.Activities.Tests.Subsidy;

/// <summary>Catalogue activity <c>subsidy.compute</c>.</summary>
public class ComputeSubsidyActivityTests
{
    [Fact]
    public void SubsidyCompute_IsDescribed_WithItsInputsAndOutcomes()
    {
        var d = ActivityDescriber.Describe(typeof(ComputeSubsidyActivity));
        Assert.Equal(("subsidy.compute", "Subsidy", "补贴核算"), (d.Type, d.Category, d.DisplayNameZh));
        Assert.False(d.LongRunning);
        Assert.Equal(["computed", "not-configured"], d.Outcomes);
        Assert.Contains(d.Inputs, i => i is { Name: "settlement", TypeName: "object", Required: true });
        Assert.Contains(d.Inputs, i => i is { Name: "profile", TypeName: "string", Required: true });
        Assert.Contains(d.Outputs, o => o is { Name: "amount", TypeName: "number" });
        Assert.Contains(ActivityCatalogue.Types, t => t == "subsidy.compute");
    }

    [Fact]
    public async Task AComputedAmount_EndsComputed()
    {
        // 10 × 10 × 100 = 10,000.00
        var done = await new ComputeSubsidyActivity(Catalog).ExecuteAsync(
            new ComputeSubsidyInput { Settlement = Class(10, Trainees(10)), Profile = "wenshui" }, null, CancellationToken.None);
        Assert.Equal("computed", done.Outcome);
        Assert.Equal(10_000.00m, done.Output.Amount);
        Assert.Equal(0, done.Output.Findings);
    }

    [Fact]
    public async Task ARateNotConfigured_EndsNotConfigured_WithItsFinding()
    {
        var settlement = Class(10, Trainees(10)) with { DailyRates = new Dictionary<string, decimal>() };
        var done = await new ComputeSubsidyActivity(Catalog).ExecuteAsync(
            new ComputeSubsidyInput { Settlement = settlement, Profile = "wenshui" }, null, CancellationToken.None);
        Assert.Equal("not-configured", done.Outcome);
        Assert.Null(done.Output.Amount);
        Assert.Equal("R-WS-13", Assert.Single(done.Output.Computation.Findings).Rule);
    }

    [Fact]
    public async Task AnUnknownProfile_IsRefused() =>
        await Assert.ThrowsAsync<KeyNotFoundException>(() => new ComputeSubsidyActivity(Catalog).ExecuteAsync(
            new ComputeSubsidyInput { Settlement = Class(10, Trainees(10)), Profile = "atlantis" }, null, CancellationToken.None));
}
