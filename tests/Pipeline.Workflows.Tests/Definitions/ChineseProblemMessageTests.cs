using System.Text.RegularExpressions;
using Pipeline.Workflows.Definitions;
using Pipeline.Workflows.Definitions.Bpmn;
using Pipeline.Workflows.Runtime;
using Pipeline.Workflows.Runtime.Migration;
using Pipeline.Workflows.Tests.Runtime;
using Xunit.Abstractions;
using static Pipeline.Workflows.Tests.Runtime.Bpmn;

namespace Pipeline.Workflows.Tests.Definitions;

/// <summary>
/// Every deploy-time problem and every migration refusal has a Chinese message (the designer shows it first) that
/// carries the same ids and values as the English one. The broken definitions below reach each message of
/// <see cref="BpmnReader"/>, <see cref="DefinitionValidator"/>, <see cref="TimerSchedule"/>, <see cref="TaskDates"/> and the
/// start timers; the migrations each refusal of <see cref="MigrationPlanner"/>. A problem created with an empty,
/// English-only or value-dropping Chinese text fails here.
/// </summary>
public partial class ChineseProblemMessageTests(ITestOutputHelper output)
{
    private static readonly IReadOnlySet<string> Catalogue = new HashSet<string> { "pack.check", "notify.send" };

    private const string Msg = """<bpmn:message id="Msg" name="pack-resubmitted"><bpmn:extensionElements><zeebe:subscription correlationKey="=businessKey" /></bpmn:extensionElements></bpmn:message>""";

    private static string Props(string properties) => $"<zeebe:properties>{properties}</zeebe:properties>";

    private static string Prop(string name, string value) => $"""<zeebe:property name="{name}" value="{value}" />""";

    private static string Service(string id, string extensions) =>
        $"""<bpmn:serviceTask id="{id}"><bpmn:extensionElements><zeebe:taskDefinition type="notify.send" />{extensions}</bpmn:extensionElements></bpmn:serviceTask>""";

    private static string UserTask(string id, string extensions, string inner = "") =>
        $"""<bpmn:userTask id="{id}"><bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="reviewer" />{extensions}</bpmn:extensionElements>{inner}</bpmn:userTask>""";

    private static string Call(string id, string attributes) =>
        $"""<bpmn:callActivity id="{id}"><bpmn:extensionElements><zeebe:calledElement {attributes} /></bpmn:extensionElements></bpmn:callActivity>""";

    private static string Catch(string id, string definition) => $"""<bpmn:intermediateCatchEvent id="{id}">{definition}</bpmn:intermediateCatchEvent>""";

    private static string TimerStart(string id, string kind, string value) => $"""<bpmn:startEvent id="{id}">{TimerDefinition(kind, value)}</bpmn:startEvent>""";

    /// <summary>One element between a start and an end event.</summary>
    private static string Between(string element, string id, string extra = "") =>
        BpmnSamples.Process(Start() + element + End() + Chain("Start", id, "End"), extra);

