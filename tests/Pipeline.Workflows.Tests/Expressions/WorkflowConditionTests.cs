using Pipeline.Workflows.Expressions;
using static Pipeline.Workflows.Tests.Expressions.Feel;

namespace Pipeline.Workflows.Tests.Expressions;

/// <summary>Conditions and mappings as they appear on BPMN sequence flows and I/O mappings (Zeebe style).</summary>
public class WorkflowConditionTests
{
    [Theory]
    [InlineData("complete", true)]
    [InlineData("incomplete", false)]
    [InlineData(null, false)]
    public void VerdictCondition_MatchesOnlyComplete(string? verdict, bool expected) =>
        Assert.Equal(expected, Condition("=verdict = \"complete\"", Vars(("verdict", verdict))));

    [Fact]
    public void VerdictCondition_WithMissingVariable_IsFalse() => Assert.False(Condition("=verdict = \"complete\""));

    [Theory]
    [InlineData(0, new int[0], false)]
    [InlineData(2, new int[0], true)]
    [InlineData(0, new[] { 7 }, true)]
    public void InvalidOrMissingCondition_RoutesToRepair(int invalidIds, int[] missing, bool expected)
    {
        var variables = Vars(
            ("summary", new Dictionary<string, object?> { ["invalidIds"] = invalidIds }),
            ("missing", missing));
        Assert.Equal(expected, Condition("=summary.invalidIds > 0 or count(missing) > 0", variables));
    }

    [Fact]
    public void InvalidOrMissingCondition_WithNoSummaryAndNoList_IsFalse() =>
        Assert.False(Condition("=summary.invalidIds > 0 or count(missing) > 0"));

    [Theory]
    [InlineData("approve", "looks good", true)]
    [InlineData("approve", null, false)]
    [InlineData("reject", "no", false)]
    public void ApprovalCondition_NeedsApproveAndComment(string outcome, string? comment, bool expected) =>
        Assert.Equal(expected, Condition("=outcome = \"approve\" and comment != null", Vars(("outcome", outcome), ("comment", comment))));

    [Fact]
    public void BriefExample_VerdictAndErrorCount() =>
        Assert.True(Condition("=verdict = \"complete\" and errors < 3", Vars(("verdict", "complete"), ("errors", 2))));

    [Theory]
    [InlineData("=x + 1")]
    [InlineData("x + 1")]
    [InlineData("  = x + 1")]
    public void ZeebePrefix_IsOptional(string text) => Assert.Equal(3m, Eval(text, Vars(("x", 2))));

    [Fact]
    public void ZeebePrefix_PositionsCountFromStartOfOriginalText() => Assert.Equal(6, SyntaxError("  = x )").Position);

    [Fact]
    public void EvaluateCondition_NullResult_IsFalse() => Assert.False(Condition("=missing > 3"));

    [Fact]
    public void EvaluateCondition_NonBooleanResult_Throws()
    {
        var error = Assert.Throws<FeelEvaluationException>(() => Condition("=verdict", Vars(("verdict", "complete"))));
        Assert.Equal("a condition must evaluate to a boolean but this one evaluated to string \"complete\"", error.Reason);
    }

    [Fact]
    public void TypeError_InCondition_IsAnIncidentNotFalse()
    {
        var error = Assert.Throws<FeelEvaluationException>(
            () => Condition("=errors < 3", Vars(("errors", "three"))));
        Assert.Equal("cannot compare string \"three\" with number 3 using <", error.Reason);
        Assert.Equal("cannot compare string \"three\" with number 3 using < (at position 8 in expression '=errors < 3')", error.Message);
    }

    [Fact]
    public void OutputMapping_BuildsContextFromVariables()
    {
        var result = Eval(
            "={packId: pack.id, trainees: pack.summary.trainees, needsReview: pack.summary.trainees > 30, title: \"Pack \" + pack.id}",
            Vars(("pack", new Dictionary<string, object?>
            {
                ["id"] = "P-7",
                ["summary"] = new Dictionary<string, object?> { ["trainees"] = 31 },
            })));
        var context = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(result);
        Assert.Equal("P-7", context["packId"]);
        Assert.Equal(31m, context["trainees"]);
        Assert.Equal(true, context["needsReview"]);
        Assert.Equal("Pack P-7", context["title"]);
    }

    [Fact]
    public void VariablesFromJson_FeedConditionsDirectly()
    {
        using var document = System.Text.Json.JsonDocument.Parse(
            """{"verdict":"complete","errors":1,"summary":{"invalidIds":0},"missing":[]}""");
        var variables = FeelValues.VariablesFromJson(document.RootElement);
        Assert.True(FeelExpression.Parse("=verdict = \"complete\" and errors < 3").EvaluateCondition(variables));
        Assert.False(FeelExpression.Parse("=summary.invalidIds > 0 or count(missing) > 0").EvaluateCondition(variables));
    }
}
