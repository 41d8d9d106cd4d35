namespace Pipeline.Host.Messages;

/// <summary>
/// Variables only the Host sets (from an upload, the signed-in institution, the case row): a published message can
/// never set them, so nobody points a pack check at a file the upload did not store.
/// </summary>
public static class ReservedVariables
{
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "document", "fileName", "profile", "pack", "businessKey", "report", "institutionId", "jurisdiction",
    };
}
