using System.Collections.Frozen;

namespace Pipeline.Workflows.Calendar;

/// <summary>
/// Working days (工作日) in mainland China: Monday to Friday, except the days off of the year's holiday
/// arrangement, plus the weekend days it makes working days (调休上班日). Immutable once built and safe to share
/// between threads. <see cref="China"/> holds the national arrangements shipped with Pipeline.
/// </summary>
/// <remarks>
/// <para>
/// Counting follows the rule for administrative deadlines such as "10个工作日内": the day the period starts is not
/// counted (民法典 art. 201: 开始的当日不计入), and only working days are counted, so the deadline is the n-th
/// working day after the start, and always itself a working day.
/// <see cref="AddWorkingDays"/> and <see cref="WorkingDaysBetween"/> use the same rule: walking from a start date
/// towards an end date, the start is never counted and the end is. Hence, for every covered date <c>a</c> and every
/// <c>n</c> (negative too) whose result is covered, <c>WorkingDaysBetween(a, AddWorkingDays(a, n)) == n</c>.
/// </para>
/// <para>
/// The calendar covers whole years, from 1 January of its first year to 31 December of its last, with no gaps.
/// Any question about a date outside them throws <see cref="CalendarRangeException"/> rather than guessing.
/// A year whose arrangement is <see cref="ArrangementStatus.Provisional"/> counts only the statutory holidays;
/// check <see cref="StatusOf"/> where that matters.
/// </para>
/// </remarks>
public sealed class WorkingDayCalendar
{
    private const string ResourcePrefix = "Pipeline.Workflows.Calendar.Data.cn-";

    private static readonly Lazy<WorkingDayCalendar> ChinaCalendar = new(LoadChina);

    private readonly bool[] _working;
    private readonly int[] _workingBefore; // _workingBefore[i] = working days among the first i covered days
    private readonly FrozenDictionary<int, ArrangementStatus> _status;

    /// <summary>
    /// Builds a calendar from holiday arrangements applied in the order given: where two arrangements name the same
    /// date (a local arrangement moving a national day), the later one decides whether it is worked.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// No arrangements; a covered year without exactly one national arrangement (<see cref="HolidayArrangement.Jurisdiction"/>
    /// null); or a gap between the covered years.
    /// </exception>
    public WorkingDayCalendar(IEnumerable<HolidayArrangement> arrangements)
    {
        ArgumentNullException.ThrowIfNull(arrangements);
        Arrangements = arrangements.ToArray().AsReadOnly();
        if (Arrangements.Count == 0) throw new ArgumentException("A working-day calendar needs at least one year's holiday arrangement.", nameof(arrangements));

        var years = Arrangements.Select(a => a.Year).Distinct().Order().ToArray();
        for (var i = 1; i < years.Length; i++)
        {
            if (years[i] != years[i - 1] + 1)
                throw new ArgumentException($"The holiday arrangements skip {years[i - 1] + 1}; a working-day calendar covers consecutive years.", nameof(arrangements));
        }
        foreach (var year in years)
        {
            var national = Arrangements.Count(a => a.Year == year && a.Jurisdiction is null);
            if (national != 1)
                throw new ArgumentException($"{year} has {national} national holiday arrangements; exactly one is needed.", nameof(arrangements));
        }

        FirstDay = new DateOnly(years[0], 1, 1);
        LastDay = new DateOnly(years[^1], 12, 31);
        _working = new bool[LastDay.DayNumber - FirstDay.DayNumber + 1];
        for (var i = 0; i < _working.Length; i++)
            _working[i] = FirstDay.AddDays(i).DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
        foreach (var arrangement in Arrangements)
        {
            foreach (var holiday in arrangement.Holidays)
            {
                foreach (var day in holiday.Days()) _working[IndexOf(day)] = false;
                foreach (var day in holiday.WorkingDays) _working[IndexOf(day)] = true;
            }
        }

        _workingBefore = new int[_working.Length + 1];
        for (var i = 0; i < _working.Length; i++) _workingBefore[i + 1] = _workingBefore[i] + (_working[i] ? 1 : 0);

        _status = years.ToFrozenDictionary(
            year => year,
            year => Arrangements.Any(a => a.Year == year && a.Status == ArrangementStatus.Provisional)
                ? ArrangementStatus.Provisional
                : ArrangementStatus.Official);
    }

    /// <summary>
    /// The national calendar shipped with Pipeline (embedded <c>Calendar/Data/cn-YYYY.json</c>): the State Council
    /// notices for 2024, 2025 and 2026, and a provisional 2027. Loaded once, on first use.
    /// </summary>
    /// <exception cref="InvalidDataException">An embedded file is damaged (a build defect).</exception>
    public static WorkingDayCalendar China => ChinaCalendar.Value;

    /// <summary>The arrangements this calendar was built from, in the order they were applied.</summary>
    public IReadOnlyList<HolidayArrangement> Arrangements { get; }

