using System.Globalization;
using System.Text;
using Pipeline.Activities.Catalogue;

namespace Pipeline.Benchmarks;

/// <summary>
/// A deployable BPMN definition of exactly <c>nodes</c> flow nodes (start and end events, tasks, gateways; sequence flows
/// come on top) in the Zeebe dialect the engine reads and the designer writes, with BPMN DI: shapes left to right in
/// rows, every flow with its waypoints. The process is a chain of review steps, each a user task
/// (<c>candidateGroups="reviewer"</c>), an exclusive split (FEEL <c>=x &gt; 1</c> to one catalogue service task, the
/// default flow to another) and the exclusive join; plain service tasks fill up to the exact count. Every element
/// that bpmnlint's <c>label-required</c> asks a name of has one, so the designer's lint finds nothing.
/// </summary>
public static class LargeDefinition
{
    /// <summary>The catalogue task type of every service task (the one the shipped definitions use most).</summary>
    public const string TaskType = "profile.load";

    private const int Columns = 20;          // columns in a row
    private const int ColumnWidth = 150;
    private const int RowHeight = 260;       // the main line, the branch line below it, the gap to the next row
    private const int BranchOffset = 120;    // the default branch runs this far below the main line
    private const int Left = 160, Top = 100;

    private enum Kind { Start, End, User, Split, Service, Join }

    private sealed record Node(string Id, Kind Kind, string? Name, int X, int Y)
    {
        public (int W, int H) Size => Kind switch
        {
            Kind.Start or Kind.End => (36, 36),
            Kind.Split or Kind.Join => (50, 50),
            _ => (100, 80),
        };
        public int Left => X - Size.W / 2;
        public int Right => X + Size.W / 2;
        public int TopEdge => Y - Size.H / 2;
        public int Bottom => Y + Size.H / 2;
    }

    private sealed record Flow(string Id, Node From, Node To, string? Name, string? Condition, (int X, int Y)[] Waypoints);

    public static string Generate(string processId, int nodes)
    {
        if (!ActivityCatalogue.Types.Contains(TaskType)) throw new InvalidOperationException($"{TaskType} is not in the activity catalogue");
        if (nodes < 3) throw new ArgumentOutOfRangeException(nameof(nodes), "at least a start, a task and an end");

        var list = new List<Node>();
        var flows = new List<Flow>();
        var defaults = new Dictionary<string, string>();
        int column = 0, row = 0;
        (int X, int Y) Slot(int c, int offset = 0) => (Left + c * ColumnWidth + 50, Top + row * RowHeight + offset);
        Node Add(string id, Kind kind, string? name, (int X, int Y) at)
        {
            var node = new Node(id, kind, name, at.X, at.Y);
            list.Add(node);
            return node;
        }
        void Connect(string id, Node from, Node to, string? name = null, string? condition = null)
        {
            (int, int)[] points;
            if (from.Y == to.Y) points = [(from.Right, from.Y), (to.Left, to.Y)];                       // along a line
            else if (to.Y > from.Y && from.Kind == Kind.Split && to.X == from.X + ColumnWidth)
                points = [(from.X, from.Bottom), (from.X, to.Y), (to.Left, to.Y)];                     // split → default branch
            else if (to.Y < from.Y && to.Kind == Kind.Join)
                points = [(from.Right, from.Y), (to.X, from.Y), (to.X, to.Bottom)];                     // default branch → join
            else
            {
                var gap = to.TopEdge - 40;                                                              // end of a row → start of the next
                points = [(from.Right, from.Y), (from.Right + 25, from.Y), (from.Right + 25, gap), (to.X, gap), (to.X, to.TopEdge)];
            }
            flows.Add(new Flow(id, from, to, name, condition, points));
        }
        // Lays the next node out in the next column (wrapping to a new row when <paramref name="width"/> columns don't fit).
        (int X, int Y) Next(int width)
        {
            if (column + width > Columns)
            {
                column = 0;
                row++;
            }
            var at = Slot(column);
            column += width;
            return at;
        }

        var previous = Add("Start", Kind.Start, "开始", Next(1));
        var remaining = nodes - 2;
        var step = 0;
        while (remaining > 0)
        {
            step++;
            if (remaining >= 5)
            {
                var first = Next(4);
                var c = column - 4;
                var review = Add($"Review_{step}", Kind.User, $"复核 {step}", first);
                var split = Add($"Decide_{step}", Kind.Split, $"通过？ {step}", Slot(c + 1));
                var passed = Add($"Record_{step}", Kind.Service, $"载入规则 {step}", Slot(c + 2));
                var otherwise = Add($"Reload_{step}", Kind.Service, $"重新载入 {step}", Slot(c + 2, BranchOffset));
                var join = Add($"Join_{step}", Kind.Join, null, Slot(c + 3));
                Connect($"Flow_{previous.Id}_{review.Id}", previous, review);
                Connect($"Flow_{review.Id}_{split.Id}", review, split);
                Connect($"Flow_{split.Id}_Yes", split, passed, "是", "=x > 1");
                Connect($"Flow_{split.Id}_No", split, otherwise, "否");
                defaults[split.Id] = $"Flow_{split.Id}_No";
                Connect($"Flow_{passed.Id}_{join.Id}", passed, join);
                Connect($"Flow_{otherwise.Id}_{join.Id}", otherwise, join);
                previous = join;
                remaining -= 5;
            }
            else
            {
                var task = Add($"Task_{step}", Kind.Service, $"载入规则 {step}", Next(1));
                Connect($"Flow_{previous.Id}_{task.Id}", previous, task);
                previous = task;
                remaining--;
            }
        }
        var end = Add("End", Kind.End, "结束", Next(1));
        Connect($"Flow_{previous.Id}_End", previous, end);
        return Write(processId, nodes, list, flows, defaults);
    }

