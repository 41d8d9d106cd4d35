namespace Pipeline.Host.Cases;

/// <summary>One pack accepted for a case, and the answer the upload got (repeated for the same bytes).</summary>
/// <param name="Document">SHA-256 of the original in the original store (older cases: its path).</param>
/// <param name="By">User id of the uploader.</param>
public sealed record PackUpload(string Sha256, string FileName, string Document, string Action, DateTimeOffset At, string By);

/// <summary>
/// A case: its business key, its process instance, the training institution it belongs to and its jurisdiction, and
/// every pack accepted for it, in order.
/// </summary>
public sealed record CaseEntry(
    string BusinessKey, Guid InstanceId, string ProcessId, IReadOnlyList<PackUpload> Packs, string? InstitutionId = null, string? Jurisdiction = null,
    string? ClassData = null)
{
    public CaseScope Scope => new(InstitutionId, Jurisdiction);
}

/// <summary>Whose a case is: the training institution (<c>institution:CODE</c>) and the jurisdiction profile.</summary>
public sealed record CaseScope(string? InstitutionId, string? Jurisdiction);

/// <summary>A line of the case list.</summary>
public sealed record CaseSummary(
    string BusinessKey, Guid InstanceId, string ProcessId, DateTimeOffset CreatedAt, string CreatedBy, int Packs, string? InstitutionId, string? Jurisdiction);

/// <summary>Which cases a list may show: one institution's, or those of some jurisdictions; null fields do not filter.</summary>
public sealed record CaseFilter(string? KeyPrefix, string? InstitutionId, IReadOnlyCollection<string>? Jurisdictions);

/// <summary>Business key → process instance, owner and the packs (by SHA-256) already accepted, for idempotent uploads.</summary>
public interface ICaseIndex
{
    Task<CaseEntry?> FindAsync(string businessKey, CancellationToken cancellationToken);

    /// <summary>The scopes of the cases with these business keys (keys without a case are left out).</summary>
    Task<IReadOnlyDictionary<string, CaseScope>> ScopesAsync(IEnumerable<string> businessKeys, CancellationToken cancellationToken);

    /// <summary>Records a new case with its first pack (before its instance is started: see <c>CaseUploads</c>).</summary>
    /// <exception cref="CaseExistsException">The business key has a case already (another node started it first).</exception>
    Task AddCaseAsync(CaseEntry entry, string createdBy, CancellationToken cancellationToken);

    /// <summary>Records one more pack of a case (a second record of the same SHA-256 is ignored).</summary>
    Task AddPackAsync(string businessKey, PackUpload pack, CancellationToken cancellationToken);

    /// <summary>Cases the filter lets through, newest first.</summary>
    Task<IReadOnlyList<CaseSummary>> ListAsync(CaseFilter filter, int limit, CancellationToken cancellationToken);
}

/// <summary>Two starts of one business key raced and this one lost.</summary>
public sealed class CaseExistsException(string businessKey) : Exception($"case '{businessKey}' exists already");
