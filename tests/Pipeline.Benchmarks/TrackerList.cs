using System.Diagnostics;
using System.Text.Json;
using Microsoft.Playwright;
using Pipeline.Host.Accounts;
using Pipeline.Host.Hosting;
using Pipeline.Host.Tests.Browser;
using Pipeline.Host.Tests.Http;
using Pipeline.Host.Tests.Tracker;

namespace Pipeline.Benchmarks;

/// <summary>
/// The case tracker at its largest page: the Host as a process on a throwaway SQLite data folder, <see cref="Cases"/>
/// cases seeded straight into its database (<see cref="TrackerSeed"/>: a three-stage parent, each stage a call activity
/// with a child, so 2,000 instances; 10 % overdue, two jurisdictions), then
/// <c>/tracker?process=trk-case&amp;pageSize=1000</c> opened <see cref="Runs"/> times after a warm-up in headless chromium
/// as the administrator. The figure is the page's own mark <c>pipeline:tracker-ready</c> (the list of 1,000 rows
/// rendered) in ms since navigation start; beside it the API alone (<c>GET /api/tracker/cases?pageSize=1000</c> on
/// loopback) and the stage counts. Target: ready &lt; 1 s (median); a miss is printed, never an error.
/// </summary>
public static class TrackerList
{
    private const int Cases = 1000;
    private const int Runs = 5;
    private const double TargetMs = 1000;

    public static async Task RunAsync(BenchContext bench)
    {
        if (!File.Exists(Path.Combine(bench.Root, "Designer", "dist", "index.html")))
            throw new InvalidOperationException("Designer/dist is missing: ./pipeline bench builds it (or: cd Designer && npm ci && npm run build)");
        var data = Path.Combine(Path.GetTempPath(), "pipeline-bench-tracker-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            await using var host = await HostProcess.StartAsync(data);
            var seeding = Stopwatch.StartNew();
            await using (var app = PipelineApp.Build(new PipelineOptions { DataFolder = data, DefinitionsFolder = PipelineOptions.FindDefinitionsFolder() }))
            {
                var services = app.Services;
                await TrackerSeed.DeployAsync(services);
                var a = await TrackerSeed.InstitutionAsync(services, "焦作市华信职业培训学校", "jiaozuo");
                var b = await TrackerSeed.InstitutionAsync(services, "曲靖市技能培训中心", "qujing");
                var now = DateTimeOffset.UtcNow;
                string[] stages = ["opening", "training", "payment"];
                string[] occupations = ["电工", "育婴员", "中式烹调师", "电子商务师"];
                for (var i = 0; i < Cases; i++)
                {
                    var due = (i % 10 == 0 ? now.AddDays(-2) : now.AddDays(5)).ToString("O");
                    await TrackerSeed.AddAsync(services, new SeedCase($"BENCH-{i + 1:00000}", i % 3 == 0 ? "qujing" : "jiaozuo", i % 3 == 0 ? b : a,
                        occupations[i % occupations.Length], stages[i % stages.Length], now.AddMinutes(-i), due));
                }
            }
            var seeded = seeding.Elapsed;

            // The API alone, on loopback (as the administrator), after a warm-up.
            var api = new List<double>();
            for (var i = 0; i <= Runs; i++)
            {
                var watch = Stopwatch.StartNew();
                using var response = await host.Client.GetAsync($"/api/tracker/cases?process={TrackerSeed.ProcessId}&pageSize=1000");
                var body = await response.Content.ReadAsStringAsync();
                watch.Stop();
                response.EnsureSuccessStatusCode();
                if (i > 0) api.Add(watch.Elapsed.TotalMilliseconds);
                if (i == 0 && JsonDocument.Parse(body).RootElement.GetProperty("items").GetArrayLength() != Cases)
                    throw new InvalidOperationException("the API did not list every case");
            }
            var stagesWatch = Stopwatch.StartNew();
            (await host.Client.GetAsync($"/api/tracker/stages?process={TrackerSeed.ProcessId}")).EnsureSuccessStatusCode();
            var stageMs = stagesWatch.Elapsed.TotalMilliseconds;

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await Chromium.LaunchAsync(playwright);
            var page = await Chromium.SignInAsync(browser, host.Client.BaseAddress!, TestAccounts.UserName(TestSignIn.DefaultUser, Roles.Admin), TestSignIn.Password);
            var ready = new List<double>();
            var rows = 0;
            for (var i = 0; i <= Runs; i++)
            {
                await page.GotoAsync($"/tracker?process={TrackerSeed.ProcessId}&pageSize=1000");
                await page.WaitForFunctionAsync("() => performance.getEntriesByName('pipeline:tracker-ready').length > 0", null, new() { Timeout = 60_000, PollingInterval = 20 });
                var mark = await page.EvaluateAsync<double>("() => performance.getEntriesByName('pipeline:tracker-ready')[0].startTime");
                rows = await page.Locator(".tracker-table tbody tr").CountAsync();
                if (i > 0) ready.Add(mark);
            }
            await page.Locator(".stage-badge").First.WaitForAsync();
            await page.ScreenshotAsync(new() { Path = Path.Combine(bench.Work, "tracker-1000.png") });

            var median = Median(ready);
            Console.WriteLine($"Tracker: {Cases:N0} cases seeded in {seeded.TotalSeconds:0.0} s (SQLite, {Cases * 2:N0} instances); the list of {rows:N0} rows " +
                $"in headless chromium {browser.Version}, {Runs} opens after a warm-up");
            Console.WriteLine($"  page ready (rows rendered) p50 {median:0} ms, max {ready.Max():0} ms   target < {TargetMs:0} ms  {(median < TargetMs && rows == Cases ? "PASS" : "MISS")}");
            Console.WriteLine($"  API GET /api/tracker/cases?pageSize=1000 p50 {Median(api):0} ms (max {api.Max():0}); stage counts {stageMs:0} ms");
            Console.WriteLine();
        }
        finally
        {
            try
            {
                Directory.Delete(data, true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
