using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Host.Accounts;
using Pipeline.Host.Cases;
using Pipeline.Workflows.Runtime;

namespace Pipeline.Host.Tests.Tracker;

/// <summary>One case to seed: where it stands (<c>opening</c>, <c>training</c>, <c>payment</c>, <c>done</c>), its task's due date (null: none; "bad": an incident).</summary>
public sealed record SeedCase(
    string Key, string Jurisdiction, string InstitutionId, string Occupation, string Stage, DateTimeOffset CreatedAt, string? Due);

/// <summary>
/// The case tracker's test world, written straight through the Host's services (case index and engine, as an upload
/// would, without its pack): <see cref="Process"/>, a three-stage parent with a child per stage (each a user task due
/// at the variable <c>due</c>), its cases started at the stage their variable <c>stage</c> names.
/// </summary>
public static class TrackerSeed
{
    public const string ProcessId = "trk-case";

    /// <summary>Deploys the parent and its three children.</summary>
    public static async Task DeployAsync(IServiceProvider services) =>
        await services.GetRequiredService<WorkflowEngine>().DeployAsync(Process, new HashSet<string>(), "test", CancellationToken.None);

    /// <summary>Registers an institution (idempotent) and returns its organisation id.</summary>
    public static async Task<string> InstitutionAsync(IServiceProvider services, string name, string jurisdiction)
    {
        await using var scope = services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountDirectory>();
        var code = Http.TestAccounts.CreditCode(name);
        try
        {
            return (await accounts.AddInstitutionAsync(new NewInstitution(code, name, jurisdiction, ["电工"]), "test", CancellationToken.None)).Id;
        }
        catch (AccountException e) when (e.Status == 409)
        {
            return (await accounts.ListOrganisationsAsync(CancellationToken.None)).First(o => o.CreditCode == code).Id;
        }
    }

    /// <summary>Records the case (class data with its occupation) and starts its instance under the reserved id.</summary>
    public static async Task AddAsync(IServiceProvider services, SeedCase c)
    {
        var index = services.GetRequiredService<ICaseIndex>();
        var engine = services.GetRequiredService<WorkflowEngine>();
        var classData = JsonSerializer.Serialize(new { occupation = c.Occupation, kind = "skills", headcount = 20 });
        var entry = new CaseEntry(c.Key, Guid.CreateVersion7(c.CreatedAt), ProcessId,
            [new PackUpload(new string('0', 64), "cover.png", new string('0', 64), "started", c.CreatedAt.ToUniversalTime(), "seed")], c.InstitutionId, c.Jurisdiction, classData);
        await index.AddCaseAsync(entry, "seed", CancellationToken.None);
        await engine.StartAsync(ProcessId, c.Key, new Dictionary<string, object?> { ["stage"] = c.Stage, ["due"] = c.Due }, "seed", CancellationToken.None, entry.InstanceId);
    }

    /// <summary>start → user task "Wait" → end: a class case whose variables the test sets (<c>opened</c>, <c>assessment</c>, <c>paidAmount</c>).</summary>
    public const string StatisticsProcessId = "trk-stat";

