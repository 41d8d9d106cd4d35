using Npgsql;
using NpgsqlTypes;

namespace Pipeline.Workflows.EntityFramework;

/// <summary>
/// The instance store's two writes on PostgreSQL, each one statement and one round trip (data-modifying CTEs,
/// autocommit): the hot path of every workflow step. The same rows as the EF model (<see cref="WorkflowDbContext"/>);
/// bookmarks that stay open keep their rows (upsert), those gone are deleted, history is appended.
/// </summary>
/// <remarks>
/// Measured with <c>./pipeline bench workflow</c>: these replace three to five round trips and EF's change tracking
/// per step. SQLite keeps the EF path (one writer at a time; round trips are in-process calls there).
/// </remarks>
internal static class PostgresInstanceWrites
{
    private const string ChildRows = """
        bm AS (
          INSERT INTO wf_bookmarks (id, instance_id, ordinal, kind, token_id, node_id, name, correlation_key, candidate_groups, inputs_json, created_at, due_at, repeats_left, follow_up_at, form_id, assignee)
          SELECT x.id, s.id, x.ordinal, x.kind, x.token_id, x.node_id, x.name, x.correlation_key, x.candidate_groups, x.inputs_json, x.created_at, x.due_at, x.repeats_left, x.follow_up_at, x.form_id, x.assignee
          FROM s, unnest(@b_id, @b_ordinal, @b_kind, @b_token_id, @b_node_id, @b_name, @b_correlation_key, @b_candidate_groups, @b_inputs_json, @b_created_at, @b_due_at, @b_repeats_left, @b_follow_up_at, @b_form_id, @b_assignee)
            AS x(id, ordinal, kind, token_id, node_id, name, correlation_key, candidate_groups, inputs_json, created_at, due_at, repeats_left, follow_up_at, form_id, assignee)
          ON CONFLICT (id) DO UPDATE SET ordinal = EXCLUDED.ordinal, node_id = EXCLUDED.node_id, name = EXCLUDED.name, candidate_groups = EXCLUDED.candidate_groups,
            inputs_json = EXCLUDED.inputs_json, due_at = EXCLUDED.due_at, repeats_left = EXCLUDED.repeats_left, follow_up_at = EXCLUDED.follow_up_at,
            form_id = EXCLUDED.form_id, assignee = EXCLUDED.assignee),
        hist AS (
          INSERT INTO wf_history (instance_id, sequence, at, actor, kind, node_id, detail, variables_before, variables_after)
          SELECT s.id, x.sequence, x.at, x.actor, x.kind, x.node_id, x.detail, x.variables_before, x.variables_after
          FROM s, unnest(@h_sequence, @h_at, @h_actor, @h_kind, @h_node_id, @h_detail, @h_variables_before, @h_variables_after)
            AS x(sequence, at, actor, kind, node_id, detail, variables_before, variables_after))
        SELECT count(*) FROM s
        """;

    private const string Insert = """
        WITH s AS (
          INSERT INTO wf_process_instances (id, process_id, version, business_key, parent_instance_id, parent_bookmark_id, status, incident_count, revision, history_sequence, started_at, ended_at, variables_json, tokens_json, completed_tasks_json)
          VALUES (@id, @process_id, @version, @business_key, @parent_instance_id, @parent_bookmark_id, @status, @incident_count, @revision, @history_sequence, @started_at, @ended_at, @variables_json, @tokens_json, @completed_tasks_json)
          RETURNING id),
        """ + ChildRows;

    private const string Update = """
        WITH s AS (
          UPDATE wf_process_instances SET version = @version, status = @status, incident_count = @incident_count, revision = @revision, history_sequence = @history_sequence, ended_at = @ended_at,
            variables_json = @variables_json, tokens_json = @tokens_json, completed_tasks_json = @completed_tasks_json
          WHERE id = @id AND revision = @expected
          RETURNING id),
        gone AS (
          DELETE FROM wf_bookmarks AS b USING s WHERE b.instance_id = s.id AND b.id <> ALL(@b_id)),
        """ + ChildRows;

