namespace Pipeline.Workflows.Calendar;

/// <summary>
/// One year's holiday arrangement (放假安排): which days are off and which weekend days are worked instead, as
/// published by the State Council General Office each autumn for the following year, or by a local government for
/// a regional holiday. Read from the JSON files described on <see cref="HolidayArrangementJson"/>.
/// </summary>
/// <param name="Year">The calendar year every date of the arrangement falls in.</param>
/// <param name="Status">Official (from the notice) or provisional (statutory days only, notice not yet published).</param>
/// <param name="Source">The notice or regulation the dates come from.</param>
/// <param name="Jurisdiction">
/// Null for the national arrangement; otherwise the region that adds local days (e.g. <c>广西壮族自治区</c>).
/// </param>
/// <param name="Note">Free text kept with the data, e.g. why a year is provisional; null when there is none.</param>
/// <param name="Holidays">The holiday periods in the order of the notice; they do not overlap.</param>
public sealed record HolidayArrangement(
    int Year,
    ArrangementStatus Status,
    ArrangementSource Source,
    string? Jurisdiction,
    string? Note,
    IReadOnlyList<HolidayPeriod> Holidays)
{
    /// <summary>Reads an arrangement from JSON text.</summary>
    /// <param name="json">The file's text.</param>
    /// <param name="origin">Where the text came from (a path or resource name), quoted in error messages.</param>
    /// <exception cref="InvalidDataException">
    /// The JSON is malformed or misses a field, or the dates are inconsistent: a date outside <see cref="Year"/>, a
    /// period that ends before it starts or overlaps another, or a swapped working day that is not a Saturday or
    /// Sunday or lies inside a holiday.
    /// </exception>
    public static HolidayArrangement Parse(string json, string origin) => HolidayArrangementJson.Parse(json, origin);

    /// <summary>Reads an arrangement from a JSON file.</summary>
    /// <exception cref="InvalidDataException">As for <see cref="Parse"/>.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static HolidayArrangement Load(string path) => Parse(File.ReadAllText(path), path);
}
