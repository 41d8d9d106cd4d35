using static Pipeline.Workflows.Tests.Expressions.Feel;

namespace Pipeline.Workflows.Tests.Expressions;

public class BuiltinTests
{
    [Theory]
    [InlineData("count([1, 2, 3])", "3")]
    [InlineData("count([])", "0")]
    [InlineData("count([1, [2, 3]])", "2")]
    [InlineData("sum([1, 2, 3])", "6")]
    [InlineData("sum(1, 2, 3.5)", "6.5")]
    [InlineData("sum(4)", "4")]
    [InlineData("min([3, 1, 2])", "1")]
    [InlineData("min(3, 1, 2)", "1")]
    [InlineData("min(7)", "7")]
    [InlineData("max([3, 1, 2])", "3")]
    [InlineData("max(3, 10, 2)", "10")]
    [InlineData("abs(-2.5)", "2.5")]
    [InlineData("floor(2.7)", "2")]
    [InlineData("ceiling(2.1)", "3")]
    [InlineData("string length(\"培训abc\")", "5")]
    [InlineData("string length(\"\\U01F40E\")", "1")]
    public void NumericBuiltins_ComputeNumbers(string text, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Eval(text));

    [Theory]
    [InlineData("sum([])")]
    [InlineData("min([])")]
    [InlineData("max([])")]
    [InlineData("sum([1, null])")]
    [InlineData("count(missing)")]
    [InlineData("contains(missing, \"a\")")]
    [InlineData("string length(null)")]
    public void Builtins_OnEmptyOrNull_ReturnNull(string text) => Assert.Null(Eval(text));

    [Theory]
    [InlineData("min([\"b\", \"a\", \"c\"])", "a")]
    [InlineData("max(\"b\", \"a\", \"c\")", "c")]
    [InlineData("upper case(\"abc\")", "ABC")]
    [InlineData("lower case(\"ABC\")", "abc")]
    [InlineData("string(2.50)", "2.5")]
    [InlineData("string(true)", "true")]
    [InlineData("string(\"x\")", "x")]
    [InlineData("string([1, \"a\", null])", "[1, \"a\", null]")]
    [InlineData("string({a: 1})", "{a: 1}")]
    public void StringResults_AreComputed(string text, string expected) => Assert.Equal(expected, Eval(text));

    [Theory]
    [InlineData("contains(\"roster-2024.pdf\", \"2024\")", true)]
    [InlineData("contains(\"roster\", \"R\")", false)]
    [InlineData("starts with(\"roster.pdf\", \"roster\")", true)]
    [InlineData("ends with(\"roster.pdf\", \".xlsx\")", false)]
    [InlineData("list contains([1, 2], 2)", true)]
    [InlineData("list contains([1, 2], 5)", false)]
    [InlineData("list contains([\"a\", null], null)", true)]
    public void BooleanBuiltins_Test(string text, bool expected) => Assert.Equal(expected, Eval(text));

    [Fact]
    public void MultiWordFunctionName_ToleratesExtraSpaces() => Assert.Equal(3m, Eval("string   length(\"abc\")"));

    [Theory]
    [InlineData("is defined(x)", true)]
    [InlineData("is defined(nullValue)", true)]
    [InlineData("is defined(absent)", false)]
    [InlineData("is defined(x.a)", true)]
    [InlineData("is defined(x.b)", false)]
    [InlineData("is defined(nullValue.a)", false)]
    [InlineData("is defined(1 + 1)", true)]
    public void IsDefined_DistinguishesMissingFromNull(string text, bool expected) =>
        Assert.Equal(expected, Eval(text, Vars(("x", new Dictionary<string, object?> { ["a"] = null }), ("nullValue", null))));

    [Fact]
    public void Count_OfNonList_Throws() =>
        Assert.Equal("count() expects a list but got string \"abc\"", EvalError("count(\"abc\")").Reason);

    [Fact]
    public void Sum_OfStrings_Throws() =>
        Assert.Equal("sum() expects numbers but item 2 is string \"2\"", EvalError("sum([1, \"2\"])").Reason);

    [Fact]
    public void Max_OfMixedTypes_Throws() =>
        Assert.Equal("cannot compare string \"a\" with number 1 using max()", EvalError("max([1, \"a\"])").Reason);

    [Fact]
    public void Contains_WithNumber_Throws()
    {
        var error = EvalError("contains(name, 1)", Vars(("name", "x")));
        Assert.Equal("contains() expects a string but got number 1", error.Reason);
        Assert.Equal(0, error.Position);
    }
}
