using Microsoft.Playwright;

namespace Pipeline.Host.Tests.Browser;

/// <summary>
/// Debian's chromium driven by Playwright (platform notes: <c>ExecutablePath=/usr/bin/chromium</c>, nothing downloaded),
/// and the web app's sign-in page. Shared by the browser tests and <c>./pipeline bench designer</c> (linked into
/// tests/Pipeline.Benchmarks).
/// </summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = ExecutablePath, Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
    });

    /// <summary>A new 1280×800 page on <paramref name="baseAddress"/>, signed in through <c>/login</c> as the account given.</summary>
    public static async Task<IPage> SignInAsync(IBrowser browser, Uri baseAddress, string userName, string password)
    {
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 }, BaseURL = baseAddress.ToString() });
        await page.GotoAsync("/login");
        await page.FillAsync("#login-user", userName);
        await page.FillAsync("#login-password", password);
        await page.PressAsync("#login-password", "Enter");
        await page.WaitForURLAsync(url => !url.Contains("/login"));
        return page;
    }

    /// <summary>The repository's root folder (the one holding Pipeline.sln), for fixtures and screenshots.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Pipeline.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Pipeline.sln");
    }
}
