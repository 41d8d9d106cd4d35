using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Pipeline.Host.Tests.Http;

namespace Pipeline.Host.Tests.Browser;

/// <summary>
/// Every page an institution or bureau staff member works on, checked by axe-core (Deque.AxeCore.Playwright) against
/// WCAG 2.1 A and AA: labels, names, contrast, landmarks, keyboard-reachable controls. A serious or critical violation
/// fails with the rule and the elements. The diagrams' SVG (bpmn-js, drawn by the library) is left out.
/// </summary>
public sealed class AccessibilityBrowserTests() : BrowserTest("accessibility", ("huaxin", "institution"), ("jiang", "reviewer"))
{
    private static readonly AxeRunOptions Wcag = new() { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } };

    [Fact]
    public async Task The_institution_and_bureau_pages_have_no_serious_accessibility_violations()
    {
        await Processes.DeployAsync(Host.Client, Processes.SingleTask("a11y-review"));
        await Processes.StartAsync(Host.Client, "a11y-review", "JZ-2026-A11Y", "huaxin");
        var problems = new List<string>();

        var institution = await SignInAsync("huaxin", "institution");
        foreach (var (path, ready) in new[] { ("/cases", "table"), ("/cases/new", "form"), ("/cases/JZ-2026-A11Y", "#pack-findings") })
            problems.AddRange(await CheckAsync(institution, path, ready));

        var reviewer = await SignInAsync("jiang", "reviewer");
        var task = System.Text.Json.Nodes.JsonNode.Parse(await (await Host.Client.SendAsync(HostFixture.As(HttpMethod.Get, "/api/tasks", "jiang", "reviewer")))
            .Content.ReadAsStringAsync())!.AsArray().Single()!;
        foreach (var (path, ready) in new[]
                 {
                     ("/tasks", "table"), ($"/tasks/{task["instanceId"]}/{task["bookmarkId"]}", "textarea"), ("/cases", "table"), ("/tracker", "table"),
                     ("/statistics", "table"),
                 })
            problems.AddRange(await CheckAsync(reviewer, path, ready));

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private async Task<IEnumerable<string>> CheckAsync(IPage page, string path, string ready)
    {
        await page.GotoAsync(path);
        await page.Locator(ready).First.WaitForAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var name = path.Trim('/').Replace('/', '-')[..Math.Min(24, path.Trim('/').Length)];
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, $"{(name.Length == 0 ? "home" : name)}.png"), FullPage = true });
        var context = new AxeRunContext { Exclude = [new AxeSelector(".djs-container")] };
        var result = await page.RunAxe(context, Wcag);
        return result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{path}: {v.Id} ({v.Impact}) {v.Help}: {string.Join(" | ", v.Nodes.Take(4).Select(n => n.Target?.ToString()))}");
    }
}
