using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Pipeline.Workflows.Expressions;

/// <summary>
/// The lexical forms of FEEL's temporal values (DMN 1.5 §10.3.2.3.4–8, which defers to XML Schema / ISO 8601):
/// reading them for <c>date()</c>, <c>time()</c>, <c>date and time()</c>, <c>duration()</c> and <c>@"..."</c>
/// literals, and writing them back.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><description>date: <c>yyyy-MM-dd</c>, years 1 to 9999;</description></item>
/// <item><description>time: <c>HH:mm:ss</c> with an optional fraction (kept to 100 ns); a time with an offset or zone is refused (this subset keeps times local);</description></item>
/// <item><description>date and time: <c>yyyy-MM-ddTHH:mm:ss[.f]</c> followed by <c>Z</c>, <c>±hh:mm</c>, <c>@</c> and an IANA zone id
/// (<c>@Asia/Shanghai</c>), or nothing, which means UTC+08:00 (<see cref="FeelEvaluationContext.LocalOffset"/>); a bare date means its midnight at UTC+08:00;</description></item>
/// <item><description>days and time duration: <c>[-]P[nD][T[nH][nM][n[.f]S]]</c>, also <c>PnW</c> (n × 7 days);</description></item>
/// <item><description>years and months duration: <c>[-]P[nY][nM]</c>. Mixing years/months with days/time (<c>P1Y2D</c>) is refused: FEEL has no such type.</description></item>
/// </list>
/// Parse methods return false with a readable reason instead of throwing.
/// </remarks>
internal static partial class TemporalLexical
{
    private const string DateHint = "expected yyyy-MM-dd, e.g. \"2025-10-01\"";
    private const string TimeHint = "expected HH:mm:ss, e.g. \"09:30:00\"";
    private const string DateTimeHint = "expected yyyy-MM-ddTHH:mm:ss with an optional Z, ±hh:mm or @zone, e.g. \"2025-10-01T09:30:00\"";
    private const string DurationHint = "expected an ISO 8601 duration such as \"P3D\", \"PT2H30M\" or \"P1Y2M\"";

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?$", RegexOptions.CultureInvariant)]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"^\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2}|@.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex ZonedTimePattern();

    [GeneratedRegex(@"^(\d{4}-\d{2}-\d{2})T([0-9:.]+)(Z|[+-]\d{2}:\d{2}|@[A-Za-z0-9_/+\-]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DateTimePattern();

    [GeneratedRegex(
        @"^(-)?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:(T)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();

    /// <summary>Reads a date, <c>yyyy-MM-dd</c>.</summary>
    public static bool TryParseDate(string text, out DateOnly date, out string error)
    {
        error = "";
        if (DatePattern().IsMatch(text)
            && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return true;
        }
        date = default;
        error = $"\"{text}\" is not a date: {DateHint}";
        return false;
    }

    /// <summary>Reads a local time, <c>HH:mm:ss[.f]</c>.</summary>
    public static bool TryParseTime(string text, out TimeOnly time, out string error)
    {
        error = "";
        var match = TimePattern().Match(text);
        if (match.Success && TryTime(match, out time)) return true;
        time = default;
        error = ZonedTimePattern().IsMatch(text)
            ? $"\"{text}\" is a time with an offset or time zone, which is not supported; use a date and time"
            : $"\"{text}\" is not a time: {TimeHint}";
        return false;
    }

    /// <summary>Reads a date and time; without an offset it is at UTC+08:00; a bare date is its midnight there.</summary>
    public static bool TryParseDateTime(string text, out DateTimeOffset value, out string error)
    {
        error = "";
        value = default;
        if (TryParseDate(text, out var dateOnly, out _)) return TryCombine(dateOnly, TimeOnly.MinValue, text, out value, out error);

        var match = DateTimePattern().Match(text);
        var timeMatch = match.Success ? TimePattern().Match(match.Groups[2].Value) : Match.Empty;
        if (!match.Success || !timeMatch.Success
            || !DateOnly.TryParseExact(match.Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || !TryTime(timeMatch, out var time))
        {
            error = $"\"{text}\" is not a date and time: {DateTimeHint}";
            return false;
        }

        var zone = match.Groups[3].Value;
        TimeSpan offset;
        if (zone.Length == 0)
        {
            offset = FeelEvaluationContext.LocalOffset;
        }
        else if (zone == "Z")
        {
            offset = TimeSpan.Zero;
        }
        else if (zone[0] == '@')
        {
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone[1..], out var timeZone))
            {
                error = $"\"{text}\" names the unknown time zone '{zone[1..]}'";
                return false;
            }
            offset = timeZone.GetUtcOffset(date.ToDateTime(time));
        }
        else
        {
            var hours = int.Parse(zone.AsSpan(1, 2), CultureInfo.InvariantCulture);
            var minutes = int.Parse(zone.AsSpan(4, 2), CultureInfo.InvariantCulture);
            offset = new TimeSpan(hours, minutes, 0) * (zone[0] == '-' ? -1 : 1);
            if (minutes > 59 || offset.Duration() > TimeSpan.FromHours(14))
            {
                error = $"\"{text}\" has an offset outside -14:00..+14:00";
                return false;
            }
        }
        return TryCombine(date, time, text, out value, out error, offset);
    }

    /// <summary>A date and a time at <paramref name="offset"/> (default UTC+08:00) as one instant.</summary>
    public static bool TryCombine(DateOnly date, TimeOnly time, string text, out DateTimeOffset value, out string error, TimeSpan? offset = null)
    {
        error = "";
        try
        {
            value = new DateTimeOffset(date.ToDateTime(time), offset ?? FeelEvaluationContext.LocalOffset);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            value = default;
            error = $"\"{text}\" is outside the supported range of date and time values";
            return false;
        }
    }

    /// <summary>
    /// Reads a duration: a <see cref="YearMonthDuration"/> for <c>PnYnM</c> forms, otherwise a <see cref="TimeSpan"/>
    /// (days and time duration).
    /// </summary>
    public static bool TryParseDuration(string text, out object duration, out string error)
    {
        duration = TimeSpan.Zero;
        error = $"\"{text}\" is not a duration: {DurationHint}";
        var match = DurationPattern().Match(text);
        if (!match.Success) return false;

        var groups = match.Groups;
        bool Has(int group) => groups[group].Success;
        var yearMonth = Has(2) || Has(3);
        var week = Has(4);
        var dayTime = Has(5) || Has(6);
        if (Has(6) && !(Has(7) || Has(8) || Has(9))) return false; // "P1DT" has nothing after T
        if (!(yearMonth || week || dayTime)) return false; // "P" alone
        if (yearMonth && (week || dayTime))
        {
            error = $"\"{text}\" mixes years or months with weeks, days or time; FEEL durations are either years and months (\"P1Y2M\") or days and time (\"P3DT4H\")";
            return false;
        }
        if (week && dayTime)
        {
            error = $"\"{text}\" mixes weeks with days or time; write the weeks as days";
            return false;
        }

        var negative = Has(1);
        try
        {
            if (yearMonth)
            {
                var months = Number(groups[2]) * 12 + Number(groups[3]);
                if (months > int.MaxValue) throw new OverflowException();
                duration = new YearMonthDuration((int)(negative ? -months : months));
                return true;
            }

            var ticks = (Number(groups[4]) * 7 + Number(groups[5])) * TimeSpan.TicksPerDay
                + Number(groups[7]) * TimeSpan.TicksPerHour
                + Number(groups[8]) * TimeSpan.TicksPerMinute
                + decimal.Truncate(Number(groups[9]) * TimeSpan.TicksPerSecond);
            if (ticks > long.MaxValue) throw new OverflowException();
            duration = TimeSpan.FromTicks((long)(negative ? -ticks : ticks));
            return true;
        }
        catch (OverflowException)
        {
            error = $"\"{text}\" is too long a duration (days and time durations reach about 29,000 years, years and months ones 178 million years)";
            return false;
        }
    }

    /// <summary>
    /// Reads the string of a <c>@"..."</c> literal (or any ISO 8601 temporal string): a duration when it starts with
    /// <c>P</c> or <c>-P</c>, a date and time when it has a <c>T</c>, otherwise a date or a time.
    /// </summary>
    public static bool TryParseAny(string text, out object value, out string error)
    {
        if (text.StartsWith('P') || text.StartsWith("-P", StringComparison.Ordinal)) return TryParseDuration(text, out value, out error);
        bool ok;
        if (text.Contains('T'))
        {
            ok = TryParseDateTime(text, out var dateTime, out error);
            value = dateTime;
        }
        else if (text.Contains(':'))
        {
            ok = TryParseTime(text, out var time, out error);
            value = time;
        }
        else
        {
            ok = TryParseDate(text, out var date, out error);
            value = date;
        }
        return ok;
    }

    /// <summary><c>2025-10-01</c>.</summary>
    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary><c>09:30:00</c>, with a fraction only when there is one (<c>09:30:00.5</c>).</summary>
    public static string Format(TimeOnly time) => time.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    /// <summary><c>2025-10-01T09:30:00+08:00</c>; <c>Z</c> for UTC; a fraction only when there is one.</summary>
    public static string Format(DateTimeOffset value) =>
        value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture)
        + (value.Offset == TimeSpan.Zero ? "Z" : value.ToString("zzz", CultureInfo.InvariantCulture));

    /// <summary>Canonical days and time duration: <c>P1DT2H30M</c>, <c>-PT0.5S</c>; zero is <c>PT0S</c>. Days are never folded into months.</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration == TimeSpan.Zero) return "PT0S";
        var remaining = Math.Abs((decimal)duration.Ticks);
        var days = decimal.Truncate(remaining / TimeSpan.TicksPerDay);
        remaining -= days * TimeSpan.TicksPerDay;
        var hours = decimal.Truncate(remaining / TimeSpan.TicksPerHour);
        remaining -= hours * TimeSpan.TicksPerHour;
        var minutes = decimal.Truncate(remaining / TimeSpan.TicksPerMinute);
        remaining -= minutes * TimeSpan.TicksPerMinute;
        var seconds = remaining / TimeSpan.TicksPerSecond;

        var builder = new StringBuilder(duration < TimeSpan.Zero ? "-P" : "P");
        if (days > 0) builder.Append(CultureInfo.InvariantCulture, $"{days}D");
        if (hours > 0 || minutes > 0 || seconds > 0)
        {
            builder.Append('T');
            if (hours > 0) builder.Append(CultureInfo.InvariantCulture, $"{hours}H");
            if (minutes > 0) builder.Append(CultureInfo.InvariantCulture, $"{minutes}M");
            if (seconds > 0) builder.Append(FeelTypes.FormatNumber(seconds)).Append('S');
        }
        return builder.ToString();
    }

    /// <summary>Canonical years and months duration: <c>P1Y2M</c>, <c>P2Y</c>, <c>-P3M</c>; zero is <c>P0M</c>.</summary>
    public static string Format(YearMonthDuration duration)
    {
        if (duration.Months == 0) return "P0M";
        var total = Math.Abs((long)duration.Months);
        var builder = new StringBuilder(duration.Months < 0 ? "-P" : "P");
        if (total / 12 > 0) builder.Append(CultureInfo.InvariantCulture, $"{total / 12}Y");
        if (total % 12 > 0) builder.Append(CultureInfo.InvariantCulture, $"{total % 12}M");
        return builder.ToString();
    }

    private static bool TryTime(Match match, out TimeOnly time)
    {
        time = default;
        var hour = int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
        var minute = int.Parse(match.Groups[2].ValueSpan, CultureInfo.InvariantCulture);
        var second = int.Parse(match.Groups[3].ValueSpan, CultureInfo.InvariantCulture);
        if (hour > 23 || minute > 59 || second > 59) return false;
        var fraction = match.Groups[4].Success ? match.Groups[4].Value.PadRight(7, '0')[..7] : "0";
        time = new TimeOnly(hour, minute, second).Add(TimeSpan.FromTicks(long.Parse(fraction, CultureInfo.InvariantCulture)));
        return true;
    }

    private static decimal Number(Group group)
    {
        if (!group.Success) return 0;
        return decimal.TryParse(group.ValueSpan, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new OverflowException();
    }
}
