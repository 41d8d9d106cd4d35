using DocumentFormat.OpenXml.Packaging;
using Microsoft.Playwright;
using Pipeline.Host.Hosting;
using Pipeline.Host.Tests.Http;
using Pipeline.Host.Tests.Tracker;
using S = DocumentFormat.OpenXml.Spreadsheet;

namespace Pipeline.Host.Tests.Browser;

/// <summary>
/// The case tracker (/tracker) and the statistics (/statistics) in Debian's chromium, as a Yunnan inspector (who
/// reaches Yunnan and Qujing): the stage badges on the diagram, the jurisdiction filter and a badge click narrowing the
/// list (both in the URL), paging, the XLSX export, the page at phone width, and the statistics' charts. The cases are
/// seeded straight into the Host's database. Screenshots: <c>tests/screenshots/tracker/</c>.
/// </summary>
public sealed class TrackerBrowserTests() : BrowserTest("tracker")
{
    private const string Inspector = "yn.inspector";

    private async Task SeedAsync()
    {
        var options = new PipelineOptions { DataFolder = DataFolder, DefinitionsFolder = PipelineOptions.FindDefinitionsFolder() };
        await using var app = PipelineApp.Build(options);
        var services = app.Services;
        await TestAccounts.EnsureAsync(services, Inspector, "inspector", "yunnan");
        await TrackerSeed.DeployAsync(services);
        var qj = await TrackerSeed.InstitutionAsync(services, "曲靖市技能培训中心", "qujing");
        var yn = await TrackerSeed.InstitutionAsync(services, "云南省职业培训学院", "yunnan");
        var newest = DateTimeOffset.UtcNow.AddHours(-1);
        var past = DateTimeOffset.UtcNow.AddDays(-3).ToString("O");
        var future = DateTimeOffset.UtcNow.AddDays(4).ToString("O");
        for (var i = 0; i < 25; i++)
        {
            var (stage, due) = i < 20 ? ("opening", i % 10 == 0 ? past : future) : ("payment", (string?)null);
            await TrackerSeed.AddAsync(services, new SeedCase($"QJ-2026-{i + 1:0000}", "qujing", qj, i % 2 == 0 ? "电工" : "育婴员", stage, newest.AddHours(-i), due));
        }
        for (var i = 0; i < 3; i++)
            await TrackerSeed.AddAsync(services, new SeedCase($"YN-2026-{i + 1:0000}", "yunnan", yn, "中式烹调师", "training", newest.AddHours(-30 - i), future));
        var filed = new DateTimeOffset(2026, 9, 1, 9, 0, 0, TimeSpan.FromHours(8));
        await TrackerSeed.AddClassAsync(services, "QJ-STAT-1", "qujing", qj, new { occupation = "电工", kind = "skills", startDate = "2026-10-10", headcount = 20 },
            new Dictionary<string, object?> { ["opened"] = true, ["assessment"] = new Dictionary<string, object?> { ["failed"] = new List<object?> { "学员甲" } }, ["paidAmount"] = 12000m }, filed);
        await TrackerSeed.AddClassAsync(services, "QJ-STAT-2", "qujing", qj, new { occupation = "创业者", kind = "entrepreneurship", startDate = "2026-11-02", headcount = 15 },
            new Dictionary<string, object?> { ["opened"] = true }, filed);
    }

