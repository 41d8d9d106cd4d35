using Microsoft.Playwright;
using Pipeline.Host.Tests.Http;

namespace Pipeline.Host.Tests.Browser;

/// <summary>
/// A browser test's world: the Host as a process on a throwaway data folder with the given accounts, Debian's chromium
/// through Playwright (<see cref="Chromium"/>), and a screenshot folder <c>tests/screenshots/{folder}/</c> (git-ignored).
/// </summary>
/// <param name="folder">The screenshot folder's name.</param>
/// <param name="accounts">The people (display name, comma-separated roles) to create before the test.</param>
public abstract class BrowserTest(string folder, params (string User, string Roles)[] accounts) : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), $"pipeline-{folder}-" + Guid.NewGuid().ToString("N"));
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    protected HostProcess Host { get; private set; } = null!;

    /// <summary>The Host's data folder (a test may open the same database to seed it).</summary>
    protected string DataFolder => _data;

    /// <summary>Where this test's screenshots go.</summary>
    protected string Shots { get; } = Path.Combine(Chromium.RepositoryRoot(), "tests", "screenshots", folder);

    public async Task InitializeAsync()
    {
        Host = await HostProcess.StartAsync(_data);
        var options = new Hosting.PipelineOptions { DataFolder = _data };
        await using (var services = await Hosting.AccountServices.OpenAsync(options, CancellationToken.None))
            foreach (var (user, roles) in accounts) await TestAccounts.EnsureAsync(services, user, roles);
        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright);
        Directory.CreateDirectory(Shots);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await Host.DisposeAsync();
    }

    /// <summary>A new page signed in through /login as one of the accounts.</summary>
    protected Task<IPage> SignInAsync(string user, string roles) =>
        Chromium.SignInAsync(_browser, Host.Client.BaseAddress!, TestAccounts.UserName(user, roles), TestSignIn.Password);
}
