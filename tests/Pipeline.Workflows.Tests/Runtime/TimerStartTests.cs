using Pipeline.Workflows.Runtime;
using Pipeline.Workflows.Tests.Definitions;
using static Pipeline.Workflows.Tests.Runtime.Bpmn;

namespace Pipeline.Workflows.Tests.Runtime;

/// <summary>Timer start events (BPMN 2.0 §10.5.5): scheduled at deployment, replaced by a new version, fired idempotently (R-QJ-6 quarterly statistics).</summary>
public class TimerStartTests
{
    private readonly Harness _h = new();
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    private static string TimerStart(string id, string kind, string value) => $"""<bpmn:startEvent id="{id}">{TimerDefinition(kind, value)}</bpmn:startEvent>""";

    private Task<IReadOnlyList<DeployedProcess>> DeployAsync(string kind, string value, string processId = "quarterly-stats") =>
        _h.Engine.DeployAsync(BpmnSamples.Definitions(BpmnSamples.ProcessElement(processId,
            TimerStart("Start_Quarterly", kind, value) + Task("Compile", "statistician") + End() + Chain("Start_Quarterly", "Compile", "End"))), Harness.Catalogue, "admin", Harness.None);

    [Fact]
    public async Task QuarterlyCycle_IsScheduledAtDeployment_AndEachFiringStartsOneInstanceAndSchedulesTheNext()
    {
        await DeployAsync("timeCycle", "R/2026-01-01T00:00:00+08:00/P3M");
        var first = Assert.Single(_h.Timers.StartsScheduled);
        Assert.Equal(("quarterly-stats", 1, "Start_Quarterly", new DateTimeOffset(2026, 4, 1, 0, 0, 0, Beijing), -1), first);

        var fired = await _h.Engine.FireStartTimerAsync("quarterly-stats", 1, "Start_Quarterly", first.DueAt, Harness.None);
        var instance = TokenInvariants.Check(fired.Started!);
        Assert.Equal("quarterly-stats:Start_Quarterly:2026-04-01T00:00:00+08:00", instance.BusinessKey);
        Assert.Equal(["Compile"], Harness.Waiting(instance));
        Assert.Equal((new DateTimeOffset(2026, 7, 1, 0, 0, 0, Beijing), -1), (fired.NextDueAt, fired.RepeatsLeft));
        Assert.Equal(fired.NextDueAt, _h.Timers.StartsScheduled[^1].DueAt);

        // The same occurrence again (a duplicate trigger, another node): nothing new.
        var duplicate = await _h.Engine.FireStartTimerAsync("quarterly-stats", 1, "Start_Quarterly", first.DueAt.ToUniversalTime(), Harness.None);
        Assert.Null(duplicate.Started);
        Assert.Single(await _h.Instances.ByBusinessKeyAsync(instance.BusinessKey!, Harness.None));

        var dues = new List<DateTimeOffset?>();
        for (var due = fired.NextDueAt; dues.Count < 3; due = (await _h.Engine.FireStartTimerAsync("quarterly-stats", 1, "Start_Quarterly", due!.Value, Harness.None)).NextDueAt)
            dues.Add(due);
        Assert.Equal([new DateTimeOffset(2026, 7, 1, 0, 0, 0, Beijing), new DateTimeOffset(2026, 10, 1, 0, 0, 0, Beijing), new DateTimeOffset(2027, 1, 1, 0, 0, 0, Beijing)], dues);
    }

    [Fact]
    public async Task BoundedMonthlyCycle_KeepsTheMonthEnd_AndEnds()
    {
        await DeployAsync("timeCycle", "R3/2026-01-31T09:00:00+08:00/P1M");
        var first = Assert.Single(_h.Timers.StartsScheduled);
        // 31 January and 28 February are past at deployment (2 March); the third occurrence is 31 March, the last.
        Assert.Equal((new DateTimeOffset(2026, 3, 31, 9, 0, 0, Beijing), 0), (first.DueAt, first.RepeatsLeft));
        var fired = await _h.Engine.FireStartTimerAsync("quarterly-stats", 1, "Start_Quarterly", first.DueAt, Harness.None);
        Assert.NotNull(fired.Started);
        Assert.Null(fired.NextDueAt);
    }

    [Fact]
    public async Task CycleWithoutStart_CountsFromTheDeployment()
    {
        await DeployAsync("timeCycle", "R2/PT12H");
        var first = Assert.Single(_h.Timers.StartsScheduled);
        Assert.Equal((_h.Time.Now.AddHours(12), 1), (first.DueAt, first.RepeatsLeft));
        var fired = await _h.Engine.FireStartTimerAsync("quarterly-stats", 1, "Start_Quarterly", first.DueAt, Harness.None);
        Assert.Equal((_h.Time.Now.AddHours(24), 0), (fired.NextDueAt, fired.RepeatsLeft));
    }

    [Fact]
    public async Task DateAndDuration_FireOnce()
    {
        await DeployAsync("timeDate", "2026-06-30T17:00:00+08:00", "report-date");
        await DeployAsync("timeDuration", "P1D", "report-duration");
        Assert.Equal([new DateTimeOffset(2026, 6, 30, 17, 0, 0, Beijing), _h.Time.Now.AddDays(1)], _h.Timers.StartsScheduled.Select(s => s.DueAt));
        var fired = await _h.Engine.FireStartTimerAsync("report-date", 1, "Start_Quarterly", _h.Timers.StartsScheduled[0].DueAt, Harness.None);
        Assert.NotNull(fired.Started);
        Assert.Null(fired.NextDueAt);
    }

    [Fact]
    public async Task ANewVersion_ReplacesTheOldVersionsStartTimers()
    {
        await DeployAsync("timeCycle", "R/2026-01-01T00:00:00+08:00/P3M");
        await DeployAsync("timeCycle", "R/2026-01-01T00:00:00+08:00/P1M");
        Assert.Equal(("quarterly-stats", 1, "Start_Quarterly"), Assert.Single(_h.Timers.StartsCancelled));
        Assert.Equal((2, new DateTimeOffset(2026, 4, 1, 0, 0, 0, Beijing)), (_h.Timers.StartsScheduled[^1].Version, _h.Timers.StartsScheduled[^1].DueAt));
        var stale = await _h.Engine.FireStartTimerAsync("quarterly-stats", 1, "Start_Quarterly", new DateTimeOffset(2026, 4, 1, 0, 0, 0, Beijing), Harness.None);
        Assert.Equal(new StartTimerFiring(null, null, 0), stale);
        var pending = Assert.Single(await _h.Engine.PendingStartTimersAsync(_h.Time.Now, Harness.None));
        Assert.Equal((2, new DateTimeOffset(2026, 4, 1, 0, 0, 0, Beijing)), (pending.Process.Version, pending.DueAt));
    }

    [Fact]
    public async Task AnUnusableCycle_IsRefusedAtDeployment_WithTheElementId()
    {
        var refused = await Assert.ThrowsAsync<DefinitionInvalidException>(() => DeployAsync("timeCycle", "R2/2025-01-01T00:00:00+08:00/P1M"));
        Assert.Contains(refused.Problems, p => p.ElementId == "Start_Quarterly" && p.Message.Contains("no occurrence", StringComparison.Ordinal));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => _h.Engine.FireStartTimerAsync("nothing", 1, "Start", _h.Time.Now, Harness.None));
    }
}
