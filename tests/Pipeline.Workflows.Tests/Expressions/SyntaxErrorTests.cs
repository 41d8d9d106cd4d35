using Pipeline.Workflows.Expressions;
using static Pipeline.Workflows.Tests.Expressions.Feel;

namespace Pipeline.Workflows.Tests.Expressions;

public class SyntaxErrorTests
{
    [Theory]
    [InlineData("(1 + 2))", "unexpected ')'", 7)]
    [InlineData("=verdict = \"x\")", "unexpected ')'", 14)]
    [InlineData("1 +", "unexpected end of expression", 3)]
    [InlineData("", "unexpected end of expression", 0)]
    [InlineData("=", "unexpected end of expression", 1)]
    [InlineData("a b", "unexpected 'b'", 2)]
    [InlineData("1 + * 2", "unexpected '*'", 4)]
    [InlineData("x = = 1", "unexpected '='", 4)]
    [InlineData("and", "unexpected 'and'", 0)]
    [InlineData("(1 + 2", "expected ')' but found end of expression", 6)]
    [InlineData("[1, 2", "expected ',' or ']' but found end of expression", 5)]
    [InlineData("{a 1}", "expected ':' after the context key but found '1'", 3)]
    [InlineData("{a: 1, a: 2}", "duplicate context key 'a'", 7)]
    [InlineData("if x then 1", "expected 'else' but found end of expression", 11)]
    [InlineData("if x 1 else 2", "expected 'then' but found '1'", 5)]
    [InlineData("x between 1 or 2", "expected 'and' after the lower bound of 'between' but found 'or'", 12)]
    [InlineData("x in [1..5", "expected ']' or ')' to close the range but found end of expression", 10)]
    [InlineData("[1..5]", "a range such as [1..5] is only allowed after 'in'", 2)]
    [InlineData("\"abc", "unterminated string literal", 0)]
    [InlineData("x = \"a\\qb\"", "unknown escape sequence '\\q' in string literal", 6)]
    [InlineData("\"\\u12\"", "escape sequence '\\u' needs 4 hexadecimal digits", 1)]
    [InlineData("a # b", "unexpected character '#'", 2)]
    [InlineData("a ! b", "unexpected character '!' (use != for 'not equal' and not(x) for negation)", 2)]
    [InlineData("a && b", "unexpected character '&' (use 'and' / 'or')", 2)]
    [InlineData("x = 'a'", "unexpected character ''' (strings are written in double quotes)", 4)]
    [InlineData("1 /* open", "unterminated comment", 2)]
    [InlineData("x.", "expected a name after '.' but found end of expression", 2)]
    [InlineData("items[1]", "filters and indexes such as x[1] or x[item > 2] are not supported", 5)]
    [InlineData("for x in xs return x", "'for' expressions are not supported", 0)]
    [InlineData("count(list: xs)", "named arguments are not supported; pass arguments by position", 6)]
    [InlineData("1e99999", "number 1e99999 is outside the supported range (about ±7.9e28, 28 significant digits)", 0)]
    public void SyntaxError_ReportsReasonAndPosition(string text, string reason, int position)
    {
        var error = SyntaxError(text);
        Assert.Equal(reason, error.Reason);
        Assert.Equal(position, error.Position);
        Assert.Equal($"{reason} at position {position}", error.Message);
        Assert.Equal(text, error.Expression);
    }

    [Fact]
    public void UnexpectedParen_MessageMatchesIncidentFormat() =>
        Assert.Equal("unexpected ')' at position 12", SyntaxError("=(a + b) * c)").Message);

    [Fact]
    public void UnknownFunction_IsReportedAtParseTime()
    {
        var error = SyntaxError("=foo(1) > 0");
        Assert.StartsWith("unknown function 'foo' (available: ", error.Reason);
        Assert.Equal(1, error.Position);
    }

    [Fact]
    public void UnknownMultiWordFunction_IsReportedWithItsFullName() =>
        Assert.StartsWith("unknown function 'string size'", SyntaxError("string size(\"a\")").Reason);

    [Theory]
    [InlineData("count()", "function 'count' takes 1 argument but was given 0")]
    [InlineData("count([1], [2])", "function 'count' takes 1 argument but was given 2")]
    [InlineData("contains(\"a\")", "function 'contains' takes 2 arguments but was given 1")]
    [InlineData("min()", "function 'min' takes 1 or more arguments but was given 0")]
    public void WrongArgumentCount_IsReportedAtParseTime(string text, string reason) =>
        Assert.Equal(reason, SyntaxError(text).Reason);

    [Fact]
    public void DeepNesting_IsRejectedInsteadOfOverflowingTheStack() =>
        Assert.Equal("expression is nested too deeply", SyntaxError(new string('(', 300) + "1" + new string(')', 300)).Reason);

    [Fact]
    public void TryParse_ReturnsErrorInsteadOfThrowing()
    {
        Assert.False(FeelExpression.TryParse("=a <", out var expression, out var error));
        Assert.Null(expression);
        Assert.Equal(4, error.Position);
    }

    [Fact]
    public void TryParse_ReturnsExpressionWhenValid()
    {
        Assert.True(FeelExpression.TryParse("=a < 1", out var expression, out var error));
        Assert.Null(error);
        Assert.Equal("=a < 1", expression.Text);
    }
}
