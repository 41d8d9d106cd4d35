using System.Xml.Linq;

namespace Pipeline.Workflows.Definitions.Bpmn;

/// <summary><c>zeebe:taskSchedule dueDate followUpDate</c> of a user task.</summary>
public static partial class BpmnReader
{
    /// <summary>
    /// One attribute of <c>zeebe:taskSchedule</c>: a FEEL expression when it starts with <c>=</c> (a syntax error is a
    /// problem), else an ISO 8601 literal checked by <see cref="TaskDates.Validate"/>. Null when absent or empty.
    /// </summary>
    /// <param name="attribute"><c>dueDate</c> or <c>followUpDate</c>.</param>
    private static TaskDate? ReadTaskDate(XElement e, string attribute, string id, string type, ReadContext context)
    {
        var text = Extension(e, "taskSchedule")?.Attribute(attribute)?.Value?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        if (text.StartsWith('='))
            return ParseExpression(text, id, type, $"zeebe:taskSchedule {attribute}", $"zeebe:taskSchedule {attribute}", context.Problems) is { } expression ? new TaskDate(text, expression) : null;
        var date = new TaskDate(text, null);
        if (TaskDates.Validate(date, attribute) is { } error)
        {
            context.Add(id, type, $"zeebe:taskSchedule {error.Message}", $"zeebe:taskSchedule {error.MessageZh}");
            return null;
        }
        return date;
    }
}
