using Pipeline.Workflows.Runtime;
using Pipeline.Workflows.Tests.Definitions;

namespace Pipeline.Workflows.Tests.Runtime;

/// <summary>An engine on in-memory stores with a fake clock, and shortcuts for deploying inline BPMN and driving instances.</summary>
public sealed class Harness
{
    public static readonly IReadOnlySet<string> Catalogue = new HashSet<string> { "pack.check", "notify.send" };
    public static readonly CancellationToken None = CancellationToken.None;

    public Harness() => Engine = new WorkflowEngine(new InMemoryDefinitionStore(), Instances, Time, Jobs, Timers);

    public InMemoryInstanceStore Instances { get; } = new();
    public RecordingJobs Jobs { get; } = new();
    public RecordingTimers Timers { get; } = new();
    public FakeTime Time { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8)));
    public WorkflowEngine Engine { get; }

    /// <summary>Deploys <c>Process_1</c> made of <paramref name="content"/> (see <see cref="Bpmn"/>) and starts it.</summary>
    public async Task<ProcessInstance> StartAsync(string content, IReadOnlyDictionary<string, object?>? variables = null, string extra = "", string businessKey = "JZ-2026-031")
    {
        await Engine.DeployAsync(BpmnSamples.Process(content, extra), Catalogue, "admin", None);
        return TokenInvariants.Check(await Engine.StartAsync("Process_1", businessKey, variables, "institution", None));
    }

    /// <summary>Completes the one open user task at <paramref name="nodeId"/> (or the given one of several).</summary>
    public async Task<ProcessInstance> CompleteAsync(ProcessInstance instance, string nodeId, string actor = "王经办",
        IReadOnlyDictionary<string, object?>? variables = null, Bookmark? task = null, string role = "reviewer") =>
        TokenInvariants.Check(await Engine.CompleteUserTaskAsync(instance.Id, (task ?? instance.Bookmarks.Single(b => b.NodeId == nodeId && b.Kind == BookmarkKind.UserTask)).Id,
            actor, [role], variables ?? new Dictionary<string, object?>(), None));

    /// <summary>Completes the one open job at <paramref name="nodeId"/>.</summary>
    public async Task<ProcessInstance> CompleteJobAsync(ProcessInstance instance, string nodeId, IReadOnlyDictionary<string, object?>? result = null) =>
        TokenInvariants.Check(await Engine.CompleteJobAsync(instance.Id, instance.Bookmarks.Single(b => b.NodeId == nodeId && b.Kind == BookmarkKind.Job).Id,
            result ?? new Dictionary<string, object?>(), None));

    public Task<IReadOnlyList<HistoryEntry>> HistoryAsync(ProcessInstance instance) => Instances.HistoryAsync(instance.Id, None);

    /// <summary>Node ids of the open bookmarks, sorted.</summary>
    public static IReadOnlyList<string> Waiting(ProcessInstance instance) => instance.Bookmarks.Select(b => b.NodeId).Order(StringComparer.Ordinal).ToList();
}

/// <summary>Terse builders for inline BPMN process content in the shape bpmn-js writes.</summary>
public static class Bpmn
{
    public static string Start(string id = "Start") => $"""<bpmn:startEvent id="{id}" />""";

    public static string End(string id = "End") => $"""<bpmn:endEvent id="{id}" />""";

    public static string Terminate(string id) => $"""<bpmn:endEvent id="{id}"><bpmn:terminateEventDefinition id="{id}_Def" /></bpmn:endEvent>""";

    public static string ErrorEnd(string id, string errorRef) => $"""<bpmn:endEvent id="{id}"><bpmn:errorEventDefinition id="{id}_Def" errorRef="{errorRef}" /></bpmn:endEvent>""";

    public static string Error(string id, string code) => $"""<bpmn:error id="{id}" name="{id}" errorCode="{code}" />""";

    public static string Task(string id, string groups = "reviewer", string inner = "", string properties = "") =>
        $"""<bpmn:userTask id="{id}" name="{id}"><bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="{groups}" />{properties}</bpmn:extensionElements>{inner}</bpmn:userTask>""";

