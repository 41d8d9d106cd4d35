using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using Pipeline.Host.Accounts;
using Pipeline.Host.Tests.Browser;
using Pipeline.Host.Tests.Http;

namespace Pipeline.Benchmarks;

/// <summary>
/// How long the visual designer takes to open a large definition ready to edit, in Debian's headless chromium
/// (Playwright, <c>/usr/bin/chromium</c>): the Host as a process on a throwaway data folder, two generated definitions
/// (<see cref="LargeDefinition"/>, 200 and 1,000 flow nodes) deployed as the administrator through
/// <c>POST /api/definitions/</c>, then <c>/designer/{processId}</c> opened <see cref="Runs"/> times each after a
/// warm-up, signed in as the administrator. The figure is the web app's own mark <c>pipeline:designer-ready</c>
/// (XML imported, fitted to the viewport, properties panel attached) in ms since navigation start; beside it the
/// first frame drawn after it, bpmnlint's first run finished with its overlays (<c>pipeline:lint-done</c>), the
/// server's validation listed, and where the time went (the modeler's script loaded, the XML received). Targets: 200
/// nodes &lt; 1 s, 1,000 nodes &lt; 3 s, judged on the median; a miss is printed, never an error.
/// </summary>
public static class DesignerOpen
{
    private const int Runs = 5;
    private static readonly (int Nodes, double TargetMs)[] Sizes = [(200, 1000), (1000, 3000)];

    // Installed before the page's own scripts: the first frame after the ready mark (a message posted from the first
    // animation frame that sees it runs once that frame is rendered), and when the problems list is first filled.
    private const string Probe = """
        (() => {
          const tick = () => {
            if (performance.getEntriesByName('pipeline:designer-ready').length === 0) { requestAnimationFrame(tick); return; }
            const channel = new MessageChannel();
            channel.port1.onmessage = () => { window.__benchPainted = performance.now(); };
            channel.port2.postMessage(0);
            const list = document.querySelector('.problems');
            const seen = () => { if (list && list.children.length > 0) { window.__benchChecked = performance.now(); return true; } return false; };
            if (!seen()) new MutationObserver((_, o) => { if (seen()) o.disconnect(); }).observe(list, { childList: true });
          };
          requestAnimationFrame(tick);
        })();
        """;

    private const string Done = """
        () => performance.getEntriesByName('pipeline:designer-ready').length > 0 && performance.getEntriesByName('pipeline:lint-done').length > 0
          && window.__benchPainted !== undefined && window.__benchChecked !== undefined
        """;

    private const string Collect = """
        () => {
          const mark = (name) => performance.getEntriesByName(name)[0].startTime;
          const resource = (part) => performance.getEntriesByType('resource').filter((r) => r.name.includes(part)).map((r) => r.responseEnd).reduce((a, b) => Math.max(a, b), 0);
          const shapes = [...document.querySelectorAll('.djs-element.djs-shape')];
          return {
            ready: mark('pipeline:designer-ready'), lint: mark('pipeline:lint-done'), painted: window.__benchPainted, checked: window.__benchChecked,
            script: resource('/assets/modeler-'), xml: resource('/xml'),
            shapes: shapes.length, nodes: shapes.filter((s) => !s.dataset.elementId.endsWith('_label')).length,
            connections: document.querySelectorAll('.djs-element.djs-connection').length,
            lintOverlays: document.querySelectorAll('.bjsl-overlay').length,
            problems: document.querySelectorAll('.problems li:not(.ok)').length,
          };
        }
        """;

    private sealed record Open(double Ready, double Lint, double Painted, double Checked, double Script, double Xml,
        int Shapes, int Nodes, int Connections, int LintOverlays, int Problems);

