using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using static Pipeline.Host.Tests.Http.HostFixture;

namespace Pipeline.Host.Tests.Http;

/// <summary>The quick parts of the HTTP API: definitions, the catalogue, refused uploads, identity (no OCR).</summary>
public sealed class ApiTests(HostFixture host) : IClassFixture<HostFixture>
{
    private const string BrokenBpmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
                          id="Defs_Broken" targetNamespace="http://pipeline.example/bpmn">
          <bpmn:process id="broken" isExecutable="true">
            <bpmn:startEvent id="Start_1"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>
            <bpmn:serviceTask id="Task_Unknown" name="nobody knows">
              <bpmn:extensionElements><zeebe:taskDefinition type="no.such.activity" /></bpmn:extensionElements>
              <bpmn:incoming>Flow_1</bpmn:incoming>
              <bpmn:outgoing>Flow_2</bpmn:outgoing>
            </bpmn:serviceTask>
            <bpmn:scriptTask id="Task_Script"><bpmn:incoming>Flow_2</bpmn:incoming></bpmn:scriptTask>
            <bpmn:sequenceFlow id="Flow_1" sourceRef="Start_1" targetRef="Task_Unknown" />
            <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Unknown" targetRef="Task_Script" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Fact]
    public async Task Definitions_deployed_at_start_up_are_listed()
    {
        var response = await host.Client.GetAsync("/api/definitions");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var list = (await JsonAsync(response)).AsArray();
        var classOpening = Assert.Single(list, d => d!["processId"]!.GetValue<string>() == "class-opening")!;
        Assert.Equal(1, classOpening["version"]!.GetValue<int>());
        Assert.Equal("system", classOpening["deployedBy"]!.GetValue<string>());
        Assert.Equal(64, classOpening["sha256"]!.GetValue<string>().Length);
    }

