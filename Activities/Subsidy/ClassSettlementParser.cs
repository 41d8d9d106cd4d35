using System.Globalization;
using System.Text;
using System.Text.Json;
using Pipeline.Activities.Rosters;

namespace Pipeline.Activities.Subsidy;

/// <summary>
/// Reads a <see cref="ClassSettlement"/> from its JSON file (camelCase):
/// <code>
/// { "trainingMode": "order-based" | "general" | "project" | "employer",
///   "approvedHeadcount": 50, "plannedHours": 120, "trainingDays": 10,
///   "dailyRates": { "order-based": 100, "general": 60 },      // optional, yuan per trainee per day
///   "tendered": true, "approvedAmount": 80000,               // optional; approvedAmount in yuan
///   "trainees": [ { "name": "…", "idNumber": "…", "targetGroup": "…", "attendedHours": 96,
///                   "verified": true, "passed": true, "employed": true } ],
///   "videoGaps": [ { "date": "2026-05-20", "portion": "half-day" | "day" } ],          // optional
///   "impersonations": [ { "idNumber": "…", "date": "2026-05-21" } ] }                 // optional
/// </code>
/// Strict, because money is computed from it: every object's fields are the ones above, each once; numbers are
/// 0 … 1,000,000,000 (approvedHeadcount a whole number ≥ 1, plannedHours &gt; 0); targetGroup may be null or absent;
/// dates are <c>yyyy-MM-dd</c>; at most <see cref="MaxTrainees"/> trainees with distinct identity numbers; at most
/// <see cref="MaxBytes"/> bytes.
/// </summary>
public static class ClassSettlementParser
{
    /// <summary>Largest settlement file read: 10 MB.</summary>
    public const long MaxBytes = 10L * 1024 * 1024;

    /// <summary>Most trainees in one class settlement.</summary>
    public const int MaxTrainees = 10_000;

    /// <summary>Largest number any field may hold (keeps every product of the computation far from decimal overflow).</summary>
    public const decimal MaxNumber = 1_000_000_000m;

    private static readonly JsonDocumentOptions Strict = new() { MaxDepth = 16 };
    private static readonly string[] TopFields =
        ["trainingMode", "approvedHeadcount", "plannedHours", "trainingDays", "dailyRates", "tendered", "approvedAmount", "trainees", "videoGaps", "impersonations"];
    private static readonly string[] TraineeFields = ["name", "idNumber", "targetGroup", "attendedHours", "verified", "passed", "employed"];
    private static readonly string[] GapFields = ["date", "portion"];
    private static readonly string[] ImpersonationFields = ["idNumber", "date"];

    /// <summary>Reads the settlement file at <paramref name="path"/>.</summary>
    /// <exception cref="SettlementFormatException">Over 10 MB, or any problem <see cref="Parse(string)"/> names.</exception>
    /// <exception cref="IOException">The file cannot be read (missing, no permission).</exception>
    public static ClassSettlement Load(string path)
    {
        if (new FileInfo(path).Length > MaxBytes) throw TooLarge();
        return Parse(File.ReadAllBytes(path));
    }

    /// <summary>Reads a settlement from its JSON text.</summary>
    /// <exception cref="SettlementFormatException">Not JSON, over 10 MB, or a field missing, of the wrong type, negative,
    /// out of range, unknown or repeated; more than 10,000 trainees; an identity number twice.</exception>
    public static ClassSettlement Parse(string json) =>
        Encoding.UTF8.GetByteCount(json) > MaxBytes ? throw TooLarge() : Parse(Encoding.UTF8.GetBytes(json));

    /// <summary>Reads a settlement already parsed as JSON (a workflow variable).</summary>
    /// <exception cref="SettlementFormatException">As <see cref="Parse(string)"/>.</exception>
    public static ClassSettlement Parse(JsonElement root) => Read(root);

