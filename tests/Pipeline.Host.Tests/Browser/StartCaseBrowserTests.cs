using Microsoft.Playwright;
using Pipeline.Host.Tests.Http;

namespace Pipeline.Host.Tests.Browser;

/// <summary>
/// An institution starts a class case in Debian's chromium (/cases/new, 开班申请): the class data in a form, the opening
/// pack dropped in, one upload with its progress, then the case page. Missing input is said before anything is sent.
/// Screenshots go to <c>tests/screenshots/portal/</c>.
/// </summary>
public sealed class StartCaseBrowserTests() : BrowserTest("portal", ("huaxin", "institution"))
{
    [Fact]
    public async Task AnInstitution_StartsAClassCase_WithItsClassDataAndOpeningPack()
    {
        var page = await SignInAsync("huaxin", "institution");
        await page.GotoAsync("/cases");
        await page.GetByText("开班申请").First.ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/cases/new"));

        var start = DateTime.Today.AddDays(40);
        await page.GetByLabel("培训职业（工种） occupation").FillAsync("中式烹调师");
        await page.GetByLabel("开班日期 start").FillAsync(start.ToString("yyyy-MM-dd"));
        await page.GetByLabel("结业日期 end").FillAsync(start.AddDays(9).ToString("yyyy-MM-dd"));
        await page.GetByLabel("培训课时 hours").FillAsync("80");
        await page.GetByLabel("培训天数 days").FillAsync("10");
        await page.GetByLabel("培训人数 headcount").FillAsync("30");
        await page.GetByLabel("培训地点 place").FillAsync("焦作市解放区民主路 8 号");
        await page.GetByLabel("姓名 name").First.FillAsync("张师傅");
        var roster = page.Locator("fieldset.rows").Nth(1);
        await roster.GetByLabel("姓名 name").FillAsync("刘洋");
        await roster.GetByLabel("身份证号 ID number").FillAsync("410802199001011234");
        // Without the pack nothing is sent, and the clerk is told what is missing.
        await page.GetByRole(AriaRole.Button, new() { Name = "提交开班申请 Submit" }).ClickAsync();
        await page.GetByText("请选择开班材料文件").WaitForAsync();
        await page.Locator("input[type=file]").SetInputFilesAsync(Path.Combine(Chromium.RepositoryRoot(), "tests", "fixtures", "packs", "class-opening-complete.pdf"));
        await page.GetByText("共 1 个文件").WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "1-start-case.png"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "提交开班申请 Submit" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/cases/JZ-\\d{4}-[A-Z0-9]{6}$"));
        var key = Uri.UnescapeDataString(page.Url.Split('/')[^1]);
        await page.GetByText(key).First.WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "2-case-filed.png"), FullPage = true });

        var answer = await Host.Client.SendAsync(HostFixture.As(HttpMethod.Get, $"/api/cases/{key}", "huaxin", "institution"));
        var view = System.Text.Json.Nodes.JsonNode.Parse(await answer.Content.ReadAsStringAsync())!;
        Assert.Equal("class-case", view["processId"]!.GetValue<string>());
    }

    /// <summary>start → wait for a corrected pack (message <c>pack-resubmitted</c> by business key) → 复核 (reviewer) → end.</summary>
    private const string WaitsForAPack = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
          id="Definitions_resubmit" targetNamespace="http://pipeline.example/bpmn">
          <bpmn:message id="Message_Pack" name="pack-resubmitted">
            <bpmn:extensionElements><zeebe:subscription correlationKey="=businessKey" /></bpmn:extensionElements>
          </bpmn:message>
          <bpmn:process id="pl-resubmit" isExecutable="true">
            <bpmn:startEvent id="Start" />
            <bpmn:intermediateCatchEvent id="Wait_Pack" name="等待补正材料"><bpmn:messageEventDefinition messageRef="Message_Pack" /></bpmn:intermediateCatchEvent>
            <bpmn:userTask id="Task_Recheck" name="复核">
              <bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="reviewer" /></bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:endEvent id="End" />
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Wait_Pack" />
            <bpmn:sequenceFlow id="F2" sourceRef="Wait_Pack" targetRef="Task_Recheck" />
            <bpmn:sequenceFlow id="F3" sourceRef="Task_Recheck" targetRef="End" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Fact]
    public async Task AnInstitution_ResubmitsACorrectedPack_FromTheCasePage()
    {
        await Processes.DeployAsync(Host.Client, WaitsForAPack);
        await Processes.StartAsync(Host.Client, "pl-resubmit", "JZ-R-0001", "huaxin");
        var page = await SignInAsync("huaxin", "institution");
        await page.GotoAsync("/cases/JZ-R-0001");
        var section = page.Locator("#resubmit");
        await section.WaitForAsync();
        await section.GetByRole(AriaRole.Button, new() { Name = "提交材料 Submit" }).ClickAsync();
        await section.GetByText("请选择要提交的材料文件").WaitForAsync();
        await section.Locator("input[type=file]").SetInputFilesAsync(
            Path.Combine(Chromium.RepositoryRoot(), "tests", "fixtures", "packs", "class-opening-complete.pdf"));
        await section.GetByRole(AriaRole.Button, new() { Name = "提交材料 Submit" }).ClickAsync();
        await section.GetByText("已收到材料").WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "3-resubmitted.png"), FullPage = true });
        // The case moved on to the re-check.
        await page.Locator("td", new() { HasTextString = "复核" }).First.WaitForAsync();
        var answer = await Host.Client.SendAsync(HostFixture.As(HttpMethod.Get, "/api/cases/JZ-R-0001", "huaxin", "institution"));
        var view = System.Text.Json.Nodes.JsonNode.Parse(await answer.Content.ReadAsStringAsync())!;
        Assert.Equal("Task_Recheck", view["waiting"]!.AsArray().Single()!["nodeId"]!.GetValue<string>());
    }
}