    [Fact]
    public async Task A_broken_definition_is_422_listing_every_element()
    {
        var response = await host.Client.SendAsync(As(HttpMethod.Post, "/api/definitions", "admin", "admin",
            new StringContent(BrokenBpmn, Encoding.UTF8, "application/xml")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await JsonAsync(response))["errors"]!.AsArray();
        var ids = errors.Select(e => e!["elementId"]!.GetValue<string>()).ToList();
        Assert.Contains("Task_Unknown", ids);
        Assert.Contains("Task_Script", ids);
        Assert.All(errors, e => Assert.False(string.IsNullOrEmpty(e!["message"]!.GetValue<string>())));
        Assert.All(errors, e => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", e!["messageZh"]!.GetValue<string>()));
        Assert.All(errors, e => Assert.StartsWith("bpmn:", e!["elementType"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_valid_definition_deploys_with_201_and_records_the_user()
    {
        var xml = BrokenBpmn.Replace("no.such.activity", "pack.check", StringComparison.Ordinal)
            .Replace("""<bpmn:scriptTask id="Task_Script"><bpmn:incoming>Flow_2</bpmn:incoming></bpmn:scriptTask>""",
                """<bpmn:endEvent id="Task_Script"><bpmn:incoming>Flow_2</bpmn:incoming></bpmn:endEvent>""", StringComparison.Ordinal)
            .Replace("id=\"broken\"", "id=\"tiny\"", StringComparison.Ordinal);
        var response = await host.Client.SendAsync(As(HttpMethod.Post, "/api/definitions", "admin", "admin",
            new StringContent(xml, Encoding.UTF8, "text/xml")));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var deployed = Assert.Single((await JsonAsync(response)).AsArray())!;
        Assert.Equal("tiny", deployed["processId"]!.GetValue<string>());
        // Who deployed it, by display name and organisation (the history and lists never show bare account ids).
        Assert.Equal("admin（焦作市人力资源和社会保障局）", deployed["deployedBy"]!.GetValue<string>());
    }

    [Fact]
    public async Task Writes_without_a_signed_in_user_are_401()
    {
        var deploy = await host.Client.SendAsync(As(HttpMethod.Post, "/api/definitions", null, null,
            new StringContent(BrokenBpmn, Encoding.UTF8, "application/xml")));
        Assert.Equal(HttpStatusCode.Unauthorized, deploy.StatusCode);
        var upload = await host.Client.SendAsync(As(HttpMethod.Post, "/api/cases/K-401/packs", null, null, Pack(Encoding.UTF8.GetBytes("%PDF-1.4"), "a.pdf")));
        Assert.Equal(HttpStatusCode.Unauthorized, upload.StatusCode);
        Assert.Equal("application/problem+json", upload.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_text_file_is_415_and_starts_no_case()
    {
        var response = await host.Client.SendAsync(As(HttpMethod.Post, "/api/cases/K-TEXT/packs", "institution", "institution",
            Pack(Encoding.UTF8.GetBytes("这不是材料包 just some text\n"), "notes.txt")));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync("/api/cases/K-TEXT")).StatusCode);
    }

    [Fact]
    public async Task Unknown_tasks_and_incidents_are_404()
    {
        var task = await host.Client.SendAsync(As(HttpMethod.Post, $"/api/tasks/{Guid.NewGuid()}/{Guid.NewGuid()}/complete", "alice", "reviewer",
            JsonContent("""{ "outcome": "approve" }""")));
        Assert.Equal(HttpStatusCode.NotFound, task.StatusCode);
        var incident = await host.Client.SendAsync(As(HttpMethod.Post, $"/api/incidents/{Guid.NewGuid()}/{Guid.NewGuid()}/retry", "admin", "admin"));
        Assert.Equal(HttpStatusCode.NotFound, incident.StatusCode);
    }

    [Fact]
    public async Task A_definition_nested_too_deep_or_a_huge_expression_is_422_and_the_Host_keeps_running()
    {
        var open = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"<bpmn:subProcess id=\"S{i}\">"));
        var close = string.Concat(Enumerable.Repeat("</bpmn:subProcess>", 20_000));
        var deep = $"""<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d"><bpmn:process id="deep" isExecutable="true">{open}{close}</bpmn:process></bpmn:definitions>""";
        var sum = string.Join(" + ", Enumerable.Repeat("1", 200_000));
        var huge = $"""<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d"><bpmn:process id="huge" isExecutable="true"><bpmn:startEvent id="S" /><bpmn:exclusiveGateway id="G" default="F3" /><bpmn:endEvent id="A" /><bpmn:endEvent id="B" /><bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="G" /><bpmn:sequenceFlow id="F2" sourceRef="G" targetRef="A"><bpmn:conditionExpression>={sum} > 3</bpmn:conditionExpression></bpmn:sequenceFlow><bpmn:sequenceFlow id="F3" sourceRef="G" targetRef="B" /></bpmn:process></bpmn:definitions>""";
        foreach (var xml in new[] { deep, huge })
        {
            var response = await host.Client.SendAsync(As(HttpMethod.Post, "/api/definitions", "admin", "admin", new StringContent(xml, Encoding.UTF8, "application/xml")));
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/api/definitions")).StatusCode);
    }

    [Fact]
    public async Task The_catalogue_and_the_OpenAPI_document_are_served()
    {
        var activities = (await JsonAsync(await host.Client.GetAsync("/api/activities"))).AsArray();
        var pack = Assert.Single(activities, a => a!["type"]!.GetValue<string>() == "pack.check")!;
        Assert.Equal("对培训机构的材料包进行 OCR 识别、分类和审核；每个问题注明规则编号和页码。", pack["descriptionZh"]!.GetValue<string>());
        Assert.Equal("材料包类型：class-opening（开班申请材料）或 subsidy-claim（补贴申报材料）",
            Assert.Single(pack["inputs"]!.AsArray(), i => i!["name"]!.GetValue<string>() == "pack")!["descriptionZh"]!.GetValue<string>());
        Assert.All(activities, a => Assert.False(string.IsNullOrEmpty(a!["descriptionZh"]?.GetValue<string>())));
        var openApi = await host.Client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, openApi.StatusCode);
        var paths = (await JsonAsync(openApi))["paths"]!.AsObject();
        Assert.True(paths.ContainsKey("/api/cases/{businessKey}/packs"));
        Assert.True(paths.ContainsKey("/api/tasks/{instanceId}/{bookmarkId}/complete"));
    }

    internal static StringContent JsonContent(string json) => new(json, Encoding.UTF8, "application/json");
}
