namespace Pipeline.Host.Messages;

/// <summary>
/// Variables only the Host sets (from an upload, the signed-in institution, the case row, the jurisdiction profile): a
/// published message or a task's form data can never set them, so nobody points a pack check at a file the upload did
/// not store, changes the class data after its checks, or overrides the rules the case follows.
/// </summary>
public static class ReservedVariables
{
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "document", "fileName", "profile", "pack", "businessKey", "report", "institutionId", "jurisdiction",
        "class", "licensedOccupations", "rules", "outcome", "comment", "contract",
    };
}
