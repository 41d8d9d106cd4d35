using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Pipeline.Host.Tests.Browser;

/// <summary>
/// The registry pages (issue 14) in chromium: a Jiaozuo reviewer records a contract and an annual review grade on
/// <c>/institutions</c>; the institution sees both on <c>/my/standing</c> (at phone width too); another institution
/// sees neither, but its own blacklist entry recorded with an evidence upload. Both pages are checked by axe-core against WCAG 2.1 A/AA.
/// </summary>
public sealed class RegistryBrowserTests() : BrowserTest("registry", ("huaxin", "institution"), ("other", "institution"), ("jiang", "reviewer"))
{
    private static readonly AxeRunOptions Wcag = new() { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } };

    [Fact]
    public async Task The_bureau_records_a_contract_and_a_grade_and_only_that_institution_sees_them()
    {
        var problems = new List<string>();
        var reviewer = await SignInAsync("jiang", "reviewer");
        await reviewer.GotoAsync("/institutions");
        var card = reviewer.Locator("section[aria-label='测试培训学校 huaxin']");
        await card.WaitForAsync();
        problems.AddRange(await AxeAsync(reviewer, "/institutions"));

        await card.Locator("summary", new() { HasText = "登记合同" }).ClickAsync();
        await card.Locator("input[id$='-number']").FillAsync("焦人社培〔2026〕7号");
        await card.Locator("select[id$='-occupations']").SelectOptionAsync(["电工"]);
        await card.Locator("textarea[id$='-areas']").FillAsync("解放区 30\n山阳区 20");
        await card.Locator("input[id$='-starts']").FillAsync("2026-01-01");
        await card.Locator("input[id$='-ends']").FillAsync("2028-12-31");
        await card.Locator("input[id$='-yearly']").CheckAsync();
        await card.Locator("form[aria-label^='登记合同'] button[type=submit]").ClickAsync();
        card = reviewer.Locator("section[aria-label='测试培训学校 huaxin']");
        await card.Locator("td", new() { HasText = "焦人社培〔2026〕7号" }).WaitForAsync();

        await card.Locator("summary", new() { HasText = "登记年审结果" }).ClickAsync();
        await card.Locator("input[id$='-year']").FillAsync("2025");
        await card.Locator("select[id$='-grade']").SelectOptionAsync(["pass"]);
        await card.Locator("input[id$='-publication']").FillAsync("2026-02-01 焦作市人社局网站");
        await card.Locator("form[aria-label^='登记年审结果'] button[type=submit]").ClickAsync();
        card = reviewer.Locator("section[aria-label='测试培训学校 huaxin']");
        await card.Locator(".badge.grade-pass").First.WaitForAsync();
        // A refusal is shown in the server's words, beside its form.
        await card.Locator("summary", new() { HasText = "登记年审结果" }).ClickAsync();
        await card.Locator("input[id$='-year']").FillAsync("2025");
        await card.Locator("input[id$='-publication']").FillAsync("again");
        await card.Locator("form[aria-label^='登记年审结果'] button[type=submit]").ClickAsync();
        await card.Locator(".form-status.error", new() { HasText = "2025年度年审结果已登记" }).WaitForAsync();
        // A blacklist entry for the other institution, with its evidence uploaded from the form (multipart, antiforgery header).
        var otherCard = reviewer.Locator("section[aria-label='测试培训学校 other']");
        await otherCard.Locator("summary", new() { HasText = "列入黑名单" }).ClickAsync();
        await otherCard.Locator("textarea[id$='-reason']").FillAsync("虚报培训课时");
        await otherCard.Locator("input[id$='-decision']").FillAsync("焦人社罚〔2026〕1号");
        await otherCard.Locator("input[id$='-evidence']").SetInputFilesAsync(new FilePayload { Name = "查处记录.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4 evidence"u8.ToArray() });
        await otherCard.Locator("form[aria-label^='列入黑名单'] button[type=submit]").ClickAsync();
        await reviewer.Locator("section[aria-label='测试培训学校 other'] .registry-blacklist").WaitForAsync();
        otherCard = reviewer.Locator("section[aria-label='测试培训学校 other']");
        await otherCard.Locator("summary", new() { HasText = "资格查询" }).ClickAsync();
        await otherCard.Locator("form[aria-label^='资格查询'] button[type=submit]").ClickAsync();
        await otherCard.Locator(".eligibility-answer li", new() { HasText = "R-YN-12" }).WaitForAsync();
        await reviewer.ScreenshotAsync(new() { Path = Path.Combine(Shots, "institutions.png"), FullPage = true });

        var institution = await SignInAsync("huaxin", "institution");
        await institution.SetViewportSizeAsync(390, 844);
        await institution.GotoAsync("/my/standing");
        await institution.Locator("td", new() { HasText = "焦人社培〔2026〕7号" }).WaitForAsync();
        Assert.Contains("解放区 30 人/年", await institution.Locator("main, #app").First.InnerTextAsync());
        Assert.Equal("合格", await institution.Locator(".badge.grade-pass").First.InnerTextAsync());
        await institution.Locator("summary", new() { HasText = "资格查询" }).ClickAsync();
        await institution.Locator("form[aria-label^='资格查询'] button[type=submit]").ClickAsync();
        await institution.Locator(".eligibility-answer .eligible").WaitForAsync();
        problems.AddRange(await AxeAsync(institution, "/my/standing"));
        await institution.ScreenshotAsync(new() { Path = Path.Combine(Shots, "my-standing-phone.png"), FullPage = true });

        var other = await SignInAsync("other", "institution");
        await other.GotoAsync("/my/standing");
        await other.Locator("h2", new() { HasText = "我的合同与考核" }).WaitForAsync();
        await other.Locator("text=暂无合同").WaitForAsync();
        await other.Locator(".registry-blacklist", new() { HasText = "焦人社罚〔2026〕1号" }).WaitForAsync();
        var text = await other.Locator("#app").InnerTextAsync();
        Assert.DoesNotContain("焦人社培〔2026〕7号", text);
        Assert.DoesNotContain("huaxin", text);
        await other.ScreenshotAsync(new() { Path = Path.Combine(Shots, "other-standing.png"), FullPage = true });
        // The bureau page is refused to an institution.
        var refused = await other.GotoAsync("/institutions");
        Assert.Equal(403, refused!.Status);

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
