using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Pipeline.Activities.Rosters;
using Pipeline.Host.Tests.Http;

namespace Pipeline.Host.Tests.Browser;

/// <summary>
/// The teacher pool (师资库) in chromium: a Qujing institution adds two teachers on <c>/my/standing</c> (at phone width
/// too), changes one, and sees the SIYB teachers it has against the two R-QJ-2 asks, the ID numbers masked; a Qujing reviewer records a
/// failed annual check on <c>/institutions</c> and the teacher shows as cleared out. Both pages checked by axe-core.
/// </summary>
public sealed class TeacherPoolBrowserTests() : BrowserTest("teachers")
{
    private static readonly AxeRunOptions Wcag = new() { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } };

    private static string Id(string first17) => first17 + IdNumber.CheckCharacter(first17);

    [Fact]
    public async Task An_institution_keeps_its_pool_and_a_reviewer_records_its_checks()
    {
        var options = new Hosting.PipelineOptions { DataFolder = DataFolder };
        await using (var services = await Hosting.AccountServices.OpenAsync(options, CancellationToken.None))
        {
            await TestAccounts.EnsureAsync(services, "qjschool", "institution", "qujing");
            await TestAccounts.EnsureAsync(services, "qjrev", "reviewer", "qujing");
        }
        var problems = new List<string>();
        var first = Id("53030219800101123");

        var institution = await SignInAsync("qjschool", "institution");
        await institution.GotoAsync("/my/standing");
        var pool = institution.Locator("section[aria-label='师资库 Teacher pool']");
        await pool.Locator("text=师资库暂无教师").WaitForAsync();
        async Task AddAsync(string name, string id, string siyb, string occupations)
        {
            await pool.Locator("summary", new() { HasText = "添加教师" }).ClickAsync();
            await pool.Locator("input[id$='-tname']").FillAsync(name);
            await pool.Locator("input[id$='-tid']").FillAsync(id);
            await pool.Locator("input[id$='-toccupations']").FillAsync(occupations);
            await pool.Locator("input[id$='-tsiyb']").FillAsync(siyb);
            await pool.Locator("form[aria-label^='添加教师'] button[type=submit]").ClickAsync();
            await pool.Locator("td", new() { HasText = name }).WaitForAsync();
        }
        await AddAsync("李明", first, "SIYB-530300-2020-017", "电工、焊工");
        await AddAsync("王芳", Id("53030219850505222"), "", "育婴员");
        var text = await pool.InnerTextAsync();
        Assert.Contains(IdNumber.Mask(first), text);
        Assert.DoesNotContain(first, text);
        Assert.Contains("1 / 2 名（R-QJ-2）", text);
        // A bad ID number is refused in the server's words, beside the form.
        await pool.Locator("summary", new() { HasText = "添加教师" }).ClickAsync();
        await pool.Locator("input[id$='-tname']").FillAsync("赵强");
        await pool.Locator("input[id$='-tid']").FillAsync("530302198001011230");
        await pool.Locator("form[aria-label^='添加教师'] button[type=submit]").ClickAsync();
        await pool.Locator(".form-status.error", new() { HasText = "身份证号码" }).WaitForAsync();
        problems.AddRange(await AxeAsync(institution, "/my/standing"));
        await institution.ScreenshotAsync(new() { Path = Path.Combine(Shots, "my-standing-teachers.png"), FullPage = true });
        // The institution changes a teacher: 王芳 gets her SIYB certificate, and the pool has the two R-QJ-2 asks.
        var wang = pool.Locator("tr", new() { HasText = "王芳" });
        await wang.Locator("summary", new() { HasText = "修改" }).ClickAsync();
        await wang.Locator("input[id$='-tesiyb']").FillAsync("SIYB-530300-2024-102");
        await wang.Locator("textarea[id$='-teothers']").FillAsync("毕业证 123");
        await wang.Locator("form[aria-label^='修改'] button[type=submit]").ClickAsync();
        await wang.Locator(".form-status.error", new() { HasText = "请以证书类别开头" }).WaitForAsync();
        await wang.Locator("textarea[id$='-teothers']").FillAsync("教师资格证 20104400000123");
        await wang.Locator("form[aria-label^='修改'] button[type=submit]").ClickAsync();
        await pool.Locator("text=2 / 2 名（R-QJ-2）").WaitForAsync();
        Assert.Contains("教师资格证 20104400000123", await pool.Locator("tr", new() { HasText = "王芳" }).InnerTextAsync());
        await institution.SetViewportSizeAsync(390, 844);
        await institution.GotoAsync("/my/standing");
        await institution.Locator("section[aria-label='师资库 Teacher pool'] td", new() { HasText = "李明" }).WaitForAsync();
        await institution.ScreenshotAsync(new() { Path = Path.Combine(Shots, "my-standing-teachers-phone.png"), FullPage = true });

        var reviewer = await SignInAsync("qjrev", "reviewer");
        await reviewer.GotoAsync("/institutions");
        var card = reviewer.Locator("section[aria-label='测试培训学校 qjschool']");
        var row = card.Locator("tr", new() { HasText = "李明" });
        await row.WaitForAsync();
        Assert.Equal(0, await card.Locator("summary", new() { HasText = "添加教师" }).CountAsync());
        await row.Locator("summary", new() { HasText = "年度检查" }).ClickAsync();
        await row.Locator("input[id$='-tyear']").FillAsync("2026");
        await row.Locator("select[id$='-tpassed']").SelectOptionAsync(["false"]);
        await row.Locator("input[id$='-tnote']").FillAsync("学员评价不合格");
        await row.Locator("form[aria-label^='年度检查'] button[type=submit]").ClickAsync();
        await card.Locator("tr", new() { HasText = "李明" }).Locator(".badge.teacher-excluded").WaitForAsync();
        Assert.Contains("1 / 2 名（R-QJ-2）", await card.Locator(".teacher-pool").InnerTextAsync());
        problems.AddRange(await AxeAsync(reviewer, "/institutions"));
        await reviewer.ScreenshotAsync(new() { Path = Path.Combine(Shots, "institutions-teachers.png"), FullPage = true });
        await reviewer.SetViewportSizeAsync(390, 844);
        await reviewer.GotoAsync("/institutions");
        await reviewer.Locator(".badge.teacher-excluded").WaitForAsync();
        await reviewer.ScreenshotAsync(new() { Path = Path.Combine(Shots, "institutions-teachers-phone.png"), FullPage = true });

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static async Task<IEnumerable<string>> AxeAsync(IPage page, string path)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var result = await page.RunAxe(Wcag);
        return result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{path}: {v.Id} ({v.Impact}) {v.Help}: {string.Join(" | ", v.Nodes.Take(4).Select(n => n.Target?.ToString()))}");
    }
}
