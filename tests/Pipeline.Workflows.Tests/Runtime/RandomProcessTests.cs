using System.Text;
using Pipeline.Workflows.Runtime;
using Pipeline.Workflows.Tests.Definitions;

namespace Pipeline.Workflows.Tests.Runtime;

/// <summary>
/// Property: for random block-structured processes (sequences, parallel and exclusive gateways, nested sub-processes,
/// user tasks, some of them multi-instance, call activities of a one-task process), completing the open tasks in random order completes the instance, every
/// task on the chosen paths is done exactly as often as it should be and no other, and at every step the tokens are
/// consistent (<see cref="TokenInvariants"/>): no token is lost or duplicated.
/// </summary>
public class RandomProcessTests
{
    private abstract record Block;
    private sealed record TaskBlock(string Id, int Instances, bool Sequential) : Block;
    private sealed record SequenceBlock(IReadOnlyList<Block> Items) : Block;
    private sealed record ParallelBlock(IReadOnlyList<Block> Branches) : Block;
    private sealed record ChoiceBlock(string Variable, int Chosen, IReadOnlyList<Block> Branches) : Block;
    private sealed record SubProcessBlock(string Id, Block Body) : Block;
    private sealed record CallBlock(string Id) : Block;

    /// <summary>The process every <see cref="CallBlock"/> calls: one user task.</summary>
    private static readonly string Callee = BpmnSamples.ProcessElement("Callee", Bpmn.Start("Callee_Start") + Bpmn.Task("CalleeTask") + Bpmn.End("Callee_End")
        + Bpmn.Chain("Callee_Start", "CalleeTask", "Callee_End"));

    /// <summary>Builds a random block and the BPMN for it.</summary>
    private sealed class Generator(int seed)
    {
        private readonly Random _random = new(seed);
        private int _next;

        public Dictionary<string, object?> Choices { get; } = [];

        public Block Generate(int depth)
        {
            var roll = depth <= 0 ? 0 : _random.Next(10);
            switch (roll)
            {
                case <= 2 when _random.Next(5) == 0:
                    return new CallBlock($"Call{++_next}");
                case <= 2:
                    var mi = _random.Next(4) == 0;
                    return new TaskBlock($"T{++_next}", mi ? _random.Next(0, 4) : 1, mi && _random.Next(2) == 0);
                case <= 4:
                    return new SequenceBlock(Enumerable.Range(0, _random.Next(2, 4)).Select(_ => Generate(depth - 1)).ToList());
                case <= 6:
                    return new ParallelBlock(Enumerable.Range(0, _random.Next(2, 4)).Select(_ => Generate(depth - 1)).ToList());
                case <= 8:
                    var branches = Enumerable.Range(0, _random.Next(2, 4)).Select(_ => Generate(depth - 1)).ToList();
                    var variable = $"c{++_next}";
                    var chosen = _random.Next(branches.Count);
                    Choices[variable] = chosen;
                    return new ChoiceBlock(variable, chosen, branches);
                default:
                    return new SubProcessBlock($"Sub{++_next}", Generate(depth - 1));
            }
        }

        /// <summary>Appends the block's elements to <paramref name="xml"/>; returns its entry and exit node ids.</summary>
        public (string Entry, string Exit) Emit(Block block, StringBuilder xml)
        {
            switch (block)
            {
                case TaskBlock task:
                    var loop = task.Instances == 1 ? "" : Bpmn.Loop(sequential: task.Sequential, cardinality: task.Instances.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    xml.Append(Bpmn.Task(task.Id, inner: loop));
                    return (task.Id, task.Id);
                case SequenceBlock sequence:
                    var parts = sequence.Items.Select(i => Emit(i, xml)).ToList();
                    for (var i = 1; i < parts.Count; i++) Flow(xml, parts[i - 1].Exit, parts[i].Entry);
                    return (parts[0].Entry, parts[^1].Exit);
                case ParallelBlock parallel:
                    var fork = $"Fork{++_next}";
                    var join = $"Join{_next}";
                    xml.Append(Bpmn.And(fork)).Append(Bpmn.And(join));
                    foreach (var branch in parallel.Branches.Select(b => Emit(b, xml)))
                    {
                        Flow(xml, fork, branch.Entry);
                        Flow(xml, branch.Exit, join);
                    }
                    return (fork, join);
                case ChoiceBlock choice:
                    var split = $"Split{++_next}";
                    var merge = $"Merge{_next}";
                    var emitted = choice.Branches.Select(b => Emit(b, xml)).ToList();
                    var defaultFlow = $"Flow{_next}_default";
                    xml.Append(Bpmn.Xor(split, defaultFlow)).Append(Bpmn.Xor(merge));
                    for (var i = 0; i < emitted.Count; i++)
                    {
                        if (i == emitted.Count - 1) xml.Append(Bpmn.Flow(split, emitted[i].Entry, id: defaultFlow));
                        else Flow(xml, split, emitted[i].Entry, $"={choice.Variable} = {i}");
                        Flow(xml, emitted[i].Exit, merge);
                    }
                    return (split, merge);
                case CallBlock call:
                    xml.Append(Calls.Call(call.Id, "Callee"));
                    return (call.Id, call.Id);
                case SubProcessBlock sub:
                    var inner = new StringBuilder();
                    var body = Emit(sub.Body, inner);
                    inner.Append(Bpmn.Start($"{sub.Id}_Start")).Append(Bpmn.End($"{sub.Id}_End"));
                    Flow(inner, $"{sub.Id}_Start", body.Entry);
                    Flow(inner, body.Exit, $"{sub.Id}_End");
                    xml.Append(Bpmn.SubProcess(sub.Id, inner.ToString()));
                    return (sub.Id, sub.Id);
                default:
                    throw new InvalidOperationException();
            }
        }

        private void Flow(StringBuilder xml, string from, string to, string? condition = null) =>
            xml.Append(Bpmn.Flow(from, to, condition, $"Flow{++_next}"));
    }