    [Fact]
    public async Task A_bureau_user_narrows_pages_and_exports_the_tracker_and_sees_the_statistics_charts()
    {
        await SeedAsync();
        var page = await SignInAsync(Inspector, "inspector");
        await page.GotoAsync($"/tracker?process={TrackerSeed.ProcessId}");
        var opening = page.Locator(".stage-badge[data-stage=Call_Opening]");
        await opening.WaitForAsync();
        Assert.Equal("20", await opening.Locator(".count-active").InnerTextAsync());
        await page.GetByText("共 28 件").WaitForAsync();
        Assert.Equal(1, await page.Locator("#nav a[href='/tracker']").CountAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "1-tracker.png"), FullPage = true });

        // The jurisdiction filter, then a stage badge: the list narrows, and the URL says so.
        await page.Locator("#tracker-jurisdiction").SelectOptionAsync("qujing");
        await page.GetByText("共 25 件").WaitForAsync();
        Assert.Contains("jurisdiction=qujing", page.Url);
        await page.Locator(".stage-badge[data-stage=Call_Payment]").ClickAsync();
        await page.GetByText("共 5 件").WaitForAsync();
        Assert.Contains("stage=Call_Payment", page.Url);
        Assert.Equal(5, await page.Locator(".tracker-table tbody tr").CountAsync());
        Assert.All(await page.Locator(".tracker-table tbody tr td:nth-child(5)").AllInnerTextsAsync(), s => Assert.Equal("补贴拨付", s));
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "2-jurisdiction-and-stage.png"), FullPage = true });

        // The same badge again clears the stage; 20 a page: two pages.
        await page.Locator(".stage-badge[data-stage=Call_Payment]").ClickAsync();
        await page.GetByText("共 25 件").WaitForAsync();
        await page.Locator("#tracker-pageSize").SelectOptionAsync("20");
        await page.GetByText("第 1 / 2 页").WaitForAsync();
        Assert.Equal(20, await page.Locator(".tracker-table tbody tr").CountAsync());
        Assert.Equal("QJ-2026-0001", await page.Locator(".tracker-table tbody tr td a").First.InnerTextAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "下一页 Next page" }).ClickAsync();
        await page.GetByText("第 2 / 2 页").WaitForAsync();
        Assert.Equal(5, await page.Locator(".tracker-table tbody tr").CountAsync());
        Assert.Equal("QJ-2026-0021", await page.Locator(".tracker-table tbody tr td a").First.InnerTextAsync());
        Assert.True(await page.Locator(".badge.overdue").CountAsync() == 0);
        await page.GetByRole(AriaRole.Button, new() { Name = "上一页 Previous page" }).ClickAsync();
        await page.GetByText("第 1 / 2 页").WaitForAsync();
        Assert.Equal(2, await page.Locator(".tracker-table .badge.overdue").CountAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "3-paged.png"), FullPage = true });

        // The export: every filtered case (not just the page), with its header row.
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#tracker-export").ClickAsync());
        var file = Path.Combine(Shots, "export.xlsx");
        await download.SaveAsAsync(file);
        using (var doc = SpreadsheetDocument.Open(file, false))
        {
            var rows = doc.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<S.Row>().ToList();
            Assert.Equal(26, rows.Count);
            Assert.Equal("业务编号", rows[0].Elements<S.Cell>().First().InlineString!.InnerText);
        }

        // The drill-down into a stage: its sub-process with its own badges; a badge filters by the sub-process's step.
        await page.Locator("button[data-drill=Call_Opening]").ClickAsync();
        var task = page.Locator(".stage-badge[data-stage=trk-opening-task]");
        await task.WaitForAsync();
        Assert.Contains("within=Call_Opening", page.Url);
        Assert.Equal("20", await task.Locator(".count-active").InnerTextAsync());
        await page.GetByText("子流程：开班审批").WaitForAsync();
        await task.ClickAsync();
        await page.GetByText("共 20 件").WaitForAsync();
        Assert.Contains("step=trk-opening-task", page.Url);
        await page.Locator(".stage-badge[data-stage=trk-opening-task][aria-pressed=true]").WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "3b-drill-down.png"), FullPage = true });
        await page.Locator("#tracker-back").ClickAsync();
        await page.Locator(".stage-badge[data-stage=Call_Opening]").WaitForAsync();
        Assert.DoesNotContain("within=", page.Url);

        // A bookmarked view opens as it was left; at phone width.
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync($"/tracker?process={TrackerSeed.ProcessId}&jurisdiction=qujing&overdue=true");
        await page.GetByText("共 2 件").WaitForAsync();
        Assert.True(await page.Locator("#tracker-overdue").IsCheckedAsync());
        await page.Locator(".stage-badge").First.WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "4-phone-overdue.png"), FullPage = true });

        await page.SetViewportSizeAsync(1280, 800);
        await page.GotoAsync("/statistics?year=2026&quarter=4&jurisdiction=qujing");
        await page.Locator("#chart-people svg").WaitForAsync();
        await page.Locator("#chart-subsidy svg").WaitForAsync();
        Assert.True(await page.Locator("#chart-people svg path").CountAsync() > 3);
        var skills = page.Locator(".stat-table tbody tr").First;
        Assert.Equal(["就业技能培训", "1", "20", "19", "95.0%", "12,000.00"], (await skills.Locator("td").AllInnerTextsAsync()).Take(6));
        await page.GetByText("尚无结业考核结果").WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "5-statistics.png"), FullPage = true });
        var form = await page.RunAndWaitForDownloadAsync(() => page.Locator("#stat-export").ClickAsync());
        Assert.EndsWith(".xlsx", form.SuggestedFilename);
    }
}
