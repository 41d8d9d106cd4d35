using Microsoft.Playwright;
using Pipeline.Host.Tests.Http;

namespace Pipeline.Host.Tests.Browser;

/// <summary>
/// The task inbox (/tasks, 我的待办) in Debian's chromium: bureau staff see their roles' tasks sorted by due date, filter
/// them, and complete one in place with an outcome and a comment; a return needs its reason; a refusal by rule
/// (R-YN-10, segregation of duties) is shown in the clerk's words. Screenshots go to <c>tests/screenshots/tasks/</c>.
/// </summary>
public sealed class TaskInboxBrowserTests() : BrowserTest("tasks", ("wang", "reviewer,approver"), ("li", "approver"))
{
    /// <summary>start → 审核 (reviewer) → 审批 (approver, never by who reviewed: R-YN-10) → end.</summary>
    private const string ReviewThenApprove = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
          id="Definitions_inbox" targetNamespace="http://pipeline.example/bpmn">
          <bpmn:process id="pl-inbox" name="待办演示" isExecutable="true">
            <bpmn:startEvent id="Start" />
            <bpmn:userTask id="Task_Review" name="材料审核">
              <bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="reviewer" /></bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:userTask id="Task_Approve" name="负责人审批">
              <bpmn:extensionElements>
                <zeebe:assignmentDefinition candidateGroups="approver" />
                <zeebe:properties><zeebe:property name="pipeline:notCompletedBy" value="Task_Review" /></zeebe:properties>
              </bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:endEvent id="End" />
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task_Review" />
            <bpmn:sequenceFlow id="F2" sourceRef="Task_Review" targetRef="Task_Approve" />
            <bpmn:sequenceFlow id="F3" sourceRef="Task_Approve" targetRef="End" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Fact]
    public async Task StaffWorkTheirTasks_FromTheInbox_AndARuleRefusalIsShownInTheirWords()
    {
        await Processes.DeployAsync(Host.Client, ReviewThenApprove);
        await Processes.StartAsync(Host.Client, "pl-inbox", "INBOX-0001");
        await Processes.StartAsync(Host.Client, "pl-inbox", "INBOX-0002");

        var page = await SignInAsync("wang", "reviewer,approver");
        await page.GotoAsync("/tasks");
        var rows = page.Locator("tr[data-task]");
        await rows.First.WaitForAsync();
        Assert.Equal(2, await rows.CountAsync());
        Assert.Equal("page", await page.Locator("#nav a[href=\"/tasks\"]").GetAttributeAsync("aria-current"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "1-inbox.png"), FullPage = true });

        // Filters narrow the list: approver tasks, none yet.
        await page.GetByLabel("按角色筛选 Filter by role").SelectOptionAsync("approver");
        await page.GetByText("没有符合条件的待办").WaitForAsync();
        await page.GetByLabel("按角色筛选 Filter by role").SelectOptionAsync("");

        // A return needs its reason; then the review is approved with a comment, in place.
        var first = rows.Filter(new() { HasTextString = "INBOX-0001" });
        await first.GetByRole(AriaRole.Button, new() { Name = "办理 Work" }).ClickAsync();
        var form = page.Locator("form.work-form");
        await form.GetByLabel("退回 return").CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "提交 Complete" }).ClickAsync();
        await form.GetByText("退回须写明理由").WaitForAsync();
        await form.GetByLabel("同意 approve").CheckAsync();
        await form.GetByLabel("办理意见 Comment").FillAsync("材料齐全，同意开班");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "2-work.png"), FullPage = true });
        await form.GetByRole(AriaRole.Button, new() { Name = "提交 Complete" }).ClickAsync();
        await first.GetByText("已办结").WaitForAsync();
        var review = System.Text.Json.Nodes.JsonNode.Parse(await Host.Client.GetStringAsync("/api/cases/INBOX-0001"))!;
        Assert.Equal("Task_Approve", review["waiting"]!.AsArray().Single()!["nodeId"]!.GetValue<string>());

        // The approval is now in the same person's inbox, but the rule refuses it: R-YN-10 in the clerk's words.
        await page.ReloadAsync();
        var approval = rows.Filter(new() { HasTextString = "负责人审批" });
        await approval.GetByRole(AriaRole.Button, new() { Name = "办理 Work" }).ClickAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "提交 Complete" }).ClickAsync();
        var refusal = form.Locator(".form-message");
        await refusal.GetByText("R-YN-10").WaitForAsync();
        Assert.Contains("已办理本案的「材料审核」，不能再办理「负责人审批」（岗位分离）", await refusal.InnerTextAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "3-refused.png"), FullPage = true });

        // Another approver completes it.
        var other = await SignInAsync("li", "approver");
        await other.GotoAsync("/tasks");
        var theirs = other.Locator("tr[data-task]", new() { HasTextString = "INBOX-0001" });
        await theirs.GetByRole(AriaRole.Button, new() { Name = "办理 Work" }).ClickAsync();
        await other.Locator("form.work-form").GetByRole(AriaRole.Button, new() { Name = "提交 Complete" }).ClickAsync();
        await theirs.GetByText("已办结").WaitForAsync();
        var done = System.Text.Json.Nodes.JsonNode.Parse(await Host.Client.GetStringAsync("/api/cases/INBOX-0001"))!;
        Assert.Equal("Completed", done["status"]!.GetValue<string>());
    }
}
