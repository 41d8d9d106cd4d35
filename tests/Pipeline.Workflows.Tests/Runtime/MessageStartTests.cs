using Pipeline.Workflows.Runtime;
using Pipeline.Workflows.Tests.Definitions;
using static Pipeline.Workflows.Tests.Runtime.Bpmn;

namespace Pipeline.Workflows.Tests.Runtime;

/// <summary>Message start events (BPMN 2.0 §10.5.2) through <see cref="WorkflowEngine.PublishMessageAsync"/>, and the rule for early messages.</summary>
public class MessageStartTests
{
    private readonly Harness _h = new();

    private static string MessageStart(string id, string messageRef) => $"""<bpmn:startEvent id="{id}">{MessageDefinition(messageRef)}</bpmn:startEvent>""";

    private static readonly string Registration = BpmnSamples.ProcessElement("registration",
        MessageStart("Start_Registered", "Msg_Registered") + Task("Review") + End() + Chain("Start_Registered", "Review", "End"));

    private Task DeployAsync(params string[] elements) => _h.Engine.DeployAsync(BpmnSamples.Definitions(elements), Harness.Catalogue, "admin", Harness.None);

    [Fact]
    public async Task APublishedMessage_StartsAnInstance_WithTheCorrelationKeyAsBusinessKey()
    {
        await DeployAsync(Message("Msg_Registered", "institution-registered"), Registration);
        var published = await _h.Engine.PublishMessageAsync("institution-registered", "INST-0391",
            new Dictionary<string, object?> { ["name"] = "华信职业培训学校" }, "institution", Harness.None);
        Assert.Null(published.Correlated);
        var started = TokenInvariants.Check(Assert.Single(published.Started));
        Assert.Equal(("registration", "INST-0391", "华信职业培训学校"), (started.ProcessId, started.BusinessKey, started.Variables["name"]));
        Assert.Equal(["Review"], Harness.Waiting(started));
        Assert.Contains(await _h.HistoryAsync(started), h => h is { Kind: HistoryKinds.NodeEntered, NodeId: "Start_Registered" });

        // One active instance per correlation key: the same message again starts nothing and, with nobody waiting, is refused.
        var again = await _h.Engine.PublishMessageAsync("institution-registered", "INST-0391", null, "institution", Harness.None);
        Assert.True(again.Refused);
        Assert.Single(await _h.Engine.PublishMessageAsync("institution-registered", "INST-0392", null, "institution", Harness.None) is { Started: var s } ? s : []);

        // Once the first instance has ended, the key may start another.
        await _h.CompleteAsync(started, "Review");
        Assert.Single((await _h.Engine.PublishMessageAsync("institution-registered", "INST-0391", null, "institution", Harness.None)).Started);
    }

    [Fact]
    public async Task AWaitingCatch_AndAStartEvent_BothTakeTheMessage()
    {
        await DeployAsync(Message("Msg_Registered", "institution-registered"), Registration,
            BpmnSamples.ProcessElement("Process_1", Start() + """<bpmn:intermediateCatchEvent id="Wait">""" + MessageDefinition("Msg_Registered") + "</bpmn:intermediateCatchEvent>"
                + End() + Chain("Start", "Wait", "End")));
        var waiting = await _h.Engine.StartAsync("Process_1", "INST-0391", null, "institution", Harness.None);
        var published = await _h.Engine.PublishMessageAsync("institution-registered", "INST-0391", null, "institution", Harness.None);
        Assert.Equal((waiting.Id, InstanceStatus.Completed), (published.Correlated!.Id, published.Correlated.Status));
        Assert.Equal("registration", Assert.Single(published.Started).ProcessId);
    }

    [Fact]
    public async Task AMessageBeforeItsCatchEventIsReached_IsRefused_NotBuffered()
    {
        var instance = await _h.StartAsync(Start() + Task("Review") + """<bpmn:intermediateCatchEvent id="Wait">""" + MessageDefinition("Msg_Pack") + "</bpmn:intermediateCatchEvent>"
            + End() + Chain("Start", "Review", "Wait", "End"), extra: Message("Msg_Pack", "pack-resubmitted"));
        Assert.True((await _h.Engine.PublishMessageAsync("pack-resubmitted", "JZ-2026-031", null, "institution", Harness.None)).Refused);
        Assert.Null(await _h.Engine.CorrelateMessageAsync("pack-resubmitted", "JZ-2026-031", null, "institution", Harness.None));

        instance = await _h.CompleteAsync(instance, "Review");
        Assert.Equal(["Wait"], Harness.Waiting(instance));
        var published = await _h.Engine.PublishMessageAsync("pack-resubmitted", "JZ-2026-031", null, "institution", Harness.None);
        Assert.Equal(InstanceStatus.Completed, TokenInvariants.Check(published.Correlated!).Status);
    }

    [Fact]
    public async Task OnlyTheLatestVersion_StartsByMessage()
    {
        await DeployAsync(Message("Msg_Registered", "institution-registered"), Registration);
        await DeployAsync(BpmnSamples.ProcessElement("registration", Start() + End() + Chain("Start", "End")));
        Assert.True((await _h.Engine.PublishMessageAsync("institution-registered", "INST-1", null, "institution", Harness.None)).Refused);
    }

    [Fact]
    public async Task AProcessWithOnlyAMessageStart_CannotBeStartedPlainly()
    {
        await DeployAsync(Message("Msg_Registered", "institution-registered"), Registration);
        await Assert.ThrowsAsync<InvalidOperationException>(() => _h.Engine.StartAsync("registration", "INST-1", null, "admin", Harness.None));
    }
}
