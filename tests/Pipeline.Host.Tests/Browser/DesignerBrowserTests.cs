using Microsoft.Playwright;
using Pipeline.Host.Tests.Http;

namespace Pipeline.Host.Tests.Browser;

/// <summary>
/// The visual designer in Debian's chromium (<see cref="Chromium"/>: Playwright, <c>ExecutablePath=/usr/bin/chromium</c>; nothing downloaded):
/// an administrator builds a definition from the palette with a catalogue template, sees the lint problem on the canvas
/// and in the panel, fixes it, deploys, and sees version 1; a reviewer is refused the designer. Screenshots of each step
/// go to <c>tests/screenshots/designer/</c> (ignored by git).
/// </summary>
public sealed class DesignerBrowserTests() : BrowserTest("designer", ("designer", "admin"), ("reader", "reviewer"))
{
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
        // The lint and the server's check may both list it: wait for the first.
        await page.Locator(".problems li", new() { HasTextString = "Activity_" }).First.WaitForAsync();
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
        var deployed = await Host.Client.GetStringAsync($"/api/definitions/{processId}/1/xml");
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

    /// <summary>Version 1 (<paramref name="taskId"/> = Task_Review) or 2 (Task_Check, same name): start → 审核 → end, with diagram.</summary>
    private static string Review(string taskId) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
          xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
          id="Definitions_migrate" targetNamespace="http://pipeline.example/bpmn">
          <bpmn:process id="pl-migrate" name="迁移演示" isExecutable="true">
            <bpmn:startEvent id="Start" name="开始"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
            <bpmn:userTask id="{taskId}" name="审核">
              <bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="reviewer" /></bpmn:extensionElements>
              <bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing>
            </bpmn:userTask>
            <bpmn:endEvent id="End" name="结束"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent>
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="{taskId}" />
            <bpmn:sequenceFlow id="F2" sourceRef="{taskId}" targetRef="End" />
          </bpmn:process>
          <bpmndi:BPMNDiagram id="D"><bpmndi:BPMNPlane id="P" bpmnElement="pl-migrate">
            <bpmndi:BPMNShape id="Start_di" bpmnElement="Start"><dc:Bounds x="150" y="100" width="36" height="36" /></bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="{taskId}_di" bpmnElement="{taskId}"><dc:Bounds x="240" y="78" width="100" height="80" /></bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="End_di" bpmnElement="End"><dc:Bounds x="400" y="100" width="36" height="36" /></bpmndi:BPMNShape>
            <bpmndi:BPMNEdge id="F1_di" bpmnElement="F1"><di:waypoint x="186" y="118" /><di:waypoint x="240" y="118" /></bpmndi:BPMNEdge>
            <bpmndi:BPMNEdge id="F2_di" bpmnElement="F2"><di:waypoint x="340" y="118" /><di:waypoint x="400" y="118" /></bpmndi:BPMNEdge>
          </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
        </bpmn:definitions>
        """;

    [Fact]
    public async Task AnAdministrator_MigratesARunningCase_FromTheComparison_AndPicksCandidateGroupsFromTheRoles()
    {
        await Processes.DeployAsync(Host.Client, Review("Task_Review"));
        var instanceId = await Processes.StartAsync(Host.Client, "pl-migrate", "MIG-0001");
        await Processes.DeployAsync(Host.Client, Review("Task_Check"));
        var page = await SignInAsync("designer", "admin");

        // The list counts the running case on version 1.
        await page.GotoAsync("/designer");
        var row = page.Locator("tr", new() { HasTextString = "pl-migrate" });
        Assert.Equal("1", (await row.Locator(".running").InnerTextAsync()).Trim());

        // The comparison offers the case for migration; Task_Review is gone in v2 and is prefilled to Task_Check (same name).
        await page.GotoAsync("/designer/pl-migrate/compare/1/2");
        var mapping = page.GetByLabel("Task_Review 映射到 (maps to)");
        await mapping.WaitForAsync();
        Assert.Equal("Task_Check", await mapping.InputValueAsync());
        // Unmapped: the dry run is refused by element, marked on version 1's diagram, and migrating stays disabled.
        await mapping.SelectOptionAsync("");
        await page.GetByText("检查 Dry run").ClickAsync();
        await page.Locator(".migration-result .problems li", new() { HasTextString = "Task_Review" }).WaitForAsync();
        Assert.Equal(1, await page.Locator(".compare-canvas .djs-element.pl-problem[data-element-id=\"Task_Review\"]").CountAsync());
        Assert.True(await page.GetByText("迁移所选实例 Migrate").IsDisabledAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "7-migration-refused.png"), FullPage = true });
        // Mapped: the dry run passes, then the case moves to version 2.
        await mapping.SelectOptionAsync("Task_Check");
        await page.GetByText("检查 Dry run").ClickAsync();
        await page.GetByText("可以迁移 (can migrate)").WaitForAsync();
        await page.GetByText("迁移所选实例 Migrate").ClickAsync();
        await page.GetByText("已迁移到 v2 (migrated)").WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "8-migrated.png"), FullPage = true });
        var view = System.Text.Json.Nodes.JsonNode.Parse(await Host.Client.GetStringAsync($"/api/instances/{instanceId}"))!;
        Assert.Equal(2, view["version"]!.GetValue<int>());
        Assert.Equal("Task_Check", view["waiting"]!.AsArray().Single()!["nodeId"]!.GetValue<string>());

        // Version 2 in the modeler: find the task with Ctrl+F, add the inspectors from the roles, undo it with Ctrl+Z, add them again.
        await page.GotoAsync("/designer/pl-migrate/2");
        await page.Locator(".djs-element[data-element-id=\"Task_Check\"]").WaitForAsync();
        await page.Locator(".designer-canvas").ClickAsync(new() { Position = new() { X = 700, Y = 400 } });
        await page.Keyboard.PressAsync("Control+f");
        // The search pad searches on keyup (as after an IME composition); End ends the typed text.
        await page.Locator(".djs-search-input input").FillAsync("审核");
        await page.Keyboard.PressAsync("End");
        await page.Locator(".djs-search-result").First.WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "9-search.png") });
        await page.Keyboard.PressAsync("Enter");
        await page.Locator(".bio-properties-panel-header-label", new() { HasTextString = "审核" }).WaitForAsync();
        var inspectors = page.GetByLabel("督查人员（inspector）");
        var assignment = page.Locator(".bio-properties-panel-group-header", new() { HasTextString = "分配" });
        if (!await inspectors.IsVisibleAsync()) await assignment.ClickAsync();
        Assert.True(await page.GetByLabel("经办人（reviewer）").IsCheckedAsync());
        await inspectors.CheckAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "10-candidate-groups.png") });
        await page.Locator(".designer-canvas").ClickAsync(new() { Position = new() { X = 700, Y = 400 } });
        await page.Keyboard.PressAsync("Control+z");
        await page.Locator(".djs-element[data-element-id=\"Task_Check\"]").ClickAsync();
        if (!await inspectors.IsVisibleAsync()) await assignment.ClickAsync();
        Assert.False(await inspectors.IsCheckedAsync());
        await inspectors.CheckAsync();
        await page.Locator(".problems li.ok").WaitForAsync();
        await page.Locator(".toolbar button.primary").ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/designer/pl-migrate/3$"));
        Assert.Contains("candidateGroups=\"reviewer,inspector\"", await Host.Client.GetStringAsync("/api/definitions/pl-migrate/3/xml"));
    }

    [Fact]
    public async Task AnUploadedDefinition_WithBrokenFeel_AndAnEmptyRequiredInput_IsMarkedAndNotDeployed()
    {
        // The review is a catalogue template (补贴核算) whose required inputs are missing, and its outgoing condition is broken FEEL.
        var review = System.Text.RegularExpressions.Regex.Match(Review("Task_Review"), "<bpmn:userTask.*?</bpmn:userTask>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        var templated = """
            <bpmn:serviceTask id="Task_Review" name="核算" zeebe:modelerTemplate="pipeline.subsidy.compute" zeebe:modelerTemplateVersion="1">
              <bpmn:extensionElements><zeebe:taskDefinition type="subsidy.compute" retries="3" /></bpmn:extensionElements>
              <bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing>
            </bpmn:serviceTask>
            """;
        var broken = Review("Task_Review").Replace(review, templated).Replace("pl-migrate", "pl-feel").Replace(
            """<bpmn:sequenceFlow id="F2" sourceRef="Task_Review" targetRef="End" />""",
            """<bpmn:sequenceFlow id="F2" sourceRef="Task_Review" targetRef="End"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">=score &gt;</bpmn:conditionExpression></bpmn:sequenceFlow>""");
        var page = await SignInAsync("designer", "admin");
        await page.GotoAsync("/designer/new");
        await page.Locator(".djs-element[data-element-id=\"StartEvent_1\"]").WaitForAsync();
        await page.Locator("input.upload").SetInputFilesAsync(new FilePayload { Name = "pl-feel.bpmn", MimeType = "application/xml", Buffer = System.Text.Encoding.UTF8.GetBytes(broken) });
        await page.Locator(".djs-element[data-element-id=\"Task_Review\"]").WaitForAsync();
        // bpmnlint's FEEL check (pipeline/feel-syntax) names the flow and the expression; it blocks deploying.
        var feel = page.Locator(".problems li.error", new() { HasTextString = "FEEL 表达式有误" });
        await feel.WaitForAsync();
        AssertContainsAll(await feel.InnerTextAsync(), "F2", "=score >");
        Assert.Equal(1, await page.Locator(".djs-element.pl-problem[data-element-id=\"F2\"]").CountAsync());
        // bpmn-js-element-templates' lint: the template's required input is empty.
        await page.Locator(".problems li.error", new() { HasTextString = "settlement 不能为空" }).WaitForAsync();
        Assert.Equal(1, await page.Locator(".djs-element.pl-problem[data-element-id=\"Task_Review\"]").CountAsync());
        Assert.Equal("rgb(198, 40, 40)", await page.Locator(".djs-element[data-element-id=\"F2\"] .djs-visual > path").First.EvaluateAsync<string>("p => getComputedStyle(p).stroke"));
        await page.Locator(".toolbar button.primary").ClickAsync();
        await page.GetByText("不能部署").WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "11-feel-error.png") });
        Assert.DoesNotContain("pl-feel", await Host.Client.GetStringAsync("/api/definitions/"));
    }

    private static void AssertContainsAll(string text, params string[] parts)
    {
        foreach (var part in parts) Assert.Contains(part, text);
    }

    [Fact]
    public async Task TheCatalogue_IsOfferedInTheAppendMenu_InChinese()
    {
        var page = await SignInAsync("designer", "admin");
        await page.GotoAsync("/designer/new");
        var start = page.Locator(".djs-element[data-element-id=\"StartEvent_1\"]");
        await start.WaitForAsync();
        await start.ClickAsync();
        await page.Locator(".djs-context-pad .entry[data-action=\"append\"]").ClickAsync();
        var menu = page.Locator(".djs-popup");
        await menu.Locator(".entry", new() { HasTextString = "人工任务" }).First.WaitForAsync();
        await menu.Locator("input").FillAsync("补贴");
        await page.Keyboard.PressAsync("End"); // the menu filters on keyup, as after an IME composition
        await menu.Locator(".entry", new() { HasTextString = "人工任务" }).WaitForAsync(new() { State = WaitForSelectorState.Detached });
        var template = menu.Locator(".entry", new() { HasTextString = "补贴核算" }).First;
        await template.WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "12-append-menu.png") });
        await template.ClickAsync();
        // The appended service task carries the template: task type fixed, the template group in the panel.
        await page.Locator(".bio-properties-panel-header", new() { HasTextString = "补贴核算" }).WaitForAsync();
        await page.Locator(".bio-properties-panel-group-header", new() { HasTextString = "输入 Inputs" }).WaitForAsync();
        Assert.Equal(1, await page.Locator(".djs-element.djs-shape[data-element-id^=\"Activity_\"]").CountAsync());

        // The English switch: the same menus in bpmn-js's own English, the undeployed edit kept across the reload.
        await page.GetByText("English 英文").ClickAsync();
        await page.GetByText("中文 Chinese").WaitForAsync();
        await page.GetByText("unsaved changes restored").WaitForAsync();
        Assert.Equal(1, await page.Locator(".djs-element.djs-shape[data-element-id^=\"Activity_\"]").CountAsync());
        var again = page.Locator(".djs-element[data-element-id=\"StartEvent_1\"]");
        await again.ClickAsync();
        await page.Locator(".djs-context-pad .entry[data-action=\"append\"]").ClickAsync();
        await menu.GetByText("Append element").WaitForAsync();
        await menu.Locator(".entry", new() { HasTextString = "User task" }).First.WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "13-english.png") });
    }

    /// <summary>
    /// The shipped lifecycles open in the designer without an error (bpmnlint, the FEEL and template checks, the
    /// server's validation agree with the engine), so an administrator can change and redeploy any of them.
    /// </summary>
    [Fact]
    public async Task EveryShippedLifecycle_OpensWithoutErrors_AndCanBeRedeployed()
    {
        var page = await SignInAsync("designer", "admin");
        var ids = Directory.GetFiles(Path.Combine(Chromium.RepositoryRoot(), "workflow-definitions"), "*.bpmn")
            .Select(f => System.Text.RegularExpressions.Regex.Match(File.ReadAllText(f), "<bpmn:process id=\"([^\"]+)\"").Groups[1].Value).Order().ToList();
        Assert.Equal(13, ids.Count);
        foreach (var id in ids)
        {
            await page.GotoAsync($"/designer/{id}");
            var summary = page.Locator(".problems li.ok");
            await summary.WaitForAsync();
            // The lint has run (debounced after the import) and the summary still stands.
            await page.WaitForTimeoutAsync(600);
            var errors = await page.Locator(".problems li.error").AllInnerTextsAsync();
            Assert.True(errors.Count == 0, $"{id}: {string.Join(" | ", errors)}");
            if (id == "class-opening") await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "14-class-opening.png") });
        }
        // Redeploying one unchanged is refused by nothing: it becomes the next version.
        await page.GotoAsync("/designer/class-opening");
        await page.Locator(".problems li.ok").WaitForAsync();
        await page.Locator(".toolbar button.primary").ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/designer/class-opening/2$"));
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

}
