using Pipeline.Workflows.Definitions;
using Pipeline.Workflows.Definitions.Bpmn;
using Pipeline.Workflows.Tests.Runtime;
using static Pipeline.Workflows.Tests.Runtime.Bpmn;

namespace Pipeline.Workflows.Tests.Definitions;

/// <summary>Reading and deploy-time validation of call activities and of message and timer start events.</summary>
public class CallAndStartEventDefinitionTests
{
    private static (ProcessModel? Process, IReadOnlyList<DefinitionProblem> Problems) Read(string content, string extra = "")
    {
        var read = BpmnReader.Read(BpmnSamples.Process(content, extra));
        var process = read.Processes.SingleOrDefault();
        return (process, read.Problems.Concat(process is null ? [] : DefinitionValidator.Validate(process, Harness.Catalogue)).ToList());
    }

    private static void Refused(string content, string elementId, string messagePart, string extra = "") =>
        Assert.Contains(Read(content, extra).Problems, p => p.ElementId == elementId && p.Message.Contains(messagePart, StringComparison.Ordinal));

    private static string MessageStart(string id, string messageRef) => $"""<bpmn:startEvent id="{id}">{MessageDefinition(messageRef)}</bpmn:startEvent>""";

    private static string TimerStart(string id, string value) => $"""<bpmn:startEvent id="{id}">{TimerDefinition("timeCycle", value)}</bpmn:startEvent>""";

    [Fact]
    public void CallActivity_IsReadWithBindingPropagationAndMappings()
    {
        var (process, problems) = Read(Start() + Calls.Call("Call", "class-closing", """bindingType="versionTag" versionTag="2026-Q1" propagateAllParentVariables="false" propagateAllChildVariables="false" """,
                Calls.Input("=classNo", "classNo") + Calls.Output("=verdict", "closingVerdict"))
            + Calls.Call("Dynamic", "=&quot;class-&quot; + kind") + End() + Chain("Start", "Call", "Dynamic", "End"));
        Assert.Empty(problems);
        var call = Assert.IsType<CallActivity>(process!.Node("Call"));
        Assert.Equal(("class-closing", null, CallBinding.VersionTag, "2026-Q1", false, false), (call.CalledProcessId, call.CalledProcessIdExpression, call.Binding, call.VersionTag, call.PropagateAllParentVariables, call.PropagateAllChildVariables));
        Assert.Equal(["classNo"], call.Inputs.Select(i => i.Target));
        Assert.Equal(["closingVerdict"], call.Outputs.Select(o => o.Target));
        var dynamic = Assert.IsType<CallActivity>(process.Node("Dynamic"));
        Assert.NotNull(dynamic.CalledProcessIdExpression);
        Assert.Equal((CallBinding.Latest, true, true), (dynamic.Binding, dynamic.PropagateAllParentVariables, dynamic.PropagateAllChildVariables));
    }

    [Fact]
    public void VersionTag_OfTheProcess_IsRead()
    {
        var read = BpmnReader.Read(BpmnSamples.Definitions(Calls.TaskProcess("Child", "T", """<zeebe:versionTag value="v3" />""")));
        Assert.Equal("v3", Assert.Single(read.Processes).VersionTag);
    }

    [Fact]
    public void CallActivityWithoutProcessId_IsRefused() =>
        Refused(Start() + """<bpmn:callActivity id="Call" />""" + End() + Chain("Start", "Call", "End"), "Call", "needs zeebe:calledElement with a processId");

    [Fact]
    public void CallActivityBindingProblems_AreRefused()
    {
        Refused(Start() + Calls.Call("Call", "x", """bindingType="newest" """) + End() + Chain("Start", "Call", "End"), "Call", "bindingType 'newest'");
        Refused(Start() + Calls.Call("Call", "x", """bindingType="versionTag" """) + End() + Chain("Start", "Call", "End"), "Call", "needs a versionTag");
        Refused(Start() + Calls.Call("Call", "x", """versionTag="v1" """) + End() + Chain("Start", "Call", "End"), "Call", "only used with bindingType");
        Refused(Start() + Calls.Call("Call", "x", """propagateAllChildVariables="no" """) + End() + Chain("Start", "Call", "End"), "Call", "propagateAllChildVariables");
        Refused(Start() + Calls.Call("Call", "=if") + End() + Chain("Start", "Call", "End"), "Call", "called process id");
    }

