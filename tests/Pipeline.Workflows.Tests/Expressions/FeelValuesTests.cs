using System.Text.Json;
using System.Text.Json.Nodes;
using Pipeline.Workflows.Expressions;
using static Pipeline.Workflows.Tests.Expressions.Feel;

namespace Pipeline.Workflows.Tests.Expressions;

public class FeelValuesTests
{
    private enum Stage { Uploaded }

    private sealed record Trainee(string FullName, int Age);

    [Theory]
    [InlineData(3, "3")]
    [InlineData(3L, "3")]
    [InlineData((short)3, "3")]
    [InlineData((byte)3, "3")]
    [InlineData(2.5d, "2.5")]
    [InlineData(0.1f, "0.1")]
    public void From_ClrNumbers_BecomeDecimals(object value, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), FeelValues.From(value));

    [Fact]
    public void From_ScalarsLikeEnumsAndGuids_BecomeStrings_AndDatesStayDates()
    {
        Assert.Equal("Uploaded", FeelValues.From(Stage.Uploaded));
        Assert.Equal("x", FeelValues.From('x'));
        Assert.Equal(new DateOnly(2024, 3, 1), FeelValues.From(new DateOnly(2024, 3, 1)));
        var id = Guid.NewGuid();
        Assert.Equal(id.ToString(), FeelValues.From(id));
    }

    [Fact]
    public void From_NonFiniteDouble_Throws() => Assert.Throws<ArgumentException>(() => FeelValues.From(double.NaN));

    [Fact]
    public void From_CollectionsAndDictionaries_ConvertDeeply()
    {
        var value = FeelValues.From(new Dictionary<string, object>
        {
            ["ids"] = new List<int> { 1, 2 },
            ["nested"] = new Dictionary<string, long> { ["n"] = 5 },
        });
        var context = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(value);
        Assert.Equal(new object?[] { 1m, 2m }, Assert.IsAssignableFrom<IReadOnlyList<object?>>(context["ids"]));
        Assert.Equal(5m, Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(context["nested"])["n"]);
        Assert.True(FeelValues.IsFeelValue(value));
    }

    [Fact]
    public void From_DictionaryWithNonStringKeys_Throws() =>
        Assert.Throws<ArgumentException>(() => FeelValues.From(new Dictionary<int, string> { [1] = "a" }));

    [Fact]
    public void From_AlreadyConvertedValue_ReturnsSameInstance()
    {
        IReadOnlyList<object?> list = new List<object?> { 1m, "a", new Dictionary<string, object?> { ["x"] = true } };
        Assert.Same(list, FeelValues.From(list));
    }

    [Fact]
    public void From_Record_UsesCamelCaseJson()
    {
        var context = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(FeelValues.From(new Trainee("王芳", 30)));
        Assert.Equal("王芳", context["fullName"]);
        Assert.Equal(30m, context["age"]);
    }

    [Fact]
    public void FromJson_Element_MapsEveryJsonKind()
    {
        using var document = JsonDocument.Parse("""{"s":"x","n":1.5e2,"t":true,"f":false,"z":null,"a":[1,{"b":2}]}""");
        var context = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(FeelValues.FromJson(document.RootElement));
        Assert.Equal("x", context["s"]);
        Assert.Equal(150m, context["n"]);
        Assert.Equal(true, context["t"]);
        Assert.Equal(false, context["f"]);
        Assert.Null(context["z"]);
        var list = Assert.IsAssignableFrom<IReadOnlyList<object?>>(context["a"]);
        Assert.Equal(2m, Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(list[1])["b"]);
    }

    [Fact]
    public void FromJson_HugeNumber_Throws()
    {
        using var document = JsonDocument.Parse("1e400");
        Assert.Throws<ArgumentException>(() => FeelValues.FromJson(document.RootElement));
    }

    [Fact]
    public void FromJson_Node_MapsParsedAndBuiltNodes()
    {
        var parsed = JsonNode.Parse("""{"n":2,"l":["a"]}""");
        var built = new JsonObject { ["n"] = 2, ["l"] = new JsonArray("a"), ["d"] = 2.5 };
        foreach (var node in new[] { parsed, built })
        {
            var context = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(FeelValues.FromJson(node));
            Assert.Equal(2m, context["n"]);
            Assert.Equal(new object?[] { "a" }, Assert.IsAssignableFrom<IReadOnlyList<object?>>(context["l"]));
        }
        Assert.Equal(2.5m, Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(FeelValues.FromJson(built))["d"]);
    }

    [Fact]
    public void JsonVariables_WorkInExpressionsWithoutManualConversion()
    {
        var variables = Vars(("pack", JsonNode.Parse("""{"summary":{"trainees":12}}""")), ("el", JsonDocument.Parse("[1,2]").RootElement));
        Assert.Equal(true, Eval("pack.summary.trainees = 12 and sum(el) = 3", variables));
    }

    [Fact]
    public void UnconvertibleVariable_IsAnEvaluationErrorNamingTheVariable()
    {
        var error = EvalError("ratio > 1", Vars(("ratio", double.PositiveInfinity)));
        Assert.StartsWith("variable 'ratio' holds a value FEEL cannot use", error.Reason);
    }

    [Fact]
    public void ToJsonNode_RoundTripsEvaluationResults()
    {
        var result = Eval("{a: 1.5, b: [true, null, \"x\"], c: null}");
        var json = FeelValues.ToJsonNode(result)!.ToJsonString();
        Assert.Equal("""{"a":1.5,"b":[true,null,"x"],"c":null}""", json);
    }
}
