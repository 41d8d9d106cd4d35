using static Pipeline.Workflows.Tests.Expressions.Feel;

namespace Pipeline.Workflows.Tests.Expressions;

public class ComparisonTests
{
    [Theory]
    [InlineData("1 < 2", true)]
    [InlineData("2 <= 2", true)]
    [InlineData("3 > 2.5", true)]
    [InlineData("2 >= 3", false)]
    [InlineData("1 = 1.00", true)]
    [InlineData("1 != 1", false)]
    public void Numbers_CompareByValue(string text, bool expected) => Assert.Equal(expected, Eval(text));

    [Theory]
    [InlineData("\"abc\" < \"abd\"", true)]
    [InlineData("\"b\" > \"abc\"", true)]
    [InlineData("\"abc\" = \"abc\"", true)]
    [InlineData("\"abc\" = \"ABC\"", false)]
    [InlineData("\"a\" != \"b\"", true)]
    public void Strings_CompareOrdinally(string text, bool expected) => Assert.Equal(expected, Eval(text));

    [Theory]
    [InlineData("true = true", true)]
    [InlineData("true != false", true)]
    [InlineData("false = true", false)]
    public void Booleans_CompareForEquality(string text, bool expected) => Assert.Equal(expected, Eval(text));

    [Theory]
    [InlineData("[1, 2] = [1, 2.0]", true)]
    [InlineData("[1, 2] = [2, 1]", false)]
    [InlineData("[1, [\"a\"]] = [1, [\"a\"]]", true)]
    [InlineData("[1] = [\"1\"]", false)]
    [InlineData("{a: 1, b: [2]} = {b: [2], a: 1}", true)]
    [InlineData("{a: 1} = {a: 1, b: 2}", false)]
    public void ListsAndContexts_CompareStructurally(string text, bool expected) => Assert.Equal(expected, Eval(text));

    [Theory]
    [InlineData("null = null", true)]
    [InlineData("x = null", true)]
    [InlineData("x != null", false)]
    [InlineData("1 = null", false)]
    [InlineData("\"a\" != null", true)]
    public void Equality_WithNull_IsTrueOnlyForNull(string text, bool expected) => Assert.Equal(expected, Eval(text));

    [Theory]
    [InlineData("null < 1")]
    [InlineData("missing >= \"a\"")]
    public void Ordering_WithNull_IsNull(string text) => Assert.Null(Eval(text));

    [Fact]
    public void Ordering_StringWithNumber_ThrowsNamingOperatorAndTypes()
    {
        var error = EvalError("=name < 3", Vars(("name", "abc")));
        Assert.Equal("cannot compare string \"abc\" with number 3 using <", error.Reason);
        Assert.Equal(6, error.Position);
        Assert.Contains("=name < 3", error.Message);
    }

    [Fact]
    public void Equality_StringWithNumber_Throws() =>
        Assert.Equal("cannot compare number 3 with string \"3\" using =", EvalError("errors = \"3\"", Vars(("errors", 3))).Reason);

    [Fact]
    public void Ordering_Booleans_Throws() =>
        Assert.Equal("cannot compare boolean true with boolean false using >", EvalError("true > false").Reason);

    [Theory]
    [InlineData("5 between 1 and 10", true)]
    [InlineData("1 between 1 and 10", true)]
    [InlineData("10 between 1 and 10", true)]
    [InlineData("11 between 1 and 10", false)]
    [InlineData("\"m\" between \"a\" and \"z\"", true)]
    public void Between_IsInclusive(string text, bool expected) => Assert.Equal(expected, Eval(text));

    [Fact]
    public void Between_WithNullBound_IsNull() => Assert.Null(Eval("5 between missing and 10"));

    [Fact]
    public void Between_BindsTighterThanAnd() =>
        Assert.Equal(true, Eval("x between 1 and 10 and y", Vars(("x", 5), ("y", true))));

    [Fact]
    public void Between_MixedTypes_Throws() =>
        Assert.Equal("cannot compare string \"5\" with number 1 using between", EvalError("\"5\" between 1 and 10").Reason);

    [Theory]
    [InlineData("2 in [1, 2, 3]", true)]
    [InlineData("4 in [1, 2, 3]", false)]
    [InlineData("\"b\" in [\"a\", \"b\"]", true)]
    [InlineData("null in [1, null]", true)]
    [InlineData("null in [1, 2]", false)]
    [InlineData("2 in []", false)]
    [InlineData("2 in (1, 2, 3)", true)]
    [InlineData("2 in 2", true)]
    [InlineData("2 in (< 3)", true)]
    [InlineData("2 in > 3", false)]
    [InlineData("2 in (>= 5, <= 2)", true)]
    [InlineData("[1, 2] in [[1, 2], [3]]", true)]
    public void In_TestsMembershipAndComparisons(string text, bool expected) => Assert.Equal(expected, Eval(text));

    [Theory]
    [InlineData("1 in [1..5]", true)]
    [InlineData("5 in [1..5]", true)]
    [InlineData("1 in (1..5]", false)]
    [InlineData("5 in [1..5)", false)]
    [InlineData("5 in [1..5[", false)]
    [InlineData("1 in ]1..5]", false)]
    [InlineData("3 in (1..5)", true)]
    [InlineData("2.5 in [x..x + 1]", true)]
    [InlineData("\"b\" in [\"a\"..\"c\"]", true)]
    [InlineData("7 in ([1..2], [6..8])", true)]
    [InlineData("-3 in [-5..-1]", true)]
    [InlineData("3 in ]x..x * 2[", true)]
    [InlineData("4 in ]x..x * 2[", false)]
    public void In_Ranges_RespectOpenAndClosedEnds(string text, bool expected) =>
        Assert.Equal(expected, Eval(text, Vars(("x", 2))));

    [Fact]
    public void In_RangeWithNullValue_IsNull() => Assert.Null(Eval("missing in [1..5]"));

    [Fact]
    public void In_ListOfOtherType_Throws() =>
        Assert.Contains("the list holds no number values", EvalError("3 in [\"a\", \"b\"]").Reason);

    [Fact]
    public void In_RangeOfOtherType_Throws() =>
        Assert.Equal("cannot compare string \"3\" with number 1 using in", EvalError("\"3\" in [1..5]").Reason);

    [Fact]
    public void ComparisonOperators_AreLeftAssociative() => Assert.Equal(true, Eval("1 < 2 = true"));
}
