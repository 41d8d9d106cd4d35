using Pipeline.Workflows.Definitions;
using Pipeline.Workflows.Definitions.Bpmn;

namespace Pipeline.Workflows.Tests.Definitions;

public class BpmnReaderTests
{
    private static readonly IReadOnlySet<string> Catalogue = new HashSet<string> { "pack.check" };

    private static IReadOnlyList<DefinitionProblem> Problems(string xml)
    {
        var read = BpmnReader.Read(xml);
        return read.Problems.Concat(read.Processes.SelectMany(p => DefinitionValidator.Validate(p, Catalogue))).ToList();
    }

    [Fact]
    public void BpmnJsExport_WithLanesAndAnnotations_IsRead()
    {
        var read = BpmnReader.Read(BpmnSamples.Valid);
        Assert.Empty(read.Problems);
        var process = Assert.Single(read.Processes);
        Assert.Equal("Process_1", process.Id);
        var task = Assert.IsType<UserTask>(process.Node("Task_Review"));
        Assert.Equal(["reviewer", "approver"], task.CandidateGroups);
        Assert.Equal("Flow_Reject", Assert.IsType<ExclusiveGateway>(process.Node("Gateway_1")).DefaultFlowId);
        Assert.NotNull(process.Flows.Single(f => f.Id == "Flow_Approve").Condition);
        Assert.Empty(DefinitionValidator.Validate(process, Catalogue));
    }

    [Fact]
    public void TwoStepClassOpeningDefinition_IsDeployable()
    {
        var path = Repository.File("tests", "fixtures", "bpmn", "class-opening-two-step.bpmn");
        Assert.Empty(Problems(File.ReadAllText(path)));
        var process = BpmnReader.Read(File.ReadAllText(path)).Processes.Single();
        var check = Assert.IsType<ServiceTask>(process.Node("Task_CheckPack"));
        Assert.Equal(("pack.check", 3), (check.TaskType, check.Retries));
        Assert.Contains(check.Inputs, m => m.Target == "pack");
        Assert.Equal("pack-resubmitted", Assert.IsType<MessageCatch>(process.Node("Task_WaitResubmission")).Message!.Name);
    }