    /// <summary>Broken definitions: together they raise every problem the reader and the validator know.</summary>
    private static readonly (string Name, string Xml)[] Broken =
    [
        // BpmnReader: the document
        ("not well-formed", "<bpmn:definitions"),
        ("nested too deep", string.Concat(Enumerable.Repeat("<x>", BpmnReader.MaxElementDepth + 2)) + string.Concat(Enumerable.Repeat("</x>", BpmnReader.MaxElementDepth + 2))),
        ("wrong root", "<definitions />"),
        ("no process, unsupported definitions element", BpmnSamples.Definitions("""<bpmn:dataStore id="Store_1" />""")),
        // BpmnReader: elements
        ("element without id, unsupported elements", BpmnSamples.Process(Start() + "<bpmn:task />" + """<bpmn:scriptTask id="Script" />""" + End() + Chain("Start", "End"))),
        ("loop marker", Between("""<bpmn:task id="T"><bpmn:standardLoopCharacteristics /></bpmn:task>""", "T")),
        ("event sub-process", BpmnSamples.Process(Start() + End() + Chain("Start", "End") + """<bpmn:subProcess id="OnError" triggeredByEvent="true" />""")),
        ("sub-process ioMapping", Between(SubProcess("Sub", Start("S1") + End("S2") + Chain("S1", "S2"), """<bpmn:extensionElements><zeebe:ioMapping /></bpmn:extensionElements>"""), "Sub")),
        ("FEEL syntax", BpmnSamples.Process(
            Start() + Xor("X", "F_X_End") + Job("J", inner: "") + End() + End("E2")
            + Flow("Start", "X") + Flow("X", "J", "=(((") + Flow("X", "End") + Flow("J", "E2")
            + Service("In", """<zeebe:ioMapping><zeebe:input source="=(((" target="pack" /><zeebe:output source="=)))" target="result" /></zeebe:ioMapping>""")
            + Call("Called", """processId="=(((" """)
            + Catch("Wait", TimerDefinition("timeDuration", "=((("))
            + UserTask("Due", """<zeebe:taskSchedule dueDate="=(((" followUpDate="tomorrow" />""")
            + $"""<bpmn:task id="Many">{Loop("""inputCollection="=(((" outputCollection="out" outputElement="(((" """, completion: "=(((", cardinality: "=(((")}</bpmn:task>""",
            """<bpmn:message id="BadKey" name="bad"><bpmn:extensionElements><zeebe:subscription correlationKey="=(((" /></bpmn:extensionElements></bpmn:message>""")),
        ("call activity attributes", Between(Call("Call", """processId="child" bindingType="sometimes" propagateAllParentVariables="maybe" """), "Call")),
        ("unsupported event definitions", BpmnSamples.Process(
            """<bpmn:startEvent id="Start"><bpmn:signalEventDefinition /></bpmn:startEvent>"""
            + """<bpmn:endEvent id="End"><bpmn:escalationEventDefinition /></bpmn:endEvent>"""
            + """<bpmn:intermediateCatchEvent id="Bare" />""" + Catch("Signal", "<bpmn:signalEventDefinition />")
            + Pass("T") + """<bpmn:boundaryEvent id="BareBoundary" attachedToRef="T" />"""
            + Boundary("SignalBoundary", "T", "<bpmn:signalEventDefinition />")
            + """<bpmn:endEvent id="Dangling"><bpmn:errorEventDefinition errorRef="NoSuchError" /></bpmn:endEvent>"""
            + Catch("TwoParts", """<bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration><bpmn:timeDate>2026-05-01</bpmn:timeDate></bpmn:timerEventDefinition>""")
            + Catch("Empty", """<bpmn:timerEventDefinition><bpmn:timeDuration> </bpmn:timeDuration></bpmn:timerEventDefinition>"""))),
        ("retry back-off", BpmnSamples.Process(Start() + End() + Chain("Start", "End")
            + Service("Soon", Props(Prop(BpmnReader.RetryBackoffProperty, "soon")))
            + Service("Monthly", Props(Prop(BpmnReader.RetryBackoffProperty, "P1M")))
            + Service("Zero", Props(Prop(BpmnReader.RetryBackoffProperty, "PT0S")))
            + Service("Other", Props(Prop("pipeline:retries", "3"))))),
        ("user task properties and dates", BpmnSamples.Process(Start() + End() + Chain("Start", "End")
            + UserTask("Yes", Props(Prop(BpmnReader.DistinctAssigneesProperty, "yes")))
            + UserTask("Nobody", Props(Prop(BpmnReader.NotCompletedByProperty, " , ")))
            + UserTask("Unknown", Props(Prop("pipeline:assignee", "王经办")))
            + UserTask("Far", """<zeebe:taskSchedule dueDate="P99999Y" />"""))),
        // DefinitionValidator: process, flows, gateways
        ("not executable, no start event", BpmnSamples.Process(End(), executable: false)),
        ("starts and ends", BpmnSamples.Process(
            Start() + Start("Start2") + End() + Pass("Dead") + Pass("Lost") + Xor("X")
            + Chain("Start", "End") + Flow("End", "Start") + Chain("Start2", "Dead") + Flow("Start", "Lost", "=true")
            + Flow("Start", "Nowhere") + Flow("Nowhere", "End") + Flow("X", "End"))),
        ("gateways", BpmnSamples.Process(
            Start() + Xor("Choice", "F_Gone") + Xor("Conditional", "F_Conditional_A") + Xor("NoDefault") + Pass("A") + Pass("B") + End()
            + Chain("Start", "Choice", "A", "Conditional") + Flow("Choice", "B") + Flow("Conditional", "B", "=x > 1") + Flow("Conditional", "A", "=x > 2", "F_Conditional_A")
            + Flow("B", "NoDefault") + Flow("NoDefault", "End", "=x") + Flow("NoDefault", "A", "=y"))),
        ("scopes", BpmnSamples.Process(
            Start() + SubProcess("Empty", "") + SubProcess("Twice", Start("T1") + Start("T2") + End("T3") + Chain("T1", "T3") + Chain("T2", "T3"))
            + SubProcess("Sub", Start("S1") + Pass("Inner") + End("S2") + Chain("S1", "Inner", "S2")) + Pass("Outer") + End()
            + Chain("Start", "Empty", "Twice", "Sub", "Outer", "End") + Flow("Outer", "Inner")
            + Boundary("Late", "Outer", TimerDefinition("timeDuration", "PT1H")) + Flow("Start", "Late") + Chain("Late", "End"))),
        // DefinitionValidator: tasks
        ("tasks", BpmnSamples.Process(
            Start() + """<bpmn:serviceTask id="Untyped" />""" + Job("Fax", "pack.fax")
            + UserTask("Alone", Props(Prop(BpmnReader.DistinctAssigneesProperty, "true")))
            + UserTask("Self", Props(Prop(BpmnReader.NotCompletedByProperty, "Self, Ghost, Fax")))
            + End() + Chain("Start", "Untyped", "Fax", "Alone", "Self", "End"))),
        ("messages", BpmnSamples.Process(
            Start() + """<bpmn:receiveTask id="NoRef" />""" + """<bpmn:receiveTask id="NoName" messageRef="Nameless" />""" + """<bpmn:receiveTask id="NoKey" messageRef="Keyless" />"""
            + End() + Chain("Start", "NoRef", "NoName", "NoKey", "End"),
            """<bpmn:message id="Nameless" /><bpmn:message id="Keyless" name="keyless" />""")),
        // DefinitionValidator: events
        ("error ends", BpmnSamples.Process(Start() + And("Fork") + """<bpmn:endEvent id="NoRef"><bpmn:errorEventDefinition /></bpmn:endEvent>""" + ErrorEnd("NoCode", "Codeless")
            + Chain("Start", "Fork", "NoRef") + Chain("Fork", "NoCode"), """<bpmn:error id="Codeless" name="codeless" />""")),
        ("timers", BpmnSamples.Process(
            Start() + And("Fork") + Catch("Cycle", TimerDefinition("timeCycle", "R3/PT1H")) + Catch("Soon", TimerDefinition("timeDuration", "soon"))
            + Catch("Someday", TimerDefinition("timeDate", "someday")) + Catch("Overflow", TimerDefinition("timeDuration", "P9999Y"))
            + Pass("T") + Boundary("Cron", "T", TimerDefinition("timeCycle", "0 0 9 * * ?"), interrupting: false)
            + Boundary("Never", "T", TimerDefinition("timeCycle", "R0/PT1H"), interrupting: false)
            + Boundary("TooMany", "T", TimerDefinition("timeCycle", "R99999999999/PT1H"), interrupting: false)
            + Boundary("ZeroInterval", "T", TimerDefinition("timeCycle", "R3/PT0S"), interrupting: false)
            + Boundary("BadStart", "T", TimerDefinition("timeCycle", "R/someday/P1D"), interrupting: false)
            + Boundary("Past", "T", TimerDefinition("timeCycle", "R2/1960-01-01T00:00:00Z/P1D"), interrupting: false)
            + End() + Chain("Start", "Fork", "Cycle", "End") + Chain("Fork", "Soon", "End") + Chain("Fork", "Someday", "End") + Chain("Fork", "Overflow", "End")
            + Chain("Fork", "T", "End") + Chain("Cron", "End") + Chain("Never", "End") + Chain("TooMany", "End") + Chain("ZeroInterval", "End")
            + Chain("BadStart", "End") + Chain("Past", "End"))),
        ("event-based gateways", BpmnSamples.Process(
            Start() + """<bpmn:eventBasedGateway id="Alone" />""" + """<bpmn:eventBasedGateway id="Race" />""" + Pass("NotAnEvent")
            + Catch("Wait", TimerDefinition("timeDuration", "PT1H")) + End()
            + Chain("Start", "Alone", "Race", "NotAnEvent", "End") + Chain("Race", "Wait", "End") + Flow("Start", "Wait", id: "F_Other"))),
        ("boundary events", BpmnSamples.Process(
            Start() + And("Fork") + Pass("T") + SubProcess("Sub", Start("S1") + Pass("Inner") + End("S2") + Chain("S1", "Inner", "S2"))
            + Boundary("Orphan", "Ghost", TimerDefinition("timeDuration", "PT1H")) + Boundary("OnGateway", "Fork", TimerDefinition("timeDuration", "PT1H"))
            + Boundary("Outside", "Inner", TimerDefinition("timeDuration", "PT1H")) + Boundary("SoftError", "T", ErrorDefinition(), interrupting: false)
            + Boundary("NoMessage", "T", "<bpmn:messageEventDefinition />") + Boundary("Repeat", "T", TimerDefinition("timeCycle", "R3/PT1H"))
            + End() + Chain("Start", "Fork", "T", "Sub", "End")
            + Chain("Orphan", "End") + Chain("OnGateway", "End") + Chain("Outside", "End") + Chain("SoftError", "End") + Chain("NoMessage", "End") + Chain("Repeat", "End"))),
        // DefinitionValidator: multi-instance
        ("multi-instance", BpmnSamples.Process(
            Start() + $"""<bpmn:exclusiveGateway id="Xor" default="F_Xor_None">{Loop(cardinality: "=2")}</bpmn:exclusiveGateway>"""
            + Task("None", inner: Loop()) + Task("Both", inner: Loop("""inputCollection="=people" """, cardinality: "=2"))
            + Task("Element", inner: Loop("""inputElement="person" """, cardinality: "=2"))
            + Task("Out", inner: Loop("""outputElement="=x" """, cardinality: "=2"))
            + Task("Collect", inner: Loop("""outputCollection="results" """, cardinality: "=2"))
            + End() + Chain("Start", "Xor", "None", "Both", "Element", "Out", "Collect", "End"))),
        // DefinitionValidator: start events and call activities
        ("start events", BpmnSamples.Process(
            $"""<bpmn:startEvent id="NoRef">{MessageDefinition("")}</bpmn:startEvent>""" + """<bpmn:startEvent id="Nameless"><bpmn:messageEventDefinition messageRef="NamelessMsg" /></bpmn:startEvent>"""
            + $"""<bpmn:startEvent id="First">{MessageDefinition("Msg")}</bpmn:startEvent>""" + $"""<bpmn:startEvent id="Second">{MessageDefinition("Msg2")}</bpmn:startEvent>"""
            + SubProcess("Sub", TimerStart("Inner", "timeDuration", "PT1H") + End("S2") + Chain("Inner", "S2")) + End()
            + Chain("NoRef", "Sub", "End") + Chain("Nameless", "End") + Chain("First", "End") + Chain("Second", "End"),
            Msg + """<bpmn:message id="Msg2" name="pack-resubmitted" /><bpmn:message id="NamelessMsg" />""")),
        ("call activities", BpmnSamples.Process(
            Start() + Call("NoProcess", """bindingType="latest" """) + Call("NoTag", """processId="child" bindingType="versionTag" """)
            + Call("StrayTag", """processId="child" versionTag="v1" """) + End() + Chain("Start", "NoProcess", "NoTag", "StrayTag", "End"))),
    ];