    public static async Task RunAsync(BenchContext bench)
    {
        if (!File.Exists(Path.Combine(bench.Root, "Designer", "dist", "index.html")))
            throw new InvalidOperationException("Designer/dist is missing: ./pipeline bench builds it (or: cd Designer && npm ci && npm run build)");
        if (!File.Exists(Chromium.ExecutablePath))
            throw new InvalidOperationException($"{Chromium.ExecutablePath} is missing: ./pipeline bench designer installs Debian's chromium");

        var data = Path.Combine(Path.GetTempPath(), "pipeline-bench-designer-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            await using var host = await HostProcess.StartAsync(data);
            var processes = new List<(int Nodes, double TargetMs, string ProcessId)>();
            foreach (var (nodes, target) in Sizes)
            {
                var processId = $"bench-designer-{nodes}";
                var xml = LargeDefinition.Generate(processId, nodes);
                // Kept for a look or `./pipeline definition validate data/bench/designer-N.bpmn` (a screenshot beside it).
                await File.WriteAllTextAsync(Path.Combine(bench.Work, $"designer-{nodes}.bpmn"), xml);
                using var content = new StringContent(xml, Encoding.UTF8, "application/xml");
                using var response = await host.Client.PostAsync("/api/definitions/", content);   // as the administrator (TestSignIn)
                if (response.StatusCode != HttpStatusCode.Created)
                    throw new InvalidOperationException($"deploying {processId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                processes.Add((nodes, target, processId));
            }

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await Chromium.LaunchAsync(playwright);
            var page = await Chromium.SignInAsync(browser, host.Client.BaseAddress!, TestAccounts.UserName(TestSignIn.DefaultUser, Roles.Admin), TestSignIn.Password);
            await page.AddInitScriptAsync(Probe);

            Console.WriteLine($"Designer: a definition opened ready to edit in headless chromium {browser.Version} (Playwright), 1280×800, " +
                $"{Runs} opens after a warm-up; ms since navigation start, verdict on the median");
            Console.WriteLine($"  machine: {Machine()}");
            Console.WriteLine($"  {"flow nodes",10} {"drawn",9} {"ready p50",10} {"max",7} {"painted",8} {"lint done",10} {"checked",8}  {"target",8}");
            var rows = new List<(int Nodes, List<Open> Opens)>();
            foreach (var (nodes, target, processId) in processes)
            {
                await OpenAsync(page, processId);   // warm-up: the modeler's script cached and compiled, the Host's JIT
                var opens = new List<Open>();
                for (var i = 0; i < Runs; i++) opens.Add(await OpenAsync(page, processId));
                await page.ScreenshotAsync(new() { Path = Path.Combine(bench.Work, $"designer-{nodes}.png") });
                rows.Add((nodes, opens));
                var ready = Median(opens.Select(o => o.Ready));
                var drawn = opens[^1].Nodes;
                Console.WriteLine($"  {nodes,10:N0} {(drawn == nodes ? "all" : $"{drawn}!"),9} {ready,7:0} ms {opens.Max(o => o.Ready),7:0} " +
                    $"{Median(opens.Select(o => o.Painted)),8:0} {Median(opens.Select(o => o.Lint)),10:0} {Median(opens.Select(o => o.Checked)),8:0}  " +
                    $"< {target,4:0} ms  {(ready < target ? "PASS" : "MISS")}");
            }
            Console.WriteLine("  where the time went (medians, ms since navigation start):");
            foreach (var (nodes, opens) in rows)
            {
                var last = opens[^1];
                double M(Func<Open, double> f) => Median(opens.Select(f));
                Console.WriteLine($"  {nodes,10:N0}  modeler script {M(o => o.Script),4:0} → XML received {M(o => o.Xml),4:0} → ready {M(o => o.Ready),4:0} " +
                    $"(import + fit + panel {M(o => o.Ready) - M(o => o.Xml):0}) → lint done {M(o => o.Lint),4:0} → painted {M(o => o.Painted),4:0} → checked {M(o => o.Checked),4:0}; " +
                    $"canvas: {last.Shapes:N0} shapes ({last.Nodes:N0} flow nodes, the rest labels), {last.Connections:N0} flows; " +
                    $"lint overlays {last.LintOverlays}, server problems {last.Problems}");
            }
            Console.WriteLine("  drawn: the flow nodes on the canvas (.djs-shape less labels) = the generated count; painted: the first frame after ready; " +
                "lint done: bpmnlint's first run and its overlays; checked: the server's validation listed");
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

    private static async Task<Open> OpenAsync(IPage page, string processId)
    {
        await page.GotoAsync($"/designer/{processId}");
        await page.WaitForFunctionAsync(Done, null, new() { Timeout = 120_000, PollingInterval = 50 });
        var m = await page.EvaluateAsync<JsonElement>(Collect);
        double D(string name) => m.GetProperty(name).GetDouble();
        int I(string name) => m.GetProperty(name).GetInt32();
        return new Open(D("ready"), D("lint"), D("painted"), D("checked"), D("script"), D("xml"),
            I("shapes"), I("nodes"), I("connections"), I("lintOverlays"), I("problems"));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>CPU model, cores, memory and the load average when the bench started (the machine is shared).</summary>
    private static string Machine()
    {
        string Read(string path) => File.Exists(path) ? File.ReadAllText(path) : "";
        var cpu = Read("/proc/cpuinfo").Split('\n').FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        var memory = Read("/proc/meminfo").Split('\n').FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)) is { } line
            ? $"{long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0 / 1024:0} GiB" : "? GiB";
        var load = string.Join(' ', Read("/proc/loadavg").Split(' ').Take(3));
        return $"{cpu}, {Environment.ProcessorCount} cores, {memory}, load average {load}";
    }
}
