using Pipeline.Workflows.Definitions;
using Pipeline.Workflows.Definitions.Bpmn;
using Pipeline.Workflows.Tests.Runtime;
using static Pipeline.Workflows.Tests.Runtime.Bpmn;

namespace Pipeline.Workflows.Tests.Definitions;

/// <summary>Reading and checking <c>pipeline:retryBackoff</c> on service tasks and <c>zeebe:taskSchedule</c> on user tasks.</summary>
public class TaskSettingsDefinitionTests
{
    private static (ProcessModel? Process, IReadOnlyList<DefinitionProblem> Problems) Read(string content)
    {
        var read = BpmnReader.Read(BpmnSamples.Process(content));
        var process = read.Processes.SingleOrDefault();
        return (process, read.Problems.Concat(process is null ? [] : DefinitionValidator.Validate(process, Harness.Catalogue)).ToList());
    }

    private static string RetryJob(string backoff, string retries = "5", string extra = "") =>
        $"""<bpmn:serviceTask id="Check"><bpmn:extensionElements><zeebe:taskDefinition type="pack.check" retries="{retries}" /><zeebe:properties><zeebe:property name="pipeline:retryBackoff" value="{backoff}" />{extra}</zeebe:properties></bpmn:extensionElements></bpmn:serviceTask>""";

    private static string Scheduled(string attributes) =>
        $"""<bpmn:userTask id="Review" name="审核"><bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="reviewer" /><zeebe:taskSchedule {attributes} /></bpmn:extensionElements></bpmn:userTask>""";

    [Fact]
    public void RetryBackoff_IsReadNextToTheRetries()
    {
        var (process, problems) = Read(Start() + RetryJob("PT10S") + End() + Chain("Start", "Check", "End"));
        Assert.Empty(problems);
        var task = Assert.IsType<ServiceTask>(process!.Node("Check"));
        Assert.Equal((5, TimeSpan.FromSeconds(10)), (task.Retries, task.RetryBackoff));
        Assert.Null(Assert.IsType<ServiceTask>(Read(Start() + Job("Check") + End() + Chain("Start", "Check", "End")).Process!.Node("Check")).RetryBackoff);
    }

    [Theory]
    [InlineData("10 seconds", "not an ISO 8601 duration")]
    [InlineData("PT0S", "longer than zero")]
    [InlineData("P1M", "years or months")]
    [InlineData("-PT10S", "not an ISO 8601 duration")]
    public void InvalidRetryBackoff_IsAProblemOfTheTask(string backoff, string message)
    {
        var problem = Assert.Single(Read(Start() + RetryJob(backoff) + End() + Chain("Start", "Check", "End")).Problems);
        Assert.Equal(("Check", "bpmn:serviceTask"), (problem.ElementId, problem.ElementType));
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
        Assert.Contains(BpmnReader.RetryBackoffProperty, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownPipelineProperty_OnAServiceTask_IsAProblem_OtherPrefixesAreNot()
    {
        var problems = Read(Start() + RetryJob("PT10S", extra: """<zeebe:property name="pipeline:retryBackof" value="PT1S" /><zeebe:property name="other:thing" value="x" />""") + End() + Chain("Start", "Check", "End")).Problems;
        var problem = Assert.Single(problems);
        Assert.Equal("Check", problem.ElementId);
        Assert.Contains("unknown property 'pipeline:retryBackof'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TaskSchedule_LiteralsAndExpressions_AreRead()
    {
        var (process, problems) = Read(Start() + Scheduled("""dueDate="2025-10-09T17:00:00+08:00" followUpDate="=addWorkingDays(today(), 1)" """) + End() + Chain("Start", "Review", "End"));
        Assert.Empty(problems);
        var task = Assert.IsType<UserTask>(process!.Node("Review"));
        Assert.Equal(("2025-10-09T17:00:00+08:00", null), (task.DueDate!.Text, task.DueDate.Expression));
        Assert.NotNull(task.FollowUpDate!.Expression);
        Assert.Null(Assert.IsType<UserTask>(Read(Start() + Task("Review") + End() + Chain("Start", "Review", "End")).Process!.Node("Review")).DueDate);
    }

    [Theory]
    [InlineData("""dueDate="next Tuesday" """, "dueDate 'next Tuesday' is not a date and time")]
    [InlineData("""followUpDate="2025-02-30" """, "followUpDate '2025-02-30'")]
    [InlineData("""dueDate="=addWorkingDays(today(), " """, "zeebe:taskSchedule dueDate")]
    public void InvalidTaskSchedule_IsAProblemOfTheTask(string attributes, string message)
    {
        var problem = Assert.Single(Read(Start() + Scheduled(attributes) + End() + Chain("Start", "Review", "End")).Problems);
        Assert.Equal(("Review", "bpmn:userTask"), (problem.ElementId, problem.ElementType));
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025-10-09T17:00:00+08:00", "2025-10-09T17:00:00+08:00")]
    [InlineData("2025-10-09T09:00:00Z", "2025-10-09T17:00:00+08:00")]
    [InlineData("2025-10-09T17:00:00", "2025-10-09T17:00:00+08:00")]
    [InlineData("2025-10-09", "2025-10-09T23:59:59+08:00")]
    [InlineData("P3D", "2025-09-29T09:00:00+08:00")]
    [InlineData("PT4H", "2025-09-26T13:00:00+08:00")]
    public void TaskDates_ResolveLiterals(string text, string expected)
    {
        var now = new DateTimeOffset(2025, 9, 26, 9, 0, 0, TimeSpan.FromHours(8));
        Assert.True(TaskDates.TryResolve(text, now, "dueDate", out var at, out var error), error);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), at);
    }

    [Fact]
    public void TaskDates_ResolveFeelValues()
    {
        var now = new DateTimeOffset(2025, 9, 26, 9, 0, 0, TimeSpan.FromHours(8));
        Assert.True(TaskDates.TryResolve(new DateOnly(2025, 10, 9), now, "dueDate", out var endOfDay, out _));
        Assert.Equal(new DateTimeOffset(2025, 10, 9, 23, 59, 59, TimeSpan.FromHours(8)), endOfDay);
        Assert.True(TaskDates.TryResolve(TimeSpan.FromDays(2), now, "dueDate", out var later, out _));
        Assert.Equal(now.AddDays(2), later);
        Assert.True(TaskDates.TryResolve(null, now, "dueDate", out var none, out _));
        Assert.Null(none);
        Assert.False(TaskDates.TryResolve(3m, now, "dueDate", out _, out var error));
        Assert.Contains("dueDate number 3", error, StringComparison.Ordinal);
        Assert.False(TaskDates.TryResolve(TimeSpan.FromDays(-1), now, "dueDate", out _, out _));
    }
}
