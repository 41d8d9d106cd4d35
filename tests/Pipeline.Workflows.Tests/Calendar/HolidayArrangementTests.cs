using System.Globalization;
using Pipeline.Workflows.Calendar;

namespace Pipeline.Workflows.Tests.Calendar;

/// <summary>The shipped data checked against the weekdays, the lunar calendar and the statutory holidays.</summary>
public class HolidayArrangementTests
{
    private static readonly ChineseLunisolarCalendar Lunar = new();

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd");

    public static TheoryData<int> Years => new() { 2024, 2025, 2026, 2027 };

    private static HolidayArrangement Year(int year) => WorkingDayCalendar.China.Arrangements.Single(a => a.Year == year);

    /// <summary>The Gregorian date of a lunar month/day in the lunar year that starts in <paramref name="year"/>.</summary>
    private static DateOnly LunarDate(int year, int month, int day)
    {
        var leap = Lunar.GetLeapMonth(year);
        var index = leap > 0 && month >= leap ? month + 1 : month;
        return DateOnly.FromDateTime(Lunar.ToDateTime(year, index, day, 0, 0, 0, 0));
    }

    private static HolidayPeriod Holiday(HolidayArrangement arrangement, string name) =>
        arrangement.Holidays.Single(h => h.Name.Contains(name, StringComparison.Ordinal));

    [Theory]
    [MemberData(nameof(Years))]
    public void EveryYear_HasTheSevenFestivals_OnTheirDates(int year)
    {
        var arrangement = Year(year);
        Assert.Contains(new DateOnly(year, 1, 1), Holiday(arrangement, "元旦").Days());
        Assert.Contains(LunarDate(year, 1, 1), Holiday(arrangement, "春节").Days());          // 正月初一
        Assert.Contains(LunarDate(year, 5, 5), Holiday(arrangement, "端午").Days());          // 五月初五
        Assert.Contains(LunarDate(year, 8, 15), Holiday(arrangement, "中秋").Days());         // 八月十五
        Assert.Contains(new DateOnly(year, 5, 1), Holiday(arrangement, "劳动节").Days());
        Assert.Contains(new DateOnly(year, 10, 1), Holiday(arrangement, "国庆").Days());
        var qingming = new Dictionary<int, DateOnly>
        {
            [2024] = D("2024-04-04"), [2025] = D("2025-04-04"), [2026] = D("2026-04-05"), [2027] = D("2027-04-05"),
        };
        Assert.Contains(qingming[year], Holiday(arrangement, "清明").Days());
    }

    [Fact]
    public void LunarDates_Of2027_AreThoseOfTheProvisionalFile()
    {
        Assert.Equal(D("2027-02-06"), LunarDate(2027, 1, 1));
        Assert.Equal(D("2027-06-09"), LunarDate(2027, 5, 5));
        Assert.Equal(D("2027-09-15"), LunarDate(2027, 8, 15));
        var springFestival = Holiday(Year(2027), "春节");
        Assert.Equal((D("2027-02-05"), D("2027-02-08")), (springFestival.First, springFestival.Last)); // 除夕 to 初三
    }

    [Theory]
    [MemberData(nameof(Years))]
    public void SwappedWorkingDays_AreWeekendDays_AndNeverDaysOff(int year)
    {
        var arrangement = Year(year);
        var daysOff = arrangement.Holidays.SelectMany(h => h.Days()).ToHashSet();
        foreach (var day in arrangement.Holidays.SelectMany(h => h.WorkingDays))
        {
            Assert.True(day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday, $"{day} is a {day.DayOfWeek}");
            Assert.DoesNotContain(day, daysOff);
        }
    }

    [Theory]
    [InlineData(2024, "国办发明电〔2023〕7号", "2023-10-25", 28)]
    [InlineData(2025, "国办发明电〔2024〕12号", "2024-11-12", 28)]
    [InlineData(2026, "国办发明电〔2025〕7号", "2025-11-04", 33)]
    public void OfficialYears_NameTheirNotice_AndItsDaysOff(int year, string number, string published, int daysOff)
    {
        var arrangement = Year(year);
        Assert.Equal(ArrangementStatus.Official, arrangement.Status);
        Assert.Equal($"国务院办公厅关于{year}年部分节假日安排的通知", arrangement.Source.Title);
        Assert.Equal(number, arrangement.Source.DocumentNumber);
        Assert.Equal(D(published), arrangement.Source.Published);
        Assert.Null(arrangement.Jurisdiction);
        Assert.Equal(daysOff, arrangement.Holidays.Sum(h => h.Days().Count()));
    }

    [Fact]
    public void Year2027_IsProvisional_StatutoryDaysOnly_WithANote()
    {
        var arrangement = Year(2027);
        Assert.Equal(ArrangementStatus.Provisional, arrangement.Status);
        Assert.Contains("replace", arrangement.Note, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(arrangement.Holidays.SelectMany(h => h.WorkingDays));
        Assert.Equal(13, arrangement.Holidays.Sum(h => h.Days().Count())); // 1 + 4 + 1 + 2 + 1 + 1 + 3
    }

    private const string Valid = """
        { "year": 2025, "status": "official", "jurisdiction": "测试县",
          "source": { "title": "测试县人民政府关于地方节日放假的通知", "documentNumber": "测政发〔2025〕1号", "published": "2025-01-10" },
          "holidays": [ { "name": "地方节", "first": "2025-03-31", "last": "2025-03-31" } ] }
        """;

    [Theory]
    [InlineData("\"first\": \"2025-03-31\", \"last\": \"2025-03-31\"", "\"first\": \"2025-03-31\", \"last\": \"2025-03-31\", \"workingDays\": [\"2025-04-02\"]", "is a Wednesday")]
    [InlineData("\"last\": \"2025-03-31\"", "\"last\": \"2025-03-30\"", "ends")]
    [InlineData("\"last\": \"2025-03-31\"", "\"last\": \"2026-01-02\"", "is not in 2025")]
    [InlineData("\"name\": \"地方节\",", "\"name\": \"地方节\", \"frist\": \"2025-03-31\",", "frist")]
    [InlineData("\"status\": \"official\"", "\"status\": \"maybe\"", "not a valid holiday arrangement")]
    public void Parse_InconsistentOrMistypedData_IsRefused(string find, string replace, string expected)
    {
        var error = Assert.Throws<InvalidDataException>(() => HolidayArrangement.Parse(Valid.Replace(find, replace), "local.json"));
        Assert.StartsWith("local.json: ", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void LocalArrangement_FromAFile_AddsADayOff_WithoutChangingTheNationalCalendar()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pipeline-local-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, Valid);
        try
        {
            var local = WorkingDayCalendar.China.WithFiles(path);
            Assert.False(local.IsWorkingDay(D("2025-03-31")));
            Assert.True(WorkingDayCalendar.China.IsWorkingDay(D("2025-03-31")));
            Assert.Equal(D("2025-04-01"), local.AddWorkingDays(D("2025-03-28"), 1));
            Assert.Equal("测试县", local.Arrangements[^1].Jurisdiction);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Calendar_RefusesGapsAndDuplicateNationalYears()
    {
        var years = WorkingDayCalendar.China.Arrangements;
        Assert.Throws<ArgumentException>(() => new WorkingDayCalendar(years.Where(a => a.Year != 2025)));
        Assert.Throws<ArgumentException>(() => WorkingDayCalendar.China.With([years[0]]));
        Assert.Throws<ArgumentException>(() => new WorkingDayCalendar([]));
    }
}
