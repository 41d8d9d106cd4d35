using Microsoft.Playwright;
using Pipeline.Host.Tests.Http;

namespace Pipeline.Host.Tests.Browser;

/// <summary>
/// The case list (/cases, 我的案件 / 案件) in Debian's chromium: an institution sees only its own cases and gets "not
/// found" for another institution's case URL; bureau staff see every case of their jurisdiction and narrow the list by
/// business key. Screenshots go to <c>tests/screenshots/cases/</c>.
/// </summary>
public sealed class CaseListBrowserTests : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "pipeline-cases-" + Guid.NewGuid().ToString("N"));
    private HostProcess _host = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    private static string Shots => Path.Combine(Chromium.RepositoryRoot(), "tests", "screenshots", "cases");

    public async Task InitializeAsync()
    {
        _host = await HostProcess.StartAsync(_data);
        var options = new Hosting.PipelineOptions { DataFolder = _data };
        await using (var services = await Hosting.AccountServices.OpenAsync(options, CancellationToken.None))
        {
            await TestAccounts.EnsureAsync(services, "institution-a", "institution");
            await TestAccounts.EnsureAsync(services, "institution-b", "institution");
            await TestAccounts.EnsureAsync(services, "zhou", "reviewer");
        }
        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright);
        Directory.CreateDirectory(Shots);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _host.DisposeAsync();
    }

    private Task<IPage> SignInAsync(string user, string roles) =>
        Chromium.SignInAsync(_browser, _host.Client.BaseAddress!, TestAccounts.UserName(user, roles), TestSignIn.Password);

    [Fact]
    public async Task AnInstitution_SeesOnlyItsOwnCases_AndStaffNarrowTheirs()
    {
        await Processes.DeployAsync(_host.Client, Processes.SingleTask("pl-list"));
        await Processes.StartAsync(_host.Client, "pl-list", "A-0001", "institution-a");
        await Processes.StartAsync(_host.Client, "pl-list", "B-0001", "institution-b");

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
