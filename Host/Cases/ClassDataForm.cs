using System.Text.Json;
using Pipeline.Activities.ClassOpening;

namespace Pipeline.Host.Cases;

/// <summary>
/// The class data an institution sends with its opening pack (multipart field <c>class</c>, JSON of
/// <see cref="ClassApplication"/>, camelCase, dates <c>yyyy-MM-dd</c>). The filing date is the server's, China time:
/// a <c>filedOn</c> in the form is replaced, so no institution can backdate its filing around a lead time.
/// </summary>
public static class ClassDataForm
{
    /// <summary>Most characters of the field (a class of a few hundred trainees fits many times over).</summary>
    public const int MaxLength = 512 * 1024;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { RespectNullableAnnotations = true };

    /// <summary>Processes whose stages read the class data: an upload starting one without it is refused.</summary>
    public static readonly IReadOnlySet<string> RequiredBy = new HashSet<string>(StringComparer.Ordinal) { "class-case" };

    /// <summary>The class data as it is kept (normalised JSON), or null when the field is empty.</summary>
    /// <exception cref="UploadRefusedException">400 with what is wrong, in the clerk's words.</exception>
    public static string? Read(string? field, DateOnly today, string? processId = null)
    {
        if (string.IsNullOrWhiteSpace(field))
            return processId is not null && RequiredBy.Contains(processId)
                ? throw Refused("开班申请须填写开班数据（培训职业、日期、课时、人数、教师、学员）")
                : null;
        if (field.Length > MaxLength)
            throw Refused($"开班数据过大（最多 {MaxLength / 1024} KB）");
        ClassApplication application;
        try
        {
            // The filing date is the server's: set before binding, so the form need not (and cannot) give one.
            if (System.Text.Json.Nodes.JsonNode.Parse(field) is not System.Text.Json.Nodes.JsonObject json) throw Refused("开班数据应为 JSON 对象");
            json["filedOn"] = today.ToString("yyyy-MM-dd");
            application = json.Deserialize<ClassApplication>(Json) ?? throw new JsonException("empty");
        }
        catch (JsonException e)
        {
            var why = e.Message.Replace($"'{typeof(ClassApplication).FullName}'", "class data").Split(" Path:")[0];
            throw Refused($"开班数据格式有误（{e.Path ?? "$"}）：{why}");
        }
        if (application.EndDate < application.StartDate) throw Refused("结业日期早于开班日期");
        if (application.Headcount < 1 || application.PlannedHours < 1 || application.TrainingDays < 1)
            throw Refused("培训人数、课时、天数应为正数（headcount, plannedHours and trainingDays must be at least 1）");
        return JsonSerializer.Serialize(application, Json);
    }

    private static UploadRefusedException Refused(string why) =>
        new(StatusCodes.Status400BadRequest, "Bad class data", $"{why} (the 'class' field is not valid class data)");
}
