using Pipeline.Workflows.Expressions;
using static Pipeline.Workflows.Tests.Expressions.Feel;

namespace Pipeline.Workflows.Tests.Expressions;

/// <summary>Arithmetic and comparison of dates, times and durations (DMN 1.5 §10.3.2.15).</summary>
public class TemporalArithmeticTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    [Theory]
    [InlineData("date(\"2025-09-30\") + duration(\"P1D\")", "2025-10-01")]
    [InlineData("duration(\"P1D\") + date(\"2025-09-30\")", "2025-10-01")]
    [InlineData("date(\"2025-10-01\") - duration(\"P1D\")", "2025-09-30")]
    [InlineData("date(\"2025-10-01\") + duration(\"PT25H\")", "2025-10-02")]
    [InlineData("date(\"2025-10-01\") - duration(\"PT1H\")", "2025-09-30")]
    [InlineData("date(\"2025-01-31\") + duration(\"P1M\")", "2025-02-28")]
    [InlineData("date(\"2024-02-29\") + duration(\"P1Y\")", "2025-02-28")]
    [InlineData("date(\"2025-10-01\") - duration(\"P1Y2M\")", "2024-08-01")]
    [InlineData("@\"2025-10-01\" + @\"P2W\"", "2025-10-15")]
    public void Date_PlusOrMinusDuration_IsADate(string text, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Eval(text));

    [Fact]
    public void DateAndTime_PlusOrMinusDuration_KeepsItsOffset()
    {
        Assert.Equal(new DateTimeOffset(2025, 10, 1, 11, 30, 0, China), Eval("date and time(\"2025-10-01T09:00:00\") + duration(\"PT2H30M\")"));
        Assert.Equal(new DateTimeOffset(2025, 11, 1, 9, 0, 0, China), Eval("date and time(\"2025-10-01T09:00:00\") + duration(\"P1M\")"));
        var utc = (DateTimeOffset)Eval("date and time(\"2025-10-01T09:00:00Z\") - duration(\"P1D\")")!;
        Assert.Equal(TimeSpan.Zero, utc.Offset);
        Assert.Equal(30, utc.Day);
    }

    [Theory]
    [InlineData("date(\"2025-10-08\") - date(\"2025-10-01\")", 7, 0)]
    [InlineData("date(\"2025-10-01\") - date(\"2025-10-08\")", -7, 0)]
    [InlineData("date and time(\"2025-10-01T12:00:00\") - date and time(\"2025-10-01T02:00:00Z\")", 0, 2)]
    [InlineData("time(\"10:00:00\") - time(\"08:00:00\")", 0, 2)]
    [InlineData("duration(\"P1D\") + duration(\"PT2H\")", 1, 2)]
    [InlineData("duration(\"P1D\") - duration(\"PT2H\")", 0, 22)]
    [InlineData("duration(\"PT3H\") * 2", 0, 6)]
    [InlineData("2 * duration(\"PT3H\")", 0, 6)]
    [InlineData("duration(\"P1D\") / 4", 0, 6)]
    [InlineData("-duration(\"P1D\")", -1, 0)]
    public void Differences_AndDurationArithmetic_AreDaysAndTimeDurations(string text, int days, int hours) =>
        Assert.Equal(new TimeSpan(days, hours, 0, 0), Eval(text));

    [Theory]
    [InlineData("duration(\"P1Y\") + duration(\"P2M\")", 14)]
    [InlineData("duration(\"P1Y\") - duration(\"P2M\")", 10)]
    [InlineData("duration(\"P5M\") * 2.5", 12)]
    [InlineData("duration(\"P1Y\") / 5", 2)]
    [InlineData("-duration(\"P1Y\")", -12)]
    public void YearsAndMonthsArithmetic_CountsWholeMonths(string text, int months) =>
        Assert.Equal(new YearMonthDuration(months), Eval(text));

    [Fact]
    public void DurationDividedByDuration_IsANumber()
    {
        Assert.Equal(3m, Eval("duration(\"P3D\") / duration(\"P1D\")"));
        Assert.Equal(1.5m, Eval("duration(\"P3M\") / duration(\"P2M\")"));
    }

    [Fact]
    public void Time_PlusDuration_WrapsAroundMidnight() =>
        Assert.Equal(new TimeOnly(1, 0), Eval("time(\"23:00:00\") + duration(\"PT2H\")"));

    [Theory]
    [InlineData("date(\"2025-10-01\") < date(\"2025-10-08\")", true)]
    [InlineData("date(\"2025-10-01\") >= date(\"2025-10-08\")", false)]
    [InlineData("date(\"2025-10-01\") = @\"2025-10-01\"", true)]
    [InlineData("date(\"2025-10-01\") != date(\"2025-10-02\")", true)]
    [InlineData("date and time(\"2025-10-01T10:00:00\") = date and time(\"2025-10-01T02:00:00Z\")", true)]
    [InlineData("date and time(\"2025-10-01T10:00:00\") < date and time(\"2025-10-01T03:00:00Z\")", true)]
    [InlineData("time(\"09:00:00\") < time(\"17:30:00\")", true)]
    [InlineData("duration(\"P1D\") = duration(\"PT24H\")", true)]
    [InlineData("duration(\"P1D\") > duration(\"PT23H\")", true)]
    [InlineData("duration(\"P1Y\") = duration(\"P12M\")", true)]
    [InlineData("date(\"2025-10-05\") between date(\"2025-10-01\") and date(\"2025-10-08\")", true)]
    [InlineData("date(\"2025-10-09\") in [date(\"2025-10-01\")..date(\"2025-10-08\")]", false)]
    [InlineData("date(\"2025-10-08\") in (date(\"2025-10-01\")..date(\"2025-10-08\")]", true)]
    [InlineData("date(\"2025-10-08\") in [date(\"2025-10-01\")..date(\"2025-10-08\"))", false)]
    [InlineData("duration(\"PT2H\") in (< duration(\"PT3H\"))", true)]
    [InlineData("date(\"2025-10-01\") in [date(\"2025-09-30\"), date(\"2025-10-01\")]", true)]
    [InlineData("list contains([date(\"2025-10-01\")], date(\"2025-10-01\"))", true)]
    [InlineData("[date(\"2025-10-01\")] = [date(\"2025-10-01\")]", true)]
    public void Comparisons_OfSameTypedTemporalValues(string text, bool expected) => Assert.Equal(expected, Eval(text));

    [Fact]
    public void MinAndMax_OrderDates() =>
        Assert.Equal(new DateOnly(2025, 9, 28), Eval("min(date(\"2025-10-01\"), date(\"2025-09-28\"))"));

    [Theory]
    [InlineData("date(\"2025-10-01\") < 3", "cannot compare date(\"2025-10-01\") with number 3 using <")]
    [InlineData("date(\"2025-10-01\") = date and time(\"2025-10-01T00:00:00\")", "cannot compare date(\"2025-10-01\") with date and time(\"2025-10-01T00:00:00+08:00\") using =")]
    [InlineData("duration(\"P1D\") < duration(\"P1M\")", "cannot compare duration(\"P1D\") with duration(\"P1M\") using <")]
    [InlineData("date(\"2025-10-01\") + 1", "cannot apply + to date(\"2025-10-01\") and number 1: dates and times take a duration such as duration(\"P1D\"); for working days use addWorkingDays()")]
    [InlineData("date(\"2025-10-01\") + date(\"2025-10-01\")", "cannot apply + to date(\"2025-10-01\") and date(\"2025-10-01\")")]
    [InlineData("duration(\"P1D\") + duration(\"P1M\")", "cannot apply + to duration(\"P1D\") and duration(\"P1M\")")]
    [InlineData("duration(\"P1D\") / 0", "division by zero: duration(\"P1D\") / number 0")]
    [InlineData("date(\"9999-12-31\") + duration(\"P1D\")", "outside the supported range")]
    public void MixedTypes_AndOverflow_AreReadableErrors(string text, string reason) =>
        Assert.Contains(reason, EvalError(text).Reason);

    [Theory]
    [InlineData("date(\"2025-10-01\") + null")]
    [InlineData("missing - duration(\"P1D\")")]
    [InlineData("date(\"2025-10-01\") < null")]
    public void NullOperands_Propagate(string text) => Assert.Null(Eval(text));

    [Fact]
    public void DateVariables_FromClrValues_TakePartInArithmetic()
    {
        var vars = Vars(("submitted", new DateOnly(2025, 9, 30)), ("window", TimeSpan.FromDays(5)));
        Assert.True(Condition("submitted + window > date(\"2025-10-04\")", vars));
    }
}
