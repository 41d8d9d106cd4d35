using Pipeline.Workflows.Definitions;
using Pipeline.Workflows.Definitions.Bpmn;
using Pipeline.Workflows.Tests.Runtime;
using static Pipeline.Workflows.Tests.Runtime.Bpmn;

namespace Pipeline.Workflows.Tests.Definitions;

/// <summary>Reading and deploy-time validation of gateways, scopes, events, multi-instance and task rules.</summary>
public class NewElementDefinitionTests
{
    private static (ProcessModel? Process, IReadOnlyList<DefinitionProblem> Problems) Read(string content, string extra = "")
    {
        var read = BpmnReader.Read(BpmnSamples.Process(content, extra));
        var process = read.Processes.SingleOrDefault();
        return (process, read.Problems.Concat(process is null ? [] : DefinitionValidator.Validate(process, Harness.Catalogue)).ToList());
    }

    private static void Refused(string content, string elementId, string messagePart, string extra = "") =>
        Assert.Contains(Read(content, extra).Problems, p => p.ElementId == elementId && p.Message.Contains(messagePart, StringComparison.Ordinal));

    [Fact]
    public void SubProcess_ItsChildren_BoundaryEvents_AndMultiInstance_AreRead()
    {
        var (process, problems) = Read(Start() + SubProcess("Sub", Start("S_Start") + Task("S_Sign", "approver", Loop("""inputCollection="=approvers" inputElement="approver" outputCollection="outcomes" outputElement="=outcome" """, sequential: true, completion: "=nrOfCompletedInstances >= 2"),
                """<zeebe:properties><zeebe:property name="pipeline:distinctAssignees" value="true" /><zeebe:property name="pipeline:notCompletedBy" value="Review" /><zeebe:property name="other:thing" value="x" /></zeebe:properties>""")
            + End("S_End") + Chain("S_Start", "S_Sign", "S_End"))
            + Task("Review") + Boundary("Failed", "Sub", ErrorDefinition("Error_X")) + Boundary("Late", "Sub", TimerDefinition("timeCycle", "R3/P1D"), interrupting: false)
            + Terminate("Kill") + ErrorEnd("Throw", "Error_X") + End()
            + Chain("Start", "Review", "Sub", "End") + Chain("Failed", "Kill") + Chain("Late", "Throw"), Error("Error_X", "X"));
        Assert.Empty(problems);
        Assert.Equal("Sub", process!.ScopeOf("S_Sign"));
        Assert.Null(process.ScopeOf("Sub"));
        Assert.Equal(["Start"], process.StartEvents.Select(s => s.Id));
        Assert.Equal(["S_Start"], process.StartEventsOf("Sub").Select(s => s.Id));
        var sign = Assert.IsType<UserTask>(process.Node("S_Sign"));
        Assert.True(sign.DistinctAssignees);
        Assert.Equal(["Review"], sign.NotCompletedBy);
        var loop = sign.Loop!;
        Assert.True(loop.IsSequential);
        Assert.Equal(("approver", "outcomes"), (loop.InputElement, loop.OutputCollection));
        Assert.NotNull(loop.CompletionCondition);
        Assert.Equal(["Failed", "Late"], process.BoundaryEvents("Sub").Select(b => b.Id));
        Assert.Equal("X", Assert.IsType<ErrorTrigger>(process.BoundaryEvents("Sub").First().Trigger).Error!.Code);
        Assert.False(process.BoundaryEvents("Sub").Last().CancelActivity);
        Assert.Equal("X", Assert.IsType<ErrorEndEvent>(process.Node("Throw")).Error!.Code);
        Assert.IsType<TerminateEndEvent>(process.Node("Kill"));
    }

    [Fact]
    public void SequenceFlowCrossingASubProcessBoundary_IsAProblem() =>
        Refused(Start() + SubProcess("Sub", Start("S_Start") + Task("S_A") + End("S_End") + Chain("S_Start", "S_A", "S_End")) + End()
            + Chain("Start", "Sub", "End") + Flow("S_A", "End"), "F_S_A_End", "crosses the boundary");

    [Fact]
    public void SubProcessWithoutStartEvent_IsAProblem() =>
        Refused(Start() + SubProcess("Sub", Task("S_A") + End("S_End") + Chain("S_A", "S_End")) + End() + Chain("Start", "Sub", "End"), "Sub", "start event");

    [Fact]
    public void EventSubProcess_IsRefused() =>
        Refused(Start() + End() + Chain("Start", "End") + """<bpmn:subProcess id="Events" triggeredByEvent="true" />""", "Events", "event sub-process");

    [Fact]
    public void ErrorEndEventWithoutCode_IsAProblem() =>
        Refused(Start() + ErrorEnd("Throw", "Error_NoCode") + Chain("Start", "Throw"), "Throw", "errorCode", """<bpmn:error id="Error_NoCode" name="x" />""");

