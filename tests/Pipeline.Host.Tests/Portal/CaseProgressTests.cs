using Pipeline.Host.Tests.Http;
using Pipeline.Workflows.Calendar;
using static Pipeline.Host.Tests.Http.HostFixture;

namespace Pipeline.Host.Tests.Portal;

/// <summary>
/// Where a case stands, as the portal shows it (办件进度): in the case list, its stage, who acts next and the working
/// days left; on the case page, each wait's promised working days against those used (承诺时限 / 已用时).
/// </summary>
public sealed class CaseProgressTests(HostFixture host) : IClassFixture<HostFixture>
{
    /// <summary>start → 审核 (reviewer, due 10 working days after it opens) → 等待补正 (message) → end.</summary>
    private const string Xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
            id="progress" targetNamespace="http://pipeline.test">
          <bpmn:message id="Message_Pack" name="pack-resubmitted">
            <bpmn:extensionElements><zeebe:subscription correlationKey="=businessKey" /></bpmn:extensionElements>
          </bpmn:message>
          <bpmn:process id="pg-progress" isExecutable="true">
            <bpmn:startEvent id="Start" />
            <bpmn:userTask id="Review" name="材料审核"><bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="reviewer" />
              <zeebe:taskSchedule dueDate="=addWorkingDays(today(), 10)" /></bpmn:extensionElements></bpmn:userTask>
            <bpmn:intermediateCatchEvent id="Wait" name="等待补正"><bpmn:messageEventDefinition messageRef="Message_Pack" /></bpmn:intermediateCatchEvent>
            <bpmn:endEvent id="End" />
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Review" />
            <bpmn:sequenceFlow id="F2" sourceRef="Review" targetRef="Wait" />
            <bpmn:sequenceFlow id="F3" sourceRef="Wait" targetRef="End" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Fact]
    public async Task The_list_and_the_case_say_who_acts_next_and_by_when_in_working_days()
    {
        await Processes.DeployAsync(host.Client, Xml);
        var instance = await Processes.StartAsync(host.Client, "pg-progress", "JZ-2026-PROG");

        var line = (await JsonAsync(await host.Client.SendAsync(As(HttpMethod.Get, "/api/cases?prefix=JZ-2026-PROG", "institution-a", "institution"))))
            .AsArray().Single()!["progress"]!;
        Assert.Equal(["材料审核"], line["stages"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal("bureau", line["next"]!.GetValue<string>());
        Assert.Equal(10, line["workingDaysLeft"]!.GetValue<int>());
        Assert.False(line["overdue"]!.GetValue<bool>());

        var view = await JsonAsync(await host.Client.SendAsync(As(HttpMethod.Get, "/api/cases/JZ-2026-PROG", "institution-a", "institution")));
        var deadline = view["deadlines"]!.AsArray().Single()!;
        Assert.Equal("bureau", deadline["party"]!.GetValue<string>());
        Assert.Equal("材料审核", deadline["name"]!.GetValue<string>());
        Assert.Equal(10, deadline["promisedWorkingDays"]!.GetValue<int>());
        Assert.Equal(0, deadline["usedWorkingDays"]!.GetValue<int>());
        Assert.Equal(10, deadline["remainingWorkingDays"]!.GetValue<int>());
        var due = DateOnly.FromDateTime(deadline["dueAt"]!.GetValue<DateTimeOffset>().ToOffset(TimeSpan.FromHours(8)).DateTime);
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);
        Assert.Equal(WorkingDayCalendar.China.AddWorkingDays(today, 10), due);

        // The review done, the case waits for the institution's corrected pack: the list says so.
        var task = (await JsonAsync(await host.Client.SendAsync(As(HttpMethod.Get, "/api/tasks?role=reviewer", "reviewer-progress", "reviewer"))))
            .AsArray().Single(t => t!["businessKey"]!.GetValue<string>() == "JZ-2026-PROG")!;
        Assert.True((await host.Client.SendAsync(As(HttpMethod.Post, $"/api/tasks/{instance}/{task["bookmarkId"]}/complete", "reviewer-progress", "reviewer",
            ApiTests.JsonContent("""{ "outcome": "reject", "comment": "缺少岗位信息表" }""")))).IsSuccessStatusCode);
        line = (await JsonAsync(await host.Client.SendAsync(As(HttpMethod.Get, "/api/cases?prefix=JZ-2026-PROG", "institution-a", "institution"))))
            .AsArray().Single()!["progress"]!;
        Assert.Equal("institution", line["next"]!.GetValue<string>());
        view = await JsonAsync(await host.Client.SendAsync(As(HttpMethod.Get, "/api/cases/JZ-2026-PROG", "institution-a", "institution")));
        Assert.True(view["awaitsPack"]!.GetValue<bool>());
        var wait = view["deadlines"]!.AsArray().Single()!;
        Assert.Equal("institution", wait["party"]!.GetValue<string>());
        Assert.Null(wait["promisedWorkingDays"]);
        var decision = view["decisions"]!.AsArray().Single()!;
        Assert.Equal("reject", decision["outcome"]!.GetValue<string>());
        Assert.Equal("缺少岗位信息表", decision["comment"]!.GetValue<string>());
    }
}
