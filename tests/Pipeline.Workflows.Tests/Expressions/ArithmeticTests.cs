using static Pipeline.Workflows.Tests.Expressions.Feel;

namespace Pipeline.Workflows.Tests.Expressions;

public class ArithmeticTests
{
    [Theory]
    [InlineData("1 + 2 * 3", "7")]
    [InlineData("(1 + 2) * 3", "9")]
    [InlineData("10 - 4 - 3", "3")]
    [InlineData("12 / 3 / 2", "2")]
    [InlineData("2 * 3 ** 2", "18")]
    [InlineData("2 ** 3 ** 2", "64")]
    [InlineData("-4 ** 2", "16")]
    [InlineData("-(4 ** 2)", "-16")]
    [InlineData("2 ** -1", "0.5")]
    [InlineData("10 / 4", "2.5")]
    [InlineData("- - 3", "3")]
    [InlineData("1 - -1", "2")]
    [InlineData("7 * 0.5 + 1", "4.5")]
    [InlineData("4 ** 0.5", "2")]
    [InlineData("0 ** 0", "1")]
    public void Arithmetic_FollowsFeelPrecedenceAndAssociativity(string text, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Eval(text));

    [Fact]
    public void Precedence_MultiplicationBeforeAdditionBeforeComparison() => Assert.True(Condition("1 + 2 * 3 = 7"));

    [Fact]
    public void Plus_ConcatenatesStrings() => Assert.Equal("pack-42", Eval("\"pack-\" + id", Vars(("id", "42"))));

    [Theory]
    [InlineData("null + 1")]
    [InlineData("1 - null")]
    [InlineData("missing * 2")]
    [InlineData("2 / missing")]
    [InlineData("missing ** 2")]
    [InlineData("-missing")]
    [InlineData("\"a\" + null")]
    public void Arithmetic_WithNullOperand_IsNull(string text) => Assert.Null(Eval(text));

    [Fact]
    public void Division_ByZero_ThrowsEvaluationError()
    {
        var error = EvalError("total / count", Vars(("total", 10), ("count", 0)));
        Assert.Contains("division by zero", error.Reason);
        Assert.Equal(6, error.Position);
    }

    [Fact]
    public void Overflow_ThrowsEvaluationError() =>
        Assert.Contains("overflow", EvalError("79228162514264337593543950335 * 10").Reason);

    [Fact]
    public void Minus_OnString_ThrowsEvaluationError() =>
        Assert.Equal("cannot apply - to string \"a\" and number 1: it needs two numbers", EvalError("\"a\" - 1").Reason);

    [Fact]
    public void Plus_StringAndNumber_ThrowsEvaluationError() =>
        Assert.Equal("cannot apply + to string \"n=\" and number 3: + needs two numbers or two strings",
            EvalError("\"n=\" + 3").Reason);

    [Fact]
    public void Negation_OfBoolean_ThrowsEvaluationError() =>
        Assert.Contains("cannot negate boolean true", EvalError("-true").Reason);
}