    [Fact]
    public void DanglingErrorRef_IsAProblem() =>
        Refused(Start() + ErrorEnd("Throw", "Error_Missing") + Chain("Start", "Throw"), "Throw", "Error_Missing");

    [Fact]
    public void NonInterruptingErrorBoundary_IsAProblem() =>
        Refused(Start() + Task("A") + Boundary("B", "A", ErrorDefinition(), interrupting: false) + End() + End("E2") + Chain("Start", "A", "End") + Chain("B", "E2"), "B", "always interrupting");

    [Fact]
    public void BoundaryOnAGateway_IsAProblem() =>
        Refused(Start() + And("G") + Boundary("B", "G", ErrorDefinition()) + End() + End("E2") + Chain("Start", "G", "End") + Chain("B", "E2"), "B", "attach to tasks");

    [Fact]
    public void DistinctAssigneesWithoutMultiInstance_IsAProblem() =>
        Refused(Start() + Task("A", properties: """<zeebe:properties><zeebe:property name="pipeline:distinctAssignees" value="true" /></zeebe:properties>""") + End() + Chain("Start", "A", "End"), "A", "multi-instance");

    [Fact]
    public void NotCompletedBy_MustNameUserTasksOfTheProcess()
    {
        var problems = Read(Start() + Task("A", properties: """<zeebe:properties><zeebe:property name="pipeline:notCompletedBy" value="Task_Gone, Gate" /></zeebe:properties>""")
            + Xor("Gate") + End() + Chain("Start", "A", "Gate", "End")).Problems;
        Assert.Contains(problems, p => p.ElementId == "A" && p.Message.Contains("'Task_Gone', which is not an element"));
        Assert.Contains(problems, p => p.ElementId == "A" && p.Message.Contains("'Gate', which is not a user task"));
    }

    [Fact]
    public void UnknownPipelineProperty_IsAProblem() =>
        Refused(Start() + Task("A", properties: """<zeebe:properties><zeebe:property name="pipeline:distinctAssignee" value="true" /></zeebe:properties>""") + End() + Chain("Start", "A", "End"), "A", "unknown property");

    [Fact]
    public void MultiInstanceWithoutCollectionOrCardinality_IsAProblem() =>
        Refused(Start() + Task("A", inner: Loop()) + End() + Chain("Start", "A", "End"), "A", "inputCollection or bpmn:loopCardinality");

    [Fact]
    public void OutputCollectionWithoutElement_IsAProblem() =>
        Refused(Start() + Task("A", inner: Loop("""inputCollection="=xs" outputCollection="ys" """)) + End() + Chain("Start", "A", "End"), "A", "outputElement");

    [Fact]
    public void BadCompletionCondition_IsAProblemWithItsText() =>
        Refused(Start() + Task("A", inner: Loop("""inputCollection="=xs" """, completion: "=nrOfCompletedInstances >=")) + End() + Chain("Start", "A", "End"), "A", "completion condition");

    [Fact]
    public void TimeCycleOnAnIntermediateTimer_AndAMalformedDuration_AreProblems()
    {
        Refused(Start() + """<bpmn:intermediateCatchEvent id="Wait">""" + TimerDefinition("timeCycle", "R3/PT1H") + "</bpmn:intermediateCatchEvent>" + End() + Chain("Start", "Wait", "End"), "Wait", "timeCycle");
        Refused(Start() + """<bpmn:intermediateCatchEvent id="Wait">""" + TimerDefinition("timeDuration", "3 days") + "</bpmn:intermediateCatchEvent>" + End() + Chain("Start", "Wait", "End"), "Wait", "ISO 8601 duration");
        Refused(Start() + Task("A") + Boundary("B", "A", TimerDefinition("timeCycle", "R3/PT1H")) + End() + End("E2") + Chain("Start", "A", "End") + Chain("B", "E2"), "B", "non-interrupting");
    }

    [Fact]
    public void EventBasedGateway_MustLeadToCatchEvents() =>
        Refused(Start() + """<bpmn:eventBasedGateway id="Race" />""" + Task("A") + """<bpmn:intermediateCatchEvent id="Wait">""" + TimerDefinition("timeDuration", "P1D") + "</bpmn:intermediateCatchEvent>"
            + End() + Chain("Start", "Race", "A", "End") + Chain("Race", "Wait", "End"), "Race", "not an intermediate message or timer catch event");

    [Fact]
    public void UnreachableInsideASubProcess_IsReported() =>
        Refused(Start() + SubProcess("Sub", Start("S_Start") + End("S_End") + Task("S_Orphan") + Chain("S_Start", "S_End") + Chain("S_Orphan", "S_End")) + End() + Chain("Start", "Sub", "End"),
            "S_Orphan", "unreachable");
}
