namespace Pipeline.Workflows.Runtime;

/// <summary>Changing an instance's variables from outside its flow.</summary>
public sealed partial class WorkflowEngine
{
    /// <summary>
    /// Sets variables of an active instance (Camunda Operate's "edit variable": the way to fix the data an incident
    /// failed on before retrying it). Nothing moves: tokens stay where they are. One revision-guarded save with a
    /// history entry holding the variables before and after.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No such instance.</exception>
    /// <exception cref="InvalidOperationException">The instance is not active.</exception>
    /// <exception cref="ConcurrencyException">The instance changed meanwhile.</exception>
    public async Task<ProcessInstance> UpdateVariablesAsync(
        Guid instanceId, IReadOnlyDictionary<string, object?> changes, string actor, CancellationToken cancellationToken)
    {
        var (instance, process) = await LoadAsync(instanceId, cancellationToken).ConfigureAwait(false);
        var expected = instance.Revision;
        var step = new InstanceAdvancer(process.Model, instance, actor, time);
        step.UpdateVariables(changes);
        await instances.UpdateAsync(instance, expected, step.History, cancellationToken).ConfigureAwait(false);
        return instance;
    }
}
