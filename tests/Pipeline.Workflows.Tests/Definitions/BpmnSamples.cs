namespace Pipeline.Workflows.Tests.Definitions;

/// <summary>Small BPMN documents in the shape bpmn-js exports (Camunda 8 / Zeebe dialect).</summary>
public static class BpmnSamples
{
    public const string Header = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
          xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI"
          xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_1">
        """;

    /// <summary>Wraps process content in definitions; <paramref name="extra"/> goes beside the process (messages).</summary>
    public static string Process(string content, string extra = "", bool executable = true) =>
        Header + extra + $"""
          <bpmn:process id="Process_1" isExecutable="{(executable ? "true" : "false")}">
          {content}
          </bpmn:process>
          <bpmndi:BPMNDiagram id="BPMNDiagram_1"><bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="Process_1" /></bpmndi:BPMNDiagram>
        </bpmn:definitions>
        """;

    /// <summary>A <c>bpmn:process</c> element to put beside <c>Process_1</c> (in <see cref="Process"/>'s <c>extra</c>) or in <see cref="Definitions"/>.</summary>
    /// <param name="extensions">Children of the process's <c>bpmn:extensionElements</c>, e.g. <c>zeebe:versionTag</c>.</param>
    public static string ProcessElement(string id, string content, string extensions = "") =>
        $"""<bpmn:process id="{id}" isExecutable="true">"""
        + (extensions.Length == 0 ? "" : $"<bpmn:extensionElements>{extensions}</bpmn:extensionElements>")
        + content + "</bpmn:process>";

    /// <summary>A definitions document holding <paramref name="elements"/> (processes, messages, errors) as they are.</summary>
    public static string Definitions(params string[] elements) => Header + string.Concat(elements) + "</bpmn:definitions>";

    /// <summary>start → gateway (approve / default reject) → two ends, with a lane and an annotation for good measure.</summary>
    public static readonly string Valid = Process("""
        <bpmn:laneSet id="LaneSet_1"><bpmn:lane id="Lane_1" name="经办人"><bpmn:flowNodeRef>Task_Review</bpmn:flowNodeRef></bpmn:lane></bpmn:laneSet>
        <bpmn:startEvent id="Start" />
        <bpmn:userTask id="Task_Review" name="审核">
          <bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="reviewer, approver" /></bpmn:extensionElements>
        </bpmn:userTask>
        <bpmn:exclusiveGateway id="Gateway_1" default="Flow_Reject" />
        <bpmn:endEvent id="End_Approved" />
        <bpmn:endEvent id="End_Rejected" />
        <bpmn:textAnnotation id="Note_1"><bpmn:text>R-QJ-8</bpmn:text></bpmn:textAnnotation>
        <bpmn:association id="Association_1" sourceRef="Task_Review" targetRef="Note_1" />
        <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Task_Review" />
        <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Review" targetRef="Gateway_1" />
        <bpmn:sequenceFlow id="Flow_Approve" sourceRef="Gateway_1" targetRef="End_Approved">
          <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=outcome = "approve"</bpmn:conditionExpression>
        </bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="Flow_Reject" sourceRef="Gateway_1" targetRef="End_Rejected" />
        """);
}
