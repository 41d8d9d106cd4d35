using Pipeline.Workflows.Expressions;
using static Pipeline.Workflows.Tests.Expressions.Feel;

namespace Pipeline.Workflows.Tests.Expressions;

public class ConcurrencyTests
{
    [Fact]
    public void ParsedOnce_EvaluatesCorrectlyFromManyThreadsAtOnce()
    {
        var expression = FeelExpression.Parse(
            "={n: count(scores), label: name + \"#\" + string(n), mean: if n > 0 then sum(scores) / n else 0}.mean");
        var failures = 0;

        Parallel.For(0, 4000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var scores = Enumerable.Range(0, i % 10).Select(k => (object?)(decimal)(k + i)).ToList();
            var expected = scores.Count == 0 ? 0m : scores.Sum(s => (decimal)s!) / scores.Count;
            var actual = expression.Evaluate(Vars(("scores", scores), ("name", $"run{i}")));
            if (!Equals(expected, actual)) Interlocked.Increment(ref failures);
        });

        Assert.Equal(0, failures);
    }

    [Fact]
    public void ParsedOnce_ConditionGivesEachThreadItsOwnAnswer()
    {
        var expression = FeelExpression.Parse("=outcome = \"approve\" and comment != null");
        var results = new bool[2000];

        Parallel.For(0, results.Length, i =>
            results[i] = expression.EvaluateCondition(Vars(("outcome", i % 2 == 0 ? "approve" : "reject"), ("comment", "ok"))));

        Assert.All(Enumerable.Range(0, results.Length), i => Assert.Equal(i % 2 == 0, results[i]));
    }
}
