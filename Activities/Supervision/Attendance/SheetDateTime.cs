using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Pipeline.Activities.Documents.Office;

namespace Pipeline.Activities.Supervision.Attendance;

/// <summary>Dates and times as sign-in sheets write them: Excel serial numbers, or text.</summary>
public static partial class SheetDateTime
{
    /// <summary>
    /// A date from an Excel date (days since 1899-12-30, or since 1904-01-01 in a 1904-system workbook; a time of day is
    /// dropped) or from text <c>2024-03-01</c>, <c>2024/3/1</c>, <c>2024.3.1</c>, <c>2024年3月1日</c> (full-width digits
    /// too, an ISO time part ignored); null when it is neither.
    /// </summary>
    public static DateOnly? Date(CellContent cell, bool date1904 = false)
    {
        if (cell.Number is { } serial)
        {
            if (serial < 1 || serial >= 2_958_466) return null; // Excel's own range: 1900-01-01 … 9999-12-31
            var day = date1904 ? new DateOnly(1904, 1, 1).AddDays((int)Math.Floor(serial)) : DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial)));
            return day;
        }
        var text = cell.Text.Normalize(NormalizationForm.FormKC).Trim();
        if (DateText().Match(text) is not { Success: true } m) return null;
        int year = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), month = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture),
            dayOfMonth = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
        return year is >= 1900 and <= 9999 && month is >= 1 and <= 12 && dayOfMonth >= 1 && dayOfMonth <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, dayOfMonth) : null;
    }

    /// <summary>
    /// A time of day from an Excel time (the fraction of a day; of a date and time, its fraction), rounded to the second,
    /// or from text <c>8:30</c>, <c>08:30:00</c> (full-width colon too) or an ISO date and time; null when it is neither.
    /// </summary>
    public static TimeOnly? Time(CellContent cell)
    {
        if (cell.Number is { } number)
        {
            if (number < 0 || double.IsNaN(number) || double.IsInfinity(number)) return null;
            var seconds = (long)Math.Round((number - Math.Floor(number)) * 86_400);
            return TimeOnly.FromTimeSpan(TimeSpan.FromSeconds(Math.Min(seconds, 86_399)));
        }
        var text = cell.Text.Normalize(NormalizationForm.FormKC).Trim();
        if (TimeText().Match(text) is { Success: true } m)
        {
            int hour = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), minute = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            var second = m.Groups[3].Success ? int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture) : 0;
            return hour < 24 && minute < 60 && second < 60 ? new TimeOnly(hour, minute, second) : null;
        }
        // A date cell stored as ISO text (t="d"): 1899-12-31T08:30:00.
        return text.Contains('T') && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? TimeOnly.FromDateTime(at) : null;
    }

    [GeneratedRegex(@"^([0-9]{4})\s*[-/.年]\s*([0-9]{1,2})\s*[-/.月]\s*([0-9]{1,2})\s*日?(?:[T ][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?)?$")]
    private static partial Regex DateText();

    [GeneratedRegex(@"^([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?$")]
    private static partial Regex TimeText();
}
