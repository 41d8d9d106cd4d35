using Microsoft.Playwright;
using Pipeline.Host.Tests.Http;

namespace Pipeline.Host.Tests.Browser;

/// <summary>
/// The visual designer in Debian's chromium (<see cref="Chromium"/>: Playwright, <c>ExecutablePath=/usr/bin/chromium</c>; nothing downloaded):
/// an administrator builds a definition from the palette with a catalogue template, sees the lint problem on the canvas
/// and in the panel, fixes it, deploys, and sees version 1; a reviewer is refused the designer. Screenshots of each step
/// go to <c>tests/screenshots/designer/</c> (ignored by git).
/// </summary>
public sealed class DesignerBrowserTests : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "pipeline-browser-" + Guid.NewGuid().ToString("N"));
    private HostProcess _host = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    private static string Shots => Path.Combine(RepositoryRoot(), "tests", "screenshots", "designer");

    public async Task InitializeAsync()
    {
        _host = await HostProcess.StartAsync(_data);
        var options = new Hosting.PipelineOptions { DataFolder = _data };
        await using (var services = await Hosting.AccountServices.OpenAsync(options, CancellationToken.None))
        {
            await TestAccounts.EnsureAsync(services, "designer", "admin");
            await TestAccounts.EnsureAsync(services, "reader", "reviewer");
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
    public async Task AnAdministrator_BuildsChecksAndDeploysADefinition_WithACatalogueTemplate()
    {
        var page = await SignInAsync("designer", "admin");
        await page.GotoAsync("/designer");
        await page.GetByText("培训班全周期 Class case").WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "1-definitions.png") });

        await page.GetByText("新建流程").ClickAsync();
        var start = page.Locator(".djs-element[data-element-id=\"StartEvent_1\"]");
        await start.WaitForAsync();
        await start.ClickAsync();
        await page.Locator(".djs-context-pad .entry[data-action=\"append.append-task\"]").ClickAsync();
        // The new task has no way out: the lint shows it on the canvas and in the problems panel.
        await page.Locator(".problems li", new() { HasTextString = "Activity_" }).WaitForAsync();
        Assert.True(await page.Locator(".djs-element.pl-problem").CountAsync() >= 1);
        // bpmnlint's own markers on the canvas (end-event-required, label-required).
        await page.Locator(".bjsl-overlay").First.WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "2-problem.png") });

        // A catalogue activity from the template chooser.
        await page.Locator(".bio-properties-panel-group-header", new() { HasTextString = "模板" }).GetByRole(AriaRole.Button).ClickAsync();
        await page.GetByText("补贴核算", new() { Exact = true }).ClickAsync();
        await page.Locator(".bio-properties-panel-group-header", new() { HasTextString = "输入 Inputs" }).WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "3-template.png") });
        // The template's job group carries our retry back-off, written as the zeebe:property pipeline:retryBackoff.
        await page.Locator(".bio-properties-panel-group-header", new() { HasTextString = "作业 Job" }).ClickAsync();
        await page.GetByLabel("重试间隔 Retry back-off").FillAsync("PT30S");
        await page.GetByLabel("重试间隔 Retry back-off").PressAsync("Tab");

        // Fix: an end event after the task.
        await page.Locator(".djs-context-pad .entry[data-action=\"append.end-event\"]").ClickAsync();
        await page.Locator(".problems li.ok").WaitForAsync();
        await page.Locator(".toolbar button.primary").ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/designer/Process_[a-z0-9]+/1$"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "4-deployed.png") });
        var processId = page.Url.Split('/')[^2];
        var deployed = await _host.Client.GetStringAsync($"/api/definitions/{processId}/1/xml");
        Assert.Contains("name=\"pipeline:retryBackoff\" value=\"PT30S\"", deployed);
        // What the designer saves (tests/fixtures/bpmn/designer-saved.bpmn is one such file, round-tripped by BpmnJsRoundTripTests).
        await File.WriteAllTextAsync(Path.Combine(Shots, "designer-saved.bpmn"), deployed);

        // Version 2 renames the end event; the comparison of 1 and 2 shows it changed.
        var end = page.Locator(".djs-element.djs-shape[data-element-id^=\"Event_\"]").Last;
        await end.DblClickAsync();
        await page.Keyboard.TypeAsync("已完成");
        await page.Locator(".designer-canvas").ClickAsync(new() { Position = new() { X = 600, Y = 500 } });
        await page.Locator(".toolbar button.primary").ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex($"/designer/{processId}/2$"));
        await page.GotoAsync("/designer");
        await page.GetByText("对比 v1–v2").ClickAsync();
        await page.Locator(".diff-row.diff-changed").First.WaitForAsync();
        Assert.Contains("已完成", await page.Locator(".diff-row.diff-changed").First.InnerTextAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "5-compare.png") });
    }

    [Fact]
    public async Task AReviewer_IsRefusedTheDesigner()
    {
        var page = await SignInAsync("reader", "reviewer");
        var response = await page.GotoAsync("/designer");
        Assert.Equal(403, response!.Status);
        await page.GetByText("无权访问").WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "6-reviewer-refused.png") });
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Pipeline.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Pipeline.sln");
    }
}
