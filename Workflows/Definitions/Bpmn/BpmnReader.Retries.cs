using System.Xml.Linq;

namespace Pipeline.Workflows.Definitions.Bpmn;

/// <summary>The engine's own <c>zeebe:property</c> entries of a service task: <c>pipeline:retryBackoff</c>.</summary>
public static partial class BpmnReader
{
    /// <summary>
    /// <c>pipeline:retryBackoff</c> on a service task: the first wait after a failed attempt, an ISO 8601 duration of
    /// days, hours, minutes and seconds (<c>PT10S</c>, <c>PT5M</c>, <c>P1D</c>; elapsed time, not working days),
    /// doubled for each further retry. Goes with <c>zeebe:taskDefinition retries</c>.
    /// </summary>
    public const string RetryBackoffProperty = "pipeline:retryBackoff";

    /// <summary>
    /// Reads the <c>pipeline:</c> properties of a service task. A back-off that is not an ISO 8601 duration, is zero, or
    /// has years or months (no fixed length) is a problem with the element id; so is an unknown <c>pipeline:</c>
    /// property. Properties of other prefixes are left to other tools.
    /// </summary>
    /// <returns>The back-off, or null when absent or invalid.</returns>
    private static TimeSpan? ReadRetryBackoff(XElement e, string id, string type, ReadContext context)
    {
        TimeSpan? backoff = null;
        foreach (var property in Extension(e, "properties")?.Elements(BpmnNames.Zeebe + "property") ?? [])
        {
            var propertyName = property.Attribute("name")?.Value ?? "";
            var value = property.Attribute("value")?.Value?.Trim() ?? "";
            if (propertyName == RetryBackoffProperty)
            {
                if (!IsoDuration.TryParse(value, out var duration))
                    context.Add(id, type, $"{RetryBackoffProperty} '{value}' is not an ISO 8601 duration such as PT10S or PT5M",
                        $"{RetryBackoffProperty} '{value}' 不是 ISO 8601 时长（如 PT10S 或 PT5M）");
                else if (duration.Years != 0 || duration.Months != 0)
                    context.Add(id, type, $"{RetryBackoffProperty} '{value}' has years or months, which have no fixed length; give days, hours, minutes or seconds",
                        $"{RetryBackoffProperty} '{value}' 含有年或月，其长度不固定；请用天、小时、分钟或秒");
                else if (duration.Exact <= TimeSpan.Zero)
                    context.Add(id, type, $"{RetryBackoffProperty} '{value}' must be longer than zero", $"{RetryBackoffProperty} '{value}' 必须大于零");
                else
                    backoff = duration.Exact;
            }
            else if (propertyName.StartsWith(PropertyPrefix, StringComparison.Ordinal))
                context.Add(id, type, $"unknown property '{propertyName}' on a service task (known: {RetryBackoffProperty})",
                    $"服务任务上的未知属性 '{propertyName}'（已知：{RetryBackoffProperty}）");
        }
        return backoff;
    }
}