    [Fact]
    public void EveryDeployTimeProblem_HasAChineseMessage_WithTheSameValues()
    {
        var problems = new List<DefinitionProblem>();
        foreach (var (name, xml) in Broken)
        {
            var read = BpmnReader.Read(xml, "broken.bpmn");
            var found = read.Problems.Concat(read.Processes.SelectMany(p => DefinitionValidator.Validate(p, Catalogue))).ToList();
            Assert.True(found.Count > 0, $"'{name}' has no problem");
            problems.AddRange(found);
        }
        foreach (var problem in problems) AssertChinese(problem.ElementId, problem.Message, problem.MessageZh);

        var messages = problems.Select(p => p.Message).Distinct().ToList();
        foreach (var problem in problems.DistinctBy(p => p.Message)) output.WriteLine($"{problem.ElementId}: {problem.Message}\n    {problem.MessageZh}");
        output.WriteLine($"{messages.Count} distinct messages");
        Assert.True(messages.Count >= 90, $"only {messages.Count} distinct messages");
    }

    /// <summary>Timer start events are checked at deployment, once the definition is otherwise valid.</summary>
    [Theory]
    [InlineData("timeCycle", "R2/2020-01-01T00:00:00+08:00/P1D", "has no occurrence after the deployment")]
    [InlineData("timeCycle", "=\"soon\"", "is not an ISO 8601 repeating interval")]
    [InlineData("timeDuration", "=\"soon\"", "is not an ISO 8601 duration")]
    [InlineData("timeDate", "=if 1 then 1 else 2", "failed without variables")]
    public async Task StartTimerProblems_AtDeployment_HaveAChineseMessage(string kind, string value, string english)
    {
        var h = new Harness();
        var refused = await Assert.ThrowsAsync<DefinitionInvalidException>(() => h.Engine.DeployAsync(BpmnSamples.Process(
            TimerStart("Timer", kind, value) + End() + Chain("Timer", "End")), Catalogue, "admin", Harness.None));
        var problem = Assert.Single(refused.Problems);
        output.WriteLine($"{problem.ElementId}: {problem.Message}\n    {problem.MessageZh}");
        Assert.Contains(english, problem.Message, StringComparison.Ordinal);
        AssertChinese(problem.ElementId, problem.Message, problem.MessageZh);
    }

