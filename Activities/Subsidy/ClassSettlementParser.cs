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

    private static ClassSettlement Read(JsonElement json)
    {
        var root = new Field(json, "$");
        Fields(root, TopFields);
        var mode = Mode(Required(root, "trainingMode"));
        var approved = Required(root, "approvedHeadcount");
        var headcount = Number(approved);
        if (headcount < 1 || headcount != decimal.Truncate(headcount))
            throw new SettlementFormatException(approved.Path, "应为不小于 1 的整数", "must be a whole number of at least 1");
        var planned = Required(root, "plannedHours");
        var plannedHours = Number(planned);
        if (plannedHours == 0) throw new SettlementFormatException(planned.Path, "应大于 0", "must be more than 0");
        var trainingDays = Number(Required(root, "trainingDays"));

        var dailyRates = new Dictionary<string, decimal>(StringComparer.Ordinal);
        if (Optional(root, "dailyRates") is { } rates)
            foreach (var rate in Fields(rates, null))
                dailyRates[Mode(rate.Name, rate.Value.Path)] = Number(rate.Value);
        var tendered = Optional(root, "tendered") is { } flag && Flag(flag);
        decimal? approvedAmount = Optional(root, "approvedAmount") is { } amount ? Number(amount) : null;

        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var trainees = Objects(Required(root, "trainees"), MaxTrainees, TraineeFields, trainee =>
        {
            var name = Text(Required(trainee, "name"));
            var idField = Required(trainee, "idNumber");
            var id = Text(idField);
            if (seen.TryGetValue(id, out var first))
                throw new SettlementFormatException(idField.Path, $"身份证号与 {first} 重复", $"same identity number as {first}");
            seen[id] = idField.Path;
            return new SettlementTrainee(
                name, id, Optional(trainee, "targetGroup") is { } group ? Text(group) : null, Number(Required(trainee, "attendedHours")),
                Flag(Required(trainee, "verified")), Flag(Required(trainee, "passed")), Flag(Required(trainee, "employed")));
        });
        var gaps = Optional(root, "videoGaps") is not { } gapList ? [] : Objects(gapList, int.MaxValue, GapFields, gap =>
        {
            var date = Date(Required(gap, "date"));
            var portion = Required(gap, "portion");
            return VideoGapPortions.Days.ContainsKey(Text(portion))
                ? new VideoGap(date, Text(portion))
                : throw new SettlementFormatException(portion.Path, $"缺失时长「{Quote(Text(portion))}」未知，应为 half-day 或 day", "unknown portion, expected half-day or day");
        });
        var impersonations = Optional(root, "impersonations") is not { } found ? [] : Objects(found, int.MaxValue, ImpersonationFields,
            entry => new Impersonation(Text(Required(entry, "idNumber")), Date(Required(entry, "date"))));

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

    /// <summary>A JSON value with its path in the file, e.g. <c>$.trainees[3].attendedHours</c>.</summary>
    private readonly record struct Field(JsonElement Value, string Path);

    private static string Mode(Field field) => Mode(Text(field), field.Path);

    private static string Mode(string mode, string path) => TrainingModes.Names.ContainsKey(mode)
        ? mode
        : throw new SettlementFormatException(path, $"培训方式「{Quote(mode)}」未知，应为 {string.Join("、", TrainingModes.Names.Keys)} 之一",
            $"unknown training mode, expected one of {string.Join(", ", TrainingModes.Names.Keys)}");

    /// <summary>The object's fields, each checked to be there once and (when <paramref name="known"/> is given) one of those.</summary>
    private static List<(string Name, Field Value)> Fields(Field field, string[]? known)
    {
        if (field.Value.ValueKind != JsonValueKind.Object) throw Wrong(field, "对象", "an object");
        var fields = new List<(string, Field)>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in field.Value.EnumerateObject())
        {
            var at = known is null ? $"{field.Path}['{Quote(property.Name)}']" : $"{field.Path}.{Quote(property.Name)}";
            if (known is not null && !known.Contains(property.Name, StringComparer.Ordinal))
                throw new SettlementFormatException(at, $"未知字段（应为 {string.Join("、", known)}）", $"unknown field, expected {string.Join(", ", known)}");
            if (!names.Add(property.Name)) throw new SettlementFormatException(at, "字段重复", "field given twice");
            fields.Add((property.Name, new Field(property.Value, at)));
        }
        return fields;
    }

    /// <summary>An array of at most <paramref name="max"/> objects with the fields <paramref name="known"/>, each read by <paramref name="read"/>.</summary>
    private static List<T> Objects<T>(Field field, int max, string[] known, Func<Field, T> read)
    {
        if (field.Value.ValueKind != JsonValueKind.Array) throw Wrong(field, "数组", "an array");
        var count = field.Value.GetArrayLength();
        if (count > max) throw new SettlementFormatException(field.Path, $"共 {count} 项，超过上限 {max}", $"{count} entries, at most {max}");
        var items = new List<T>(count);
        foreach (var item in field.Value.EnumerateArray())
        {
            var at = new Field(item, $"{field.Path}[{items.Count}]");
            Fields(at, known);
            items.Add(read(at));
        }
        return items;
    }

    /// <summary>The field, or null when absent or JSON null.</summary>
    private static Field? Optional(Field parent, string name) =>
        parent.Value.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? new Field(value, $"{parent.Path}.{name}") : null;

    private static Field Required(Field parent, string name) =>
        Optional(parent, name) ?? throw new SettlementFormatException($"{parent.Path}.{name}", "缺少必填字段", "required field missing");

    private static decimal Number(Field field)
    {
        if (field.Value.ValueKind != JsonValueKind.Number || !field.Value.TryGetDecimal(out var value)) throw Wrong(field, "数字", "a number");
        if (value < 0) throw new SettlementFormatException(field.Path, "不能为负数", "must not be negative");
        if (value > MaxNumber) throw new SettlementFormatException(field.Path, $"超出上限 {MaxNumber:0}", $"more than {MaxNumber:0}");
        return value;
    }

    private static bool Flag(Field field) =>
        field.Value.ValueKind is JsonValueKind.True or JsonValueKind.False ? field.Value.GetBoolean() : throw Wrong(field, "true 或 false", "true or false");

    private static string Text(Field field)
    {
        var text = field.Value.ValueKind == JsonValueKind.String ? field.Value.GetString()!.Trim() : throw Wrong(field, "字符串", "a string");
        return text.Length > 0 ? text : throw new SettlementFormatException(field.Path, "不能为空", "must not be empty");
    }

    private static DateOnly Date(Field field) =>
        DateOnly.TryParseExact(Text(field), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date : throw new SettlementFormatException(field.Path, "应为日期 yyyy-MM-dd", "must be a date yyyy-MM-dd");

    private static SettlementFormatException Wrong(Field field, string zh, string en) => new(field.Path, $"应为{zh}", $"must be {en}");

    private static SettlementFormatException TooLarge() =>
        new("$", $"结算文件超过 {MaxBytes / 1024 / 1024} MB", $"settlement file is over {MaxBytes / 1024 / 1024} MB");

    /// <summary>A value of the file for a message: one line, at most 40 characters, identity and mobile numbers masked.</summary>
    private static string Quote(string value)
    {
        var line = new string(value.Select(c => char.IsControl(c) ? ' ' : c).ToArray());
        return SensitiveText.Mask(line.Length <= 40 ? line : line[..40] + "…");
    }
}