    [Fact]
    public void BoundaryEventsAndMultiInstance_OnACallActivity_AreAccepted() =>
        Assert.Empty(Read(Start() + Calls.Call("Call", "x", inner: Loop("""inputCollection="=items" inputElement="item" """)) + Boundary("Failed", "Call", ErrorDefinition())
            + End() + End("End2") + Chain("Start", "Call", "End") + Chain("Failed", "End2")).Problems);

    [Fact]
    public void OnePlainStart_PlusMessageAndTimerStarts_AreAccepted()
    {
        var (process, problems) = Read(Start() + MessageStart("ByMessage", "Msg_A") + TimerStart("ByTimer", "R/2026-01-01T00:00:00+08:00/P3M") + Task("Work") + End()
            + Chain("Start", "Work", "End") + Flow("ByMessage", "Work") + Flow("ByTimer", "Work"), Message("Msg_A", "a"));
        Assert.Empty(problems);
        Assert.Equal("a", Assert.Single(process!.MessageStartEvents).Message!.Name);
        Assert.Equal(TimerType.Cycle, Assert.Single(process.TimerStartEvents).Timer.Type);
        Assert.Equal(["Start"], process.StartEvents.Select(s => s.Id));
    }

    [Fact]
    public void OnlyAMessageStart_IsEnough()
    {
        var (_, problems) = Read(MessageStart("ByMessage", "Msg_A") + End() + Chain("ByMessage", "End"), """<bpmn:message id="Msg_A" name="a" />""");
        Assert.Empty(problems);
    }

    [Fact]
    public void TwoPlainStarts_AreRefused() =>
        Refused(Start() + Start("Start2") + End() + Chain("Start", "End") + Flow("Start2", "End"), "Start2", "only one plain start event");

    [Fact]
    public void MessageStartProblems_AreRefused()
    {
        Refused(MessageStart("ByMessage", "Msg_Missing") + End() + Chain("ByMessage", "End"), "ByMessage", "needs a messageRef");
        Refused(MessageStart("ByMessage", "Msg_A") + End() + Chain("ByMessage", "End"), "ByMessage", "has no name", """<bpmn:message id="Msg_A" />""");
        Refused(MessageStart("M1", "Msg_A") + MessageStart("M2", "Msg_A") + End() + Chain("M1", "End") + Flow("M2", "End"), "M2", "another message start event", Message("Msg_A", "a"));
        Refused(Start() + SubProcess("Sub", MessageStart("S_Start", "Msg_A") + End("S_End") + Chain("S_Start", "S_End")) + End() + Chain("Start", "Sub", "End"),
            "S_Start", "belongs at process level", Message("Msg_A", "a"));
    }

    [Fact]
    public void TimerStartProblems_AreRefused()
    {
        Refused(TimerStart("ByTimer", "R/2026-01-01T00:00:00+08:00/P0D") + End() + Chain("ByTimer", "End"), "ByTimer", "zero interval");
        Refused(TimerStart("ByTimer", "R/first-of-january/P3M") + End() + Chain("ByTimer", "End"), "ByTimer", "not an ISO 8601");
        Refused("""<bpmn:startEvent id="BySignal"><bpmn:signalEventDefinition /></bpmn:startEvent>""" + End() + Chain("BySignal", "End"), "BySignal", "not supported");
    }

    [Fact]
    public void CycleOccurrences_AreCountedFromTheStart_ByCalendar()
    {
        Assert.True(TimerSchedule.TryParseCycle("R/2026-01-31T00:00:00+08:00/P1M", DateTimeOffset.UnixEpoch, TimeZoneInfo.Utc, out var cycle, out _));
        var at = new DateTimeOffset(2026, 1, 31, 0, 0, 0, TimeSpan.FromHours(8));
        var seen = new List<DateTimeOffset>();
        for (var i = 0; i < 4; i++) seen.Add(at = cycle.Next(i == 0 ? at.AddTicks(-1) : at)!.Value.At);
        Assert.Equal([31, 28, 31, 30], seen.Select(d => d.Day));
        Assert.Equal(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)),
            (TimerSchedule.TryParseCycle("R/2026-01-01T00:00:00+08:00/P3M", DateTimeOffset.UnixEpoch, TimeZoneInfo.Utc, out var quarterly, out _) ? quarterly : default)
            .Next(new DateTimeOffset(2029, 12, 31, 0, 0, 0, TimeSpan.FromHours(8)))!.Value.At);
    }
}
