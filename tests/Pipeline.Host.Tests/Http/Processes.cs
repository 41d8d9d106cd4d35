using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using static Pipeline.Host.Tests.Http.HostFixture;

namespace Pipeline.Host.Tests.Http;

/// <summary>Small BPMN processes for Host tests, and starting them over HTTP (a case starts with a pack upload).</summary>
public static class Processes
{
    private const string Head = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="host-tests" targetNamespace="http://pipeline.test">
        """;

    /// <summary>start → user task "Review" (candidate group <paramref name="role"/>) → end.</summary>
    public static string SingleTask(string processId, string role = "reviewer") => Head + $$"""
          <bpmn:process id="{{processId}}" isExecutable="true">
            <bpmn:startEvent id="Start" />
            <bpmn:userTask id="Review" name="Review"><bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="{{role}}" /></bpmn:extensionElements></bpmn:userTask>
            <bpmn:endEvent id="End" />
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Review" />
            <bpmn:sequenceFlow id="F2" sourceRef="Review" targetRef="End" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>start → timer (<paramref name="duration"/>, ISO 8601) → user task "After" (role reviewer) → end.</summary>
    public static string TimerThenTask(string processId, string duration) => Head + $"""
          <bpmn:process id="{processId}" isExecutable="true">
            <bpmn:startEvent id="Start" />
            <bpmn:intermediateCatchEvent id="Wait"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">{duration}</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:userTask id="After" name="After"><bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="reviewer" /></bpmn:extensionElements></bpmn:userTask>
            <bpmn:endEvent id="End" />
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Wait" />
            <bpmn:sequenceFlow id="F2" sourceRef="Wait" targetRef="After" />
            <bpmn:sequenceFlow id="F3" sourceRef="After" targetRef="End" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>start → "Co-sign" (parallel multi-instance over <c>signers</c> or 2 instances, distinct people, role approver) → end.</summary>
    public static string CoSign(string processId) => Head + $"""
          <bpmn:process id="{processId}" isExecutable="true">
            <bpmn:startEvent id="Start" />
            <bpmn:userTask id="CoSign" name="Co-sign">
              <bpmn:extensionElements>
                <zeebe:assignmentDefinition candidateGroups="approver" />
                <zeebe:properties><zeebe:property name="pipeline:distinctAssignees" value="true" /></zeebe:properties>
              </bpmn:extensionElements>
              <bpmn:multiInstanceLoopCharacteristics><bpmn:loopCardinality>2</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics>
            </bpmn:userTask>
            <bpmn:endEvent id="End" />
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="CoSign" />
            <bpmn:sequenceFlow id="F2" sourceRef="CoSign" targetRef="End" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>A timer start event at <paramref name="dueAt"/> (ISO 8601) → user task "Report" (role reviewer) → end.</summary>
    public static string TimerStart(string processId, DateTimeOffset dueAt) => Head + $"""
          <bpmn:process id="{processId}" isExecutable="true">
            <bpmn:startEvent id="Quarterly"><bpmn:timerEventDefinition><bpmn:timeDate xsi:type="bpmn:tFormalExpression">{dueAt.UtcDateTime:yyyy-MM-ddTHH:mm:ss}Z</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:startEvent>
            <bpmn:userTask id="Report" name="Report"><bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="reviewer" /></bpmn:extensionElements></bpmn:userTask>
            <bpmn:endEvent id="End" />
            <bpmn:sequenceFlow id="F1" sourceRef="Quarterly" targetRef="Report" />
            <bpmn:sequenceFlow id="F2" sourceRef="Report" targetRef="End" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>A message start event (<paramref name="message"/>) → user task "Register" (role reviewer) → end.</summary>
    public static string MessageStart(string processId, string message) => Head + $"""
          <bpmn:message id="Message_{processId}" name="{message}" />
          <bpmn:process id="{processId}" isExecutable="true">
            <bpmn:startEvent id="Received"><bpmn:messageEventDefinition messageRef="Message_{processId}" /></bpmn:startEvent>
            <bpmn:userTask id="Register" name="Register"><bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="reviewer" /></bpmn:extensionElements></bpmn:userTask>
            <bpmn:endEvent id="End" />
            <bpmn:sequenceFlow id="F1" sourceRef="Received" targetRef="Register" />
            <bpmn:sequenceFlow id="F2" sourceRef="Register" targetRef="End" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>Parent: start → call activity of <paramref name="childId"/> → end; child: start → user task "Inspect" (role inspector) → end.</summary>
    public static string CallsChild(string parentId, string childId) => Head + $"""
          <bpmn:process id="{parentId}" isExecutable="true">
            <bpmn:startEvent id="Start" />
            <bpmn:callActivity id="CallInspection" name="Inspection"><bpmn:extensionElements><zeebe:calledElement processId="{childId}" /></bpmn:extensionElements></bpmn:callActivity>
            <bpmn:endEvent id="End" />
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="CallInspection" />
            <bpmn:sequenceFlow id="F2" sourceRef="CallInspection" targetRef="End" />
          </bpmn:process>
          <bpmn:process id="{childId}" isExecutable="true">
            <bpmn:startEvent id="ChildStart" />
            <bpmn:userTask id="Inspect" name="Inspect"><bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="inspector" /></bpmn:extensionElements></bpmn:userTask>
            <bpmn:endEvent id="ChildEnd" />
            <bpmn:sequenceFlow id="C1" sourceRef="ChildStart" targetRef="Inspect" />
            <bpmn:sequenceFlow id="C2" sourceRef="Inspect" targetRef="ChildEnd" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>Message start (<paramref name="message"/>) → gateway on <c>score &gt; 10</c> → "High" or (default) "Low" user task.</summary>
    public static string ScoreGateway(string processId, string message) => Head + $"""
          <bpmn:message id="Message_{processId}" name="{message}" />
          <bpmn:process id="{processId}" isExecutable="true">
            <bpmn:startEvent id="Received"><bpmn:messageEventDefinition messageRef="Message_{processId}" /></bpmn:startEvent>
            <bpmn:exclusiveGateway id="Score" default="ToLow" />
            <bpmn:userTask id="High" name="High"><bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="reviewer" /></bpmn:extensionElements></bpmn:userTask>
            <bpmn:userTask id="Low" name="Low"><bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="reviewer" /></bpmn:extensionElements></bpmn:userTask>
            <bpmn:endEvent id="End" />
            <bpmn:sequenceFlow id="F1" sourceRef="Received" targetRef="Score" />
            <bpmn:sequenceFlow id="ToHigh" sourceRef="Score" targetRef="High"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=score &gt; 10</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="ToLow" sourceRef="Score" targetRef="Low" />
            <bpmn:sequenceFlow id="F2" sourceRef="High" targetRef="End" />
            <bpmn:sequenceFlow id="F3" sourceRef="Low" targetRef="End" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    public static async Task DeployAsync(HttpClient client, string xml)
    {
        var content = new StringContent(xml, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        var response = await client.SendAsync(As(HttpMethod.Post, "/api/definitions", "admin", "admin", content));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Starts a case of <paramref name="processId"/> with a tiny (unchecked) pack; returns the instance id.</summary>
    /// <param name="institution">The institution staff member who uploads (their institution owns the case).</param>
    public static async Task<string> StartAsync(HttpClient client, string processId, string businessKey, string institution = "institution-a")
    {
        byte[] png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, .. Encoding.ASCII.GetBytes(businessKey)];
        var form = Pack(png, "cover.png");
        form.Add(new StringContent(processId), "process");
        var response = await client.SendAsync(As(HttpMethod.Post, $"/api/cases/{businessKey}/packs", institution, "institution", form));
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return (await JsonAsync(response))["instanceId"]!.GetValue<string>();
    }

    public static bool Waits(JsonNode view, string kind, string name) =>
        view["waiting"]!.AsArray().Any(w => w!["kind"]!.GetValue<string>() == kind && w["name"]!.GetValue<string>() == name);

    public static int CountOf(JsonNode view, string historyKind) =>
        view["history"]!.AsArray().Count(h => h!["kind"]!.GetValue<string>() == historyKind);

    /// <summary>Reads the case until <paramref name="until"/> holds (incidents fail at once).</summary>
    public static async Task<JsonNode> PollAsync(HttpClient client, string key, Func<JsonNode, bool> until, TimeSpan patience, Func<string>? context = null)
    {
        var deadline = DateTime.UtcNow + patience;
        JsonNode? last = null;
        while (DateTime.UtcNow < deadline)
        {
            var response = await client.GetAsync($"/api/cases/{key}");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                last = await JsonAsync(response);
                Assert.Empty(last["incidents"]!.AsArray());
                if (until(last)) return last;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"case {key} did not get there in {patience}; last view: {last?.ToJsonString()}\n{context?.Invoke()}");
    }
}
