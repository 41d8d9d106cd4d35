namespace Pipeline.Host.Data.Accounts;

/// <summary>
/// A row of <c>host_recusals</c> (回避, R-YN-11, YN §十六): a bureau staff member whose spouse, child or child's spouse
/// runs a training institution never sees that institution's tasks and may not complete them.
/// </summary>
public sealed class RecusalRow
{
    public required string UserId { get; set; }
    public required string InstitutionId { get; set; }

    /// <summary><c>spouse</c>, <c>child</c> or <c>child-spouse</c>.</summary>
    public required string Relation { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>User id of the administrator who recorded it.</summary>
    public required string RecordedBy { get; set; }
}
