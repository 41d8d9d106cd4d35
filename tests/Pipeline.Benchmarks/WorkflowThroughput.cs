using System.Diagnostics;
using Pipeline.Workflows.EntityFramework;
using Pipeline.Workflows.Runtime;

namespace Pipeline.Benchmarks;

/// <summary>
/// Completed instances per second of a 6-step process with one user task and an exclusive gateway
/// (start → pass-through → user task → gateway → pass-through → end): each instance is started (runs to the
/// user task), then its task is completed (runs to the end). History on. SQLite (WAL, a file) and, when
/// <c>PIPELINE_TEST_POSTGRES</c> is set (./pipeline bench starts a throwaway cluster), PostgreSQL on loopback.
/// Also the p99 latency of completing a task.
/// </summary>
public static class WorkflowThroughput
{
    private const int Instances = 2000;
    private const int Workers = 8;
    private const int WarmUp = 300;

    private const string Process = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="bench">
          <bpmn:process id="bench-six-steps" isExecutable="true">
            <bpmn:startEvent id="Start" />
            <bpmn:task id="Prepare" />
            <bpmn:userTask id="Approve"><bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="approver" /></bpmn:extensionElements></bpmn:userTask>
            <bpmn:exclusiveGateway id="Decide" default="ToRejected" />
            <bpmn:task id="Record" />
            <bpmn:endEvent id="End" />
            <bpmn:endEvent id="Rejected" />
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Prepare" />
            <bpmn:sequenceFlow id="F2" sourceRef="Prepare" targetRef="Approve" />
            <bpmn:sequenceFlow id="F3" sourceRef="Approve" targetRef="Decide" />
            <bpmn:sequenceFlow id="ToRecord" sourceRef="Decide" targetRef="Record"><bpmn:conditionExpression>=outcome = "approve"</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="ToRejected" sourceRef="Decide" targetRef="Rejected" />
            <bpmn:sequenceFlow id="F5" sourceRef="Record" targetRef="End" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    public static async Task RunAsync(BenchContext bench)
    {
        Console.WriteLine($"Workflow runtime: {Instances} instances (after {WarmUp} warm-up) of a 6-step process with one user task, {Workers} concurrent clients, history on");
        // The engine alone (no database): what the stores add is the difference.
        await MeasureAsync("in memory (engine only)", new InMemoryDefinitionStore(), new InMemoryInstanceStore());
        var sqlite = Path.Combine(bench.Work, "bench.db");
        await MeasureAsync("SQLite (WAL)", WorkflowDatabase.Factory(WorkflowDatabase.UseSqlite(sqlite)));
        if (Environment.GetEnvironmentVariable("PIPELINE_TEST_POSTGRES") is { Length: > 0 } postgres)
            await MeasureAsync("PostgreSQL (loopback)", WorkflowDatabase.Factory(WorkflowDatabase.UsePostgres(await FreshDatabaseAsync(postgres))));
        else
            Console.WriteLine("  PostgreSQL: skipped (PIPELINE_TEST_POSTGRES not set)");
        Console.WriteLine();
    }

    /// <summary>An empty database on the server, so every run measures the same thing.</summary>
    internal static async Task<string> FreshDatabaseAsync(string server)
    {
        var name = "pipeline_bench_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new Npgsql.NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await create.ExecuteNonQueryAsync();
        return new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    private static async Task MeasureAsync(string name, Microsoft.EntityFrameworkCore.IDbContextFactory<WorkflowDbContext> factory)
    {
        await WorkflowDatabase.EnsureCreatedAsync(factory, CancellationToken.None);
        await MeasureAsync(name, new EfDefinitionStore(factory), new EfInstanceStore(factory));
    }

    private static Task RunInstancesAsync(WorkflowEngine engine, string run, int count, Dictionary<string, object?> approve, double[] latencies) =>
        Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = Workers }, async (i, ct) =>
        {
            var instance = await engine.StartAsync("bench-six-steps", $"bench-{run}-{i}", null, "bench", ct);
            var started = Stopwatch.GetTimestamp();
            instance = await engine.CompleteUserTaskAsync(instance.Id, instance.Bookmarks[0].Id, "bench", ["approver"], approve, ct);
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (instance.Status != InstanceStatus.Completed) throw new InvalidOperationException("instance did not complete");
        });

    private static async Task MeasureAsync(string name, IDefinitionStore definitions, IInstanceStore instances)
    {
        var engine = new WorkflowEngine(definitions, instances, TimeProvider.System);
        await engine.DeployAsync(Process, new HashSet<string>(), "bench", CancellationToken.None);
        var run = Guid.NewGuid().ToString("N")[..8];
        var approve = new Dictionary<string, object?> { ["outcome"] = "approve" };
        // Warm-up (JIT, EF query cache, connection pool, prepared statements), not measured.
        await RunInstancesAsync(engine, $"warm-{run}", WarmUp, approve, new double[WarmUp]);
        var latencies = new double[Instances];
        var clock = Stopwatch.StartNew();
        await RunInstancesAsync(engine, run, Instances, approve, latencies);
        var elapsed = clock.Elapsed;
        Array.Sort(latencies);
        Console.WriteLine($"  {name,-24} {Instances / elapsed.TotalSeconds,7:0} completed instances/s   task completion p50 {latencies[Instances / 2],5:0.0} ms, p99 {latencies[(int)(Instances * 0.99)],5:0.0} ms");
    }
}
