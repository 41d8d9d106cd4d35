using System.Collections.Concurrent;
using System.Diagnostics;
using Hangfire;
using Hangfire.States;
using Pipeline.Host.Hosting;
using Pipeline.Host.Scheduling;

namespace Pipeline.Benchmarks;

/// <summary>
/// The job layer as the Host configures it (Hangfire storage of <see cref="SchedulingComposition.CreateStorage"/>,
/// 1 s schedule polling): jobs per second end to end (2,000 enqueued by 8 clients, 10 workers), enqueue-to-start
/// latency p50/p99 under that load and idle (one job at a time), and the lateness of 100 timers scheduled 2–4 s ahead (start − due; negative = early, which the
/// engine turns into a re-schedule). SQLite (a file) and, when <c>PIPELINE_TEST_POSTGRES</c> is set, PostgreSQL.
/// </summary>
public static class JobThroughput
{
    private const int Jobs = 2000;
    private const int Clients = 8;
    private const int Timers = 100;
    private const int Idle = 50;

    public static async Task RunAsync(BenchContext bench)
    {
        Console.WriteLine($"Jobs (Hangfire, as the Host runs it): {Jobs} jobs by {Clients} clients, 10 workers; {Timers} timers 2–4 s ahead");
        await MeasureAsync("SQLite", new PipelineOptions { DataFolder = Path.Combine(bench.Work, "jobs-" + Guid.NewGuid().ToString("N")[..8]) });
        if (Environment.GetEnvironmentVariable("PIPELINE_TEST_POSTGRES") is { Length: > 0 } postgres)
            await MeasureAsync("PostgreSQL", new PipelineOptions { DataFolder = bench.Work, PostgresConnectionString = await WorkflowThroughput.FreshDatabaseAsync(postgres) });
        else
            Console.WriteLine("  PostgreSQL: skipped (PIPELINE_TEST_POSTGRES not set)");
        Console.WriteLine();
    }

    private static async Task MeasureAsync(string name, PipelineOptions options)
    {
        var storage = SchedulingComposition.CreateStorage(options);
        var client = new BackgroundJobClient(storage);
        BenchJob.Reset(Jobs);
        using (new BackgroundJobServer(new BackgroundJobServerOptions
        {
            Queues = ["bench"], WorkerCount = 10, SchedulePollingInterval = SchedulingComposition.SchedulePollingInterval,
        }, storage))
        {
            var clock = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(0, Jobs), new ParallelOptions { MaxDegreeOfParallelism = Clients }, (_, _) =>
            {
                client.Create(() => BenchJob.Run(DateTime.UtcNow.Ticks), new EnqueuedState("bench"));
                return ValueTask.CompletedTask;
            });
            var enqueued = clock.Elapsed;
            await BenchJob.Done.Task.WaitAsync(TimeSpan.FromMinutes(10));
            var total = clock.Elapsed;
            var latency = BenchJob.Latencies.Order().ToArray();

            // One job at a time, nothing queued before it: the latency a single pack check or timer sees.
            var idle = new double[Idle];
            for (var i = 0; i < Idle; i++)
            {
                BenchJob.Reset(1);
                client.Create(() => BenchJob.Run(DateTime.UtcNow.Ticks), new EnqueuedState("bench"));
                await BenchJob.Done.Task.WaitAsync(TimeSpan.FromMinutes(1));
                idle[i] = BenchJob.Latencies.Single();
            }
            Array.Sort(idle);

            BenchJob.Reset(Timers);
            var random = new Random(7);
            var now = DateTime.UtcNow;
            for (var i = 0; i < Timers; i++)
            {
                var due = now.AddMilliseconds(2000 + random.Next(2000));
                client.Create(() => BenchJob.Timer(due.Ticks), new ScheduledState(due));
            }
            await BenchJob.Done.Task.WaitAsync(TimeSpan.FromMinutes(2));
            var lateness = BenchJob.Latencies.Order().ToArray();
            Console.WriteLine($"  {name,-11} {Jobs / total.TotalSeconds,6:0} jobs/s end to end (enqueue alone {Jobs / enqueued.TotalSeconds:0}/s); " +
                $"enqueue→start under that load p50 {P(latency, 0.5):0} ms, p99 {P(latency, 0.99):0} ms, idle p50 {P(idle, 0.5):0} ms, p99 {P(idle, 0.99):0} ms; timer lateness p50 {P(lateness, 0.5):0} ms, p99 {P(lateness, 0.99):0} ms, " +
                $"earliest {lateness[0]:0} ms");
        }
    }

    private static double P(double[] sorted, double q) => sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
}

/// <summary>The bench's jobs: record how late they start.</summary>
public static class BenchJob
{
    public static ConcurrentBag<double> Latencies { get; private set; } = [];
    public static TaskCompletionSource Done { get; private set; } = new();
    private static int _left;

    public static void Reset(int expected)
    {
        Latencies = [];
        Done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _left = expected;
    }

    [AutomaticRetry(Attempts = 0)]
    public static void Run(long enqueuedTicks) => Record(enqueuedTicks);

    [AutomaticRetry(Attempts = 0)]
    [Queue("bench")]
    public static void Timer(long dueTicks) => Record(dueTicks);

    private static void Record(long ticks)
    {
        Latencies.Add(TimeSpan.FromTicks(DateTime.UtcNow.Ticks - ticks).TotalMilliseconds);
        if (Interlocked.Decrement(ref _left) == 0) Done.TrySetResult();
    }
}
