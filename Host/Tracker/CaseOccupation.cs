using System.Text.Json;

namespace Pipeline.Host.Tracker;

/// <summary>The occupation (培训职业（工种）) of a case's class data, kept in <c>host_cases.occupation</c> for the tracker's filter.</summary>
public static class CaseOccupation
{
    /// <summary>The trimmed <c>occupation</c> of the class data JSON, at most 100 characters; null when absent or not JSON.</summary>
    public static string? Of(string? classData)
    {
        if (string.IsNullOrWhiteSpace(classData)) return null;
        try
        {
            using var doc = JsonDocument.Parse(classData);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("occupation", out var value) && value.ValueKind == JsonValueKind.String
                && value.GetString()!.Trim() is { Length: > 0 } occupation
                ? occupation[..Math.Min(occupation.Length, 100)] : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
