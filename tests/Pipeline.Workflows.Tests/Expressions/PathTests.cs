using static Pipeline.Workflows.Tests.Expressions.Feel;

namespace Pipeline.Workflows.Tests.Expressions;

public class PathTests
{
    private static readonly Dictionary<string, object?> Pack = Vars(("pack", new Dictionary<string, object?>
    {
        ["summary"] = new Dictionary<string, object?> { ["trainees"] = 24, ["invalidIds"] = 0, ["note"] = null },
        ["documents"] = new List<object?>
        {
            new Dictionary<string, object?> { ["kind"] = "roster", ["pages"] = 3 },
            new Dictionary<string, object?> { ["kind"] = "invoice" },
        },
    }));

    [Fact]
    public void Path_ReadsNestedContexts() => Assert.Equal(24m, Eval("pack.summary.trainees", Pack));

    [Fact]
    public void Path_IntoMissingKey_IsNull() => Assert.Null(Eval("pack.summary.absent", Pack));

    [Fact]
    public void Path_ThroughMissingKey_IsNull() => Assert.Null(Eval("pack.absent.deeper.still", Pack));

    [Fact]
    public void Path_IntoNull_IsNull() => Assert.Null(Eval("pack.summary.note.text", Pack));

    [Fact]
    public void MissingVariable_IsNull() => Assert.Null(Eval("nobody.knows"));

    [Fact]
    public void Path_OverListOfContexts_MapsEachElement() =>
        Assert.Equal(new object?[] { 3m, null }, Assert.IsAssignableFrom<IReadOnlyList<object?>>(Eval("pack.documents.pages", Pack)));

    [Fact]
    public void Path_IntoNumber_Throws() =>
        Assert.Equal("cannot read 'count' from number 24: only contexts (and lists of contexts) have members",
            EvalError("pack.summary.trainees.count", Pack).Reason);

    [Fact]
    public void Path_OnContextLiteral_Works() => Assert.Equal("x", Eval("{a: {b: \"x\"}}.a.b"));

    [Fact]
    public void Names_MayUseChineseLettersDigitsUnderscoreAndQuestionMark() =>
        Assert.Equal(6m, Eval("学员人数 + count_2 + ok?", Vars(("学员人数", 3), ("count_2", 2), ("ok?", 1))));

    [Fact]
    public void Path_MemberMayBeKeywordSpelled() =>
        Assert.Equal(1m, Eval("x.in", Vars(("x", new Dictionary<string, object?> { ["in"] = 1 }))));

    [Fact]
    public void Variables_AsClrValues_AreConvertedOnRead() =>
        Assert.Equal(true, Eval("count(ids) = 3 and sum(ids) = 6 and ratio = 0.25 and big > 1",
            Vars(("ids", new[] { 1, 2, 3 }), ("ratio", 0.25d), ("big", 10_000_000_000L))));
}
