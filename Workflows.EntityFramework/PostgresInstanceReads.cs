using Npgsql;

namespace Pipeline.Workflows.EntityFramework;

/// <summary>Loading one instance with its bookmarks on PostgreSQL in one round trip (a batch of two queries).</summary>
internal static class PostgresInstanceReads
{
    private const string Instance = """
        SELECT id, process_id, version, business_key, status, revision, history_sequence, started_at, ended_at, variables_json, tokens_json, completed_tasks_json,
          parent_instance_id, parent_bookmark_id
        FROM wf_process_instances WHERE id = $1
        """;

    private const string Bookmarks = """
        SELECT id, ordinal, kind, token_id, node_id, name, correlation_key, candidate_groups, inputs_json, created_at, due_at, repeats_left, follow_up_at, form_id, assignee
        FROM wf_bookmarks WHERE instance_id = $1 ORDER BY ordinal
        """;

    /// <summary>The instance row and its bookmark rows, or null when there is no such instance.</summary>
    public static async Task<(ProcessInstanceRow Row, List<BookmarkRow> Bookmarks)?> GetAsync(NpgsqlConnection connection, Guid id, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand(Instance) { Parameters = { new NpgsqlParameter<Guid> { TypedValue = id } } },
                new NpgsqlBatchCommand(Bookmarks) { Parameters = { new NpgsqlParameter<Guid> { TypedValue = id } } },
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) return null;
        var row = new ProcessInstanceRow
        {
            Id = reader.GetGuid(0), ProcessId = reader.GetString(1), Version = reader.GetInt32(2),
            BusinessKey = reader.IsDBNull(3) ? null : reader.GetString(3), Status = reader.GetString(4), Revision = reader.GetInt64(5),
            HistorySequence = reader.GetInt64(6), StartedAt = reader.GetFieldValue<DateTimeOffset>(7),
            EndedAt = reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8),
            VariablesJson = reader.GetString(9), TokensJson = reader.GetString(10), CompletedTasksJson = reader.GetString(11),
            ParentInstanceId = reader.IsDBNull(12) ? null : reader.GetGuid(12), ParentBookmarkId = reader.IsDBNull(13) ? null : reader.GetGuid(13),
        };
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        var bookmarks = new List<BookmarkRow>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            bookmarks.Add(new BookmarkRow
            {
                Id = reader.GetGuid(0), InstanceId = id, Ordinal = reader.GetInt32(1), Kind = reader.GetString(2), TokenId = reader.GetGuid(3),
                NodeId = reader.GetString(4), Name = reader.GetString(5), CorrelationKey = reader.IsDBNull(6) ? null : reader.GetString(6),
                CandidateGroups = reader.GetString(7), InputsJson = reader.GetString(8), CreatedAt = reader.GetFieldValue<DateTimeOffset>(9),
                DueAt = reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTimeOffset>(10), RepeatsLeft = reader.GetInt32(11),
                FollowUpAt = reader.IsDBNull(12) ? null : reader.GetFieldValue<DateTimeOffset>(12),
                FormId = reader.IsDBNull(13) ? null : reader.GetString(13), Assignee = reader.IsDBNull(14) ? null : reader.GetString(14),
            });
        return (row, bookmarks);
    }
}
