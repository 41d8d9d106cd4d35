using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static Pipeline.Host.Cli.DemoCaseCommand;

namespace Pipeline.Host.Cli;

/// <summary>
/// The demo's short tender (issue 14), over the HTTP API as Yunnan's reviewer 周经办 would run it from <c>/tenders</c>:
/// an open tender of 80 electricians is started (<c>POST /api/tenders</c>), filed with the prefecture and the province
/// before publication (R-YN-2), checked and published with a bid deadline a few seconds away (a real timer), the two
/// demo institutions bid, three evaluators drawn by seed score them on R-QJ-3's criteria with the administrator's
/// weights, the best is selected and its contract recorded (the registry, <c>/api/contracts</c>). Prints each step,
/// the ranking and the contract. Needs <c>demo-setup</c>'s accounts and Yunnan's <c>tender.weights</c> set.
/// </summary>
public static class DemoTender
{
    private static readonly string[] Criteria = ["teachers", "facilities", "trackRecord", "employmentRate", "trainingTime", "passRate", "financialCompliance"];

    public static async Task RunAsync(HttpClient http, IReadOnlyDictionary<string, string> passwords, TextWriter stdout, CancellationToken cancellationToken)
    {
        var reviewer = await SignInAsync(http, "zhou.reviewer", passwords, cancellationToken);
        var today = Workflows.Calendar.ChinaTime.Day(DateTimeOffset.UtcNow);
        stdout.WriteLine("a short tender in Yunnan (招标采购), as 周经办 (zhou.reviewer) runs it from /tenders");

        stdout.WriteLine("1. the reviewer starts an open tender of 80 electricians (电工), evaluators drawn from a pool of five");
        using var start = As(reviewer, HttpMethod.Post, "/api/tenders", JsonContent.Create(new
        {
            title = $"{today.Year + 1}年电工职业技能培训项目招标公告（演示）", method = "open", occupations = new[] { "电工" }, headcount = 80,
            lots = Array.Empty<object>(), shortlistOnly = false, evaluatorPool = new[] { "专家甲", "专家乙", "专家丙", "专家丁", "专家戊" }, evaluatorCount = 3,
            evaluatorSeed = "demo-评审专家", contractStartsOn = today.AddDays(1).ToString("yyyy-MM-dd"), contractEndsOn = today.AddDays(1).AddYears(1).AddDays(-1).ToString("yyyy-MM-dd"),
        }));
        using var started = await http.SendAsync(start, cancellationToken);
        await EnsureAsync(started, cancellationToken);
        var key = (await started.Content.ReadFromJsonAsync<JsonNode>(cancellationToken))!["key"]!.GetValue<string>();
        stdout.WriteLine($"   tender {key}");

        stdout.WriteLine("2. filed with the prefecture, then the province, before publication (R-YN-2)");
        await TaskAsync(http, reviewer, key, "Task_FilePrefecture", new JsonObject { ["filedOn"] = $"{today:yyyy-MM-dd}", ["filingReference"] = "州人社备〔演示〕1号" }, cancellationToken);
        await TaskAsync(http, reviewer, key, "Task_FileProvince", new JsonObject { ["filedOn"] = $"{today:yyyy-MM-dd}", ["filingReference"] = "省人社备〔演示〕1号" }, cancellationToken);

        stdout.WriteLine("3. the notice passes tender.check and is published; bids close in 3 seconds (a timer)");
        await TaskAsync(http, reviewer, key, "Task_Publish", new JsonObject
        {
            ["publishedOn"] = $"{today:yyyy-MM-dd}", ["sites"] = "云南省人社厅网站（演示）",
            ["bidDeadline"] = DateTimeOffset.UtcNow.AddSeconds(3).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-ddTHH:mm:sszzz"),
        }, cancellationToken);
        var bidders = DemoSetupCommand.Bidders.Select(b => "institution:" + b.Code).ToList();
        await TaskAsync(http, reviewer, key, "Task_RecordBids", new JsonObject { ["bids"] = new JsonArray(bidders.Select(b => (JsonNode)new JsonObject { ["institution"] = b }).ToArray()) }, cancellationToken);

        stdout.WriteLine("4. three evaluators drawn by seed each fill a score sheet (R-QJ-3's criteria, the administrator's weights)");
        for (var e = 0; e < 3; e++)
        {
            var scores = new JsonArray(bidders.Select((b, i) =>
            {
                var row = new JsonObject { ["institution"] = b };
                foreach (var c in Criteria) row[c] = 92 - 6 * i - e;
                return (JsonNode)row;
            }).ToArray());
            await TaskAsync(http, reviewer, key, "Task_Score", new JsonObject { ["scores"] = scores }, cancellationToken);
        }
        var done = await WaitForAsync(http, reviewer, key, v => v["status"]?.GetValue<string>() == "Completed", cancellationToken);
        var variables = done["variables"]!;
        foreach (var bid in variables["ranking"]?.AsArray() ?? [])
            stdout.WriteLine($"   {bid!["rank"]}. {Name(bid["institution"]!.GetValue<string>())}  {bid["score"]}{(bid["selected"]?.GetValue<bool>() == true ? "  selected" : "")}");

        stdout.WriteLine("5. the contract is recorded for the winner (/api/contracts)");
        using var contracts = As(reviewer, HttpMethod.Get, "/api/contracts");
        using var listed = await http.SendAsync(contracts, cancellationToken);
        await EnsureAsync(listed, cancellationToken);
        // The tender's contracts: [{ id, number, institution, lot, startsOn, endsOn, renewedYearly }] (contract.record).
        var ids = variables["contracts"]?.AsArray().Select(c => c!["id"]!.GetValue<string>()).ToHashSet() ?? [];
        foreach (var c in (await listed.Content.ReadFromJsonAsync<JsonArray>(cancellationToken))!.Where(c => ids.Contains(c!["id"]!.GetValue<string>())))
            stdout.WriteLine($"   {c!["number"]}  {c["institutionName"]}  {string.Join("、", c["occupations"]!.AsArray())}  {c["startsOn"]} – {c["endsOn"]}  {c["statusName"]}");
        stdout.WriteLine($"tenders page: {http.BaseAddress}tenders   case page: {http.BaseAddress}cases/{key}");
    }

    private static string Name(string institutionId) =>
        DemoSetupCommand.Bidders.FirstOrDefault(b => "institution:" + b.Code == institutionId).Name ?? institutionId;

    /// <summary>Waits for the user task <paramref name="node"/> of the tender and completes it with <paramref name="variables"/>.</summary>
    private static async Task TaskAsync(HttpClient http, string token, string key, string node, JsonObject variables, CancellationToken cancellationToken)
    {
        var view = await WaitForAsync(http, token, key, v => v["waiting"]?.AsArray().Any(w => w?["nodeId"]?.GetValue<string>() == node) == true, cancellationToken);
        var task = view["waiting"]!.AsArray().First(w => w!["nodeId"]!.GetValue<string>() == node)!;
        using var request = As(token, HttpMethod.Post, $"/api/tasks/{view["instanceId"]}/{task["bookmarkId"]}/complete",
            JsonContent.Create(new JsonObject { ["outcome"] = "done", ["variables"] = variables }));
        using var response = await http.SendAsync(request, cancellationToken);
        await EnsureAsync(response, cancellationToken);
    }
}
