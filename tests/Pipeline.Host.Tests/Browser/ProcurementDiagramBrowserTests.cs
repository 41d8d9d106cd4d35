namespace Pipeline.Host.Tests.Browser;

/// <summary>
/// The procurement definitions as an administrator sees them in the designer (Debian's chromium): every element named in
/// Chinese and laid out so the diagram reads left to right. Screenshots: <c>tests/screenshots/procurement/</c>.
/// </summary>
public sealed class ProcurementDiagramBrowserTests() : BrowserTest("procurement", ("procurement.admin", "admin"))
{
    [Theory]
    [InlineData("tender", "Task_Evaluate", "评标")]
    [InlineData("annual-plan", "Task_CheckPlan", "培训计划审核")]
    public async Task The_procurement_definition_opens_in_the_designer_with_Chinese_names(string processId, string element, string name)
    {
        var page = await SignInAsync("procurement.admin", "admin");
        await page.GotoAsync($"/designer/{processId}/1");
        var shape = page.Locator($".djs-element[data-element-id=\"{element}\"]");
        await shape.WaitForAsync();
        Assert.Contains(name, await shape.TextContentAsync() ?? "");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, $"{processId}.png"), FullPage = true });
    }
}
