using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Pipeline.Workflows.Definitions;

namespace Pipeline.Workflows.Runtime;

/// <summary>What <see cref="WorkflowEngine.PublishMessageAsync"/> did with a message.</summary>
/// <param name="Correlated">The waiting instance the message was delivered to; null when none waited.</param>
/// <param name="Started">Instances the message started at message start events, one per process at most.</param>
public sealed record MessagePublication(ProcessInstance? Correlated, IReadOnlyList<ProcessInstance> Started)
{
    /// <summary>Nobody took the message: no instance waited for it and no process starts by it. It is not kept.</summary>
    public bool Refused => Correlated is null && Started.Count == 0;
}

/// <summary>What <see cref="WorkflowEngine.FireStartTimerAsync"/> did.</summary>
/// <param name="Started">The instance started; null when this occurrence had started one already, or the version is no longer the latest.</param>
/// <param name="NextDueAt">For a cycle: the next occurrence (already handed to <see cref="ITimerScheduler.ScheduleStartAsync"/>); null when none.</param>
/// <param name="RepeatsLeft">Occurrences after <paramref name="NextDueAt"/> (-1 unbounded); 0 when none.</param>
public sealed record StartTimerFiring(ProcessInstance? Started, DateTimeOffset? NextDueAt, int RepeatsLeft);

/// <summary>Message start events (BPMN 2.0 §10.5.2) and timer start events (§10.5.5): instances started by the engine, not by a caller.</summary>
public sealed partial class WorkflowEngine
{
    /// <summary>
    /// Publishes a message (Zeebe's <c>PublishMessage</c>): it is delivered to the oldest instance waiting for
    /// <paramref name="name"/> with <paramref name="correlationKey"/> (as <see cref="CorrelateMessageAsync"/>), and it
    /// also starts an instance of the latest version of every deployed process with a message start event for
    /// <paramref name="name"/>, with <paramref name="correlationKey"/> as business key and <paramref name="variables"/>,
    /// except a process that has an active instance with that business key when the message arrives (Zeebe's rule:
    /// one active instance per correlation key; so a case waiting for the message is not started a second time).
    /// </summary>
    /// <remarks>
    /// A message that nobody takes is refused (<see cref="MessagePublication.Refused"/>): it is not buffered, there is
    /// no time to live, and a catch event reached later does not see it. A sender who publishes too early learns it at
    /// once and publishes again later.
    /// </remarks>
    /// <exception cref="ConcurrencyException">The waiting instance changed meanwhile (publish again).</exception>
    public async Task<MessagePublication> PublishMessageAsync(
        string name, string correlationKey, IReadOnlyDictionary<string, object?>? variables, string actor, CancellationToken cancellationToken)
    {
        var active = (await instances.ByBusinessKeyAsync(correlationKey, cancellationToken).ConfigureAwait(false))
            .Where(i => i.Status == InstanceStatus.Active).Select(i => i.ProcessId).ToHashSet(StringComparer.Ordinal);
        var starts = (await LatestVersionsAsync(cancellationToken).ConfigureAwait(false))
            .Select(p => (Process: p, Start: p.Model.MessageStartEvents.FirstOrDefault(s => s.Message?.Name == name)))
            .Where(x => x.Start is not null && !active.Contains(x.Process.ProcessId))
            .ToList();
        var correlated = await CorrelateMessageAsync(name, correlationKey, variables, actor, cancellationToken).ConfigureAwait(false);
        var started = new List<ProcessInstance>();
        foreach (var (process, start) in starts)
            started.Add(await StartAtAsync(process, start!.Id, Guid.CreateVersion7(time.GetUtcNow()), correlationKey, variables, actor, cancellationToken).ConfigureAwait(false));
        return new MessagePublication(correlated, started);
    }