    private static ClassSettlement Parse(byte[] utf8)
    {
        // Notepad and Excel write UTF-8 with a byte order mark; the JSON reader does not skip it.
        var json = utf8.AsMemory(utf8.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0);
        try
        {
            using var document = JsonDocument.Parse(json, Strict);
            return Read(document.RootElement);
        }
        catch (JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1;
            var column = (e.BytePositionInLine ?? 0) + 1;
            throw new SettlementFormatException("$", $"不是有效的 JSON（第 {line} 行第 {column} 字节）", $"not valid JSON at line {line}, byte {column}");
        }
    }

    private static ClassSettlement Read(JsonElement root)
    {
        Fields(root, "$", TopFields);
        var mode = Mode(Required(root, "$", "trainingMode"), "$.trainingMode");
        var headcount = Number(Required(root, "$", "approvedHeadcount"), "$.approvedHeadcount");
        if (headcount < 1 || headcount != decimal.Truncate(headcount))
            throw new SettlementFormatException("$.approvedHeadcount", "应为不小于 1 的整数", "must be a whole number of at least 1");
        var plannedHours = Number(Required(root, "$", "plannedHours"), "$.plannedHours");
        if (plannedHours == 0) throw new SettlementFormatException("$.plannedHours", "应大于 0", "must be more than 0");
        var trainingDays = Number(Required(root, "$", "trainingDays"), "$.trainingDays");

        var dailyRates = new Dictionary<string, decimal>(StringComparer.Ordinal);
        if (Optional(root, "dailyRates") is { } rates)
            foreach (var (key, value) in Fields(rates, "$.dailyRates", null))
            {
                var at = $"$.dailyRates['{Quote(key)}']";
                dailyRates[Mode(key, at)] = Number(value, at);
            }
        var tendered = Optional(root, "tendered") is { } flag && Flag(flag, "$.tendered");
        decimal? approvedAmount = Optional(root, "approvedAmount") is { } amount ? Number(amount, "$.approvedAmount") : null;

        var trainees = new List<SettlementTrainee>();
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (trainee, at) in Items(Required(root, "$", "trainees"), "$.trainees", MaxTrainees))
        {
            Fields(trainee, at, TraineeFields);
            var name = Text(Required(trainee, at, "name"), at + ".name");
            var id = Text(Required(trainee, at, "idNumber"), at + ".idNumber");
            if (seen.TryGetValue(id, out var first))
                throw new SettlementFormatException(at + ".idNumber", $"身份证号与 {first} 重复", $"same identity number as {first}");
            seen[id] = at + ".idNumber";
            trainees.Add(new SettlementTrainee(
                name,
                id,
                Optional(trainee, "targetGroup") is { } group ? Text(group, at + ".targetGroup") : null,
                Number(Required(trainee, at, "attendedHours"), at + ".attendedHours"),
                Flag(Required(trainee, at, "verified"), at + ".verified"),
                Flag(Required(trainee, at, "passed"), at + ".passed"),
                Flag(Required(trainee, at, "employed"), at + ".employed")));
        }

        var gaps = new List<VideoGap>();
        if (Optional(root, "videoGaps") is { } gapList)
            foreach (var (gap, at) in Items(gapList, "$.videoGaps", int.MaxValue))
            {
                Fields(gap, at, GapFields);
                var date = Date(Required(gap, at, "date"), at + ".date");
                var portion = Text(Required(gap, at, "portion"), at + ".portion");
                if (!VideoGapPortions.Days.ContainsKey(portion))
                    throw new SettlementFormatException(at + ".portion", $"缺失时长「{Quote(portion)}」未知，应为 half-day 或 day", "unknown portion, expected half-day or day");
                gaps.Add(new VideoGap(date, portion));
            }

        var impersonations = new List<Impersonation>();
        if (Optional(root, "impersonations") is { } found)
            foreach (var (entry, at) in Items(found, "$.impersonations", int.MaxValue))
            {
                Fields(entry, at, ImpersonationFields);
                impersonations.Add(new Impersonation(Text(Required(entry, at, "idNumber"), at + ".idNumber"), Date(Required(entry, at, "date"), at + ".date")));
            }

