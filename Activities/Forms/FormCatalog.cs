using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Pipeline.Activities.Forms;

/// <summary>A form the product renders: its id, title, file type, and the record its data binds to.</summary>
public abstract class FormKind(string id, string title, string extension, string contentType)
{
    /// <summary>Stable id, e.g. <c>qj-approval-form</c>. Never rename: definitions name it.</summary>
    public string Id { get; } = id;

    /// <summary>Chinese title, also the default file name.</summary>
    public string Title { get; } = title;

    /// <summary><c>.docx</c> or <c>.xlsx</c>.</summary>
    public string Extension { get; } = extension;

    public string ContentType { get; } = contentType;

    /// <summary>The record type <see cref="Render"/> binds the data to.</summary>
    public abstract Type RecordType { get; }

    /// <summary>Binds <paramref name="data"/> (a JSON object, fields in camelCase) to the record and renders it.</summary>
    /// <exception cref="ArgumentException">The data does not bind (the message names the field), or the renderer refuses it.</exception>
    public abstract byte[] Render(JsonElement data);
}

/// <summary>The forms of <c>form.render</c>, by id, and how their data binds.</summary>
public static partial class FormCatalog
{
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// How data binds: camelCase names (case-insensitive), enums by kebab-case name (<c>employment-skills</c>), dates
    /// as <c>2026-05-06</c>, times as <c>09:30</c>; an unknown field, a missing required one or a null where a value is
    /// required is refused, never ignored.
    /// </summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>Every form, by id.</summary>
    public static IReadOnlyDictionary<string, FormKind> Forms { get; } = new FormKind[]
    {
        Word<QujingApprovalData>("qj-approval-form", QujingApprovalForm.Title, QujingApprovalForm.Render),
        Word<GuilinInspectionData>("gl-inspection-record", GuilinInspectionRecord.Title, GuilinInspectionRecord.Render),
        Word<SubsidyApplicationData>("subsidy-application", SubsidyApplicationForm.Title, SubsidyApplicationForm.Render),
        Word<AcceptanceNoticeData>("acceptance-notice", AcceptanceNotice.Title, AcceptanceNotice.Render),
        Word<ReturnNoticeData>("return-notice", ReturnNotice.Title, ReturnNotice.Render),
        Word<QuotaLotteryRecordData>("quota-lottery-record", QuotaLotteryRecord.Title, QuotaLotteryRecord.Render),
        Sheet<QujingQuarterlyStatisticsData>("qj-quarterly-statistics", QujingQuarterlyStatistics.Title, QujingQuarterlyStatistics.Render),
        Sheet<JiaozuoEmploymentStatisticsData>("jz-employment-statistics", "就业情况统计表", JiaozuoEmploymentStatistics.Render),
        Sheet<YunnanAnnualSummaryData>("yn-annual-summary", YunnanAnnualSummary.Title, YunnanAnnualSummary.Render),
    }.ToDictionary(f => f.Id, StringComparer.Ordinal);

    /// <exception cref="ArgumentException">No form has this id (the message lists those that do).</exception>
    public static FormKind Get(string? id) =>
        id is not null && Forms.TryGetValue(id, out var kind)
            ? kind
            : throw new ArgumentException($"form: unknown form '{id}'; known forms: {string.Join(", ", Forms.Keys)}", "form");

    /// <summary>Binds <paramref name="data"/> to <typeparamref name="T"/> with <see cref="Json"/>.</summary>
    /// <exception cref="ArgumentException">The data does not bind; the message names the field (<c>data.targetGroups.poorHouseholdLabour</c>).</exception>
    public static T Bind<T>(JsonElement data, string form) where T : class
    {
        if (data.ValueKind != JsonValueKind.Object)
            throw new ArgumentException($"data: {form} needs a JSON object, not {data.ValueKind}", nameof(data));
        try
        {
            return data.Deserialize<T>(Json) ?? throw new ArgumentException($"data: {form} needs a JSON object", nameof(data));
        }
        catch (JsonException e)
        {
            var at = "data" + (e.Path ?? "$").TrimStart('$');
            var missing = MissingNames().Match(e.Message);
            var reason = missing.Success
                ? string.Join(", ", missing.Groups[1].Value.Split(", ").Select(n => $"{at}.{n.Trim('\'')}")) + " missing"
                : $"{at}: {FirstSentence(e.Message)}";
            throw new ArgumentException($"{form}: {reason}", nameof(data), e);
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        message = cut < 0 ? message : message[..cut];
        // An enum value that does not bind: say which values do.
        if (EnumTarget().Match(message) is { Success: true } target
            && typeof(FormCatalog).Assembly.GetType(target.Groups[1].Value) is { IsEnum: true } type)
            message += " Use one of: " + string.Join(", ", Enum.GetNames(type).Select(JsonNamingPolicy.KebabCaseLower.ConvertName)) + ".";
        return message;
    }

    [GeneratedRegex(@"converted to ([\w.]+)\.$")]
    private static partial Regex EnumTarget();

    [GeneratedRegex("missing required properties including: ((?:'[^']+'(?:, )?)+)")]
    private static partial Regex MissingNames();

    private static FormKind Word<T>(string id, string title, Func<T, byte[]> render) where T : class =>
        new Kind<T>(id, title, ".docx", DocxContentType, render);

    private static FormKind Sheet<T>(string id, string title, Func<T, byte[]> render) where T : class =>
        new Kind<T>(id, title, ".xlsx", XlsxContentType, render);

    private sealed class Kind<T>(string id, string title, string extension, string contentType, Func<T, byte[]> render)
        : FormKind(id, title, extension, contentType) where T : class
    {
        public override Type RecordType => typeof(T);

        public override byte[] Render(JsonElement data)
        {
            var record = Bind<T>(data, Id);
            try
            {
                return render(record);
            }
            catch (ArgumentException e)
            {
                // The renderer's refusals name the record's field (inspectors, amount, rows[2].passed).
                throw new ArgumentException($"{Id}: data.{Layout.FormText.Reason(e)}", nameof(data), e);
            }
        }
    }
}
