using System.Linq.Expressions;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Pipeline.Workflows.Expressions;
using Pipeline.Workflows.Runtime;

namespace Pipeline.Workflows.EntityFramework;

/// <summary>
/// <see cref="IInstanceStore"/> on EF Core: one short-lived context per call. Every save is one transaction guarded by
/// the instance's revision (<c>UPDATE … WHERE id = @id AND revision = @expected</c>); the instance's bookmarks are
/// replaced and its history appended in the same transaction. On PostgreSQL the two writes are single statements
/// (<see cref="PostgresInstanceWrites"/>); reads and queries are EF's on both providers.
/// </summary>
public sealed class EfInstanceStore(IDbContextFactory<WorkflowDbContext> contexts) : IInstanceStore
{
    private static readonly JsonSerializerOptions TokenJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public async Task<ProcessInstance?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (db.Database.IsNpgsql())
        {
            await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            return await PostgresInstanceReads.GetAsync((Npgsql.NpgsqlConnection)db.Database.GetDbConnection(), id, cancellationToken).ConfigureAwait(false)
                is var (found, foundBookmarks) ? ToInstance(found, foundBookmarks) : null;
        }
        var row = await db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken).ConfigureAwait(false);
        if (row is null) return null;
        var bookmarks = await db.Bookmarks.AsNoTracking().Where(b => b.InstanceId == id).ToListAsync(cancellationToken).ConfigureAwait(false);
        return ToInstance(row, bookmarks);
    }

    public async Task InsertAsync(ProcessInstance instance, IReadOnlyList<HistoryEntry> history, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = ToRow(instance);
        row.Revision = 1;
        if (db.Database.IsNpgsql())
        {
            await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await PostgresInstanceWrites.InsertAsync((Npgsql.NpgsqlConnection)db.Database.GetDbConnection(), row,
                    instance.Bookmarks.Select((b, i) => ToRow(instance.Id, b, i)).ToList(), history.Select(ToRow).ToList(), cancellationToken).ConfigureAwait(false);
            }
            catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation && e.TableName == "wf_process_instances")
            {
                throw new ConcurrencyException($"instance {instance.Id} exists already ({e.MessageText})");
            }
            instance.Revision = 1;
            return;
        }
        db.Instances.Add(row);
        db.Bookmarks.AddRange(instance.Bookmarks.Select((b, i) => ToRow(instance.Id, b, i)));
        db.History.AddRange(history.Select(ToRow));
        try
        {
            using var turn = await SqliteWriteGate.EnterAsync(db, cancellationToken).ConfigureAwait(false);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false); // one transaction
        }
        catch (DbUpdateException e)
        {
            await using var check = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            if (await check.Instances.AnyAsync(i => i.Id == instance.Id, cancellationToken).ConfigureAwait(false))
                throw new ConcurrencyException($"instance {instance.Id} exists already ({e.InnerException?.Message ?? e.Message})");
            throw;
        }
        instance.Revision = 1;
    }

    public async Task UpdateAsync(ProcessInstance instance, long expectedRevision, IReadOnlyList<HistoryEntry> history, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = ToRow(instance);
        row.Revision = expectedRevision + 1;
        if (db.Database.IsNpgsql())
        {
            await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            if (!await PostgresInstanceWrites.UpdateAsync((Npgsql.NpgsqlConnection)db.Database.GetDbConnection(), row, expectedRevision,
                    instance.Bookmarks.Select((b, i) => ToRow(instance.Id, b, i)).ToList(), history.Select(ToRow).ToList(), cancellationToken).ConfigureAwait(false))
                throw new ConcurrencyException($"instance {instance.Id} was changed by someone else (expected revision {expectedRevision})");
            instance.Revision = expectedRevision + 1;
            return;
        }
        try
        {
            // One transaction, three round trips: delete the old bookmarks, then one batch with the conditional
            // instance update, the new bookmarks and the history, then commit. The loser of a race fails the
            // update (0 rows) and the whole transaction rolls back.
            using var turn = await SqliteWriteGate.EnterAsync(db, cancellationToken).ConfigureAwait(false);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            db.Database.AutoSavepointsEnabled = false;
            await db.Bookmarks.Where(b => b.InstanceId == instance.Id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            var entry = db.Instances.Attach(row);
            entry.State = EntityState.Modified;
            entry.Property(r => r.Revision).OriginalValue = expectedRevision;
            db.Bookmarks.AddRange(instance.Bookmarks.Select((b, i) => ToRow(instance.Id, b, i)));
            db.History.AddRange(history.Select(ToRow));
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyException($"instance {instance.Id} was changed by someone else (expected revision {expectedRevision})");
        }
        catch (DbUpdateException e)
        {
            // The batch may hit the winner's history rows (same sequence numbers) before the revision check.
            await using var check = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            var stored = await check.Instances.Where(i => i.Id == instance.Id).Select(i => (long?)i.Revision).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (stored != expectedRevision)
                throw new ConcurrencyException($"instance {instance.Id} was changed by someone else (expected revision {expectedRevision}; {e.InnerException?.Message})");
            throw;
        }
        instance.Revision = expectedRevision + 1;
    }

    public Task<IReadOnlyList<ProcessInstance>> ChildrenAsync(Guid parentInstanceId, CancellationToken cancellationToken) =>
        InstancesWhereAsync(i => i.ParentInstanceId == parentInstanceId, cancellationToken);

    public Task<IReadOnlyList<ProcessInstance>> WithIncidentsAsync(int limit, CancellationToken cancellationToken) =>
        InstancesWhereAsync(i => i.IncidentCount > 0, cancellationToken, limit);

    public Task<IReadOnlyList<ProcessInstance>> ByBusinessKeyAsync(string businessKey, CancellationToken cancellationToken) =>
        InstancesWhereAsync(i => i.BusinessKey == businessKey, cancellationToken);

    public async Task<IReadOnlyDictionary<(string ProcessId, int Version), int>> CountActiveByVersionAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var active = nameof(InstanceStatus.Active);
        var counts = await db.Instances.AsNoTracking().Where(i => i.Status == active)
            .GroupBy(i => new { i.ProcessId, i.Version })
            .Select(g => new { g.Key.ProcessId, g.Key.Version, Count = g.Count() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return counts.ToDictionary(c => (c.ProcessId, c.Version), c => c.Count);
    }

    public Task<IReadOnlyList<ProcessInstance>> ActiveAsync(string processId, int version, int limit, CancellationToken cancellationToken)
    {
        var active = nameof(InstanceStatus.Active);
        return InstancesWhereAsync(i => i.ProcessId == processId && i.Version == version && i.Status == active, cancellationToken, limit);
    }

    /// <summary>Instances matching <paramref name="predicate"/> (an indexed column) with their bookmarks, oldest first, at most <paramref name="limit"/>; two queries.</summary>
    private async Task<IReadOnlyList<ProcessInstance>> InstancesWhereAsync(
        Expression<Func<ProcessInstanceRow, bool>> predicate, CancellationToken cancellationToken, int limit = int.MaxValue)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.Instances.AsNoTracking().Where(predicate).OrderBy(i => i.StartedAt).ThenBy(i => i.Id).Take(limit)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (rows.Count == 0) return [];
        var ids = rows.Select(r => r.Id).ToList();
        var bookmarks = (await db.Bookmarks.AsNoTracking().Where(b => ids.Contains(b.InstanceId)).ToListAsync(cancellationToken).ConfigureAwait(false)).ToLookup(b => b.InstanceId);
        return rows.Select(r => ToInstance(r, bookmarks[r.Id])).ToList();
    }

    public async Task<IReadOnlyList<(ProcessInstance Instance, Bookmark Bookmark)>> FindBookmarksAsync(BookmarkQuery query, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var kind = query.Kind.ToString();
        var matches = db.Bookmarks.AsNoTracking().Where(b => b.Kind == kind);
        if (query.Name is not null) matches = matches.Where(b => b.Name == query.Name);
        if (query.CorrelationKey is not null) matches = matches.Where(b => b.CorrelationKey == query.CorrelationKey);
        if (query.CandidateGroups is not null) matches = matches.Where(AnyGroup(query.CandidateGroups));
        if (query.DueBefore is { } dueBefore)
        {
            var limit = dueBefore.ToUniversalTime();
            matches = matches.Where(b => b.DueAt != null && b.DueAt <= limit);
        }
        var ordered = query.DueBefore is null ? matches.OrderBy(b => b.CreatedAt) : matches.OrderBy(b => b.DueAt).ThenBy(b => b.CreatedAt);
        var found = await ordered.ThenBy(b => b.InstanceId).ThenBy(b => b.Ordinal).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (found.Count == 0) return [];

        var ids = found.Select(b => b.InstanceId).Distinct().ToList();
        var instanceRows = await db.Instances.AsNoTracking().Where(i => ids.Contains(i.Id)).ToListAsync(cancellationToken).ConfigureAwait(false);
        var bookmarkRows = await db.Bookmarks.AsNoTracking().Where(b => ids.Contains(b.InstanceId)).ToListAsync(cancellationToken).ConfigureAwait(false);
        var instances = instanceRows.ToDictionary(i => i.Id, i => ToInstance(i, bookmarkRows.Where(b => b.InstanceId == i.Id)));
        // A bookmark resumed between the two reads (a timer firing, a job completing on another thread) is left out.
        var list = new List<(ProcessInstance, Bookmark)>(found.Count);
        foreach (var b in found)
        {
            if (!instances.TryGetValue(b.InstanceId, out var loaded)) continue;
            var instance = loaded.Clone();
            if (instance.Bookmarks.FirstOrDefault(x => x.Id == b.Id) is { } bookmark) list.Add((instance, bookmark));
        }
        return list;
    }

    public async Task<IReadOnlyList<HistoryEntry>> HistoryAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.History.AsNoTracking().Where(h => h.InstanceId == instanceId).OrderBy(h => h.Sequence)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(h => new HistoryEntry(h.InstanceId, h.Sequence, h.At, h.Actor, h.Kind, h.NodeId, h.Detail, h.VariablesBefore, h.VariablesAfter)).ToList();
    }

    /// <summary><c>b.CandidateGroups LIKE '%|g1|%' OR … LIKE '%|gn|%'</c>.</summary>
    private static Expression<Func<BookmarkRow, bool>> AnyGroup(IReadOnlyCollection<string> groups)
    {
        var b = Expression.Parameter(typeof(BookmarkRow), "b");
        var column = Expression.Property(b, nameof(BookmarkRow.CandidateGroups));
        var contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
        Expression body = Expression.Constant(false);
        foreach (var group in groups)
        {
            // A captured value (not a constant) so that EF sends it as a parameter.
            var needle = "|" + group + "|";
            Expression<Func<string>> value = () => needle;
            body = Expression.OrElse(body, Expression.Call(column, contains, value.Body));
        }
        return Expression.Lambda<Func<BookmarkRow, bool>>(body, b);
    }

    private static string Groups(IReadOnlyList<string> groups)
    {
        foreach (var g in groups)
            if (g.Contains('|', StringComparison.Ordinal)) throw new ArgumentException($"candidate group '{g}' contains '|'", nameof(groups));
        return groups.Count == 0 ? "" : "|" + string.Join('|', groups) + "|";
    }

    private static string VariablesJson(IReadOnlyDictionary<string, object?> variables)
    {
        var json = new JsonObject();
        foreach (var (name, value) in variables) json[name] = FeelValues.ToJsonNode(value);
        return json.ToJsonString();
    }

    private static Dictionary<string, object?> Variables(string json)
    {
        using var document = JsonDocument.Parse(json);
        return new Dictionary<string, object?>(FeelValues.VariablesFromJson(document.RootElement), StringComparer.Ordinal);
    }

    private static ProcessInstanceRow ToRow(ProcessInstance i) => new()
    {
        Id = i.Id, ProcessId = i.ProcessId, Version = i.Version, BusinessKey = i.BusinessKey, Status = i.Status.ToString(),
        IncidentCount = i.Tokens.Count(t => t.State == TokenState.Incident),
        ParentInstanceId = i.ParentInstanceId, ParentBookmarkId = i.ParentBookmarkId,
        Revision = i.Revision, HistorySequence = i.HistorySequence, StartedAt = i.StartedAt.ToUniversalTime(), EndedAt = i.EndedAt?.ToUniversalTime(),
        VariablesJson = VariablesJson(i.Variables), TokensJson = JsonSerializer.Serialize(i.Tokens, TokenJson),
        CompletedTasksJson = JsonSerializer.Serialize(i.CompletedTasks, TokenJson),
    };

    private static BookmarkRow ToRow(Guid instanceId, Bookmark b, int ordinal) => new()
    {
        Id = b.Id, InstanceId = instanceId, Ordinal = ordinal, Kind = b.Kind.ToString(), TokenId = b.TokenId, NodeId = b.NodeId, Name = b.Name,
        CorrelationKey = b.CorrelationKey, CandidateGroups = Groups(b.CandidateGroups), InputsJson = VariablesJson(b.Inputs),
        CreatedAt = b.CreatedAt.ToUniversalTime(), DueAt = b.DueAt?.ToUniversalTime(), FollowUpAt = b.FollowUpAt?.ToUniversalTime(), RepeatsLeft = b.RepeatsLeft,
        FormId = b.FormId, Assignee = b.Assignee,
    };

    private static HistoryRow ToRow(HistoryEntry h) => new()
    {
        InstanceId = h.InstanceId, Sequence = h.Sequence, At = h.At.ToUniversalTime(), Actor = h.Actor, Kind = h.Kind, NodeId = h.NodeId,
        Detail = h.Detail, VariablesBefore = h.VariablesBefore, VariablesAfter = h.VariablesAfter,
    };

    private static ProcessInstance ToInstance(ProcessInstanceRow row, IEnumerable<BookmarkRow> bookmarks) => new()
    {
        Id = row.Id, ProcessId = row.ProcessId, Version = row.Version, BusinessKey = row.BusinessKey,
        ParentInstanceId = row.ParentInstanceId, ParentBookmarkId = row.ParentBookmarkId,
        Status = Enum.Parse<InstanceStatus>(row.Status), Revision = row.Revision, HistorySequence = row.HistorySequence,
        StartedAt = row.StartedAt, EndedAt = row.EndedAt,
        Variables = Variables(row.VariablesJson),
        Tokens = JsonSerializer.Deserialize<List<Token>>(row.TokensJson, TokenJson) ?? [],
        CompletedTasks = JsonSerializer.Deserialize<List<TaskCompletion>>(row.CompletedTasksJson, TokenJson) ?? [],
        Bookmarks = bookmarks.OrderBy(b => b.Ordinal).Select(b => new Bookmark(
            b.Id, Enum.Parse<BookmarkKind>(b.Kind), b.TokenId, b.NodeId, b.Name, b.CorrelationKey,
            b.CandidateGroups.Split('|', StringSplitOptions.RemoveEmptyEntries), Variables(b.InputsJson), b.CreatedAt)
        {
            DueAt = b.DueAt, FollowUpAt = b.FollowUpAt, RepeatsLeft = b.RepeatsLeft, FormId = b.FormId, Assignee = b.Assignee,
        }).ToList(),
    };
}
