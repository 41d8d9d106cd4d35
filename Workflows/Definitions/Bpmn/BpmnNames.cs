using System.Xml.Linq;

namespace Pipeline.Workflows.Definitions.Bpmn;

/// <summary>XML namespaces of BPMN 2.0 (OMG, 20100524) and the Camunda 8 (Zeebe) extensions bpmn-js writes.</summary>
public static class BpmnNames
{
    public static readonly XNamespace Model = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    public static readonly XNamespace Zeebe = "http://camunda.org/schema/zeebe/1.0";
    public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>Prefixed name for messages: <c>bpmn:userTask</c>, <c>zeebe:ioMapping</c>.</summary>
    public static string Display(XName name) =>
        name.Namespace == Model ? "bpmn:" + name.LocalName
        : name.Namespace == Zeebe ? "zeebe:" + name.LocalName
        : name.LocalName;
}