    public static string Job(string id, string type = "notify.send", string inner = "") =>
        $"""<bpmn:serviceTask id="{id}"><bpmn:extensionElements><zeebe:taskDefinition type="{type}" /></bpmn:extensionElements>{inner}</bpmn:serviceTask>""";

    public static string Pass(string id) => $"""<bpmn:task id="{id}" />""";

    public static string And(string id) => $"""<bpmn:parallelGateway id="{id}" />""";

    public static string Xor(string id, string? defaultFlow = null) =>
        defaultFlow is null ? $"""<bpmn:exclusiveGateway id="{id}" />""" : $"""<bpmn:exclusiveGateway id="{id}" default="{defaultFlow}" />""";

    public static string Flow(string from, string to, string? condition = null, string? id = null) =>
        condition is null
            ? $"""<bpmn:sequenceFlow id="{id ?? $"F_{from}_{to}"}" sourceRef="{from}" targetRef="{to}" />"""
            : $"""<bpmn:sequenceFlow id="{id ?? $"F_{from}_{to}"}" sourceRef="{from}" targetRef="{to}"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">{System.Security.SecurityElement.Escape(condition)}</bpmn:conditionExpression></bpmn:sequenceFlow>""";

    /// <summary>Flows <c>a → b → c …</c>, ids <c>F_a_b</c>.</summary>
    public static string Chain(params string[] nodes) => string.Concat(nodes.Zip(nodes.Skip(1), (a, b) => Flow(a, b)));

    public static string SubProcess(string id, string content, string inner = "") => $"""<bpmn:subProcess id="{id}">{inner}{content}</bpmn:subProcess>""";

    public static string Boundary(string id, string attachedTo, string definition, bool interrupting = true) =>
        $"""<bpmn:boundaryEvent id="{id}" attachedToRef="{attachedTo}"{(interrupting ? "" : " cancelActivity=\"false\"")}>{definition}</bpmn:boundaryEvent>""";

    /// <summary>A message correlated by business key.</summary>
    /// <summary><c>bpmn:multiInstanceLoopCharacteristics</c> with <c>zeebe:loopCharacteristics</c> attributes (or none, for a cardinality).</summary>
    public static string Loop(string zeebeAttributes = "", bool sequential = false, string? completion = null, string? cardinality = null) =>
        (sequential ? """<bpmn:multiInstanceLoopCharacteristics isSequential="true">""" : "<bpmn:multiInstanceLoopCharacteristics>")
        + (zeebeAttributes.Length == 0 ? "" : $"""<bpmn:extensionElements><zeebe:loopCharacteristics {zeebeAttributes} /></bpmn:extensionElements>""")
        + (cardinality is null ? "" : $"""<bpmn:loopCardinality xsi:type="bpmn:tFormalExpression">{cardinality}</bpmn:loopCardinality>""")
        + (completion is null ? "" : $"""<bpmn:completionCondition xsi:type="bpmn:tFormalExpression">{System.Security.SecurityElement.Escape(completion)}</bpmn:completionCondition>""")
        + "</bpmn:multiInstanceLoopCharacteristics>";

    public static string Message(string id, string name) =>
        $"""<bpmn:message id="{id}" name="{name}"><bpmn:extensionElements><zeebe:subscription correlationKey="=businessKey" /></bpmn:extensionElements></bpmn:message>""";

    public static string MessageDefinition(string messageRef) => $"""<bpmn:messageEventDefinition messageRef="{messageRef}" />""";

    public static string TimerDefinition(string kind, string value) => $"""<bpmn:timerEventDefinition><bpmn:{kind} xsi:type="bpmn:tFormalExpression">{value}</bpmn:{kind}></bpmn:timerEventDefinition>""";

    public static string ErrorDefinition(string? errorRef = null) =>
        errorRef is null ? """<bpmn:errorEventDefinition />""" : $"""<bpmn:errorEventDefinition errorRef="{errorRef}" />""";
}
