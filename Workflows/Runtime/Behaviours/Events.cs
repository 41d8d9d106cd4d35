using Pipeline.Workflows.Definitions;
using Pipeline.Workflows.Expressions;

namespace Pipeline.Workflows.Runtime;

/// <summary>
/// Bookmarks: waits of tasks and catch events, boundary event subscriptions (§10.5.4) and what happens when a
/// subscription is triggered; message and timer bookmarks (§10.5.5).
/// </summary>
public sealed partial class InstanceAdvancer
{
    private Bookmark NewBookmark(BookmarkKind kind, Guid tokenId, string nodeId, string name, string? correlationKey,
        IReadOnlyList<string> groups, IReadOnlyDictionary<string, object?> inputs) =>
        new(Guid.CreateVersion7(time.GetUtcNow()), kind, tokenId, nodeId, name, correlationKey, groups, inputs, time.GetUtcNow());

    /// <summary>The token waits on a new bookmark at its own node.</summary>
    private Bookmark Wait(Token token, BookmarkKind kind, string name, string? correlationKey, IReadOnlyList<string> groups, IReadOnlyDictionary<string, object?> inputs) =>
        Wait(token, NewBookmark(kind, token.Id, token.NodeId, name, correlationKey, groups, inputs));

    private Bookmark Wait(Token token, Bookmark bookmark)
    {
        token.State = TokenState.Waiting;
        Subscribe(token, [bookmark]);
        return instance.Bookmarks[^1];
    }

    /// <summary>Adds bookmarks that belong to the token without changing its state (boundary events, event-based gateway branches).</summary>
    private void Subscribe(Token token, IEnumerable<Bookmark> bookmarks)
    {
        foreach (var bookmark in bookmarks)
        {
            var owned = bookmark.TokenId == token.Id ? bookmark : bookmark with { TokenId = token.Id };
            instance.Bookmarks.Add(owned);
            Record(HistoryKinds.BookmarkCreated, owned.NodeId, $"{owned.Kind} '{owned.Name}'"
                + (owned.CorrelationKey is null ? "" : $" key {owned.CorrelationKey}")
                + (owned.DueAt is { } due ? $" due {due:O}" : ""));
        }
    }

    private bool TryMessageBookmark(Token token, string nodeId, MessageDefinition message, out Bookmark bookmark)
    {
        bookmark = null!;
        if (!TryEvaluate(token, message.CorrelationKey!, "correlation key", out var key)) return false;
        if (key is null)
        {
            RaiseIncident(token.Id, $"correlation key ({message.CorrelationKey!.Text}) of message '{message.Name}' is null");
            return false;
        }
        bookmark = NewBookmark(BookmarkKind.Message, token.Id, nodeId, message.Name, FeelTypes.Format(key, quoteStrings: false), [], new Dictionary<string, object?>());
        return true;
    }

    private bool TryTimerBookmark(Token token, string nodeId, string? name, TimerDefinition timer, out Bookmark bookmark, DateTimeOffset? from = null)
    {
        bookmark = null!;
        object? value = timer.Text;
        if (timer.Expression is { } expression && !TryEvaluate(token, expression, $"timer of {nodeId}", out value)) return false;
        if (!TimerSchedule.TryResolve(timer.Type, value, from ?? time.GetUtcNow(), time.LocalTimeZone, out var due, out var error))
        {
            RaiseIncident(token.Id, $"timer of {nodeId}: {error}");
            return false;
        }
        bookmark = NewBookmark(BookmarkKind.Timer, token.Id, nodeId, name ?? nodeId, null, [], new Dictionary<string, object?>()) with
        {
            DueAt = due.At,
            RepeatsLeft = due.Interval is null ? 0 : due.Repetitions is { } n ? n - 1 : -1,
        };
        return true;
    }

    /// <summary>
    /// Evaluates the subscriptions of the activity's message and timer boundary events before the activity waits, so
    /// that a failing expression raises an incident before anything is created. Instances of a multi-instance
    /// activity have none of their own: the boundary events belong to the multi-instance token.
    /// </summary>
    private bool TryPrepareBoundaries(Token token, FlowNode activity, out List<Bookmark> subscriptions)
    {
        subscriptions = [];
        if (token.LoopCounter is not null) return true;
        foreach (var boundary in model.BoundaryEvents(activity.Id))
        {
            Bookmark? subscription = null;
            var ok = boundary.Trigger switch
            {
                MessageTrigger { Message: { } message } => TryMessageBookmark(token, boundary.Id, message, out subscription),
                TimerTrigger { Timer: var timer } => TryTimerBookmark(token, boundary.Id, boundary.Name, timer, out subscription),
                _ => true,
            };
            if (!ok) return false;
            if (subscription is not null) subscriptions.Add(subscription);
        }
        return true;
    }

    /// <summary>
    /// A subscription of <paramref name="token"/> for another node was resumed: a boundary event of its activity
    /// (interrupting: the activity is cancelled; non-interrupting: it runs on, and a cycle timer is re-armed), or one
    /// branch of its event-based gateway (the other subscriptions are cancelled). Either way a token leaves the event.
    /// </summary>
    private void TriggerEvent(Token token, Bookmark bookmark, IReadOnlyDictionary<string, object?> variables, string kind)
    {
        var node = model.Node(bookmark.NodeId)!;
        SetVariables(variables, kind, node.Id, $"{bookmark.Kind} '{bookmark.Name}'");
        if (node is BoundaryEvent boundary)
        {
            Record(HistoryKinds.BoundaryTriggered, boundary.Id, (boundary.CancelActivity ? "interrupting" : "non-interrupting") + $", attached to {token.NodeId}");
            if (boundary.CancelActivity) Cancel(token, $"interrupted by boundary event {boundary.Id}");
            else if (bookmark.RepeatsLeft != 0 && boundary.Trigger is TimerTrigger { Timer: var timer }
                     && TryTimerBookmark(token, boundary.Id, boundary.Name, timer, out var next, bookmark.DueAt))
                Subscribe(token, [next with { RepeatsLeft = bookmark.RepeatsLeft > 0 ? bookmark.RepeatsLeft - 1 : -1 }]);
            var branch = NewToken(boundary.Id, token.ParentId);
            instance.Tokens.Add(branch);
            Record(HistoryKinds.NodeEntered, boundary.Id, boundary.Name);
            Leave(branch, boundary);
            return;
        }
        // An event-based gateway's branch: the first event wins.
        RemoveBookmarksOf(token.Id);
        Take(token, model.Outgoing(token.NodeId).First(f => f.TargetId == node.Id));
        Record(HistoryKinds.NodeEntered, node.Id, node.Name);
        Leave(token, node);
    }
}
