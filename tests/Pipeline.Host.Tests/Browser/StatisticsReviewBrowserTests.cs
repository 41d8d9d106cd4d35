using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Pipeline.Host.Tests.Http;
using static Pipeline.Host.Tests.Http.HostFixture;

namespace Pipeline.Host.Tests.Browser;

/// <summary>
/// The Qujing quarterly report as its reviewer meets it: the shipped definition deployed with its start timer due a few
/// seconds ahead (the Host's scheduler fires it), the report compiled and rendered, and the 审核报送 task opened from the
/// inbox with its form (the period, what is not known) and completed; the XLSX listed on its case page. Screenshots in <c>tests/screenshots/statistics/</c>.
/// </summary>
public sealed class StatisticsReviewBrowserTests() : BrowserTest("statistics")
{
    [Fact]
    public async Task The_reviewer_checks_and_submits_the_timer_started_quarterly_report()
    {
        var options = new Hosting.PipelineOptions { DataFolder = DataFolder };
        await using (var services = await Hosting.AccountServices.OpenAsync(options, CancellationToken.None))
            await TestAccounts.EnsureAsync(services, "qjstat", "reviewer", "qujing");
        var shipped = await File.ReadAllTextAsync(Path.Combine(Chromium.RepositoryRoot(), "workflow-definitions", "qj-quarterly-statistics.bpmn"));
        var due = DateTimeOffset.UtcNow.AddSeconds(6).ToOffset(TimeSpan.FromHours(8));
        var soon = shipped.Replace(
            """<bpmn:timeCycle xsi:type="bpmn:tFormalExpression">R/2026-01-01T00:00:00+08:00/P3M</bpmn:timeCycle>""",
            $"""<bpmn:timeDate xsi:type="bpmn:tFormalExpression">{due:yyyy-MM-dd'T'HH:mm:sszzz}</bpmn:timeDate>""");
        Assert.NotEqual(shipped, soon);
        await Processes.DeployAsync(Host.Client, soon);

        // The scheduler fires the timer; compile and render run as jobs; the task waits for Qujing's reviewer.
        JsonNode? task = null;
        for (var deadline = DateTime.UtcNow.AddSeconds(90); task is null && DateTime.UtcNow < deadline; await Task.Delay(500))
        {
            var tasks = JsonNode.Parse(await (await Host.Client.SendAsync(As(HttpMethod.Get, "/api/tasks", "qjstat", "reviewer"))).Content.ReadAsStringAsync())!;
            task = tasks.AsArray().FirstOrDefault(t => t!["processId"]!.GetValue<string>() == "qj-quarterly-statistics");
        }
        Assert.True(task is not null, Host.Output);

        var page = await SignInAsync("qjstat", "reviewer");
        await page.GotoAsync("/tasks");
        var row = page.Locator("tr[data-task]", new() { HasTextString = "审核报送" });
        await row.Locator("td").First.GetByRole(AriaRole.Link).ClickAsync();
        await page.Locator(".task-form .fjs-form").WaitForAsync();
        var text = await page.Locator(".task-page").InnerTextAsync();
        Assert.Contains("统计报表审核报送", text);
        Assert.Contains("曲靖市 · ", text);
        Assert.Contains("季度", text);
        Assert.Contains("开班数据不区分创业基础能力培训与提升创业能力培训", text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Claim" }).ClickAsync();
        await page.Locator(".assignee").GetByText("我").WaitForAsync();
        await page.GetByLabel("已核对报表数据与培训班案件一致").CheckAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "review-task.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "提交 Complete" }).ClickAsync();
        await page.GetByText("已办结").WaitForAsync();
        var key = task!["businessKey"]!.GetValue<string>();
        var view = JsonNode.Parse(await Host.Client.GetStringAsync($"/api/cases/{Uri.EscapeDataString(key)}"))!;
        Assert.Equal("Completed", view["status"]!.GetValue<string>());
        await page.GotoAsync($"/cases/{Uri.EscapeDataString(key)}");
        // The report's XLSX is listed for download on its case page, though the case has no packs.
        await page.Locator(".documents a", new() { HasTextString = "曲靖市职业培训情况统计表-曲靖市-2026Q" }).WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "report-case.png"), FullPage = true });
    }
}
