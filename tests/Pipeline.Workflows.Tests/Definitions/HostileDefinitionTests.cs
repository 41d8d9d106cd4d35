using Pipeline.Workflows.Definitions.Bpmn;
using Pipeline.Workflows.Expressions;

namespace Pipeline.Workflows.Tests.Definitions;

/// <summary>Definitions that would overflow the stack are refused with a problem, never a crash (no .NET code catches a stack overflow).</summary>
public sealed class HostileDefinitionTests
{
    [Fact]
    public void Twenty_thousand_nested_sub_processes_are_a_problem_not_a_stack_overflow()
    {
        var open = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"<bpmn:subProcess id=\"S{i}\">"));
        var close = string.Concat(Enumerable.Repeat("</bpmn:subProcess>", 20_000));
        var xml = $"""<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d"><bpmn:process id="p" isExecutable="true">{open}{close}</bpmn:process></bpmn:definitions>""";
        var result = BpmnReader.Read(xml);
        var problem = Assert.Single(result.Problems);
        Assert.Contains("nested", problem.Message);
        Assert.Empty(result.Processes);
    }

    [Fact]
    public void A_200000_term_sum_is_a_syntax_error_not_a_stack_overflow()
    {
        var text = "=" + string.Join(" + ", Enumerable.Repeat("1", 200_000));
        var error = Assert.Throws<FeelSyntaxException>(() => FeelExpression.Parse(text));
        Assert.Contains("too long", error.Reason);
        // An ordinary long condition still parses.
        Assert.NotNull(FeelExpression.Parse("=" + string.Join(" + ", Enumerable.Repeat("1", 300))));
    }
}
