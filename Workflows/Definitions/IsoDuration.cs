using System.Globalization;
using System.Text.RegularExpressions;

namespace Pipeline.Workflows.Definitions;

/// <summary>
/// An ISO 8601 duration (<c>PnYnMnWnDTnHnMnS</c>, e.g. <c>P3D</c>, <c>PT2H30M</c>, <c>P1M</c>) as a calendar part
/// (years, months) and an exact part. Years and months are added by calendar (31 January + <c>P1M</c> = 28/29
/// February), the rest as elapsed time. Negative durations are not accepted.
/// </summary>
/// <param name="Years">Calendar years.</param>
/// <param name="Months">Calendar months.</param>
/// <param name="Exact">Weeks, days, hours, minutes and seconds as elapsed time (a day is 24 hours).</param>
public readonly partial record struct IsoDuration(int Years, int Months, TimeSpan Exact)
{
    /// <summary>Parses <c>PnYnMnWnDTnHnMnS</c> (seconds may have a fraction); at least one part, no sign.</summary>
    public static bool TryParse(string? text, out IsoDuration duration)
    {
        duration = default;
        if (text is null) return false;
        var match = Pattern().Match(text.Trim());
        if (!match.Success || match.Groups.Values.Skip(1).All(g => !g.Success)) return false;
        if (text.Contains('T', StringComparison.Ordinal) && !(match.Groups["h"].Success || match.Groups["min"].Success || match.Groups["s"].Success)) return false;
        try
        {
            int Int(string group) => match.Groups[group].Success ? int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : 0;
            var seconds = match.Groups["s"].Success ? decimal.Parse(match.Groups["s"].Value.Replace(',', '.'), CultureInfo.InvariantCulture) : 0m;
            var exact = TimeSpan.FromDays(Int("w") * 7L + Int("d")) + TimeSpan.FromHours(Int("h")) + TimeSpan.FromMinutes(Int("min"))
                + TimeSpan.FromTicks((long)(seconds * TimeSpan.TicksPerSecond));
            duration = new IsoDuration(Int("y"), Int("mo"), exact);
            return true;
        }
        catch (Exception e) when (e is OverflowException or FormatException or ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    /// <summary><paramref name="start"/> plus this duration: calendar years and months first, then the exact part.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The result is outside the representable range.</exception>
    public DateTimeOffset AddTo(DateTimeOffset start) => start.AddYears(Years).AddMonths(Months).Add(Exact);

    /// <summary>True when the duration is zero.</summary>
    public bool IsZero => Years == 0 && Months == 0 && Exact == TimeSpan.Zero;

    [GeneratedRegex(@"^P(?:(?<y>\d+)Y)?(?:(?<mo>\d+)M)?(?:(?<w>\d+)W)?(?:(?<d>\d+)D)?(?:T(?:(?<h>\d+)H)?(?:(?<min>\d+)M)?(?:(?<s>\d+(?:[.,]\d+)?)S)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