    /// <summary>A Signavio export (default namespace, no prefix, vendor extension elements and attributes).</summary>
    private const string SignavioExport = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:signavio="http://www.signavio.com"
            xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:omgdc="http://www.omg.org/spec/DD/20100524/DC"
            id="sid-d1" targetNamespace="http://www.signavio.com" exporter="Signavio Process Editor, http://www.signavio.com" exporterVersion="16.4.0">
          <process id="sid-contract" name="Contract signing" isExecutable="true" processType="None">
            <extensionElements><signavio:signavioDiagramMetaData metaKey="revisionid" metaValue="abc" /></extensionElements>
            <laneSet id="sid-lanes"><lane id="sid-bureau" name="Bureau"><flowNodeRef>sid-start</flowNodeRef></lane></laneSet>
            <startEvent id="sid-start" name="Winner publicised"><extensionElements><signavio:signavioMetaData metaKey="bgcolor" metaValue="#ffffff" /></extensionElements></startEvent>
            <parallelGateway id="sid-fork" gatewayDirection="Diverging" />
            <task id="sid-draft" name="Draft contract" />
            <manualTask id="sid-sign" name="Sign" />
            <parallelGateway id="sid-join" gatewayDirection="Converging" />
            <endEvent id="sid-end" name="Signed" />
            <textAnnotation id="sid-note"><text>Within 30 days of the award</text></textAnnotation>
            <sequenceFlow id="sid-f1" sourceRef="sid-start" targetRef="sid-fork" />
            <sequenceFlow id="sid-f2" sourceRef="sid-fork" targetRef="sid-draft" />
            <sequenceFlow id="sid-f3" sourceRef="sid-fork" targetRef="sid-sign" />
            <sequenceFlow id="sid-f4" sourceRef="sid-draft" targetRef="sid-join" />
            <sequenceFlow id="sid-f5" sourceRef="sid-sign" targetRef="sid-join" />
            <sequenceFlow id="sid-f6" sourceRef="sid-join" targetRef="sid-end" />
            <association id="sid-a1" sourceRef="sid-note" targetRef="sid-draft" />
          </process>
          <bpmndi:BPMNDiagram id="sid-diagram"><bpmndi:BPMNPlane id="sid-plane" bpmnElement="sid-contract">
            <bpmndi:BPMNShape id="sid-start_gui" bpmnElement="sid-start"><omgdc:Bounds height="30" width="30" x="100" y="100" /></bpmndi:BPMNShape>
          </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
        </definitions>
        """;

    [Fact]
    public void AnotherModelersExport_OfSupportedElements_IsRead_AndItsUnsupportedElementsAreRefusedByIdAndType()
    {
        Assert.Empty(Problems(SignavioExport));
        var process = Assert.Single(BpmnReader.Read(SignavioExport).Processes);
        Assert.IsType<ParallelGateway>(process.Node("sid-join"));
        Assert.Equal(6, process.Nodes.Count);

        var withScript = SignavioExport.Replace("""<manualTask id="sid-sign" name="Sign" />""",
            """<scriptTask id="sid-sign" name="Sign" scriptFormat="javascript"><script>sign()</script></scriptTask>""", StringComparison.Ordinal);
        Assert.Contains(Problems(withScript), p => p is { ElementId: "sid-sign", ElementType: "bpmn:scriptTask" });
    }

    [Fact]
    public void UnsupportedElement_IsRefusedWithItsIdAndType()
    {
        var problems = Problems(BpmnSamples.Process("""
            <bpmn:startEvent id="Start" />
            <bpmn:inclusiveGateway id="Gateway_Or" />
            <bpmn:endEvent id="End" />
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Gateway_Or" />
            <bpmn:sequenceFlow id="F2" sourceRef="Gateway_Or" targetRef="End" />
            """));
        Assert.Contains(problems, p => p is { ElementId: "Gateway_Or", ElementType: "bpmn:inclusiveGateway" });
    }

    [Fact]
    public void EveryProblemIsReported_NotJustTheFirst()
    {
        var problems = Problems(BpmnSamples.Process("""
            <bpmn:startEvent id="Start" />
            <bpmn:serviceTask id="Task_Unknown"><bpmn:extensionElements><zeebe:taskDefinition type="fax.send" /></bpmn:extensionElements></bpmn:serviceTask>
            <bpmn:exclusiveGateway id="Gateway_NoDefault" />
            <bpmn:endEvent id="End_A" />
            <bpmn:endEvent id="End_B" />
            <bpmn:userTask id="Task_Orphan" />
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task_Unknown" />
            <bpmn:sequenceFlow id="F2" sourceRef="Task_Unknown" targetRef="Gateway_NoDefault" />
            <bpmn:sequenceFlow id="F3" sourceRef="Gateway_NoDefault" targetRef="End_A"><bpmn:conditionExpression>=x &gt;</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="F4" sourceRef="Gateway_NoDefault" targetRef="End_B"><bpmn:conditionExpression>=x &lt; 3</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="F5" sourceRef="Task_Orphan" targetRef="End_B" />
            """, executable: false));
        Assert.Contains(problems, p => p.ElementId == "Process_1" && p.Message.Contains("executable"));
        Assert.Contains(problems, p => p.ElementId == "Task_Unknown" && p.Message.Contains("fax.send"));
        Assert.Contains(problems, p => p.ElementId == "Gateway_NoDefault" && p.Message.Contains("default"));
        Assert.Contains(problems, p => p.ElementId == "Task_Orphan" && p.Message.Contains("unreachable"));
        Assert.Contains(problems, p => p is { ElementId: "F3", ElementType: "bpmn:sequenceFlow" } && p.Message.Contains("FEEL"));
    }

    [Fact]
    public void MessageCatch_WithoutCorrelationKey_IsAProblem()
    {
        var problems = Problems(BpmnSamples.Process("""
            <bpmn:startEvent id="Start" />
            <bpmn:intermediateCatchEvent id="Catch"><bpmn:messageEventDefinition messageRef="Message_1" /></bpmn:intermediateCatchEvent>
            <bpmn:endEvent id="End" />
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Catch" />
            <bpmn:sequenceFlow id="F2" sourceRef="Catch" targetRef="End" />
            """, extra: """<bpmn:message id="Message_1" name="pack-resubmitted" />"""));
        Assert.Equal("Catch", Assert.Single(problems).ElementId);
    }

    [Fact]
    public void SignalEvent_IsNotSupported_AndSaysSo()
    {
        var problems = Problems(BpmnSamples.Process("""
            <bpmn:startEvent id="Start" />
            <bpmn:intermediateCatchEvent id="WaitSignal"><bpmn:signalEventDefinition /></bpmn:intermediateCatchEvent>
            <bpmn:endEvent id="End" />
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="WaitSignal" />
            <bpmn:sequenceFlow id="F2" sourceRef="WaitSignal" targetRef="End" />
            """));
        Assert.Contains(problems, p => p.ElementId == "WaitSignal" && p.Message.Contains("signalEventDefinition"));
    }

    [Fact]
    public void MalformedXml_AndDtds_AreRefused()
    {
        Assert.Contains("XML", Assert.Single(BpmnReader.Read("<bpmn:definitions").Problems).Message);
        const string xxe = """<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><d>&x;</d>""";
        Assert.Single(BpmnReader.Read(xxe).Problems);
    }
}
