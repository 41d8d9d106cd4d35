using System.Text.RegularExpressions;
using Pipeline.Host.Forms;

namespace Pipeline.Host.Tests.Forms;

/// <summary>The forms shipped in <c>workflow-definitions/forms/</c>: each one deployable, and every form a shipped definition links is shipped.</summary>
public sealed partial class ShippedFormsTests
{
    private static readonly string Folder = Hosting.PipelineOptions.FindDefinitionsFolder() ?? throw new DirectoryNotFoundException("workflow-definitions");

    [Fact]
    public void EveryShippedForm_IsAValidSchema_NamedAfterItsFile()
    {
        var files = Directory.GetFiles(Path.Combine(Folder, "forms"), "*.form");
        Assert.True(files.Length >= 4, $"{files.Length} forms shipped");
        foreach (var file in files)
        {
            var schema = FormSchema.Parse(File.ReadAllText(file));
            Assert.Equal(Path.GetFileNameWithoutExtension(file), schema.Id);
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", schema.Name);
        }
    }

    [Fact]
    public void EveryFormAShippedDefinitionLinks_IsShipped_AndTheInspectionAcceptanceAndPaymentTasksHaveOne()
    {
        var shipped = Directory.GetFiles(Path.Combine(Folder, "forms"), "*.form").Select(Path.GetFileNameWithoutExtension).ToHashSet();
        var links = Directory.GetFiles(Folder, "*.bpmn")
            .SelectMany(f => FormLink().Matches(File.ReadAllText(f)).Select(m => (Task: m.Groups["task"].Value, Form: m.Groups["form"].Value)))
            .ToList();
        Assert.All(links, l => Assert.Contains(l.Form, shipped));
        foreach (var task in new[] { "Task_Inspect", "Task_AcceptanceReview", "Task_Handle", "Task_Approve", "Task_FinanceApprove", "Task_RecordPayment" })
            Assert.Contains(links, l => l.Task == task);
    }

    [GeneratedRegex("""<bpmn:userTask id="(?<task>[^"]+)"[^>]*>\s*<bpmn:extensionElements>\s*<zeebe:formDefinition formId="(?<form>[^"]+)" />""")]
    private static partial Regex FormLink();
}
