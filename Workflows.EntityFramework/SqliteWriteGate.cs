using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace Pipeline.Workflows.EntityFramework;

/// <summary>
/// One writer at a time per SQLite file in this process. SQLite allows a single writer anyway; a second one that
/// finds the file locked is put to sleep by the driver's busy handling and retried (hundreds of milliseconds under
/// load, measured as the p99 of task completion), while waiting here costs nothing. Other processes on the same file
/// (a second Host, a tool) still meet SQLite's own lock, with the driver's busy timeout.
/// </summary>
internal static class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>Waits for the file's write turn; dispose the result to release it. A no-op on other providers.</summary>
    public static async ValueTask<IDisposable?> EnterAsync(DbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite()) return null;
        var gate = Gates.GetOrAdd(db.Database.GetConnectionString() ?? "", _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
        }
    }
}