    public static readonly string StatisticsProcess = $$"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="tracker-statistics" targetNamespace="http://pipeline.test">
        {{Child(StatisticsProcessId, "统计测试案件", "等待")}}
        </bpmn:definitions>
        """;

    /// <summary>Records a case of <see cref="StatisticsProcessId"/> with this class data and starts it with these variables.</summary>
    public static async Task AddClassAsync(
        IServiceProvider services, string key, string jurisdiction, string institutionId, object classData, IReadOnlyDictionary<string, object?> variables, DateTimeOffset createdAt)
    {
        var engine = services.GetRequiredService<WorkflowEngine>();
        if (await services.GetRequiredService<IDefinitionStore>().LatestAsync(StatisticsProcessId, CancellationToken.None) is null)
            await engine.DeployAsync(StatisticsProcess, new HashSet<string>(), "test", CancellationToken.None);
        var entry = new CaseEntry(key, Guid.CreateVersion7(createdAt), StatisticsProcessId,
            [new PackUpload(new string('0', 64), "cover.png", new string('0', 64), "started", createdAt.ToUniversalTime(), "seed")], institutionId, jurisdiction,
            JsonSerializer.Serialize(classData));
        await services.GetRequiredService<ICaseIndex>().AddCaseAsync(entry, "seed", CancellationToken.None);
        await engine.StartAsync(StatisticsProcessId, key, variables, "seed", CancellationToken.None, entry.InstanceId);
    }

    private static string Child(string id, string name, string task) => $$"""
          <bpmn:process id="{{id}}" name="{{name}}" isExecutable="true">
            <bpmn:startEvent id="{{id}}-start" />
            <bpmn:userTask id="{{id}}-task" name="{{task}}"><bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="reviewer" /><zeebe:taskSchedule dueDate="=due" /></bpmn:extensionElements></bpmn:userTask>
            <bpmn:endEvent id="{{id}}-end" />
            <bpmn:sequenceFlow id="{{id}}-f1" sourceRef="{{id}}-start" targetRef="{{id}}-task" />
            <bpmn:sequenceFlow id="{{id}}-f2" sourceRef="{{id}}-task" targetRef="{{id}}-end" />
          </bpmn:process>
        """;

    private static string Call(string id, string name, string called) =>
        $"""<bpmn:callActivity id="{id}" name="{name}"><bpmn:extensionElements><zeebe:calledElement processId="{called}" /></bpmn:extensionElements></bpmn:callActivity>""";

    private static string Shape(string id, int x, int y, int w, int h) =>
        $"""<bpmndi:BPMNShape id="{id}_di" bpmnElement="{id}"><dc:Bounds x="{x}" y="{y}" width="{w}" height="{h}" /></bpmndi:BPMNShape>""";

    private static string Edge(string id, params (int X, int Y)[] points) =>
        $"""<bpmndi:BPMNEdge id="{id}_di" bpmnElement="{id}">{string.Concat(points.Select(p => $"""<di:waypoint x="{p.X}" y="{p.Y}" />"""))}</bpmndi:BPMNEdge>""";

    /// <summary>start → 环节分派 (by <c>stage</c>) → 开班审批 → 培训监管 → 补贴拨付 → 结案; each stage a call activity of a child with one user task.</summary>
    public static readonly string Process = $$"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
            xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="tracker-tests" targetNamespace="http://pipeline.test">
          <bpmn:process id="{{ProcessId}}" name="跟踪测试案件 Tracker test case" isExecutable="true">
            <bpmn:startEvent id="Start" name="开始" />
            <bpmn:exclusiveGateway id="Route" name="环节分派" default="ToOpening" />
            {{Call("Call_Opening", "开班审批", "trk-opening")}}
            {{Call("Call_Training", "培训监管", "trk-training")}}
            {{Call("Call_Payment", "补贴拨付", "trk-payment")}}
            <bpmn:endEvent id="End" name="结案" />
            <bpmn:sequenceFlow id="F0" sourceRef="Start" targetRef="Route" />
            <bpmn:sequenceFlow id="ToOpening" sourceRef="Route" targetRef="Call_Opening" />
            <bpmn:sequenceFlow id="ToTraining" sourceRef="Route" targetRef="Call_Training"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=stage = "training"</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="ToPayment" sourceRef="Route" targetRef="Call_Payment"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=stage = "payment"</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="ToEnd" sourceRef="Route" targetRef="End"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=stage = "done"</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="F1" sourceRef="Call_Opening" targetRef="Call_Training" />
            <bpmn:sequenceFlow id="F2" sourceRef="Call_Training" targetRef="Call_Payment" />
            <bpmn:sequenceFlow id="F3" sourceRef="Call_Payment" targetRef="End" />
          </bpmn:process>
        {{Child("trk-opening", "开班审批", "经办人审核")}}
        {{Child("trk-training", "培训监管", "督查")}}
        {{Child("trk-payment", "补贴拨付", "拨付")}}
          <bpmndi:BPMNDiagram id="Diagram"><bpmndi:BPMNPlane id="Plane" bpmnElement="{{ProcessId}}">
            {{Shape("Start", 100, 182, 36, 36)}}
            {{Shape("Route", 185, 175, 50, 50)}}
            {{Shape("Call_Opening", 290, 160, 120, 80)}}
            {{Shape("Call_Training", 470, 160, 120, 80)}}
            {{Shape("Call_Payment", 650, 160, 120, 80)}}
            {{Shape("End", 832, 182, 36, 36)}}
            {{Edge("F0", (136, 200), (185, 200))}}
            {{Edge("ToOpening", (235, 200), (290, 200))}}
            {{Edge("ToTraining", (210, 225), (210, 300), (530, 300), (530, 240))}}
            {{Edge("ToPayment", (210, 225), (210, 320), (710, 320), (710, 240))}}
            {{Edge("ToEnd", (210, 175), (210, 100), (850, 100), (850, 182))}}
            {{Edge("F1", (410, 200), (470, 200))}}
            {{Edge("F2", (590, 200), (650, 200))}}
            {{Edge("F3", (770, 200), (832, 200))}}
          </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
        {{ChildDiagram("trk-opening")}}
        {{ChildDiagram("trk-training")}}
        {{ChildDiagram("trk-payment")}}
        </bpmn:definitions>
        """;

    private static string ChildDiagram(string id) => $$"""
          <bpmndi:BPMNDiagram id="{{id}}-diagram"><bpmndi:BPMNPlane id="{{id}}-plane" bpmnElement="{{id}}">
            {{Shape($"{id}-start", 100, 100, 36, 36)}}
            {{Shape($"{id}-task", 190, 78, 120, 80)}}
            {{Shape($"{id}-end", 362, 100, 36, 36)}}
            {{Edge($"{id}-f1", (136, 118), (190, 118))}}
            {{Edge($"{id}-f2", (310, 118), (362, 118))}}
          </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
        """;
}
