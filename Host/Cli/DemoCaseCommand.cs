using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Pipeline.Host.Cli;

/// <summary>
/// <c>pipeline demo-case --url URL --packs DIR</c>: drives one class case through a running Host over its HTTP API,
/// as the people involved would: the institution uploads an incomplete pack, the check finds it incomplete, the
/// institution resubmits a complete one, the reviewer approves and the approver signs off. Prints each step and the
/// case timeline. Each person signs in with their own account (<c>POST /api/auth/token</c>; the accounts and passwords
/// of <c>demo-setup</c>'s FILE). Then runs a whole class case, opening to follow-up (<see cref="DemoClassCase"/>), and a short
/// tender in Yunnan (<see cref="DemoTender"/>).
/// Used by <c>./pipeline demo</c>.
/// </summary>
public static class DemoCaseCommand
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(3);

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        string url = "http://127.0.0.1:5080", packs = Path.Combine("tests", "fixtures", "packs"), accounts = Path.Combine("data", "demo-accounts.json");
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--url": url = args[i + 1]; break;
                case "--packs": packs = args[i + 1]; break;
                case "--accounts": accounts = args[i + 1]; break;
                default:
                    stderr.WriteLine($"pipeline demo-case: unexpected '{args[i]}'");
                    return ExitCodes.Usage;
            }
        }
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(2) };
        await WaitForServerAsync(http, cancellationToken);
        var passwords = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(await File.ReadAllTextAsync(accounts, cancellationToken))
            ?? throw new InvalidOperationException($"{accounts} holds no accounts (run pipeline demo-setup)");
        var institution = await SignInAsync(http, "huaxin.staff", passwords, cancellationToken);
        var reviewer = await SignInAsync(http, "wang.reviewer", passwords, cancellationToken);
        var approver = await SignInAsync(http, "li.approver", passwords, cancellationToken);
        var key = $"JZ-DEMO-{DateTime.Now:yyyyMMdd-HHmmss}";
        stdout.WriteLine($"case {key} on {url} (signed in: huaxin.staff, wang.reviewer, li.approver)");

        stdout.WriteLine("1. institution uploads a pack without its job vacancy list");
        await UploadAsync(http, institution, key, Path.Combine(packs, "class-opening-missing-vacancies.pdf"), cancellationToken);
        var view = await WaitForAsync(http, institution, key, v => Waiting(v, "Message") is not null, cancellationToken);
        PrintReport(stdout, view);

        stdout.WriteLine("2. institution resubmits the complete pack");
        await UploadAsync(http, institution, key, Path.Combine(packs, "class-opening-complete.pdf"), cancellationToken);
        view = await WaitForAsync(http, reviewer, key, v => Waiting(v, "UserTask") is not null, cancellationToken);
        PrintReport(stdout, view);

        stdout.WriteLine("3. reviewer (经办人) approves");
        await CompleteAsync(http, reviewer, view, "材料齐全，同意开班", cancellationToken);
        view = await WaitForAsync(http, reviewer, key, v => Waiting(v, "UserTask")?["candidateGroups"]?.ToJsonString().Contains("approver") == true, cancellationToken);

        stdout.WriteLine("4. approver (负责人) signs off");
        await CompleteAsync(http, approver, view, "同意", cancellationToken);
        view = await WaitForAsync(http, approver, key, v => v["status"]?.GetValue<string>() == "Completed", cancellationToken);

        stdout.WriteLine();
        stdout.WriteLine($"timeline of {key} ({view["processId"]} v{view["version"]}, {view["status"]}):");
        foreach (var h in view["history"]!.AsArray())
        {
            var kind = h!["kind"]!.GetValue<string>();
            if (kind is "node-entered") continue;
            stdout.WriteLine($"  {h["at"]!.GetValue<DateTimeOffset>().ToLocalTime():HH:mm:ss}  {h["actor"],-28} {kind,-20} {h["nodeId"],-22} {h["detail"]}");
        }
        stdout.WriteLine($"case page: {url}/cases/{key}");

        stdout.WriteLine();
        await DemoClassCase.RunAsync(http, packs, passwords, stdout, cancellationToken);

        stdout.WriteLine();
        await DemoTender.RunAsync(http, passwords, stdout, cancellationToken);
        return ExitCodes.Ok;
    }

    /// <summary>Waits up to a minute for the Host to answer (it deploys the definitions at start-up).</summary>
    private static async Task WaitForServerAsync(HttpClient http, CancellationToken cancellationToken)
    {
        for (var deadline = DateTime.UtcNow.AddMinutes(1); ; await Task.Delay(500, cancellationToken))
        {
            try
            {
                using var response = await http.GetAsync("/health", cancellationToken);
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"the Host at {http.BaseAddress} did not answer within a minute");
        }
    }

    /// <summary>A bearer token for <paramref name="userName"/>.</summary>
    internal static async Task<string> SignInAsync(HttpClient http, string userName, IReadOnlyDictionary<string, string> passwords, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("/api/auth/token", new { userName, password = passwords[userName] }, cancellationToken);
        await EnsureAsync(response, cancellationToken);
        return (await response.Content.ReadFromJsonAsync<JsonNode>(cancellationToken))!["accessToken"]!.GetValue<string>();
    }

    internal static HttpRequestMessage As(string token, HttpMethod method, string url, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private static async Task UploadAsync(HttpClient http, string token, string key, string file, CancellationToken cancellationToken)
    {
        using var form = new MultipartFormDataContent();
        var content = new StreamContent(File.OpenRead(file));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(content, "file", Path.GetFileName(file));
        using var request = As(token, HttpMethod.Post, $"/api/cases/{key}/packs", form);
        using var response = await http.SendAsync(request, cancellationToken);
        await EnsureAsync(response, cancellationToken);
    }

    private static async Task CompleteAsync(HttpClient http, string token, JsonNode view, string comment, CancellationToken cancellationToken)
    {
        var task = Waiting(view, "UserTask")!;
        using var request = As(token, HttpMethod.Post, $"/api/tasks/{view["instanceId"]}/{task["bookmarkId"]}/complete",
            JsonContent.Create(new { outcome = "approve", comment }));
        using var response = await http.SendAsync(request, cancellationToken);
        await EnsureAsync(response, cancellationToken);
    }

    internal static async Task<JsonNode> WaitForAsync(
        HttpClient http, string token, string key, Func<JsonNode, bool> condition, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + StepTimeout;
        while (true)
        {
            using var request = As(token, HttpMethod.Get, $"/api/cases/{key}");
            using var response = await http.SendAsync(request, cancellationToken);
            await EnsureAsync(response, cancellationToken);
            var view = await response.Content.ReadFromJsonAsync<JsonNode>(cancellationToken);
            if (view is not null && condition(view)) return view;
            if (view?["incidents"]?.AsArray().Count > 0)
                throw new InvalidOperationException($"case {key} has an incident: {view["incidents"]!.ToJsonString()}");
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"case {key} did not reach the next step in {StepTimeout.TotalMinutes} min");
            await Task.Delay(500, cancellationToken);
        }
    }

    internal static JsonNode? Waiting(JsonNode view, string kind) =>
        view["waiting"]?.AsArray().FirstOrDefault(w => w?["kind"]?.GetValue<string>() == kind);

    internal static void PrintReport(TextWriter stdout, JsonNode view)
    {
        var report = view["report"];
        stdout.WriteLine($"   pack check: {report?["verdict"]}  ({report?["file"]})");
        foreach (var f in report?["findings"]?.AsArray() ?? [])
            stdout.WriteLine($"     {f!["severity"],-8}{f["rule"],-8}{(f["page"] is { } p ? "p." + p : "—"),-6}{f["message"]}");
    }

    internal static async Task EnsureAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode) return;
        throw new HttpRequestException($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
    }
}
