using static Pipeline.Workflows.Tests.Expressions.Feel;

namespace Pipeline.Workflows.Tests.Expressions;

public class LogicTests
{
    public static TheoryData<object?, object?, object?> AndTable => new()
    {
        { true, true, true },
        { true, false, false },
        { true, null, null },
        { false, true, false },
        { false, false, false },
        { false, null, false },
        { null, true, null },
        { null, false, false },
        { null, null, null },
    };

    public static TheoryData<object?, object?, object?> OrTable => new()
    {
        { true, true, true },
        { true, false, true },
        { true, null, true },
        { false, true, true },
        { false, false, false },
        { false, null, null },
        { null, true, true },
        { null, false, null },
        { null, null, null },
    };

    [Theory]
    [MemberData(nameof(AndTable))]
    public void And_WithNullOperand_FollowsThreeValuedLogic(object? a, object? b, object? expected) =>
        Assert.Equal(expected, Eval("a and b", Vars(("a", a), ("b", b))));

    [Theory]
    [MemberData(nameof(OrTable))]
    public void Or_WithNullOperand_FollowsThreeValuedLogic(object? a, object? b, object? expected) =>
        Assert.Equal(expected, Eval("a or b", Vars(("a", a), ("b", b))));

    [Fact]
    public void And_BindsTighterThanOr() => Assert.Equal(true, Eval("true or false and false"));

    [Fact]
    public void And_FalseLeft_DoesNotEvaluateRight() => Assert.Equal(false, Eval("false and 1 / 0 > 0"));

    [Fact]
    public void Or_TrueLeft_DoesNotEvaluateRight() => Assert.Equal(true, Eval("true or \"x\" < 1"));

    [Fact]
    public void And_WithNumberOperand_Throws() =>
        Assert.Equal("'and' needs boolean operands but its right operand is number 1", EvalError("true and 1").Reason);

    [Fact]
    public void Or_WithStringOperand_Throws() =>
        Assert.Equal("'or' needs boolean operands but its left operand is string \"yes\"", EvalError("\"yes\" or false").Reason);

    [Theory]
    [InlineData("not(true)", false)]
    [InlineData("not(false)", true)]
    [InlineData("not(1 > 2)", true)]
    [InlineData("not(x = 1) and true", false)]
    public void Not_NegatesBoolean(string text, bool expected) => Assert.Equal(expected, Eval(text, Vars(("x", 1))));

    [Fact]
    public void Not_OfNull_IsNull() => Assert.Null(Eval("not(missing)"));

    [Fact]
    public void Not_OfString_Throws() => Assert.Contains("not() expects a boolean", EvalError("not(\"no\")").Reason);

    [Theory]
    [InlineData(5, "big")]
    [InlineData(1, "small")]
    public void If_ChoosesBranchByCondition(int size, string expected) =>
        Assert.Equal(expected, Eval("if size > 3 then \"big\" else \"small\"", Vars(("size", size))));

    [Fact]
    public void If_WithNullCondition_TakesElseBranch() => Assert.Equal("no", Eval("if missing then \"yes\" else \"no\""));

    [Fact]
    public void If_ElseBranchExtendsToTheRight() => Assert.Equal(7m, Eval("if false then 1 else 3 + 4"));

    [Fact]
    public void If_CanBeNestedAndUsedAsOperand() =>
        Assert.Equal(12m, Eval("2 * (if x = 1 then 5 else if x = 2 then 6 else 7)", Vars(("x", 2))));

    [Fact]
    public void If_WithNonBooleanCondition_Throws()
    {
        var error = EvalError("if status then 1 else 2", Vars(("status", "open")));
        Assert.Equal("the condition of 'if' must be a boolean but is string \"open\"", error.Reason);
        Assert.Equal(3, error.Position);
    }
}
