using Pipeline.Workflows.Expressions;

namespace Pipeline.Workflows.Tests.Expressions;

public class RootVariablesTests
{
    [Theory]
    [InlineData("=verdict = \"complete\"", new[] { "verdict" })]
    [InlineData("=summary.invalidIds > 0 or count(missing) > 0", new[] { "summary", "missing" })]
    [InlineData("pack.summary.trainees between min(a, b) and max.limit", new[] { "pack", "a", "b", "max" })]
    [InlineData("x in [lo..hi] and y in (< z, 3)", new[] { "x", "lo", "hi", "y", "z" })]
    [InlineData("if is defined(flag) then -n else [m, {k: v}]", new[] { "flag", "n", "m", "v" })]
    [InlineData("{a: 1, b: a + c}.b", new[] { "c" })]
    [InlineData("{a: 1, b: {c: a + d}}", new[] { "d" })]
    [InlineData("{b: a, a: 1}", new[] { "a" })]
    [InlineData("1 + 2 = 3", new string[0])]
    public void RootVariables_AreFirstSegmentsOfReferencedPaths(string text, string[] expected) =>
        Assert.Equal(expected.Order(), FeelExpression.Parse(text).RootVariables.Order());

    [Fact]
    public void RootVariables_AreDistinct() =>
        Assert.Equal(["x"], FeelExpression.Parse("x.a + x.b + x").RootVariables);

    [Fact]
    public void Text_IsKeptExactly()
    {
        var expression = FeelExpression.Parse("  =a  ");
        Assert.Equal("  =a  ", expression.Text);
        Assert.Equal("  =a  ", expression.ToString());
    }
}
