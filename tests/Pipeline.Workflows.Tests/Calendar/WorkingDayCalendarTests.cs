using Pipeline.Workflows.Calendar;

namespace Pipeline.Workflows.Tests.Calendar;

public class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar China = WorkingDayCalendar.China;

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd");

    [Fact]
    public void NationalDay2025_EightDaysOff_SundayBeforeAndSaturdayAfterAreWorked()
    {
        for (var day = D("2025-10-01"); day <= D("2025-10-08"); day = day.AddDays(1))
            Assert.False(China.IsWorkingDay(day), $"{day} should be a day off");
        Assert.True(China.IsWorkingDay(D("2025-09-28")));  // Sunday, 调休上班
        Assert.True(China.IsWorkingDay(D("2025-10-11")));  // Saturday, 调休上班
        Assert.True(China.IsWorkingDay(D("2025-10-09")));  // Thursday after the holiday
        Assert.False(China.IsWorkingDay(D("2025-10-12"))); // an ordinary Sunday
    }

    [Fact]
    public void SpringFestival2024_TenthToSeventeenthOff_FourthAndEighteenthWorked_EveIsAWorkingDay()
    {
        for (var day = D("2024-02-10"); day <= D("2024-02-17"); day = day.AddDays(1))
            Assert.False(China.IsWorkingDay(day), $"{day} should be a day off");
        Assert.True(China.IsWorkingDay(D("2024-02-04")));  // Sunday
        Assert.True(China.IsWorkingDay(D("2024-02-18")));  // Sunday
        Assert.True(China.IsWorkingDay(D("2024-02-09")));  // 除夕 2024 was a working day (rest only encouraged)
    }

    [Fact]
    public void SpringFestival2026_NineDaysOff_WithTwoSaturdaysWorked()
    {
        Assert.Equal(9, Enumerable.Range(0, 9).Count(i => !China.IsWorkingDay(D("2026-02-15").AddDays(i))));
        Assert.True(China.IsWorkingDay(D("2026-02-14")));
        Assert.True(China.IsWorkingDay(D("2026-02-28")));
        Assert.True(China.IsWorkingDay(D("2026-02-24")));
    }

    [Theory]
    [InlineData("2024-02-08", 1, "2024-02-09")]
    [InlineData("2024-02-08", 2, "2024-02-18")] // the Sunday worked after 春节
    [InlineData("2024-02-08", 3, "2024-02-19")]
    [InlineData("2024-02-10", 1, "2024-02-18")] // counting from inside the holiday
    [InlineData("2025-01-24", 1, "2025-01-26")] // the Sunday worked before 春节 2025
    [InlineData("2025-01-24", 2, "2025-01-27")]
    [InlineData("2025-01-24", 3, "2025-02-05")]
    [InlineData("2025-09-30", 1, "2025-10-09")]
    [InlineData("2025-09-26", 10, "2025-10-16")] // "10个工作日内" from a Friday before National Day
    [InlineData("2025-12-31", 1, "2026-01-04")] // 元旦 2026 is 01-01..03; Sunday 01-04 is worked
    [InlineData("2026-12-31", 1, "2027-01-04")]
    public void AddWorkingDays_CountsWorkingDaysAfterTheStart(string start, int n, string expected) =>
        Assert.Equal(D(expected), China.AddWorkingDays(D(start), n));

    [Theory]
    [InlineData("2025-10-09", -1, "2025-09-30")]
    [InlineData("2025-10-09", -3, "2025-09-28")] // the Sunday worked before National Day
    [InlineData("2024-02-19", -2, "2024-02-09")]
    public void AddWorkingDays_Negative_CountsBackwards(string start, int n, string expected) =>
        Assert.Equal(D(expected), China.AddWorkingDays(D(start), n));

    [Theory]
    [InlineData("2025-10-01")] // a holiday
    [InlineData("2025-10-12")] // a Sunday
    [InlineData("2025-10-09")] // a working day
    public void AddWorkingDays_Zero_ReturnsTheStartItself(string start) =>
        Assert.Equal(D(start), China.AddWorkingDays(D(start), 0));

    [Theory]
    [InlineData("2025-09-30", "2025-10-09", 1)]
    [InlineData("2025-10-09", "2025-09-30", -1)]
    [InlineData("2025-10-01", "2025-10-08", 0)]
    [InlineData("2025-09-26", "2025-10-16", 10)]
    [InlineData("2025-10-16", "2025-10-16", 0)]
    [InlineData("2024-01-01", "2024-12-31", 251)] // 2024 had 251 working days; 1 January was a holiday
    public void WorkingDaysBetween_ExcludesTheStart_IncludesTheEnd(string from, string to, int expected) =>
        Assert.Equal(expected, China.WorkingDaysBetween(D(from), D(to)));

    [Fact]
    public void WorkingDaysBetween_RoundTripsAddWorkingDays_ForEveryDayOf2024To2026()
    {
        for (var day = D("2024-01-01"); day <= D("2026-12-31"); day = day.AddDays(1))
        {
            foreach (var n in new[] { -40, -11, -3, -2, -1, 0, 1, 2, 3, 5, 10, 20, 60 })
            {
                if (n < 0 && day < D("2024-04-01")) continue; // may run before 2024-01-01
                var target = China.AddWorkingDays(day, n);
                Assert.Equal(n, China.WorkingDaysBetween(day, target));
                if (n != 0) Assert.True(China.IsWorkingDay(target), $"{day} + {n} = {target} is not a working day");
            }
        }
    }

    [Fact]
    public void WorkingDaysBetween_MatchesCountingDayByDay()
    {
        var random = new Random(20251001);
        for (var i = 0; i < 300; i++)
        {
            var a = D("2024-01-01").AddDays(random.Next(0, 4 * 365));
            var b = a.AddDays(random.Next(-60, 61));
            if (b < China.FirstDay || b > China.LastDay) continue;
            var expected = 0;
            for (var d = a.AddDays(1); d <= b; d = d.AddDays(1)) expected += China.IsWorkingDay(d) ? 1 : 0;
            for (var d = b; d < a; d = d.AddDays(1)) expected -= China.IsWorkingDay(d) ? 1 : 0;
            Assert.Equal(expected, China.WorkingDaysBetween(a, b));
        }
    }

    [Fact]
    public void China_Covers2024To2027_With2027Provisional()
    {
        Assert.Equal(D("2024-01-01"), China.FirstDay);
        Assert.Equal(D("2027-12-31"), China.LastDay);
        Assert.Equal(ArrangementStatus.Official, China.StatusOf(2024));
        Assert.Equal(ArrangementStatus.Official, China.StatusOf(2026));
        Assert.Equal(ArrangementStatus.Provisional, China.StatusOf(2027));
        Assert.False(China.IsWorkingDay(D("2027-02-05"))); // 除夕, statutory since 2025
        Assert.True(China.IsWorkingDay(D("2027-02-09")));
    }

    [Fact]
    public void OutOfRange_Throws_NamingTheCoveredYears()
    {
        var error = Assert.Throws<CalendarRangeException>(() => China.IsWorkingDay(D("2023-12-31")));
        Assert.Equal(D("2023-12-31"), error.Date);
        Assert.Contains("2024-01-01 to 2027-12-31", error.Message);
        Assert.Throws<CalendarRangeException>(() => China.IsWorkingDay(D("2028-01-01")));
        Assert.Throws<CalendarRangeException>(() => China.WorkingDaysBetween(D("2025-01-01"), D("2030-01-01")));
        Assert.Throws<CalendarRangeException>(() => China.StatusOf(2030));
    }

    [Fact]
    public void AddWorkingDays_RunningPastTheLastYear_Throws()
    {
        var error = Assert.Throws<CalendarRangeException>(() => China.AddWorkingDays(D("2027-12-20"), 30));
        Assert.Contains("30 working days after 2027-12-20", error.Message);
        Assert.Throws<CalendarRangeException>(() => China.AddWorkingDays(D("2024-01-03"), -5));
    }

    [Fact]
    public void China_IsOneSharedInstance() => Assert.Same(WorkingDayCalendar.China, WorkingDayCalendar.China);

    [Fact]
    public void ConcurrentQueries_AgreeWithSequentialOnes()
    {
        var days = Enumerable.Range(0, 1000).Select(i => D("2024-01-01").AddDays(i)).ToArray();
        var expected = days.Select(d => China.AddWorkingDays(d, 7)).ToArray();
        var actual = days.AsParallel().AsOrdered().Select(d => China.AddWorkingDays(d, 7)).ToArray();
        Assert.Equal(expected, actual);
    }
}