    [Fact]
    public async Task EveryMigrationRefusal_HasAChineseMessage_WithTheSameValues()
    {
        var problems = new List<MigrationProblem>();
        async Task RefusedAsync(Harness h, ProcessInstance instance, int version, Dictionary<string, string>? mapping = null) =>
            problems.AddRange((await Assert.ThrowsAsync<MigrationRefusedException>(() =>
                h.Engine.MigrateInstanceAsync(instance.Id, version, mapping ?? new Dictionary<string, string>(), "admin", Harness.None))).Problems);
        async Task<int> DeployAsync(Harness h, string content, string extra = "") =>
            Assert.Single(await h.Engine.DeployAsync(BpmnSamples.Process(content, extra), Harness.Catalogue, "admin", Harness.None)).Version;

        // The instance and the version: finished, not deployed, the same, another process.
        var h1 = new Harness();
        var source = Assert.Single(await h1.Engine.DeployAsync(BpmnSamples.Process(Start() + Task("Review") + End() + Chain("Start", "Review", "End")),
            Harness.Catalogue, "admin", Harness.None));
        var done = await h1.Engine.StartAsync("Process_1", "JZ-2026-031", null, "institution", Harness.None);
        var running = await h1.Engine.StartAsync("Process_1", "JZ-2026-032", null, "institution", Harness.None);
        done = await h1.CompleteAsync(done, "Review");
        var v2 = await DeployAsync(h1, Start() + Task("Review", "approver") + End() + Chain("Start", "Review", "End"));
        await RefusedAsync(h1, done, v2);
        await RefusedAsync(h1, running, 7);
        await RefusedAsync(h1, running, 1);
        var other = Assert.Single(await h1.Engine.DeployAsync(BpmnSamples.Definitions(BpmnSamples.ProcessElement("Other", Start() + End() + Chain("Start", "End"))),
            Harness.Catalogue, "admin", Harness.None));
        problems.AddRange(Assert.Throws<MigrationRefusedException>(() => MigrationPlanner.Plan(running, source, other, 1, new Dictionary<string, string>())).Problems);

        // Mapping, types, scopes, jobs, loops.
        var h2 = new Harness();
        var instance = await h2.StartAsync(Start() + And("Fork") + Task("Review") + Task("Other") + Job("Check") + Task("Gone") + Task("Sign", inner: Loop(cardinality: "=2"))
            + Task("Plain") + Task("Order", inner: Loop(cardinality: "=2")) + Task("Item", inner: Loop("""inputCollection="=[1,2]" inputElement="a" """))
            + Task("Collect", inner: Loop("""inputCollection="=[1,2]" outputCollection="a" outputElement="=1" """))
            + SubProcess("Sub", Start("S1") + Task("Deep") + End("S2") + Chain("S1", "Deep", "S2")) + Task("Lost")
            + End() + Chain("Start", "Fork", "Review", "End") + Chain("Fork", "Lost", "End") + Chain("Fork", "Other", "End") + Chain("Fork", "Check", "End") + Chain("Fork", "Gone", "End")
            + Chain("Fork", "Sign", "End") + Chain("Fork", "Plain", "End") + Chain("Fork", "Order", "End") + Chain("Fork", "Item", "End") + Chain("Fork", "Collect", "End")
            + Chain("Fork", "Sub", "End"));
        var changed = await DeployAsync(h2, Start() + And("Fork") + Job("Review") + Job("Check", "pack.check") + Task("Sign") + Task("Plain", inner: Loop(cardinality: "=2"))
            + Task("Order", inner: Loop(cardinality: "=2", sequential: true)) + Task("Item", inner: Loop("""inputCollection="=[1,2]" inputElement="b" """))
            + Task("Collect", inner: Loop("""inputCollection="=[1,2]" outputCollection="b" outputElement="=1" """))
            + SubProcess("Sub", Start("S1") + Task("Other") + End("S2") + Chain("S1", "Other", "S2")) + SubProcess("Sub2", Start("T1") + Task("Deep2") + End("T2") + Chain("T1", "Deep2", "T2"))
            + End() + Chain("Start", "Fork", "Review", "End") + Chain("Fork", "Check", "End") + Chain("Fork", "Sign", "End") + Chain("Fork", "Plain", "End")
            + Chain("Fork", "Order", "End") + Chain("Fork", "Item", "End") + Chain("Fork", "Collect", "End") + Chain("Fork", "Sub", "Sub2", "End"));
        await RefusedAsync(h2, instance, changed, new() { ["Deep"] = "Deep2", ["Missing"] = "Review", ["Review"] = "Review", ["Check"] = "Check", ["Gone"] = "Nowhere" });

        // Joins, subscriptions, messages, event-based gateways.
        var h3 = new Harness();
        var waiting = await h3.StartAsync(Start() + And("Fork") + Task("A") + Task("B") + And("Join")
            + Boundary("Late1", "B", TimerDefinition("timeDuration", "P1D")) + Boundary("Late2", "B", TimerDefinition("timeDuration", "P2D"))
            + Boundary("Late3", "B", TimerDefinition("timeDuration", "P3D")) + Boundary("Poke", "B", MessageDefinition("Msg"))
            + Boundary("Ask", "B", MessageDefinition("Msg")) + """<bpmn:receiveTask id="Resubmit" messageRef="Msg" />"""
            + """<bpmn:eventBasedGateway id="Race" />""" + Catch("Timeout", TimerDefinition("timeDuration", "P3D")) + Catch("Reply", MessageDefinition("Msg"))
            + End() + Chain("Start", "Fork", "A", "Join", "End") + Chain("Fork", "B", "Join") + Chain("Late1", "End") + Chain("Late2", "End") + Chain("Ask", "End")
            + Chain("Late3", "End") + Chain("Poke", "End")
            + Chain("Fork", "Resubmit", "End") + Chain("Fork", "Race", "Timeout", "End") + Chain("Race", "Reply", "End"), extra: Msg);
        waiting = await h3.CompleteAsync(waiting, "A");
        var rewired = await DeployAsync(h3, Start() + And("Fork") + Task("A") + Task("B") + Task("C") + And("Join")
            + Boundary("Late1", "C", TimerDefinition("timeDuration", "P1D")) + Boundary("Late2", "B", TimerDefinition("timeDuration", "P2D"))
            + Boundary("Ask", "B", MessageDefinition("Other")) + """<bpmn:receiveTask id="Resubmit" messageRef="Other" />"""
            + """<bpmn:eventBasedGateway id="Race" />""" + Catch("Timeout", TimerDefinition("timeDuration", "P3D")) + Catch("Reply", MessageDefinition("Other"))
            + Catch("Elsewhere", MessageDefinition("Other")) + Chain("Fork", "Elsewhere", "End")
            + End() + Chain("Start", "Fork", "A") + Flow("A", "Join", id: "F_Renamed") + Chain("Join", "End") + Chain("Fork", "B", "Join") + Chain("Fork", "C", "End")
            + Chain("Late1", "End") + Chain("Late2", "End") + Chain("Ask", "End")
            + Chain("Fork", "Resubmit", "End") + Chain("Fork", "Race", "Timeout", "End") + Chain("Race", "Reply", "End"),
            extra: Message("Other", "other-message"));
        await RefusedAsync(h3, waiting, rewired, new() { ["Late3"] = "Late2", ["Poke"] = "Late2", ["Reply"] = "Elsewhere" });

        // A new boundary event whose subscription cannot be evaluated.
        var h4 = new Harness();
        var plain = await h4.StartAsync(Start() + Task("Review") + End() + Chain("Start", "Review", "End"));
        var withBoundary = await DeployAsync(h4, Start() + Task("Review") + Boundary("Chase", "Review", MessageDefinition("Keyed")) + End() + End("E2")
            + Chain("Start", "Review", "End") + Chain("Chase", "E2"),
            extra: """<bpmn:message id="Keyed" name="keyed"><bpmn:extensionElements><zeebe:subscription correlationKey="=missing.deeper" /></bpmn:extensionElements></bpmn:message>""");
        await RefusedAsync(h4, plain, withBoundary);

        foreach (var problem in problems) AssertChinese(problem.ElementId, problem.Message, problem.MessageZh);
        foreach (var problem in problems.DistinctBy(p => p.Message)) output.WriteLine($"{problem.ElementId}: {problem.Message}\n    {problem.MessageZh}");
        var messages = problems.Select(p => p.Message).Distinct().Count();
        output.WriteLine($"{messages} distinct messages");
        Assert.True(messages >= 24, $"only {messages} distinct messages");
    }

    /// <summary>Chinese characters, and every quoted value and every number of the English message.</summary>
    private static void AssertChinese(string elementId, string message, string messageZh)
    {
        Assert.False(string.IsNullOrWhiteSpace(messageZh), $"{elementId}: no Chinese message for \"{message}\"");
        Assert.True(Chinese().IsMatch(messageZh), $"{elementId}: \"{messageZh}\" has no Chinese character (for \"{message}\")");
        foreach (var value in Quoted().Matches(message).Concat(Number().Matches(message)).Select(m => m.Value))
            Assert.True(messageZh.Contains(value, StringComparison.Ordinal), $"{elementId}: \"{messageZh}\" lacks {value} of \"{message}\"");
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();

    [GeneratedRegex(@"'[^']*'")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Number();
}
