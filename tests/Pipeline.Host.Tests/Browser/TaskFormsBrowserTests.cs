using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Pipeline.Host.Tests.Http;

namespace Pipeline.Host.Tests.Browser;

/// <summary>
/// Task forms (issue 13) in Debian's chromium: a reviewer and an approver open their tasks from the inbox on the task
/// page, claim them, fill the shipped forms (form-js) and complete them, and the case moves on; an administrator edits a
/// form in the form editor and deploys it as a new version. Screenshots go to <c>tests/screenshots/forms/</c>.
/// </summary>
public sealed class TaskFormsBrowserTests() : BrowserTest("forms", ("zhou", "reviewer"), ("wu", "reviewer"), ("li", "approver"), ("boss", "admin"))
{
    /// <summary>start → 验收审核 (reviewer, form acceptance-review) → 拨付审批 (approver, form payment-approval, R-YN-10) → end.</summary>
    private const string ReviewThenApprove = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
          xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI"
          id="Definitions_forms" targetNamespace="http://pipeline.example/bpmn">
          <bpmn:process id="pl-forms" name="表单演示" isExecutable="true">
            <bpmn:startEvent id="Start" name="开始" />
            <bpmn:userTask id="Task_Review" name="验收审核">
              <bpmn:extensionElements><zeebe:formDefinition formId="acceptance-review" /><zeebe:assignmentDefinition candidateGroups="reviewer" /></bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:userTask id="Task_Approve" name="拨付审批">
              <bpmn:extensionElements>
                <zeebe:formDefinition formId="payment-approval" />
                <zeebe:assignmentDefinition candidateGroups="approver" />
                <zeebe:properties><zeebe:property name="pipeline:notCompletedBy" value="Task_Review" /></zeebe:properties>
              </bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:endEvent id="End" name="结束" />
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task_Review" />
            <bpmn:sequenceFlow id="F2" sourceRef="Task_Review" targetRef="Task_Approve" />
            <bpmn:sequenceFlow id="F3" sourceRef="Task_Approve" targetRef="End" />
          </bpmn:process>
          <bpmndi:BPMNDiagram id="D1"><bpmndi:BPMNPlane id="P1" bpmnElement="pl-forms">
            <bpmndi:BPMNShape id="Start_di" bpmnElement="Start"><dc:Bounds x="100" y="100" width="36" height="36" /></bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="Task_Review_di" bpmnElement="Task_Review"><dc:Bounds x="190" y="78" width="100" height="80" /></bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="Task_Approve_di" bpmnElement="Task_Approve"><dc:Bounds x="350" y="78" width="100" height="80" /></bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="End_di" bpmnElement="End"><dc:Bounds x="510" y="100" width="36" height="36" /></bpmndi:BPMNShape>
            <bpmndi:BPMNEdge id="F1_di" bpmnElement="F1"><di:waypoint x="136" y="118" /><di:waypoint x="190" y="118" /></bpmndi:BPMNEdge>
            <bpmndi:BPMNEdge id="F2_di" bpmnElement="F2"><di:waypoint x="290" y="118" /><di:waypoint x="350" y="118" /></bpmndi:BPMNEdge>
            <bpmndi:BPMNEdge id="F3_di" bpmnElement="F3"><di:waypoint x="450" y="118" /><di:waypoint x="510" y="118" /></bpmndi:BPMNEdge>
          </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
        </bpmn:definitions>
        """;

    private async Task<JsonNode> CaseAsync(string key) => JsonNode.Parse(await Host.Client.GetStringAsync($"/api/cases/{key}"))!;

    /// <summary>Opens the task from the inbox row of <paramref name="key"/> on its task page, claims it.</summary>
    private static async Task OpenAndClaimAsync(IPage page, string key, bool hasForm = true)
    {
        await page.GotoAsync("/tasks");
        var row = page.Locator("tr[data-task]", new() { HasTextString = key });
        await row.Locator("td").First.GetByRole(AriaRole.Link).ClickAsync();
        await page.Locator(".task-page form.work-form").WaitForAsync();
        if (hasForm) await page.Locator(".task-form .fjs-form").WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Claim" }).ClickAsync();
        await page.Locator(".assignee").GetByText("我").WaitForAsync();
    }

    [Fact]
    public async Task AReviewerAndAnApprover_CompleteTheirTasks_WithAForm_AndTheCaseMovesOn()
    {
        await Processes.DeployAsync(Host.Client, ReviewThenApprove);
        var instanceId = await Processes.StartAsync(Host.Client, "pl-forms", "FORMS-0001");
        // The class data and the computed subsidy, as the class case would have them by now.
        var set = await Host.Client.PutAsync($"/api/instances/{instanceId}/variables", ApiTests.JsonContent("""
            { "class": { "occupation": "电工", "trainingMode": "general", "startDate": "2026-06-15", "endDate": "2026-06-26",
                         "plannedHours": 80, "trainingDays": 10, "headcount": 20 },
              "amount": 12000 }
            """));
        Assert.True(set.IsSuccessStatusCode, await set.Content.ReadAsStringAsync());

        var reviewer = await SignInAsync("zhou", "reviewer");
        await reviewer.GotoAsync("/tasks");
        await reviewer.Locator("tr[data-task]").First.WaitForAsync();
        await reviewer.ScreenshotAsync(new() { Path = Path.Combine(Shots, "1-inbox.png"), FullPage = true });
        await OpenAndClaimAsync(reviewer, "FORMS-0001");
        var pageText = await reviewer.Locator(".task-page").InnerTextAsync();
        Assert.Contains("FORMS-0001", pageText);
        Assert.Contains("电工", pageText);
        await reviewer.Locator(".task-diagram .djs-element.pl-waiting[data-element-id=\"Task_Review\"]").WaitForAsync();

        await reviewer.GetByLabel("未通过考核学员").FillAsync("张三、李四");
        await reviewer.GetByLabel("普惠制").FillAsync("60");
        await reviewer.GetByLabel("办理意见 Comment").FillAsync("验收合格，两人未通过考核");
        await reviewer.ScreenshotAsync(new() { Path = Path.Combine(Shots, "2-task-page-review.png"), FullPage = true });
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "提交 Complete" }).ClickAsync();
        await reviewer.GetByText("已办结，案件已继续流转").WaitForAsync();
        await reviewer.ScreenshotAsync(new() { Path = Path.Combine(Shots, "3-review-done.png"), FullPage = true });

        var afterReview = await CaseAsync("FORMS-0001");
        Assert.Equal("Task_Approve", afterReview["waiting"]!.AsArray().Single()!["nodeId"]!.GetValue<string>());
        Assert.Equal(["张三", "李四"], afterReview["variables"]!["assessment"]!["failed"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(60, afterReview["variables"]!["assessment"]!["dailyRates"]!["general"]!.GetValue<decimal>());

        var approver = await SignInAsync("li", "approver");
        await OpenAndClaimAsync(approver, "FORMS-0001");
        await approver.GetByText("核算补贴金额：12000 元").WaitForAsync();
        await approver.GetByLabel("已核对补贴金额与核算明细").CheckAsync();
        await approver.GetByLabel("办理意见 Comment").FillAsync("同意拨付");
        await approver.ScreenshotAsync(new() { Path = Path.Combine(Shots, "4-task-page-approve.png"), FullPage = true });
        await approver.GetByRole(AriaRole.Button, new() { Name = "提交 Complete" }).ClickAsync();
        await approver.GetByText("已办结，案件已继续流转").WaitForAsync();

        var done = await CaseAsync("FORMS-0001");
        Assert.Equal("Completed", done["status"]!.GetValue<string>());
        Assert.True(done["variables"]!["amountChecked"]!.GetValue<bool>());
        Assert.Contains(done["history"]!.AsArray(), h => h!["kind"]!.GetValue<string>() == "task-claimed");
    }

    [Fact]
    public async Task AnAdministrator_EditsAFormInTheFormEditor_AndDeploysIt()
    {
        var admin = await SignInAsync("boss", "admin");

        // In the modeler, a user task's 表单 group offers the deployed forms; the shipped payment task links its form.
        await admin.GotoAsync("/designer/subsidy-payment");
        await admin.Locator(".djs-element[data-element-id=\"Task_RecordPayment\"]").ClickAsync();
        await admin.Locator(".bio-properties-panel-group-header", new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^\\s*表单") }).ClickAsync();
        var picker = admin.Locator("#bio-properties-panel-pipeline-form");
        Assert.Equal("payment-record", await picker.InputValueAsync());
        Assert.Contains("拨付登记（payment-record v1）", await picker.InnerTextAsync());
        await admin.ScreenshotAsync(new() { Path = Path.Combine(Shots, "5-modeler-form-group.png"), FullPage = true });
        // Choosing another form relinks the task (the Zeebe group's own form id field follows); none removes the link.
        await picker.SelectOptionAsync("payment-approval");
        Assert.Equal("payment-approval", await admin.Locator("#bio-properties-panel-formId").InputValueAsync());
        await picker.SelectOptionAsync("");
        await admin.Locator("#bio-properties-panel-formId").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        Assert.Equal("", await picker.InputValueAsync());

        await admin.GotoAsync("/designer");
        await admin.GetByRole(AriaRole.Link, new() { Name = "表单 Forms" }).ClickAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "拨付登记" }).WaitForAsync();
        await admin.ScreenshotAsync(new() { Path = Path.Combine(Shots, "6-forms-list.png"), FullPage = true });
        await admin.GetByRole(AriaRole.Link, new() { Name = "拨付登记" }).ClickAsync();
        await admin.Locator(".fjs-editor-container").WaitForAsync();
        await admin.ScreenshotAsync(new() { Path = Path.Combine(Shots, "7-form-editor.png"), FullPage = true });

        // Select the voucher field on the canvas and rename it in the properties panel.
        await admin.Locator(".fjs-editor-container .fjs-element", new() { HasTextString = "拨付凭证号" }).Last.ClickAsync();
        // The properties panel's groups start collapsed; the label is a templating field (CodeMirror): select its text and type over it.
        await admin.Locator(".fjs-properties-container .bio-properties-panel-group-header", new() { HasTextString = "General" }).ClickAsync();
        await admin.Locator("#bio-properties-panel-label").ClickAsync();
        await admin.Keyboard.PressAsync("Control+A");
        await admin.Keyboard.InsertTextAsync("拨付凭证编号");
        await admin.GetByText("有未部署的修改").WaitForAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "部署 Deploy" }).ClickAsync();
        await admin.GetByText("已部署：payment-record 第 2 版").WaitForAsync();
        await admin.ScreenshotAsync(new() { Path = Path.Combine(Shots, "8-form-deployed.png"), FullPage = true });

        var latest = JsonNode.Parse(await Host.Client.GetStringAsync("/api/forms/payment-record"))!;
        Assert.Equal(2, latest["version"]!.GetValue<int>());
        Assert.Contains(latest["schema"]!["components"]!.AsArray(), c => c!["label"]?.GetValue<string>() == "拨付凭证编号");

        // A schema the server refuses is reported in Chinese.
        await admin.GotoAsync("/designer/forms/new");
        await admin.Locator(".fjs-editor-container").WaitForAsync();
        await admin.GetByLabel("表单编号 Form id").FillAsync("9-bad id");
        await admin.GetByRole(AriaRole.Button, new() { Name = "部署 Deploy" }).ClickAsync();
        await admin.GetByText("不能部署 (refused)：表单 id \"9-bad id\" 不合格式").WaitForAsync();
        await admin.ScreenshotAsync(new() { Path = Path.Combine(Shots, "9-form-refused.png"), FullPage = true });
    }

    [Fact]
    public async Task AClaimedTask_ShowsWhoHoldsIt_ToOtherCandidates_AndATaskWithoutAFormIsWorkedWithTheOutcomeAndComment()
    {
        await Processes.DeployAsync(Host.Client, Processes.SingleTask("pl-noform"));
        await Processes.StartAsync(Host.Client, "pl-noform", "FORMS-0002");

        var zhou = await SignInAsync("zhou", "reviewer");
        await OpenAndClaimAsync(zhou, "FORMS-0002", hasForm: false);
        Assert.Equal(0, await zhou.Locator(".task-form .fjs-form").CountAsync());

        var wu = await SignInAsync("wu", "reviewer");
        await wu.GotoAsync("/tasks");
        var row = wu.Locator("tr[data-task]", new() { HasTextString = "FORMS-0002" });
        await row.Locator(".assignee").GetByText("zhou").WaitForAsync();
        Assert.False(await row.GetByRole(AriaRole.Button, new() { Name = "办理 Work" }).IsVisibleAsync());
        await wu.GetByLabel("按认领筛选 Filter by claim").SelectOptionAsync("unclaimed");
        await wu.GetByText("没有符合条件的待办").WaitForAsync();
        await wu.GetByLabel("按认领筛选 Filter by claim").SelectOptionAsync("");
        await wu.ScreenshotAsync(new() { Path = Path.Combine(Shots, "10-inbox-claimed-by-other.png"), FullPage = true });
        await row.Locator("td").First.GetByRole(AriaRole.Link).ClickAsync();
        await wu.GetByText("此任务已由 zhou").WaitForAsync();
        Assert.Equal(0, await wu.Locator("form.work-form").CountAsync());
        await wu.ScreenshotAsync(new() { Path = Path.Combine(Shots, "11-task-claimed-by-other.png"), FullPage = true });

        await zhou.GetByLabel("办理意见 Comment").FillAsync("同意");
        await zhou.ScreenshotAsync(new() { Path = Path.Combine(Shots, "12-task-without-form.png"), FullPage = true });
        await zhou.GetByRole(AriaRole.Button, new() { Name = "提交 Complete" }).ClickAsync();
        await zhou.GetByText("已办结，案件已继续流转").WaitForAsync();
        Assert.Equal("Completed", (await CaseAsync("FORMS-0002"))["status"]!.GetValue<string>());
    }
}
