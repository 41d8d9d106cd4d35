using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Workflows.Calendar;

/// <summary>
/// The JSON form of a <see cref="HolidayArrangement"/>, one file per year (and per jurisdiction for local days):
/// <code>
/// { "year": 2025, "status": "official" | "provisional",
///   "jurisdiction": "广西壮族自治区",                       (optional; absent for the national arrangement)
///   "source": { "title": "国务院办公厅关于2025年部分节假日安排的通知",
///               "documentNumber": "国办发明电〔2024〕12号", "published": "2024-11-12" },
///   "note": "...",                                         (optional)
///   "holidays": [ { "name": "春节", "first": "2025-01-28", "last": "2025-02-04",
///                   "workingDays": ["2025-01-26", "2025-02-08"] } ] }
/// </code>
/// Dates are ISO <c>yyyy-MM-dd</c>; <c>first</c> and <c>last</c> are inclusive; <c>workingDays</c> are the swapped
/// weekend working days (调休上班日) the notice lists under that holiday. Unknown properties are errors, so a typo
/// cannot silently drop a holiday.
/// </summary>
internal static class HolidayArrangementJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        Converters = { new JsonStringEnumConverter<ArrangementStatus>(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    /// <summary>Parses and validates <paramref name="json"/>; <paramref name="origin"/> names it in errors.</summary>
    /// <exception cref="InvalidDataException">Malformed JSON or inconsistent dates (see <see cref="HolidayArrangement.Parse"/>).</exception>
    public static HolidayArrangement Parse(string json, string origin)
    {
        FileDto file;
        try
        {
            file = JsonSerializer.Deserialize<FileDto>(json, Options)
                ?? throw new InvalidDataException($"{origin}: the file holds JSON null, not a holiday arrangement");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{origin}: not a valid holiday arrangement: {e.Message}", e);
        }

        var arrangement = new HolidayArrangement(
            file.Year,
            file.Status,
            new ArrangementSource(file.Source.Title, file.Source.DocumentNumber, file.Source.Published),
            file.Jurisdiction,
            file.Note,
            file.Holidays.Select(h => new HolidayPeriod(h.Name, h.First, h.Last, h.WorkingDays.AsReadOnly())).ToArray().AsReadOnly());
        Validate(arrangement, origin);
        return arrangement;
    }

    private static void Validate(HolidayArrangement arrangement, string origin)
    {
        void Fail(string problem) => throw new InvalidDataException($"{origin}: {problem}");

        if (arrangement.Year is < 1900 or > 9999) Fail($"year {arrangement.Year} is out of range");
        if (string.IsNullOrWhiteSpace(arrangement.Source.Title) || string.IsNullOrWhiteSpace(arrangement.Source.DocumentNumber))
            Fail("the source needs a title and a document number");

        var daysOff = new Dictionary<DateOnly, string>();
        foreach (var holiday in arrangement.Holidays)
        {
            if (string.IsNullOrWhiteSpace(holiday.Name)) Fail("a holiday has no name");
            if (holiday.Last < holiday.First) Fail($"{holiday.Name} ends ({holiday.Last:yyyy-MM-dd}) before it starts ({holiday.First:yyyy-MM-dd})");
            foreach (var day in holiday.Days())
            {
                if (day.Year != arrangement.Year) Fail($"{holiday.Name} day {day:yyyy-MM-dd} is not in {arrangement.Year}");
                if (!daysOff.TryAdd(day, holiday.Name)) Fail($"{day:yyyy-MM-dd} is in both {daysOff[day]} and {holiday.Name}");
            }
        }

        var workingDays = new HashSet<DateOnly>();
        foreach (var holiday in arrangement.Holidays)
        {
            foreach (var day in holiday.WorkingDays)
            {
                if (day.Year != arrangement.Year) Fail($"{holiday.Name} working day {day:yyyy-MM-dd} is not in {arrangement.Year}");
                if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                    Fail($"{holiday.Name} working day {day:yyyy-MM-dd} is a {day.DayOfWeek}; swapped working days (调休上班日) are weekend days");
                if (daysOff.TryGetValue(day, out var name)) Fail($"{day:yyyy-MM-dd} is both a working day of {holiday.Name} and a day off of {name}");
                if (!workingDays.Add(day)) Fail($"working day {day:yyyy-MM-dd} is listed twice");
            }
        }
    }

    private sealed class FileDto
    {
        public required int Year { get; init; }
        public required ArrangementStatus Status { get; init; }
        public required SourceDto Source { get; init; }
        public string? Jurisdiction { get; init; }
        public string? Note { get; init; }
        public required List<HolidayDto> Holidays { get; init; }
    }

    private sealed class SourceDto
    {
        public required string Title { get; init; }
        public required string DocumentNumber { get; init; }
        public required DateOnly Published { get; init; }
    }

    private sealed class HolidayDto
    {
        public required string Name { get; init; }
        public required DateOnly First { get; init; }
        public required DateOnly Last { get; init; }
        public List<DateOnly> WorkingDays { get; init; } = [];
    }
}
