using Microsoft.Playwright;
using Pipeline.Host.Tests.Http;

namespace Pipeline.Host.Tests.Browser;

/// <summary>
/// The case list (/cases, 我的案件 / 案件) in Debian's chromium: an institution sees only its own cases and gets "not
/// found" for another institution's case URL; bureau staff see every case of their jurisdiction and narrow the list by
/// business key. Screenshots go to <c>tests/screenshots/cases/</c>.
/// </summary>
public sealed class CaseListBrowserTests() : BrowserTest("cases", ("institution-a", "institution"), ("institution-b", "institution"), ("zhou", "reviewer"))
{
    [Fact]
    public async Task AnInstitution_SeesOnlyItsOwnCases_AndStaffNarrowTheirs()
    {
        await Processes.DeployAsync(Host.Client, Processes.SingleTask("pl-list"));
        await Processes.StartAsync(Host.Client, "pl-list", "A-0001", "institution-a");
        await Processes.StartAsync(Host.Client, "pl-list", "B-0001", "institution-b");

        var a = await SignInAsync("institution-a", "institution");
        await a.GotoAsync("/cases");
        await a.GetByText("我的案件").First.WaitForAsync();
        await a.Locator("td a", new() { HasTextString = "A-0001" }).WaitForAsync();
        Assert.Equal(0, await a.Locator("td a", new() { HasTextString = "B-0001" }).CountAsync());
        await a.ScreenshotAsync(new() { Path = Path.Combine(Shots, "1-my-cases.png"), FullPage = true });
        // Another institution's case URL: not found, as for a case that does not exist.
        await a.GotoAsync("/cases/B-0001");
        await a.GetByText("没有此案件，或不在您的权限范围内").WaitForAsync();
        await a.ScreenshotAsync(new() { Path = Path.Combine(Shots, "2-not-found.png"), FullPage = true });

        var staff = await SignInAsync("zhou", "reviewer");
        await staff.GotoAsync("/");
        await staff.Locator("td a", new() { HasTextString = "B-0001" }).WaitForAsync();
        Assert.Equal(1, await staff.Locator("td a", new() { HasTextString = "A-0001" }).CountAsync());
        await staff.GetByLabel("业务编号 business key").FillAsync("B-");
        await staff.GetByRole(AriaRole.Button, new() { Name = "查找 Find" }).ClickAsync();
        await staff.GetByText("1 件").WaitForAsync();
        Assert.Equal(0, await staff.Locator("td a", new() { HasTextString = "A-0001" }).CountAsync());
        await staff.ScreenshotAsync(new() { Path = Path.Combine(Shots, "3-staff-search.png"), FullPage = true });
        // A whole key opens the case.
        await staff.GetByLabel("业务编号 business key").FillAsync("A-0001");
        await staff.GetByRole(AriaRole.Button, new() { Name = "查找 Find" }).ClickAsync();
        await staff.WaitForURLAsync(url => url.EndsWith("/cases/A-0001"));
    }
}
