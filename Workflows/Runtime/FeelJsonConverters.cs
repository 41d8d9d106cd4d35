using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Pipeline.Workflows.Expressions;

namespace Pipeline.Workflows.Runtime;

/// <summary>Token-local variables as a JSON object of FEEL values (<see cref="FeelValues"/>), the same shape as instance variables.</summary>
internal sealed class FeelVariablesJsonConverter : JsonConverter<Dictionary<string, object?>>
{
    public override Dictionary<string, object?> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return new Dictionary<string, object?>(FeelValues.VariablesFromJson(document.RootElement), StringComparer.Ordinal);
    }

    public override void Write(Utf8JsonWriter writer, Dictionary<string, object?> value, JsonSerializerOptions options)
    {
        var json = new JsonObject();
        foreach (var (name, item) in value) json[name] = FeelValues.ToJsonNode(item);
        json.WriteTo(writer);
    }
}

/// <summary>A list of FEEL values as a JSON array.</summary>
internal sealed class FeelListJsonConverter : JsonConverter<List<object?>>
{
    public override List<object?> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return FeelValues.FromJson(document.RootElement) is IReadOnlyList<object?> list ? [.. list] : [];
    }

    public override void Write(Utf8JsonWriter writer, List<object?> value, JsonSerializerOptions options) =>
        new JsonArray(value.Select(FeelValues.ToJsonNode).ToArray()).WriteTo(writer);
}