    /// <summary>
    /// A timer start event is due (called by the <see cref="ITimerScheduler"/>): starts an instance of
    /// <paramref name="processId"/> version <paramref name="version"/> at <paramref name="startEventId"/>, business key
    /// <c>{processId}:{startEventId}:{dueAt}</c> (due time to the second, in the engine's time zone, e.g.
    /// <c>quarterly-stats:Start_Quarterly:2026-04-01T00:00:00+08:00</c>), and schedules the cycle's next occurrence.
    /// </summary>
    /// <remarks>
    /// Idempotent per (process, version, start event, due time to the second): the instance id is derived from them
    /// (a name-based UUID), so a second firing of the same occurrence finds the instance inserted already and starts
    /// nothing. A version that is no longer the latest (replaced by a newer deployment) starts nothing either.
    /// </remarks>
    /// <exception cref="KeyNotFoundException">No such process version, or <paramref name="startEventId"/> is not one of its timer start events.</exception>
    public async Task<StartTimerFiring> FireStartTimerAsync(string processId, int version, string startEventId, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        var process = await definitions.GetAsync(processId, version, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"process '{processId}' version {version} is not deployed");
        if (process.Model.Node(startEventId) is not TimerStartEvent start)
            throw new KeyNotFoundException($"'{startEventId}' is not a timer start event of '{processId}' version {version}");
        var latest = await definitions.LatestAsync(processId, cancellationToken).ConfigureAwait(false);
        if (latest?.Version != version) return new StartTimerFiring(null, null, 0);

        var due = new DateTimeOffset(dueAt.UtcTicks - dueAt.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        var local = TimeZoneInfo.ConvertTime(due, time.LocalTimeZone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        var id = NameBasedId($"{processId}\n{version}\n{startEventId}\n{due.UtcTicks}");
        ProcessInstance? started = null;
        if (await instances.GetAsync(id, cancellationToken).ConfigureAwait(false) is null)
        {
            try
            {
                started = await StartAtAsync(process, startEventId, id, $"{processId}:{startEventId}:{local}", null, "system", cancellationToken).ConfigureAwait(false);
            }
            catch (ConcurrencyException)
            {
                // The same occurrence fired on another node first.
            }
        }
        var next = StartTimers.Next(start, process.DeployedAt, due, time.LocalTimeZone);
        if (next is { } n) await _timers.ScheduleStartAsync(process, startEventId, n.At, n.RepeatsLeft, cancellationToken).ConfigureAwait(false);
        return new StartTimerFiring(started, next?.At, next?.RepeatsLeft ?? 0);
    }

    /// <summary>
    /// The next occurrence after <paramref name="after"/> of every timer start event of the latest deployed versions,
    /// for a scheduler to check its triggers at start-up. Dates and durations already past are left out.
    /// </summary>
    public async Task<IReadOnlyList<(DeployedProcess Process, string StartEventId, DateTimeOffset DueAt, int RepeatsLeft)>> PendingStartTimersAsync(
        DateTimeOffset after, CancellationToken cancellationToken)
    {
        var pending = new List<(DeployedProcess, string, DateTimeOffset, int)>();
        foreach (var process in await LatestVersionsAsync(cancellationToken).ConfigureAwait(false))
            foreach (var start in process.Model.TimerStartEvents)
            {
                if (!StartTimers.TryFirst(start, process.DeployedAt, time.LocalTimeZone, out var first, out var left, out _)) continue;
                if (first > after) pending.Add((process, start.Id, first, left));
                else if (StartTimers.Next(start, process.DeployedAt, after, time.LocalTimeZone) is { } next) pending.Add((process, start.Id, next.At, next.RepeatsLeft));
            }
        return pending;
    }

    /// <summary>Deploy-time check of timer start events: each must have a first due time (problems carry the element id).</summary>
    private IEnumerable<DefinitionProblem> StartTimerProblems(IEnumerable<ProcessModel> models, DateTimeOffset now)
    {
        foreach (var model in models)
            foreach (var start in model.TimerStartEvents)
                if (!StartTimers.TryFirst(start, now, time.LocalTimeZone, out _, out _, out var error, out var errorZh))
                    yield return new DefinitionProblem(start.Id, start.ElementType, error, errorZh);
    }

    /// <summary>A new version was stored: the previous version's start timers are cancelled and the new version's first occurrences scheduled.</summary>
    private async Task ReplaceStartTimersAsync(DeployedProcess? previous, DeployedProcess process, CancellationToken cancellationToken)
    {
        foreach (var old in previous?.Model.TimerStartEvents ?? [])
            await _timers.CancelStartAsync(previous!, old.Id, cancellationToken).ConfigureAwait(false);
        foreach (var start in process.Model.TimerStartEvents)
            if (StartTimers.TryFirst(start, process.DeployedAt, time.LocalTimeZone, out var due, out var left, out _))
                await _timers.ScheduleStartAsync(process, start.Id, due, left, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<DeployedProcess>> LatestVersionsAsync(CancellationToken cancellationToken) =>
        (await definitions.ListAsync(cancellationToken).ConfigureAwait(false))
            .GroupBy(p => p.ProcessId, StringComparer.Ordinal).Select(g => g.MaxBy(p => p.Version)!).ToList();

    /// <summary>Starts an instance of <paramref name="process"/> at <paramref name="startEventId"/> with a given id.</summary>
    private async Task<ProcessInstance> StartAtAsync(DeployedProcess process, string startEventId, Guid id, string? businessKey,
        IReadOnlyDictionary<string, object?>? variables, string actor, CancellationToken cancellationToken)
    {
        var instance = new ProcessInstance
        {
            Id = id, ProcessId = process.ProcessId, Version = process.Version, BusinessKey = businessKey, StartedAt = time.GetUtcNow(),
        };
        var step = new InstanceAdvancer(process.Model, instance, actor, time);
        step.Start(variables ?? new Dictionary<string, object?>(), startEventId);
        await instances.InsertAsync(instance, step.History, cancellationToken).ConfigureAwait(false);
        return await AfterCommitAsync(instance, [], step, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A name-based UUID (version 8, SHA-256 of <paramref name="name"/>): the same name always gives the same id.</summary>
    private static Guid NameBasedId(string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(name));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x80); // version 8 (little-endian field order of System.Guid)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes);
    }
}
