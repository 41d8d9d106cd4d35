using System.Net;
using System.Text.Json.Nodes;
using Pipeline.Workflows.Calendar;
using static Pipeline.Host.Tests.Http.HostFixture;
using static Pipeline.Host.Tests.Http.Processes;

namespace Pipeline.Host.Tests.Http;

/// <summary>The class case's class data and task form data over HTTP.</summary>
public sealed class ClassCaseHttpTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private static string ClassData(DateOnly start, string filedOn = "2020-01-01") => new JsonObject
    {
        ["occupation"] = "电工", ["filedOn"] = filedOn, ["startDate"] = start.ToString("yyyy-MM-dd"), ["endDate"] = start.AddDays(13).ToString("yyyy-MM-dd"),
        ["plannedHours"] = 80, ["trainingDays"] = 10, ["headcount"] = 20,
    }.ToJsonString();

    private static MultipartFormDataContent Opening(string classData)
    {
        var form = Pack(Fixture("packs", "class-opening-complete.pdf"));
        form.Add(new StringContent("class-case"), "process");
        form.Add(new StringContent(classData), "class");
        return form;
    }

    [Fact]
    public async Task ClassDataThatIsNotAClass_IsRefused_BeforeAnythingIsStored()
    {
        var response = await host.Client.SendAsync(As(HttpMethod.Post, "/api/cases/JZ-CLASS-BAD/packs", "institution-a", "institution",
            Opening("""{ "occupation": "电工", "startDate": "not a date" }""")));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("开班数据", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync("/api/cases/JZ-CLASS-BAD")).StatusCode);

        var form = Pack(Fixture("packs", "class-opening-complete.pdf"));
        form.Add(new StringContent("class-case"), "process");
        var without = await host.Client.SendAsync(As(HttpMethod.Post, "/api/cases/JZ-CLASS-NONE/packs", "institution-a", "institution", form));
        Assert.Equal(HttpStatusCode.BadRequest, without.StatusCode);
        Assert.Contains("开班数据", await without.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task R_JZ_3_TheFilingDateIsTheServers_SoABackdatedClassIsStillLate()
    {
        // Two working days ahead: Jiaozuo asks five. The form's filedOn of 2020 is replaced by today.
        var start = WorkingDayCalendar.China.AddWorkingDays(DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)), 2);
        var response = await host.Client.SendAsync(As(HttpMethod.Post, "/api/cases/JZ-CLASS-LATE/packs", "institution-a", "institution", Opening(ClassData(start))));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var ended = await PollAsync(host.Client, "JZ-CLASS-LATE", v => v["status"]!.GetValue<string>() == "Completed", Patience);
        Assert.Contains(ended["history"]!.AsArray(), h => h!["nodeId"]?.GetValue<string>() == "End_NotOpened");
        var opening = await JsonAsync(await host.Client.GetAsync($"/api/instances/{ended["children"]![0]!["instanceId"]}"));
        Assert.Contains("R-JZ-3", opening["variables"]!["classFindings"]!.ToJsonString());
    }

    [Fact]
    public async Task ATaskCarriesItsFormData_AndMayNotSetWhatTheSystemSets()
    {
        await DeployAsync(host.Client, SingleTask("form-task", "inspector"));
        var instanceId = await StartAsync(host.Client, "form-task", "FORM-0001");
        var view = await PollAsync(host.Client, "FORM-0001", v => Waits(v, "UserTask", "Review"), TimeSpan.FromSeconds(30));
        var task = view["waiting"]!.AsArray().Single()!["bookmarkId"]!.GetValue<string>();
        var url = $"/api/tasks/{instanceId}/{task}/complete";

        var reserved = await host.Client.SendAsync(As(HttpMethod.Post, url, "赵督查", "inspector",
            ApiTests.JsonContent("""{ "outcome": "done", "variables": { "class": { "occupation": "改了" } } }""")));
        Assert.Equal(HttpStatusCode.BadRequest, reserved.StatusCode);
        Assert.Contains("class", await reserved.Content.ReadAsStringAsync());

        var done = await host.Client.SendAsync(As(HttpMethod.Post, url, "赵督查", "inspector",
            ApiTests.JsonContent("""{ "outcome": "done", "variables": { "inspection": { "date": "2026-06-17", "inspectors": ["赵督查", "孙督查"] } } }""")));
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var after = await JsonAsync(await host.Client.GetAsync($"/api/cases/FORM-0001"));
        Assert.Equal("孙督查", after["variables"]!["inspection"]!["inspectors"]![1]!.GetValue<string>());
    }
}

/// <summary>Tasks a definition gives to institutions: their own staff complete them; another institution never sees them.</summary>
public sealed class InstitutionTaskTests(HostFixture host) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task AnInstitutionWorksItsOwnTask_AnotherInstitutionNeitherSeesNorCompletesIt()
    {
        await DeployAsync(host.Client, SingleTask("institution-task", "institution"));
        var instanceId = await StartAsync(host.Client, "institution-task", "INST-0001");
        await PollAsync(host.Client, "INST-0001", v => Waits(v, "UserTask", "Review"), TimeSpan.FromSeconds(30));

        var others = await JsonAsync(await host.Client.SendAsync(As(HttpMethod.Get, "/api/tasks", "institution-b", "institution")));
        Assert.DoesNotContain(others.AsArray(), t => t!["businessKey"]!.GetValue<string>() == "INST-0001");
        var mine = await JsonAsync(await host.Client.SendAsync(As(HttpMethod.Get, "/api/tasks", "institution-a", "institution")));
        var task = Assert.Single(mine.AsArray(), t => t!["businessKey"]!.GetValue<string>() == "INST-0001")!;
        var url = $"/api/tasks/{instanceId}/{task["bookmarkId"]}/complete";

        var stolen = await host.Client.SendAsync(As(HttpMethod.Post, url, "institution-b", "institution", ApiTests.JsonContent("""{ "outcome": "done" }""")));
        Assert.Equal(HttpStatusCode.NotFound, stolen.StatusCode);
        var done = await host.Client.SendAsync(As(HttpMethod.Post, url, "institution-a", "institution",
            ApiTests.JsonContent("""{ "outcome": "done", "variables": { "records": [ { "trainee": "刘洋", "date": "2026-09-01", "reached": true } ] } }""")));
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
    }
}

