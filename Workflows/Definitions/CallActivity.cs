using Pipeline.Workflows.Expressions;

namespace Pipeline.Workflows.Definitions;

/// <summary>Which version of the called process a call activity starts (Zeebe's <c>zeebe:calledElement bindingType</c>).</summary>
public enum CallBinding
{
    /// <summary><c>latest</c> (the default): the highest deployed version when the call activity is entered.</summary>
    Latest,
    /// <summary><c>deployment</c>: the version deployed from the same BPMN file as the calling process's version.</summary>
    Deployment,
    /// <summary><c>versionTag</c>: the highest deployed version whose <c>zeebe:versionTag value</c> equals <see cref="CallActivity.VersionTag"/>.</summary>
    VersionTag,
}

/// <summary>
/// <c>bpmn:callActivity</c> (BPMN 2.0 §10.3.6 "call activity", §13.3.4) in the Zeebe dialect: starts an instance of
/// another deployed process (<c>zeebe:calledElement processId</c>) at its plain start event and waits on a
/// <c>CallActivity</c> bookmark until that child instance completes; then the child's variables come back and the
/// token moves on.
/// </summary>
/// <remarks>
/// Variables follow Zeebe: the child receives every variable the call activity sees when
/// <paramref name="PropagateAllParentVariables"/> (<c>propagateAllParentVariables</c>, default true), overlaid by the
/// <c>zeebe:input</c> mappings; with it false only the inputs. On completion, with <c>zeebe:output</c> mappings only
/// their targets reach the parent (evaluated over the child's variables); without outputs every child variable is
/// merged when <paramref name="PropagateAllChildVariables"/> (<c>propagateAllChildVariables</c>, default true), none
/// when false. An error the child throws and does not catch goes on to the call activity's error boundary events.
/// </remarks>
/// <param name="CalledProcessId">The <c>processId</c> attribute as written: a process id, or <c>=</c>FEEL evaluating to one.</param>
/// <param name="CalledProcessIdExpression">The parsed expression when <paramref name="CalledProcessId"/> starts with <c>=</c>; null for a literal.</param>
/// <param name="VersionTag">For <see cref="CallBinding.VersionTag"/>: the tag to match; null otherwise.</param>
public sealed record CallActivity(
    string Id, string? Name, string? CalledProcessId, FeelExpression? CalledProcessIdExpression, CallBinding Binding, string? VersionTag,
    bool PropagateAllParentVariables, bool PropagateAllChildVariables, IReadOnlyList<IoMapping> Inputs, IReadOnlyList<IoMapping> Outputs)
    : FlowNode(Id, Name)
{
    public override string ElementType => "bpmn:callActivity";
}
