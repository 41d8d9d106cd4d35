using Pipeline.Workflows.Definitions;
using Pipeline.Workflows.Definitions.Bpmn;
using Pipeline.Workflows.Runtime;
using Pipeline.Workflows.Tests.Runtime;
using static Pipeline.Workflows.Tests.Runtime.Bpmn;

namespace Pipeline.Workflows.Tests.Definitions;

/// <summary>A user task's form (<c>zeebe:formDefinition</c>): read onto the task, checked, carried by its bookmark.</summary>
public class FormDefinitionTests
{
    private static (ProcessModel? Process, IReadOnlyList<DefinitionProblem> Problems) Read(string content)
    {
        var read = BpmnReader.Read(BpmnSamples.Process(content));
        var process = read.Processes.SingleOrDefault();
        return (process, read.Problems.Concat(process is null ? [] : DefinitionValidator.Validate(process, Harness.Catalogue)).ToList());
    }

    private static string WithForm(string attributes) =>
        Start() + Task("Review", properties: $"<zeebe:formDefinition {attributes} />") + End() + Chain("Start", "Review", "End");

    [Fact]
    public void LinkedForm_IsReadOntoTheUserTask()
    {
        var (process, problems) = Read(WithForm("""formId="acceptance-review" """));
        Assert.Empty(problems);
        Assert.Equal("acceptance-review", Assert.IsType<UserTask>(process!.Node("Review")).FormId);
        Assert.Null(Assert.IsType<UserTask>(Read(Start() + Task("Review") + End() + Chain("Start", "Review", "End")).Process!.Node("Review")).FormId);
    }

    [Theory]
    [InlineData("""formId="" """, "names no form", "没有指明表单")]
    [InlineData("""formId="9 bad id" """, "is not a form id", "不合格式")]
    [InlineData("""formKey="camunda-forms:bpmn:UserTaskForm_1" """, "embedded form", "内嵌表单")]
    [InlineData("""externalReference="https://forms.example/x" """, "custom form", "外部表单")]
    public void MalformedFormDefinition_IsAProblemOfTheTask_InEnglishAndChinese(string attributes, string message, string messageZh)
    {
        var problem = Assert.Single(Read(WithForm(attributes)).Problems);
        Assert.Equal(("Review", "bpmn:userTask"), (problem.ElementId, problem.ElementType));
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
        Assert.Contains(messageZh, problem.MessageZh, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheTaskBookmark_CarriesTheFormId()
    {
        var h = new Harness();
        var instance = await h.StartAsync(WithForm("""formId="acceptance-review" """));
        Assert.Equal("acceptance-review", instance.Bookmarks.Single().FormId);
    }
}