/// <summary>What the visual designer asks of the server: the catalogue as element templates, and validation without deploying.</summary>
public sealed class DesignerApiTests(HostFixture host) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task TheCatalogue_IsOfferedAsZeebeElementTemplates_WithTheTaskTypeAndDescribedInputs()
    {
        var templates = (await JsonAsync(await host.Client.SendAsync(As(HttpMethod.Get, "/api/activities/templates", "管理员", "admin")))).AsArray();
        var subsidy = Assert.Single(templates, t => t!["id"]!.GetValue<string>() == "pipeline.subsidy.compute")!;
        Assert.Equal("补贴核算", subsidy["name"]!.GetValue<string>());
        // Chinese first, the English after it, as the designer's other labels.
        Assert.StartsWith("核算一个班的培训补贴：核实人数 × 计补天数 × 每天培训补贴标准", subsidy["description"]!.GetValue<string>());
        Assert.EndsWith("（Compute subsidy. Subsidy of a class: verified trainees × credited days × daily rate, with every reduction a finding citing its rule.）", subsidy["description"]!.GetValue<string>());
        Assert.Equal("bpmn:ServiceTask", subsidy["elementType"]!["value"]!.GetValue<string>());
        var properties = subsidy["properties"]!.AsArray();
        Assert.Contains(properties, p => p!["binding"]!["type"]!.GetValue<string>() == "zeebe:taskDefinition" && p["value"]?.GetValue<string>() == "subsidy.compute");
        var settlement = Assert.Single(properties, p => p!["binding"]!["name"]?.GetValue<string>() == "settlement")!;
        Assert.True(settlement["constraints"]!["notEmpty"]!.GetValue<bool>());
        Assert.StartsWith("班级结算记录：培训方式、开班审批人数", settlement["description"]!.GetValue<string>());
        Assert.EndsWith(" (The class settlement: mode, approved headcount, hours, days, trainees, video gaps, impersonations (see ClassSettlementParser))", settlement["description"]!.GetValue<string>());
        var advance = Assert.Single(properties, p => p!["binding"]!["source"]?.GetValue<string>() == "=advance")!;
        Assert.Equal("预拨金额（元）（R-YN-1）；不适用预拨时为 null (Advance payment in yuan (R-YN-1); null when none applies)", advance["description"]!.GetValue<string>());
        Assert.Contains(properties, p => p!["binding"]!["type"]!.GetValue<string>() == "zeebe:output" && p["binding"]!["source"]!.GetValue<string>() == "=amount");
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Client.SendAsync(As(HttpMethod.Get, "/api/activities/templates", "王经办", "reviewer"))).StatusCode);
    }

    [Fact]
    public async Task Validation_ListsEveryProblemByElement_WithoutDeploying()
    {
        var xml = SingleTask("designer-draft").Replace("candidateGroups=\"reviewer\"", "candidateGroups=\"reviewer\"").Replace("<bpmn:endEvent id=\"End\" />", "<bpmn:endEvent id=\"End\" /><bpmn:serviceTask id=\"Job\"><bpmn:extensionElements><zeebe:taskDefinition type=\"no.such\" /></bpmn:extensionElements></bpmn:serviceTask>");
        var found = await JsonAsync(await host.Client.SendAsync(As(HttpMethod.Post, "/api/definitions/validate", "管理员", "admin",
            new StringContent(xml, System.Text.Encoding.UTF8, "application/xml"))));
        Assert.False(found["deployable"]!.GetValue<bool>());
        Assert.Contains(found["problems"]!.AsArray(), p => p!["elementId"]!.GetValue<string>() == "Job" && p["message"]!.GetValue<string>().Contains("no.such"));
        // Every problem in Chinese too, with the same values: the designer shows messageZh first.
        var job = found["problems"]!.AsArray().First(p => p!["elementId"]!.GetValue<string>() == "Job" && p["message"]!.GetValue<string>().Contains("no.such"))!;
        Assert.StartsWith("未知的作业类型 'no.such'", job["messageZh"]!.GetValue<string>());
        Assert.All(found["problems"]!.AsArray(), p => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", p!["messageZh"]!.GetValue<string>()));
        var definitions = await JsonAsync(await host.Client.SendAsync(As(HttpMethod.Get, "/api/definitions/", "管理员", "admin")));
        Assert.DoesNotContain(definitions.AsArray(), d => d!["processId"]!.GetValue<string>() == "designer-draft");

        var fine = await JsonAsync(await host.Client.SendAsync(As(HttpMethod.Post, "/api/definitions/validate", "管理员", "admin",
            new StringContent(SingleTask("designer-ok"), System.Text.Encoding.UTF8, "application/xml"))));
        Assert.True(fine["deployable"]!.GetValue<bool>());
        Assert.Equal("designer-ok", fine["processes"]![0]!.GetValue<string>());
    }
}