        return new ClassSettlement
        {
            TrainingMode = mode,
            ApprovedHeadcount = (int)headcount,
            PlannedHours = plannedHours,
            TrainingDays = trainingDays,
            DailyRates = dailyRates,
            Tendered = tendered,
            ApprovedAmount = approvedAmount,
            Trainees = trainees,
            VideoGaps = gaps,
            Impersonations = impersonations,
        };
    }

    private static string Mode(JsonElement element, string path) => Mode(Text(element, path), path);

    private static string Mode(string mode, string path) => TrainingModes.Names.ContainsKey(mode)
        ? mode
        : throw new SettlementFormatException(path, $"培训方式「{Quote(mode)}」未知，应为 {Modes} 之一", $"unknown training mode, expected one of {string.Join(", ", TrainingModes.Names.Keys)}");

    private static string Modes => string.Join("、", TrainingModes.Names.Keys);

    /// <summary>The object's fields, each checked to be once and (when <paramref name="known"/> is given) one of those.</summary>
    private static List<(string Name, JsonElement Value)> Fields(JsonElement element, string path, string[]? known)
    {
        if (element.ValueKind != JsonValueKind.Object) throw Wrong(path, "对象", "an object");
        var fields = new List<(string, JsonElement)>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var at = $"{path}.{Quote(property.Name)}";
            if (known is not null && !known.Contains(property.Name, StringComparer.Ordinal))
                throw new SettlementFormatException(at, $"未知字段（应为 {string.Join("、", known)}）", $"unknown field, expected {string.Join(", ", known)}");
            if (!names.Add(property.Name)) throw new SettlementFormatException(at, "字段重复", "field given twice");
            fields.Add((property.Name, property.Value));
        }
        return fields;
    }

    private static IEnumerable<(JsonElement Item, string Path)> Items(JsonElement element, string path, int max)
    {
        if (element.ValueKind != JsonValueKind.Array) throw Wrong(path, "数组", "an array");
        var count = element.GetArrayLength();
        if (count > max) throw new SettlementFormatException(path, $"共 {count} 项，超过上限 {max}", $"{count} entries, at most {max}");
        var i = 0;
        foreach (var item in element.EnumerateArray()) yield return (item, $"{path}[{i++}]");
    }

    /// <summary>The field, or null when absent or JSON null.</summary>
    private static JsonElement? Optional(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static JsonElement Required(JsonElement element, string path, string name) =>
        Optional(element, name) ?? throw new SettlementFormatException($"{path}.{name}", "缺少必填字段", "required field missing");

    private static decimal Number(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Number || !element.TryGetDecimal(out var value)) throw Wrong(path, "数字", "a number");
        if (value < 0) throw new SettlementFormatException(path, "不能为负数", "must not be negative");
        if (value > MaxNumber) throw new SettlementFormatException(path, $"超出上限 {MaxNumber:0}", $"more than {MaxNumber:0}");
        return value;
    }

    private static bool Flag(JsonElement element, string path) =>
        element.ValueKind is JsonValueKind.True or JsonValueKind.False ? element.GetBoolean() : throw Wrong(path, "true 或 false", "true or false");

    private static string Text(JsonElement element, string path)
    {
        var text = element.ValueKind == JsonValueKind.String ? element.GetString()!.Trim() : throw Wrong(path, "字符串", "a string");
        return text.Length > 0 ? text : throw new SettlementFormatException(path, "不能为空", "must not be empty");
    }

    private static DateOnly Date(JsonElement element, string path) =>
        DateOnly.TryParseExact(Text(element, path), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date : throw new SettlementFormatException(path, "应为日期 yyyy-MM-dd", "must be a date yyyy-MM-dd");

    private static SettlementFormatException Wrong(string path, string zh, string en) => new(path, $"应为{zh}", $"must be {en}");

    private static SettlementFormatException TooLarge() =>
        new("$", $"结算文件超过 {MaxBytes / 1024 / 1024} MB", $"settlement file is over {MaxBytes / 1024 / 1024} MB");

    /// <summary>A value of the file for a message: one line, at most 40 characters, identity and mobile numbers masked.</summary>
    private static string Quote(string value)
    {
        var line = new string(value.Select(c => char.IsControl(c) ? ' ' : c).ToArray());
        return SensitiveText.Mask(line.Length <= 40 ? line : line[..40] + "…");
    }
}
