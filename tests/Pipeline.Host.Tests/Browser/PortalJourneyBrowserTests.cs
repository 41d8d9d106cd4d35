using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Pipeline.Host.Tests.Http;

namespace Pipeline.Host.Tests.Browser;

/// <summary>
/// The institution's whole journey in Debian's chromium: it starts a class case with an incomplete pack of two files
/// (a scanned PDF and a Word teaching plan, sent by resumable upload), follows the check, sees the missing item in the
/// checklist (材料清单) and the findings page by page, opens a page large, resubmits the corrected pack, and reads the
/// bureau's approval among the decisions. Screenshots go to <c>tests/screenshots/portal/</c>.
/// </summary>
public sealed class PortalJourneyBrowserTests() : BrowserTest("portal", ("huaxin", "institution"), ("jiang", "reviewer"), ("he", "approver"), ("lu", "approver"))
{
    private static string Pack(string name) => Path.Combine(Chromium.RepositoryRoot(), "tests", "fixtures", "packs", name);

    [Fact]
    public async Task AnInstitution_StartsACase_FixesWhatTheCheckFound_AndSeesTheApproval()
    {
        var page = await SignInAsync("huaxin", "institution");
        await page.SetViewportSizeAsync(1280, 900);
        await page.GotoAsync("/cases/new");
        var start = DateTime.Today.AddDays(40);
        await page.GetByLabel("培训职业（工种） occupation").FillAsync("电工");
        await page.GetByLabel("开班日期 start").FillAsync(start.ToString("yyyy-MM-dd"));
        await page.GetByLabel("结业日期 end").FillAsync(start.AddDays(9).ToString("yyyy-MM-dd"));
        await page.GetByLabel("培训课时 hours").FillAsync("80");
        await page.GetByLabel("培训天数 days").FillAsync("10");
        await page.GetByLabel("培训人数 headcount").FillAsync("30");
        await page.GetByLabel("姓名 name").First.FillAsync("张师傅");
        var roster = page.Locator("fieldset.rows").Nth(1);
        await roster.GetByLabel("姓名 name").FillAsync("刘洋");
        await roster.GetByLabel("身份证号 ID number").FillAsync("410802199001011232");
        await roster.GetByLabel("培训对象类别 target group").FillAsync("城镇登记失业人员");
        await page.Locator("input[type=file]").SetInputFilesAsync([Pack("class-opening-missing-vacancies.pdf"), Pack("teaching-plan.docx")]);
        await page.GetByText("共 2 个文件").WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "4-two-files-chosen.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "提交开班申请 Submit" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/cases/JZ-\\d{4}-[A-Z0-9]{6}$"));
        var key = Uri.UnescapeDataString(page.Url.Split('/')[^1]);

        // The check runs; then the checklist says what is missing and the pages carry their findings.
        var checklist = page.Locator(".checklist");
        try
        {
            await checklist.WaitForAsync(new() { Timeout = 180_000 });
        }
        catch (TimeoutException)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "debug-no-checklist.png"), FullPage = true });
            var view = await (await Host.Client.SendAsync(HostFixture.As(HttpMethod.Get, $"/api/cases/{key}", "admin", "admin"))).Content.ReadAsStringAsync();
            throw new TimeoutException(view);
        }
        var missing = checklist.Locator("tr", new() { HasTextString = "就业岗位信息统计表" });
        await Assertions.Expect(missing).ToContainTextAsync("✗ 缺少");
        await Assertions.Expect(missing).ToContainTextAsync("R-JZ-3");
        await page.GetByText("请补正材料").WaitForAsync();
        var thumbs = page.Locator(".page-strip .page-thumb");
        Assert.True(await thumbs.CountAsync() >= 3);
        await Assertions.Expect(thumbs.Last).ToContainTextAsync("教学计划");
        await page.Locator(".page-thumb img").First.EvaluateAsync("img => img.complete || new Promise(r => img.onload = r)");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "5-checklist-and-pages.png"), FullPage = true });

        await thumbs.First.ClickAsync();
        var dialog = page.Locator("dialog.page-dialog");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(dialog.Locator("h3")).ToContainTextAsync("第 1 /");
        await dialog.Locator(".page-large img").EvaluateAsync("img => img.complete || new Promise(r => img.onload = r)");
        Assert.False(string.IsNullOrWhiteSpace(await dialog.Locator(".page-text").TextContentAsync()));
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "6-page-large.png") });
        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(dialog.Locator("h3")).ToContainTextAsync("第 2 /");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(dialog).Not.ToBeVisibleAsync();

        // The corrected pack, from the case page.
        var resubmit = page.Locator("#resubmit");
        await resubmit.Locator("input[type=file]").SetInputFilesAsync(Pack("class-opening-complete.pdf"));
        await resubmit.GetByRole(AriaRole.Button, new() { Name = "提交材料 Submit" }).ClickAsync();
        await resubmit.GetByText("已收到材料").WaitForAsync();
        await Assertions.Expect(page.Locator("#pack-findings .verdict-line")).ToContainTextAsync("材料齐全", new() { Timeout = 180_000 });

        // The bureau reviews and signs off (over the API: the inbox has its own tests).
        await DecideAsync(key);
        await page.ReloadAsync();
        var decisions = page.Locator("section", new() { HasTextString = "办理结果" });
        await Assertions.Expect(decisions).ToContainTextAsync("同意");
        await Assertions.Expect(decisions).ToContainTextAsync("同意开班");
        await Assertions.Expect(page.Locator(".checklist")).Not.ToContainTextAsync("✗ 缺少");
        // The class opened, the next thing expected of the institution is the sign-in sheet, with its time limits listed.
        await page.GetByText("请上传签到表").WaitForAsync();
        await Assertions.Expect(page.Locator("section", new() { HasTextString = "办理时限" })).ToContainTextAsync("个工作日");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "7-approved.png"), FullPage = true });

        // At phone width the portal still reads: the pages two a row, nothing wider than the screen.
        await page.SetViewportSizeAsync(390, 844);
        await page.ReloadAsync();
        await page.Locator(".page-strip").WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "8-phone.png"), FullPage = true });
        // Wide tables scroll inside their card; the page itself never scrolls sideways.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"));
    }

    /// <summary>Completes the class opening's review and sign-off tasks of <paramref name="key"/> as they come.</summary>
    private async Task DecideAsync(string key)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        var signers = new Queue<string>(["he", "lu"]);
        var signedOff = false;
        var last = "";
        while (!signedOff && DateTime.UtcNow < deadline)
        {
            foreach (var (user, role) in new[] { ("jiang", "reviewer"), (signers.Count > 0 ? signers.Peek() : "he", "approver") })
            {
                var tasks = JsonNode.Parse(await (await Host.Client.SendAsync(HostFixture.As(HttpMethod.Get, $"/api/tasks?role={role}", user, role)))
                    .Content.ReadAsStringAsync())!.AsArray();
                foreach (var task in tasks.Where(t => t!["businessKey"]!.GetValue<string>() == key && t["nodeId"]!.GetValue<string>() is "Task_Review" or "Task_SignOff"))
                {
                    if (task!["nodeId"]!.GetValue<string>() == "Task_Review")
                    {
                        // The reviewer reads the pack page by page on the task page before deciding.
                        var reviewer = await SignInAsync("jiang", "reviewer");
                        await reviewer.GotoAsync($"/tasks/{task["instanceId"]}/{task["bookmarkId"]}");
                        await Assertions.Expect(reviewer.Locator(".task-pages .checklist")).ToContainTextAsync("✓ 已提交");
                        await reviewer.Locator(".task-pages .page-thumb img").First.EvaluateAsync("img => img.complete || new Promise(r => img.onload = r)");
                        await reviewer.ScreenshotAsync(new() { Path = Path.Combine(Shots, "9-reviewer-task-page.png"), FullPage = true });
                        await reviewer.CloseAsync();
                    }
                    var done = await Host.Client.SendAsync(HostFixture.As(HttpMethod.Post, $"/api/tasks/{task!["instanceId"]}/{task["bookmarkId"]}/complete",
                        user, role, ApiTests.JsonContent("""{ "outcome": "approve", "comment": "同意开班" }""")));
                    Assert.True(done.IsSuccessStatusCode, await done.Content.ReadAsStringAsync());
                    if (role == "approver" && signers.Count > 0) signers.Dequeue();
                }
            }
            last = await (await Host.Client.SendAsync(HostFixture.As(HttpMethod.Get, $"/api/cases/{key}", "admin", "admin"))).Content.ReadAsStringAsync();
            var view = JsonNode.Parse(last)!;
            signedOff = view["decisions"]!.AsArray().Any(d => d!["nodeId"]!.GetValue<string>() == "Task_SignOff")
                && !view["children"]!.AsArray().Any(c => c!["processId"]!.GetValue<string>() == "class-opening" && c["status"]!.GetValue<string>() == "Active");
            await Task.Delay(500);
        }
        Assert.True(signedOff, $"case {key} was not signed off in time: {last}");
    }
}
