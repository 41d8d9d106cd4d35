using static Pipeline.Workflows.Tests.Expressions.Feel;

namespace Pipeline.Workflows.Tests.Expressions;

public class LiteralTests
{
    [Theory]
    [InlineData("3", "3")]
    [InlineData("2.5", "2.5")]
    [InlineData("-1", "-1")]
    [InlineData(".5", "0.5")]
    [InlineData("1.2e3", "1200")]
    [InlineData("12345678901234567890.123456789", "12345678901234567890.123456789")]
    public void NumberLiteral_EvaluatesToDecimal(string text, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Eval(text));

    [Fact]
    public void NumberLiteral_KeepsDecimalPrecision() => Assert.True(Condition("0.1 + 0.2 = 0.3"));

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public void BooleanLiteral_EvaluatesToBool(string text, bool expected) => Assert.Equal(expected, Eval(text));

    [Fact]
    public void NullLiteral_EvaluatesToNull() => Assert.Null(Eval("null"));

    [Fact]
    public void StringLiteral_EvaluatesToString() => Assert.Equal("complete", Eval("\"complete\""));

    [Theory]
    [InlineData(@"""say \""hi\""""", "say \"hi\"")]
    [InlineData(@"""back\\slash""", @"back\slash")]
    [InlineData(@"""line\nbreak""", "line\nbreak")]
    [InlineData(@"""tab\there""", "tab\there")]
    [InlineData(@"""\u0041BC""", "ABC")]
    [InlineData(@"""\U01F40E""", "\U0001F40E")]
    [InlineData(@"""it\'s""", "it's")]
    public void StringLiteral_DecodesEscapes(string text, string expected) => Assert.Equal(expected, Eval(text));

    [Fact]
    public void StringLiteral_KeepsChineseText() => Assert.Equal("培训班", Eval("\"培训班\""));

    [Fact]
    public void ListLiteral_EvaluatesToReadOnlyList()
    {
        var list = Assert.IsAssignableFrom<IReadOnlyList<object?>>(Eval("[1, \"a\", null, [true]]"));
        Assert.Equal(4, list.Count);
        Assert.Equal(1m, list[0]);
        Assert.Equal("a", list[1]);
        Assert.Null(list[2]);
        Assert.Equal(new object?[] { true }, Assert.IsAssignableFrom<IReadOnlyList<object?>>(list[3]));
    }

    [Fact]
    public void EmptyListLiteral_EvaluatesToEmptyList() =>
        Assert.Empty(Assert.IsAssignableFrom<IReadOnlyList<object?>>(Eval("[]")));

    [Fact]
    public void ContextLiteral_AcceptsNameAndStringKeys()
    {
        var context = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(Eval("{a: 1, \"b c\": \"x\"}"));
        Assert.Equal(1m, context["a"]);
        Assert.Equal("x", context["b c"]);
    }

    [Fact]
    public void ContextLiteral_EntryCanReferToEarlierEntry() => Assert.Equal(3m, Eval("{a: 1, b: a + 2}.b"));

    [Fact]
    public void ContextLiteral_LocalEntryShadowsVariable() =>
        Assert.Equal(10m, Eval("{a: 5, b: a * 2}.b", Vars(("a", 100))));

    [Fact]
    public void Comments_AreIgnored() => Assert.Equal(3m, Eval("1 /* one */ + // plus\n 2"));

    [Fact]
    public void BacktickName_CanUseKeywordOrSpaces() =>
        Assert.Equal(2m, Eval("`order total` + `if`", Vars(("order total", 1), ("if", 1))));
}
