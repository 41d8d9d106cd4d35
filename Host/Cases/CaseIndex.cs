namespace Pipeline.Host.Cases;

/// <summary>One pack accepted for a case, and the answer the upload got (repeated for the same bytes).</summary>
public sealed record PackUpload(string Sha256, string FileName, string Document, string Action, DateTimeOffset At, string By);

/// <summary>A case: its business key, its process instance and every pack accepted for it, in order.</summary>
public sealed record CaseEntry(string BusinessKey, Guid InstanceId, string ProcessId, IReadOnlyList<PackUpload> Packs);

/// <summary>A line of the case list.</summary>
public sealed record CaseSummary(string BusinessKey, Guid InstanceId, string ProcessId, DateTimeOffset CreatedAt, string CreatedBy, int Packs);

/// <summary>Business key → process instance and the packs (by SHA-256) already accepted, for idempotent uploads.</summary>
public interface ICaseIndex
{
    Task<CaseEntry?> FindAsync(string businessKey, CancellationToken cancellationToken);

    /// <summary>Records a new case with its first pack.</summary>
    /// <exception cref="CaseExistsException">The business key has a case already (another node started it first).</exception>
    Task AddCaseAsync(CaseEntry entry, string createdBy, CancellationToken cancellationToken);

    /// <summary>Records one more pack of a case (a second record of the same SHA-256 is ignored).</summary>
    Task AddPackAsync(string businessKey, PackUpload pack, CancellationToken cancellationToken);

    /// <summary>Cases, newest first, optionally only those whose key starts with <paramref name="keyPrefix"/>.</summary>
    Task<IReadOnlyList<CaseSummary>> ListAsync(string? keyPrefix, int limit, CancellationToken cancellationToken);
}

/// <summary>Two starts of one business key raced and this one lost.</summary>
public sealed class CaseExistsException(string businessKey) : Exception($"case '{businessKey}' exists already");