    /// <summary>How many times each task must be completed, given the choices.</summary>
    private static void Expected(Block block, Dictionary<string, int> counts)
    {
        switch (block)
        {
            case TaskBlock task when task.Instances > 0:
                counts[task.Id] = counts.GetValueOrDefault(task.Id) + task.Instances;
                break;
            case CallBlock call:
                counts[call.Id] = counts.GetValueOrDefault(call.Id) + 1;
                break;
            case SequenceBlock s:
                foreach (var i in s.Items) Expected(i, counts);
                break;
            case ParallelBlock p:
                foreach (var b in p.Branches) Expected(b, counts);
                break;
            case ChoiceBlock c:
                Expected(c.Branches[c.Chosen], counts);
                break;
            case SubProcessBlock sub:
                Expected(sub.Body, counts);
                break;
        }
    }

    [Fact]
    public async Task RandomProcesses_RunToCompletion_WithoutLosingOrDuplicatingTokens()
    {
        for (var seed = 1; seed <= 250; seed++)
        {
            try
            {
                await RunAsync(seed);
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException($"seed {seed}: {e.Message}\n{e.StackTrace}");
            }
        }
    }

    private static async Task RunAsync(int seed)
    {
        var generator = new Generator(seed);
        var block = generator.Generate(depth: 6);
        var xml = new StringBuilder();
        var (entry, exit) = generator.Emit(block, xml);
        xml.Append(Bpmn.Start()).Append(Bpmn.End()).Append(Bpmn.Flow("Start", entry, id: "Flow_Start")).Append(Bpmn.Flow(exit, "End", id: "Flow_End"));
        var expected = new Dictionary<string, int>();
        Expected(block, expected);

        var h = new Harness();
        var instance = await h.StartAsync(xml.ToString(), generator.Choices, extra: Callee);
        var done = new Dictionary<string, int>();
        var random = new Random(seed * 7919);
        for (var steps = 0; instance.Status == InstanceStatus.Active; steps++)
        {
            Assert.True(steps < 500, "too many steps");
            Assert.DoesNotContain(instance.Tokens, t => t.State == TokenState.Incident);
            Assert.Equal(instance.Tokens.Count(t => t.State == TokenState.Waiting), instance.Bookmarks.Count);
            Assert.NotEmpty(instance.Bookmarks);
            foreach (var open in instance.Bookmarks.GroupBy(b => b.NodeId))
                Assert.True(open.Count() <= expected.GetValueOrDefault(open.Key) - done.GetValueOrDefault(open.Key), $"{open.Key} is open more often than it is still due");
            var task = instance.Bookmarks[random.Next(instance.Bookmarks.Count)];
            if (task.Kind == BookmarkKind.CallActivity)
            {
                // The call's child waits at its one task; completing it completes the child and resumes this instance.
                var child = TokenInvariants.Check((await h.Instances.GetAsync(Guid.Parse(task.CorrelationKey!), Harness.None))!);
                Assert.Equal(instance.Id, child.ParentInstanceId);
                await h.CompleteAsync(child, "CalleeTask", $"user{random.Next(1000)}");
                instance = TokenInvariants.Check((await h.Instances.GetAsync(instance.Id, Harness.None))!);
                Assert.DoesNotContain(instance.Bookmarks, b => b.Id == task.Id);
            }
            else instance = await h.CompleteAsync(instance, task.NodeId, $"user{random.Next(1000)}", task: task);
            done[task.NodeId] = done.GetValueOrDefault(task.NodeId) + 1;
        }
        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Equal(expected.OrderBy(kv => kv.Key), done.OrderBy(kv => kv.Key));
        var history = await h.HistoryAsync(instance);
        Assert.Equal(expected.Where(e => !e.Key.StartsWith("Call", StringComparison.Ordinal)).Sum(e => e.Value), history.Count(e => e.Kind == HistoryKinds.TaskCompleted));
        Assert.Equal(expected.Where(e => e.Key.StartsWith("Call", StringComparison.Ordinal)).Sum(e => e.Value), history.Count(e => e.Kind == HistoryKinds.CallActivityCompleted));
    }
}
