using System.Text.Json;

namespace Pipeline.Activities.Profiles;

/// <summary>One profile file as shipped (<c>Profiles/Data/{name}.json</c>): one jurisdiction's own regulation only.</summary>
internal sealed record ProfileFile
{
    public required string Name { get; init; }
    public required string DisplayName { get; init; }
    public string? Parent { get; init; }
    public required string Source { get; init; }
    public Dictionary<string, string> Checklists { get; init; } = [];
    public Dictionary<string, ParameterEntry> Parameters { get; init; } = [];

    /// <summary>A parameter as the file writes it.</summary>
    internal sealed record ParameterEntry(JsonElement? Value, string Unit, string Rule, string? Text, bool Setting);
}
