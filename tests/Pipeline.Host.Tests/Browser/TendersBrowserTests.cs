using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Pipeline.Host.Tests.Browser;

/// <summary>
/// <c>/tenders</c> (issue 14) in chromium: a Wenshui reviewer starts a tender from the page's form (once the
/// administrator has set the bid-evaluation weights the seed leaves open) and lands on its case page; the tender is
/// listed with its method, lots and stage; a Jiaozuo reviewer is told Jiaozuo's rules have no tendering; an institution
/// sees no unpublished notice. The page is checked by axe-core against WCAG 2.1 A/AA and works at phone width.
/// </summary>
public sealed class TendersBrowserTests() : BrowserTest("tenders", ("zhao", "reviewer"), ("huaxin", "institution"))
{
    private static readonly AxeRunOptions Wcag = new() { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } };

    [Fact]
    public async Task A_reviewer_starts_a_tender_from_the_page_and_follows_it()
    {
        var options = new Hosting.PipelineOptions { DataFolder = DataFolder };
        await using (var services = await Hosting.AccountServices.OpenAsync(options, CancellationToken.None))
        {
            await Http.TestAccounts.EnsureAsync(services, "ws-zhao", "reviewer", "wenshui");
            await Http.TestAccounts.EnsureAsync(services, "ws-qian", "approver", "wenshui");
            await Http.TestAccounts.EnsureAsync(services, "ws-sun", "approver", "wenshui");
        }
        await File.WriteAllTextAsync(options.ProfileSettingsPath, """
            { "wenshui": { "tender.weights": { "value": { "teachers": 20, "facilities": 15, "trackRecord": 15, "employmentRate": 20, "trainingTime": 10, "passRate": 10, "financialCompliance": 10 },
                                               "by": "admin", "at": "2026-11-01T09:00:00+08:00" } } }
            """);

        // Jiaozuo's notice says nothing of tendering: no weights, no tender, and the page says why.
        var jiaozuo = await SignInAsync("zhao", "reviewer");
        await jiaozuo.GotoAsync("/tenders");
        await jiaozuo.Locator("summary", new() { HasText = "发起招标" }).ClickAsync();
        await jiaozuo.Locator("#tender-title").FillAsync("解放区2027年职业技能培训项目招标公告");
        await jiaozuo.Locator("#tender-occupations").FillAsync("电工");
        await jiaozuo.Locator("#tender-headcount").FillAsync("100");
        await jiaozuo.Locator("#tender-pool").FillAsync("专家甲\n专家乙\n专家丙");
        await jiaozuo.Locator("form[aria-label^='发起招标'] button[type=submit]").ClickAsync();
        await jiaozuo.Locator(".form-status.error", new() { HasText = "焦作市的规定没有招标评标的规则" }).WaitForAsync();

        var reviewer = await SignInAsync("ws-zhao", "reviewer");
        await reviewer.GotoAsync("/tenders");
        await reviewer.Locator("h2", new() { HasText = "招标采购" }).WaitForAsync();
        await reviewer.Locator("summary", new() { HasText = "发起招标" }).ClickAsync();
        await reviewer.Locator("#tender-title").FillAsync("文水县2027年职业技能培训项目招标公告");
        await reviewer.Locator("#tender-occupations").FillAsync("电工、育婴员");
        await reviewer.Locator("#tender-headcount").FillAsync("100");
        await reviewer.Locator("#tender-lots").FillAsync("第一标段 | 电工 | 60\n第二标段 | 育婴员 | 50");
        await reviewer.Locator("#tender-pool").FillAsync("专家甲\n专家乙\n专家丙\n专家丁");
        await reviewer.Locator("#tender-count").FillAsync("3");
        await reviewer.Locator("form[aria-label^='发起招标'] button[type=submit]").ClickAsync();
        // The lots do not add up: the server's words beside the form, nothing started.
        await reviewer.Locator(".form-status.error", new() { HasText = "各标段人数之和（110）应等于计划培训人数（100）" }).WaitForAsync();
        await reviewer.ScreenshotAsync(new() { Path = Path.Combine(Shots, "1-start-refused.png"), FullPage = true });

        // Wenshui selects six institutions (R-WS-1): one lot of the whole takes all six.
        await reviewer.Locator("#tender-lots").FillAsync("");
        await reviewer.Locator("#tender-lottery-seed").FillAsync("2027-01-05 县公证处公布号码 4827");
        await reviewer.Locator("#tender-lottery-areas").FillAsync("开栅镇 40\n南庄镇 30\n南安镇 30");
        await reviewer.Locator("form[aria-label^='发起招标'] button[type=submit]").ClickAsync();
        await reviewer.WaitForURLAsync(url => url.Contains("/cases/TENDER-WENSHUI-"));
        await reviewer.Locator(".djs-container").First.WaitForAsync();

        await reviewer.GotoAsync("/tenders");
        var row = reviewer.Locator("tr", new() { HasText = "文水县2027年职业技能培训项目招标公告" });
        await row.WaitForAsync();
        var text = await row.InnerTextAsync();
        Assert.Contains("公开招标", text);

        // The process runs on to the publication task: the stage is the bureau's next step (the page shows it on a reload).
        for (var i = 0; i < 60 && !(await row.InnerTextAsync()).Contains("发布招标公告"); i++)
        {
            await Task.Delay(500);
            await reviewer.ReloadAsync();
            row = reviewer.Locator("tr", new() { HasText = "文水县2027年职业技能培训项目招标公告" });
            await row.WaitForAsync();
        }
        var stage = await row.InnerTextAsync();
        Assert.True(stage.Contains("发布招标公告"), stage);
        await reviewer.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var violations = (await reviewer.RunAxe(Wcag)).Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}) {v.Help}: {string.Join(" | ", v.Nodes.Take(4).Select(n => n.Target?.ToString()))}").ToList();
        Assert.True(violations.Count == 0, string.Join("\n", violations));
        await reviewer.ScreenshotAsync(new() { Path = Path.Combine(Shots, "2-listed.png"), FullPage = true });
        await reviewer.SetViewportSizeAsync(390, 844);
        await reviewer.ScreenshotAsync(new() { Path = Path.Combine(Shots, "3-phone.png"), FullPage = true });
        Assert.True(await reviewer.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"));

        // Next year's plan, started from the same page, lands on its case page; the page then lists it at the county's draft.
        await reviewer.SetViewportSizeAsync(1280, 900);
        await reviewer.GotoAsync("/tenders");
        await reviewer.Locator("summary", new() { HasText = "编制年度计划" }).ClickAsync();
        await reviewer.Locator("#plan-previous").FillAsync("电工");
        await reviewer.Locator("form[aria-label^='编制年度计划'] button[type=submit]").ClickAsync();
        await reviewer.WaitForURLAsync(url => url.Contains("/cases/PLAN-WENSHUI-"));
        await reviewer.GotoAsync("/tenders");
        var plan = reviewer.Locator("tr", new() { HasText = "PLAN-WENSHUI-" });
        await plan.WaitForAsync();
        for (var i = 0; i < 60 && !(await plan.InnerTextAsync()).Contains("县级编制次年培训计划"); i++)
        {
            await Task.Delay(500);
            await reviewer.ReloadAsync();
            plan = reviewer.Locator("tr", new() { HasText = "PLAN-WENSHUI-" });
            await plan.WaitForAsync();
        }
        Assert.Contains("县级编制次年培训计划", await plan.InnerTextAsync());

        // Drafted, reviewed and approved (two approvers, through the API as their task pages would): in force, the
        // plan offers 按此计划招标, which fills the tender form with its occupations and headcount (R-QJ-3).
        var key = System.Text.RegularExpressions.Regex.Match(await plan.InnerTextAsync(), "PLAN-WENSHUI-[0-9]+-[0-9A-F]+").Value;
        var year = DateTime.UtcNow.AddHours(8).Year + 1;
        Assert.Equal(200, await CompleteAsync(reviewer, key, "Task_Draft", "done",
            $$"""{ "plan": { "year": {{year}}, "county": "文水县", "items": [{ "occupation": "中式烹调师", "headcount": 90, "targetGroup": "农村转移就业劳动者" }, { "occupation": "电工", "headcount": 60, "targetGroup": "城镇登记失业人员" }] } }"""));
        var approver = await SignInAsync("ws-qian", "approver");
        Assert.Equal(200, await CompleteAsync(approver, key, "Task_PrefectureReview", "approve", "{}"));
        var approver2 = await SignInAsync("ws-sun", "approver");
        Assert.Equal(200, await CompleteAsync(approver2, key, "Task_ProvinceApprove", "approve", "{}"));
        await reviewer.GotoAsync("/tenders");
        var button = reviewer.Locator("tr", new() { HasText = key }).Locator("button", new() { HasText = "按此计划招标" });
        for (var i = 0; i < 60 && await button.CountAsync() == 0; i++)
        {
            await Task.Delay(500);
            await reviewer.ReloadAsync();
            button = reviewer.Locator("tr", new() { HasText = key }).Locator("button", new() { HasText = "按此计划招标" });
        }
        await button.ClickAsync();
        Assert.Equal($"文水县{year}年职业技能培训项目招标公告", await reviewer.Locator("#tender-title").InputValueAsync());
        Assert.Equal("中式烹调师、电工", await reviewer.Locator("#tender-occupations").InputValueAsync());
        Assert.Equal("150", await reviewer.Locator("#tender-headcount").InputValueAsync());
        await reviewer.ScreenshotAsync(new() { Path = Path.Combine(Shots, "5-plans.png"), FullPage = true });

        // Not yet published: the institution does not see it, and has no start form.
        var institution = await SignInAsync("huaxin", "institution");
        await institution.GotoAsync("/tenders");
        await institution.Locator("caption", new() { HasText = "招标项目 0 个" }).WaitForAsync();
        Assert.Equal(0, await institution.Locator("summary", new() { HasText = "发起招标" }).CountAsync());
        Assert.Equal(0, await institution.Locator("h2", new() { HasText = "年度培训计划" }).CountAsync());
        await institution.ScreenshotAsync(new() { Path = Path.Combine(Shots, "4-institution.png"), FullPage = true });
    }

    /// <summary>Completes the open user task <paramref name="node"/> of case <paramref name="key"/> from the signed-in page, as the
    /// task page's form would (the antiforgery header of a cookie sign-in); returns the HTTP status, 0 when the task never opened.</summary>
    private static Task<int> CompleteAsync(IPage page, string key, string node, string outcome, string variablesJson) =>
        page.EvaluateAsync<int>("""
            async ([key, node, outcome, variables]) => {
              const xhr = { 'X-Requested-With': 'XMLHttpRequest' };
              for (let i = 0; i < 100; i++) {
                const view = await (await fetch('/api/cases/' + key, { headers: xhr })).json();
                const task = view.waiting.find((w) => w.nodeId === node);
                if (task) {
                  const af = await (await fetch('/api/auth/antiforgery', { headers: xhr })).json();
                  const r = await fetch(`/api/tasks/${view.instanceId}/${task.bookmarkId}/complete`, {
                    method: 'POST', headers: { ...xhr, 'Content-Type': 'application/json', [af.headerName]: af.token },
                    body: JSON.stringify({ outcome, variables: JSON.parse(variables) }) });
                  return r.status;
                }
                await new Promise((resolve) => setTimeout(resolve, 300));
              }
              return 0;
            }
            """, new object[] { key, node, outcome, variablesJson });
}