    /// <summary>1 January of the first covered year.</summary>
    public DateOnly FirstDay { get; }

    /// <summary>31 December of the last covered year.</summary>
    public DateOnly LastDay { get; }

    /// <summary>
    /// A new calendar with <paramref name="additional"/> applied after this one's arrangements, e.g. a province's
    /// local holiday (壮族三月三). Local days override national ones on the same date.
    /// </summary>
    /// <exception cref="ArgumentException">As for the constructor, e.g. a second national arrangement for a year.</exception>
    public WorkingDayCalendar With(IEnumerable<HolidayArrangement> additional) => new(Arrangements.Concat(additional));

    /// <summary>A new calendar with the arrangements in the JSON files at <paramref name="paths"/> applied after this one's.</summary>
    /// <exception cref="InvalidDataException">A file is not a valid arrangement (see <see cref="HolidayArrangement.Parse"/>).</exception>
    /// <exception cref="IOException">A file cannot be read.</exception>
    /// <exception cref="ArgumentException">As for the constructor.</exception>
    public WorkingDayCalendar WithFiles(params IEnumerable<string> paths) => With(paths.Select(HolidayArrangement.Load).ToArray());

    /// <summary>Whether the arrangement for <paramref name="year"/> is official or provisional.</summary>
    /// <exception cref="CalendarRangeException">The year is not covered.</exception>
    public ArrangementStatus StatusOf(int year) =>
        _status.TryGetValue(year, out var status)
            ? status
            : throw new CalendarRangeException(new DateOnly(Math.Clamp(year, 1, 9999), 1, 1), FirstDay, LastDay, $"{year} is outside the working-day calendar");

    /// <summary>True for a working day (工作日): a weekday that is not a day off, or a swapped weekend working day.</summary>
    /// <exception cref="CalendarRangeException"><paramref name="date"/> is not covered.</exception>
    public bool IsWorkingDay(DateOnly date) => _working[IndexOf(date)];

    /// <summary>
    /// The date <paramref name="workingDays"/> working days from <paramref name="start"/>, the start itself not
    /// counted: for n &gt; 0 the n-th working day after the start ("n个工作日内" ends on it); for n &lt; 0 the |n|-th
    /// working day before it; for 0 the start itself, whether or not it is a working day. For any n other than 0 the
    /// result is a working day. Example: 2025-09-30 (Tue) plus 1 is 2025-10-09 (the National Day holiday runs 10-01 to 10-08).
    /// </summary>
    /// <exception cref="CalendarRangeException">
    /// <paramref name="start"/> is not covered, or the count runs past the first or last covered day.
    /// </exception>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        var index = IndexOf(start);
        var remaining = workingDays;
        if (remaining > 0)
        {
            for (var i = index + 1; i < _working.Length; i++)
            {
                if (_working[i] && --remaining == 0) return FirstDay.AddDays(i);
            }
        }
        else if (remaining < 0)
        {
            for (var i = index - 1; i >= 0; i--)
            {
                if (_working[i] && ++remaining == 0) return FirstDay.AddDays(i);
            }
        }
        else
        {
            return start;
        }

        var direction = workingDays > 0 ? "after" : "before";
        throw new CalendarRangeException(start, FirstDay, LastDay,
            $"{Math.Abs((long)workingDays)} working days {direction} {start:yyyy-MM-dd} fall outside the working-day calendar");
    }

    /// <summary>
    /// The number of working days from <paramref name="from"/> to <paramref name="to"/>, counted as
    /// <see cref="AddWorkingDays"/> counts: the start is excluded and the end included. When <paramref name="to"/>
    /// is later, that is the working days in (from, to]; when it is earlier, minus the working days in [to, from);
    /// 0 when they are equal. So <c>WorkingDaysBetween(a, AddWorkingDays(a, n)) == n</c>.
    /// Example: from 2025-09-30 to 2025-10-09 is 1.
    /// </summary>
    /// <exception cref="CalendarRangeException">Either date is not covered.</exception>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var a = IndexOf(from);
        var b = IndexOf(to);
        return b >= a
            ? _workingBefore[b + 1] - _workingBefore[a + 1]
            : -(_workingBefore[a] - _workingBefore[b]);
    }

    private int IndexOf(DateOnly date)
    {
        if (date < FirstDay || date > LastDay) throw new CalendarRangeException(date, FirstDay, LastDay);
        return date.DayNumber - FirstDay.DayNumber;
    }

    private static WorkingDayCalendar LoadChina()
    {
        var assembly = typeof(WorkingDayCalendar).Assembly;
        var arrangements = new List<HolidayArrangement>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            arrangements.Add(HolidayArrangement.Parse(reader.ReadToEnd(), name));
        }
        if (arrangements.Count == 0) throw new InvalidDataException($"No embedded holiday arrangements ({ResourcePrefix}*.json) were found.");
        return new WorkingDayCalendar(arrangements);
    }
}
