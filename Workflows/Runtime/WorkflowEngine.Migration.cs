using Pipeline.Workflows.Runtime.Migration;

namespace Pipeline.Workflows.Runtime;

/// <summary>Process instance migration (Camunda 8 semantics; rules in <see cref="MigrationPlanner"/> and <see cref="InstanceAdvancer.Migrate"/>).</summary>
public sealed partial class WorkflowEngine
{
    /// <summary>
    /// Moves a running instance to version <paramref name="targetVersion"/> of its process, where it continues on the
    /// target's flows. Every active element (the node of each token, enclosing sub-processes and multi-instance
    /// activities, boundary event and event-based gateway subscriptions) must map to an element of the same type in the
    /// same sub-process scope: through <paramref name="elementMapping"/>, or implicitly to the element with the same id.
    /// Bookmarks keep their ids (task links, jobs and timers stay valid); user tasks take the target's candidate
    /// groups; message subscriptions keep their correlation keys and timers their due times (nothing is evaluated
    /// again); a new message or timer boundary event of the target is subscribed. One save, guarded by the instance's
    /// revision, with a <see cref="HistoryKinds.InstanceMigrated"/> entry; new timers are scheduled after the commit.
    /// </summary>
    /// <param name="elementMapping">Source element id → target element id, for elements renamed or replaced in the target version.</param>
    /// <exception cref="KeyNotFoundException">No such instance.</exception>
    /// <exception cref="MigrationRefusedException">
    /// Every problem found, each with its source element id: the instance is not active, the version is not deployed or
    /// is the current one, an active element is unmapped, changes type or sub-process scope, … (see
    /// <see cref="MigrationPlanner"/>). Nothing is saved.
    /// </exception>
    /// <exception cref="ConcurrencyException">The instance changed meanwhile; nothing is saved.</exception>
    public async Task<ProcessInstance> MigrateInstanceAsync(
        Guid instanceId, int targetVersion, IReadOnlyDictionary<string, string> elementMapping, string actor, CancellationToken cancellationToken)
    {
        var (instance, source) = await LoadAsync(instanceId, cancellationToken).ConfigureAwait(false);
        var target = await definitions.GetAsync(instance.ProcessId, targetVersion, cancellationToken).ConfigureAwait(false);
        var plan = MigrationPlanner.Plan(instance, source, target, targetVersion, elementMapping);
        var expected = instance.Revision;
        var before = instance.Bookmarks.ToList();
        var step = new InstanceAdvancer(plan.Target, instance, actor, time);
        step.Migrate(plan);
        await instances.UpdateAsync(instance, expected, step.History, cancellationToken).ConfigureAwait(false);
        await AfterCommitAsync(instance, before, step, cancellationToken).ConfigureAwait(false);
        return instance;
    }

    /// <summary>
    /// The checks of <see cref="MigrateInstanceAsync"/> without migrating (a dry run for the designer's migration
    /// dialog): returns the active elements and where each goes, or throws what the migration would refuse.
    /// </summary>
    /// <returns>Source element id → target element id, for every active element of the instance.</returns>
    /// <exception cref="KeyNotFoundException">No such instance.</exception>
    /// <exception cref="MigrationRefusedException">Every problem the migration would report; nothing is saved either way.</exception>
    public async Task<IReadOnlyDictionary<string, string>> CheckMigrationAsync(
        Guid instanceId, int targetVersion, IReadOnlyDictionary<string, string> elementMapping, CancellationToken cancellationToken)
    {
        var (instance, source) = await LoadAsync(instanceId, cancellationToken).ConfigureAwait(false);
        var target = await definitions.GetAsync(instance.ProcessId, targetVersion, cancellationToken).ConfigureAwait(false);
        return MigrationPlanner.Plan(instance, source, target, targetVersion, elementMapping).ActiveElements;
    }
}
