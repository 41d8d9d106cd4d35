using Pipeline.Workflows.Expressions;

namespace Pipeline.Workflows.Definitions;

/// <summary>A node of a process graph (BPMN 2.0 flow node, ISO/IEC 19510 §10): an event, activity or gateway.</summary>
/// <param name="Id">The element id, unique in the definition.</param>
/// <param name="Name">The label shown in the diagram, if any.</param>
public abstract record FlowNode(string Id, string? Name)
{
    /// <summary>The BPMN element name, e.g. <c>bpmn:userTask</c>, for messages.</summary>
    public abstract string ElementType { get; }

    /// <summary>The activity's <c>bpmn:multiInstanceLoopCharacteristics</c>, when it has them; null otherwise.</summary>
    public MultiInstanceLoop? Loop { get; init; }
}

/// <summary><c>bpmn:startEvent</c> without event definition: where a new instance's token starts.</summary>
public sealed record StartEvent(string Id, string? Name) : FlowNode(Id, Name)
{
    public override string ElementType => "bpmn:startEvent";
}

/// <summary><c>bpmn:endEvent</c> without event definition: consumes the token.</summary>
public sealed record EndEvent(string Id, string? Name) : FlowNode(Id, Name)
{
    public override string ElementType => "bpmn:endEvent";
}

/// <summary>
/// <c>bpmn:exclusiveGateway</c> (XOR): a diverging gateway sends the token down the first outgoing flow whose
/// condition holds, in document order, else down its default flow (BPMN §13.3.2).
/// </summary>
/// <param name="DefaultFlowId">The <c>default</c> attribute: the flow taken when no condition holds.</param>
public sealed record ExclusiveGateway(string Id, string? Name, string? DefaultFlowId) : FlowNode(Id, Name)
{
    public override string ElementType => "bpmn:exclusiveGateway";
}

/// <summary>One <c>zeebe:input</c> or <c>zeebe:output</c> of an I/O mapping: <paramref name="Target"/> := <paramref name="Source"/>.</summary>
/// <param name="Source">A FEEL expression (the <c>=</c> prefix removed) or a literal string when it had none.</param>
public sealed record IoMapping(FeelExpression Source, string Target);

/// <summary>
/// <c>bpmn:serviceTask</c>: runs the catalogue activity named by <c>zeebe:taskDefinition type</c>; the token waits on
/// a job bookmark while a long-running activity runs.
/// </summary>
/// <param name="Retries">The <c>zeebe:taskDefinition retries</c> attribute, or null for the activity's default.</param>
public sealed record ServiceTask(
    string Id, string? Name, string? TaskType, int? Retries, IReadOnlyList<IoMapping> Inputs, IReadOnlyList<IoMapping> Outputs)
    : FlowNode(Id, Name)
{
    public override string ElementType => "bpmn:serviceTask";

    /// <summary>
    /// The first back-off between failed attempts of the job, from <c>zeebe:property name="pipeline:retryBackoff"</c>
    /// (an ISO 8601 duration of days, hours, minutes and seconds, e.g. <c>PT10S</c>; elapsed time, not working days),
    /// doubled for every further retry; null for the job runner's default. Read and checked (positive, no years or
    /// months) by <see cref="Bpmn.BpmnReader"/>.
    /// </summary>
    public TimeSpan? RetryBackoff { get; init; }
}

/// <summary>
/// <c>bpmn:userTask</c>: a work item for a person in one of <paramref name="CandidateGroups"/> (roles, from
/// <c>zeebe:assignmentDefinition candidateGroups</c>); the token waits on a task bookmark.
/// </summary>
/// <remarks>
/// Segregation-of-duties rules come from <c>zeebe:properties</c> of the task and are enforced when it is completed:
/// <c>pipeline:distinctAssignees="true"</c> (<see cref="DistinctAssignees"/>) and
/// <c>pipeline:notCompletedBy="Task_A,Task_B"</c> (<see cref="NotCompletedBy"/>).
/// </remarks>
public sealed record UserTask(
    string Id, string? Name, IReadOnlyList<string> CandidateGroups, IReadOnlyList<IoMapping> Inputs, IReadOnlyList<IoMapping> Outputs)
    : FlowNode(Id, Name)
{
    public override string ElementType => "bpmn:userTask";

    /// <summary>
    /// The instances of this multi-instance task, in one activation, must each be completed by a different person
    /// (co-signing, e.g. R-QJ-8 集体决策、至少两人会签).
    /// </summary>
    public bool DistinctAssignees { get; init; }

    /// <summary>
    /// Ids of user tasks whose completers may not complete this one in the same instance (segregation of duties,
    /// e.g. R-YN-10: whoever did the business review does not do the financial approval).
    /// </summary>
    public IReadOnlyList<string> NotCompletedBy { get; init; } = [];

    /// <summary>
    /// <c>zeebe:taskSchedule dueDate</c>: when the task is due, evaluated when it is created and stored as the task
    /// bookmark's <see cref="Runtime.Bookmark.DueAt"/> (rules in <see cref="TaskDates"/>); null when not given.
    /// </summary>
    public TaskDate? DueDate { get; init; }

    /// <summary>
    /// <c>zeebe:taskSchedule followUpDate</c>: when someone should look at the task again, evaluated when it is created
    /// and stored as <see cref="Runtime.Bookmark.FollowUpAt"/> (rules in <see cref="TaskDates"/>); null when not given.
    /// </summary>
    public TaskDate? FollowUpDate { get; init; }

    /// <summary>
    /// The id of the form the task is worked with (Camunda 8's linked form, <c>zeebe:formDefinition formId</c>; a
    /// deployed form-js schema the Host serves); null when the task has none. Carried onto the task's bookmark
    /// (<see cref="Runtime.Bookmark.FormId"/>) so task lists can name the form.
    /// </summary>
    public string? FormId { get; init; }
}

/// <summary>
/// <c>bpmn:receiveTask</c> or <c>bpmn:intermediateCatchEvent</c> with a message event definition: the token waits on a
/// message bookmark for <paramref name="Message"/>.
/// </summary>
/// <param name="ElementTypeName">Which of the two BPMN elements it was.</param>
public sealed record MessageCatch(string Id, string? Name, string ElementTypeName, MessageDefinition? Message) : FlowNode(Id, Name)
{
    public override string ElementType => ElementTypeName;
}

/// <summary>
/// <c>bpmn:task</c> (undefined) or <c>bpmn:manualTask</c>: no behaviour in the engine; the token passes through.
/// </summary>
public sealed record PassThroughTask(string Id, string? Name, string ElementTypeName) : FlowNode(Id, Name)
{
    public override string ElementType => ElementTypeName;
}

/// <summary><c>bpmn:sequenceFlow</c>.</summary>
/// <param name="Condition">The <c>conditionExpression</c>, parsed; null when unconditional.</param>
public sealed record SequenceFlow(string Id, string? Name, string SourceId, string TargetId, FeelExpression? Condition);

/// <summary><c>bpmn:message</c> with its <c>zeebe:subscription correlationKey</c> (a FEEL expression over the instance's variables).</summary>
public sealed record MessageDefinition(string Id, string Name, FeelExpression? CorrelationKey);
