using Hangfire;
using Hangfire.Storage;

namespace Pipeline.Host.Scheduling;

/// <summary>The Host's hashes in the job storage (<see cref="SchedulingKeys"/>), read and written under a distributed lock.</summary>
public sealed class HangfireHashes(JobStorage storage)
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(30);

    public Dictionary<string, string> Read(string hash)
    {
        using var connection = storage.GetConnection();
        return connection.GetAllEntriesFromHash(hash) ?? [];
    }

    /// <summary>Runs <paramref name="update"/> on the hash's entries under its lock and stores what it returns (null: remove the hash).</summary>
    public void Update(string hash, Func<IStorageConnection, Dictionary<string, string>, Dictionary<string, string>?> update)
    {
        using var connection = storage.GetConnection();
        using var _ = connection.AcquireDistributedLock(SchedulingKeys.Lock(hash), LockTimeout);
        var entries = connection.GetAllEntriesFromHash(hash) ?? [];
        var next = update(connection, entries);
        using var transaction = connection.CreateWriteTransaction();
        if (next is null) transaction.RemoveHash(hash);
        else if (!next.OrderBy(e => e.Key).SequenceEqual(entries.OrderBy(e => e.Key))) transaction.SetRangeInHash(hash, next);
        else return;
        transaction.Commit();
    }
}
