using Microsoft.Playwright;

namespace Pipeline.Host.Tests.Browser;

/// <summary>
/// The top bar's language switch: zh-CN first, English on request, for every page's bilingual labels (the chosen
/// language first, the other in small type), kept across pages until switched back.
/// </summary>
public sealed class LanguageBrowserTests() : BrowserTest("language", ("huaxin", "institution"))
{
    [Fact]
    public async Task The_switch_puts_English_first_on_every_page_and_back()
    {
        var page = await SignInAsync("huaxin", "institution");
        await page.GotoAsync("/cases");
        var heading = page.Locator("section.cases h2");
        await Assertions.Expect(heading).ToHaveTextAsync("我的案件 My cases");
        Assert.Equal("zh-CN", await page.EvaluateAsync<string>("() => document.documentElement.lang"));

        await page.GetByRole(AriaRole.Button, new() { Name = "English", Exact = true }).ClickAsync();
        await Assertions.Expect(heading).ToHaveTextAsync("My cases 我的案件");
        Assert.Equal("en", await page.EvaluateAsync<string>("() => document.documentElement.lang"));
        await Assertions.Expect(page.Locator("#nav")).ToContainTextAsync("My tasks 我的待办");
        await Assertions.Expect(page.Locator("thead")).ToContainTextAsync("Stage 当前环节");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "1-english.png"), FullPage = true });

        // Another page follows the choice.
        await page.GotoAsync("/cases/new");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Submit 提交开班申请" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "中文", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "提交开班申请 Submit" })).ToBeVisibleAsync();
    }
}