    /// <summary>Inserts the instance with its bookmarks and history.</summary>
    /// <exception cref="PostgresException">23505 when the instance id exists.</exception>
    public static async Task InsertAsync(NpgsqlConnection connection, ProcessInstanceRow row, IReadOnlyList<BookmarkRow> bookmarks, IReadOnlyList<HistoryRow> history,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Insert, connection);
        Instance(command, row);
        command.Parameters.Add(new NpgsqlParameter<string>("process_id", row.ProcessId));
        command.Parameters.Add(new NpgsqlParameter("business_key", NpgsqlDbType.Varchar) { Value = (object?)row.BusinessKey ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("parent_instance_id", NpgsqlDbType.Uuid) { Value = (object?)row.ParentInstanceId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("parent_bookmark_id", NpgsqlDbType.Uuid) { Value = (object?)row.ParentBookmarkId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("started_at", row.StartedAt));
        Children(command, bookmarks, history);
        await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Saves the instance if its stored revision is <paramref name="expected"/>; false when it is not (nothing written).</summary>
    public static async Task<bool> UpdateAsync(NpgsqlConnection connection, ProcessInstanceRow row, long expected, IReadOnlyList<BookmarkRow> bookmarks,
        IReadOnlyList<HistoryRow> history, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Update, connection);
        Instance(command, row);
        command.Parameters.Add(new NpgsqlParameter<long>("expected", expected));
        Children(command, bookmarks, history);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! == 1;
    }

    private static void Instance(NpgsqlCommand command, ProcessInstanceRow row)
    {
        var p = command.Parameters;
        p.Add(new NpgsqlParameter<Guid>("id", row.Id));
        p.Add(new NpgsqlParameter<int>("version", row.Version));
        p.Add(new NpgsqlParameter<string>("status", row.Status));
        p.Add(new NpgsqlParameter<int>("incident_count", row.IncidentCount));
        p.Add(new NpgsqlParameter<long>("revision", row.Revision));
        p.Add(new NpgsqlParameter<long>("history_sequence", row.HistorySequence));
        p.Add(new NpgsqlParameter("ended_at", NpgsqlDbType.TimestampTz) { Value = row.EndedAt is { } ended ? ended : DBNull.Value });
        p.Add(new NpgsqlParameter<string>("variables_json", row.VariablesJson));
        p.Add(new NpgsqlParameter<string>("tokens_json", row.TokensJson));
        p.Add(new NpgsqlParameter<string>("completed_tasks_json", row.CompletedTasksJson));
    }

    private static void Children(NpgsqlCommand command, IReadOnlyList<BookmarkRow> bookmarks, IReadOnlyList<HistoryRow> history)
    {
        var p = command.Parameters;
        p.Add(Array("b_id", NpgsqlDbType.Uuid, bookmarks.Select(b => b.Id).ToArray()));
        p.Add(Array("b_ordinal", NpgsqlDbType.Integer, bookmarks.Select(b => b.Ordinal).ToArray()));
        p.Add(Array("b_kind", NpgsqlDbType.Varchar, bookmarks.Select(b => b.Kind).ToArray()));
        p.Add(Array("b_token_id", NpgsqlDbType.Uuid, bookmarks.Select(b => b.TokenId).ToArray()));
        p.Add(Array("b_node_id", NpgsqlDbType.Varchar, bookmarks.Select(b => b.NodeId).ToArray()));
        p.Add(Array("b_name", NpgsqlDbType.Varchar, bookmarks.Select(b => b.Name).ToArray()));
        p.Add(Array("b_correlation_key", NpgsqlDbType.Varchar, bookmarks.Select(b => b.CorrelationKey).ToArray()));
        p.Add(Array("b_candidate_groups", NpgsqlDbType.Text, bookmarks.Select(b => b.CandidateGroups).ToArray()));
        p.Add(Array("b_inputs_json", NpgsqlDbType.Text, bookmarks.Select(b => b.InputsJson).ToArray()));
        p.Add(Array("b_created_at", NpgsqlDbType.TimestampTz, bookmarks.Select(b => b.CreatedAt).ToArray()));
        p.Add(Array("b_due_at", NpgsqlDbType.TimestampTz, bookmarks.Select(b => b.DueAt).ToArray()));
        p.Add(Array("b_repeats_left", NpgsqlDbType.Integer, bookmarks.Select(b => b.RepeatsLeft).ToArray()));
        p.Add(Array("b_follow_up_at", NpgsqlDbType.TimestampTz, bookmarks.Select(b => b.FollowUpAt).ToArray()));
        p.Add(Array("b_form_id", NpgsqlDbType.Varchar, bookmarks.Select(b => b.FormId).ToArray()));
        p.Add(Array("b_assignee", NpgsqlDbType.Varchar, bookmarks.Select(b => b.Assignee).ToArray()));
        p.Add(Array("h_sequence", NpgsqlDbType.Bigint, history.Select(h => h.Sequence).ToArray()));
        p.Add(Array("h_at", NpgsqlDbType.TimestampTz, history.Select(h => h.At).ToArray()));
        p.Add(Array("h_actor", NpgsqlDbType.Varchar, history.Select(h => h.Actor).ToArray()));
        p.Add(Array("h_kind", NpgsqlDbType.Varchar, history.Select(h => h.Kind).ToArray()));
        p.Add(Array("h_node_id", NpgsqlDbType.Text, history.Select(h => h.NodeId).ToArray()));
        p.Add(Array("h_detail", NpgsqlDbType.Text, history.Select(h => h.Detail).ToArray()));
        p.Add(Array("h_variables_before", NpgsqlDbType.Text, history.Select(h => h.VariablesBefore).ToArray()));
        p.Add(Array("h_variables_after", NpgsqlDbType.Text, history.Select(h => h.VariablesAfter).ToArray()));
    }

    private static NpgsqlParameter Array<T>(string name, NpgsqlDbType element, T[] values) =>
        new(name, NpgsqlDbType.Array | element) { Value = values };
}
