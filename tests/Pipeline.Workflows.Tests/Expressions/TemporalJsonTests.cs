using System.Text.Json;
using System.Text.Json.Nodes;
using Pipeline.Workflows.Expressions;
using static Pipeline.Workflows.Tests.Expressions.Feel;

namespace Pipeline.Workflows.Tests.Expressions;

/// <summary>Temporal values in process variables: tagged JSON objects that come back with their type.</summary>
public class TemporalJsonTests
{
    public static TheoryData<object, string> Values => new()
    {
        { new DateOnly(2025, 10, 1), """{"@type":"date","value":"2025-10-01"}""" },
        { new DateTimeOffset(2025, 10, 1, 9, 30, 0, TimeSpan.FromHours(8)), """{"@type":"date and time","value":"2025-10-01T09:30:00+08:00"}""" },
        { new DateTimeOffset(2025, 10, 1, 1, 30, 0, TimeSpan.Zero), """{"@type":"date and time","value":"2025-10-01T01:30:00Z"}""" },
        { new TimeOnly(9, 30, 0, 250), """{"@type":"time","value":"09:30:00.25"}""" },
        { new TimeSpan(3, 2, 0, 0), """{"@type":"days and time duration","value":"P3DT2H"}""" },
        { new YearMonthDuration(14), """{"@type":"years and months duration","value":"P1Y2M"}""" },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void ToJsonNode_WritesATaggedObject(object value, string json) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), FeelValues.ToJsonNode(value)), FeelValues.ToJsonNode(value)!.ToJsonString());

    [Theory]
    [MemberData(nameof(Values))]
    public void TaggedObjects_RoundTripThroughVariablesJson(object value, string _)
    {
        var stored = new JsonObject { ["due"] = FeelValues.ToJsonNode(value), ["list"] = new JsonArray(FeelValues.ToJsonNode(value)) };
        using var document = JsonDocument.Parse(stored.ToJsonString());
        var variables = FeelValues.VariablesFromJson(document.RootElement);
        Assert.Equal(value, variables["due"]);
        Assert.Equal(value, Assert.IsAssignableFrom<IReadOnlyList<object?>>(variables["list"])[0]);
        Assert.Equal(value, FeelValues.FromJson(JsonNode.Parse(stored.ToJsonString())!["due"]));
    }

    [Fact]
    public void EvaluatedDate_StoredAndReloaded_ComparesAsADate()
    {
        var due = FeelExpression.Parse("addWorkingDays(date(\"2025-09-30\"), 1)").Evaluate(NoVariables);
        var json = new JsonObject { ["due"] = FeelValues.ToJsonNode(due) }.ToJsonString();
        using var document = JsonDocument.Parse(json);
        Assert.True(Condition("due = date(\"2025-10-09\") and due.weekday = 4", FeelValues.VariablesFromJson(document.RootElement)));
    }

    [Theory]
    [InlineData("""{"d":"2025-10-01"}""")]
    [InlineData("""{"d":{"@type":"date","value":"2025-10-01","note":"x"}}""")]
    [InlineData("""{"d":{"@type":"holiday","value":"2025-10-01"}}""")]
    [InlineData("""{"d":{"@type":"date","value":20251001}}""")]
    [InlineData("""{"d":{"type":"date","value":"2025-10-01"}}""")]
    public void OtherJson_IsReadAsBefore(string json)
    {
        using var document = JsonDocument.Parse(json);
        var value = FeelValues.VariablesFromJson(document.RootElement)["d"];
        Assert.False(value is DateOnly);
        Assert.Equal(json, new JsonObject { ["d"] = FeelValues.ToJsonNode(value) }.ToJsonString());
    }

    [Theory]
    [InlineData("""{"@type":"date","value":"2025-02-30"}""")]
    [InlineData("""{"@type":"years and months duration","value":"P3D"}""")]
    public void TaggedObject_WithAnInvalidValue_IsRefused(string json)
    {
        using var document = JsonDocument.Parse(json);
        Assert.Throws<ArgumentException>(() => FeelValues.FromJson(document.RootElement));
        Assert.Throws<ArgumentException>(() => FeelValues.FromJson(JsonNode.Parse(json)));
    }

    [Fact]
    public void ClrDateTimes_BecomeDatesAndTimesAtChinaStandardTime()
    {
        var utc = (DateTimeOffset)FeelValues.From(new DateTime(2025, 10, 1, 1, 0, 0, DateTimeKind.Utc))!;
        Assert.Equal(new DateTimeOffset(2025, 10, 1, 9, 0, 0, TimeSpan.FromHours(8)), utc);
        Assert.Equal(TimeSpan.FromHours(8), utc.Offset);
        var unspecified = (DateTimeOffset)FeelValues.From(new DateTime(2025, 10, 1, 9, 0, 0))!;
        Assert.Equal(TimeSpan.FromHours(8), unspecified.Offset);
        Assert.Equal(9, unspecified.Hour);
        Assert.True(FeelValues.IsFeelValue(new object?[] { new DateOnly(2025, 1, 1), TimeSpan.Zero, new YearMonthDuration(1) }.ToList().AsReadOnly()));
    }
}
