using System.Text.Json;
using System.Text.Json.Nodes;
using Pipeline.Activities.Rosters;

namespace Pipeline.Host.Privacy;

/// <summary>
/// Variables and history leave the API with identity and mobile numbers masked (<see cref="SensitiveText"/>): in
/// every string, and in numbers long enough to be one (an ID typed as a JSON number).
/// </summary>
public static class MaskedJson
{
    /// <summary>A masked copy of <paramref name="node"/> (null stays null).</summary>
    public static JsonNode? Mask(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, Mask(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Mask).ToArray()),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => JsonValue.Create(SensitiveText.Mask(v.GetValue<string>())),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.ToJsonString() is { Length: >= 11 } digits
            && SensitiveText.Mask(digits) is var masked && masked != digits => JsonValue.Create(masked),
        _ => node.DeepClone(),
    };

    /// <summary>Parses stored JSON text (history variables) and masks it; null stays null.</summary>
    public static JsonNode? Parse(string? json) => json is null ? null : Mask(JsonNode.Parse(json));
}