    private static string Write(string processId, int count, List<Node> nodes, List<Flow> flows, Dictionary<string, string> defaults)
    {
        static string E(string s) => System.Security.SecurityElement.Escape(s);
        static string N(int v) => v.ToString(CultureInfo.InvariantCulture);
        var incoming = flows.ToLookup(f => f.To.Id);
        var outgoing = flows.ToLookup(f => f.From.Id);
        var xml = new StringBuilder();
        xml.Append($"""
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- ./pipeline bench designer: {N(count)} flow nodes, generated. -->
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="Definitions_{processId}" targetNamespace="http://pipeline.example/bpmn" exporter="Pipeline bench" exporterVersion="1.0" modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.5.0">
              <bpmn:process id="{processId}" name="{N(count)} 个节点的流程 Bench, {N(count)} nodes" isExecutable="true">

            """);
        foreach (var node in nodes)
        {
            var (tag, extension, attributes) = node.Kind switch
            {
                Kind.Start => ("startEvent", "", ""),
                Kind.End => ("endEvent", "", ""),
                Kind.User => ("userTask", """<zeebe:assignmentDefinition candidateGroups="reviewer" /><zeebe:ioMapping><zeebe:output source="=outcome" target="x" /></zeebe:ioMapping>""", ""),
                Kind.Service => ("serviceTask", $"""<zeebe:taskDefinition type="{TaskType}" retries="3" /><zeebe:ioMapping><zeebe:input source="=profile" target="profile" /></zeebe:ioMapping>""", ""),
                Kind.Split => ("exclusiveGateway", "", $" default=\"{defaults[node.Id]}\""),
                _ => ("exclusiveGateway", "", ""),
            };
            xml.Append($"    <bpmn:{tag} id=\"{node.Id}\"");
            if (node.Name is not null) xml.Append($" name=\"{E(node.Name)}\"");
            xml.Append(attributes).Append('>');
            if (extension.Length > 0) xml.Append("<bpmn:extensionElements>").Append(extension).Append("</bpmn:extensionElements>");
            foreach (var f in incoming[node.Id]) xml.Append($"<bpmn:incoming>{f.Id}</bpmn:incoming>");
            foreach (var f in outgoing[node.Id]) xml.Append($"<bpmn:outgoing>{f.Id}</bpmn:outgoing>");
            xml.Append($"</bpmn:{tag}>\n");
        }
        foreach (var flow in flows)
        {
            xml.Append($"    <bpmn:sequenceFlow id=\"{flow.Id}\"");
            if (flow.Name is not null) xml.Append($" name=\"{E(flow.Name)}\"");
            xml.Append($" sourceRef=\"{flow.From.Id}\" targetRef=\"{flow.To.Id}\"");
            xml.Append(flow.Condition is null ? " />\n"
                : $"><bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">{E(flow.Condition)}</bpmn:conditionExpression></bpmn:sequenceFlow>\n");
        }
        xml.Append($"  </bpmn:process>\n  <bpmndi:BPMNDiagram id=\"Diagram_1\">\n    <bpmndi:BPMNPlane id=\"Plane_1\" bpmnElement=\"{processId}\">\n");
        foreach (var node in nodes)
        {
            var marker = node.Kind is Kind.Split or Kind.Join ? " isMarkerVisible=\"true\"" : "";
            xml.Append($"      <bpmndi:BPMNShape id=\"{node.Id}_di\" bpmnElement=\"{node.Id}\"{marker}><dc:Bounds x=\"{N(node.Left)}\" y=\"{N(node.TopEdge)}\" width=\"{N(node.Size.W)}\" height=\"{N(node.Size.H)}\" />");
            // Events carry their name below the shape, a split above it (its default flow leaves from the bottom).
            if (node.Name is not null && node.Kind is Kind.Start or Kind.End or Kind.Split)
                xml.Append($"<bpmndi:BPMNLabel><dc:Bounds x=\"{N(node.X - 40)}\" y=\"{N(node.Kind == Kind.Split ? node.TopEdge - 21 : node.Bottom + 7)}\" width=\"80\" height=\"14\" /></bpmndi:BPMNLabel>");
            xml.Append("</bpmndi:BPMNShape>\n");
        }
        foreach (var flow in flows)
        {
            xml.Append($"      <bpmndi:BPMNEdge id=\"{flow.Id}_di\" bpmnElement=\"{flow.Id}\">");
            foreach (var (x, y) in flow.Waypoints) xml.Append($"<di:waypoint x=\"{N(x)}\" y=\"{N(y)}\" />");
            // A named flow's label just past where it leaves its gateway.
            if (flow.Name is not null)
                xml.Append($"<bpmndi:BPMNLabel><dc:Bounds x=\"{N(flow.Waypoints[0].X + 6)}\" y=\"{N(flow.Waypoints[0].Y + (flow.Waypoints[1].Y == flow.Waypoints[0].Y ? -20 : 6))}\" width=\"20\" height=\"14\" /></bpmndi:BPMNLabel>");
            xml.Append("</bpmndi:BPMNEdge>\n");
        }
        xml.Append("    </bpmndi:BPMNPlane>\n  </bpmndi:BPMNDiagram>\n</bpmn:definitions>\n");
        return xml.ToString();
    }
}
