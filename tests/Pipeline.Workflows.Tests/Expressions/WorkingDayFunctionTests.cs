using Pipeline.Workflows.Calendar;
using Pipeline.Workflows.Expressions;
using static Pipeline.Workflows.Tests.Expressions.Feel;

namespace Pipeline.Workflows.Tests.Expressions;

/// <summary><c>addWorkingDays</c>, <c>workingDaysBetween</c> and <c>isWorkingDay</c> over the national calendar.</summary>
public class WorkingDayFunctionTests
{
    [Theory]
    [InlineData("addWorkingDays(date(\"2025-09-30\"), 1)", "2025-10-09")]
    [InlineData("addWorkingDays(date(\"2025-09-26\"), 10)", "2025-10-16")]
    [InlineData("addWorkingDays(date(\"2025-10-09\"), -3)", "2025-09-28")]
    [InlineData("addWorkingDays(date(\"2025-10-01\"), 0)", "2025-10-01")]
    [InlineData("addWorkingDays(date and time(\"2025-09-30T23:30:00\"), 1)", "2025-10-09")]
    [InlineData("addWorkingDays(date and time(\"2025-09-30T17:00:00Z\"), 1)", "2025-10-09")] // 01:00 on 10-01 in China
    [InlineData("addWorkingDays(date(\"2024-02-08\"), 2)", "2024-02-18")]
    public void AddWorkingDays_SkipsHolidays_AndCountsSwappedWeekends(string text, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Eval(text));

    [Theory]
    [InlineData("workingDaysBetween(date(\"2025-09-30\"), date(\"2025-10-09\"))", 1)]
    [InlineData("workingDaysBetween(date(\"2025-10-09\"), date(\"2025-09-30\"))", -1)]
    [InlineData("workingDaysBetween(date(\"2025-09-26\"), addWorkingDays(date(\"2025-09-26\"), 10))", 10)]
    public void WorkingDaysBetween_IsANumber(string text, int expected) => Assert.Equal((decimal)expected, Eval(text));

    [Theory]
    [InlineData("isWorkingDay(date(\"2025-09-28\"))", true)]
    [InlineData("isWorkingDay(date(\"2025-10-08\"))", false)]
    [InlineData("addWorkingDays(date(\"2025-09-30\"), 3) < date(\"2025-10-14\")", true)]
    public void WorkingDayConditions(string text, bool expected) => Assert.Equal(expected, Condition(text));

    [Fact]
    public void OutOfRange_IsAnEvaluationError_NamingTheCoveredYears()
    {
        var error = EvalError("addWorkingDays(date(\"2030-01-02\"), 5)");
        Assert.Equal("addWorkingDays(): 2030-01-02 is outside the working-day calendar (it covers 2024-01-01 to 2027-12-31)", error.Reason);
        Assert.Contains("working days after 2027-12-01", EvalError("addWorkingDays(date(\"2027-12-01\"), 60)").Reason);
        Assert.Contains("2023-06-01 is outside", EvalError("workingDaysBetween(date(\"2023-06-01\"), date(\"2025-01-01\"))").Reason);
    }

    [Theory]
    [InlineData("addWorkingDays(\"2025-09-30\", 1)", "addWorkingDays() expects a date or a date and time but got string \"2025-09-30\"; convert text with date(\"yyyy-MM-dd\")")]
    [InlineData("addWorkingDays(date(\"2025-09-30\"), 1.5)", "addWorkingDays() expects a whole number of working days but got 1.5")]
    [InlineData("addWorkingDays(date(\"2025-09-30\"), \"1\")", "addWorkingDays() expects a number of working days as its second argument but got string \"1\"")]
    public void WrongArguments_AreReadableErrors(string text, string reason) => Assert.Equal(reason, EvalError(text).Reason);

    [Theory]
    [InlineData("addWorkingDays(null, 1)")]
    [InlineData("addWorkingDays(date(\"2025-09-30\"), missing)")]
    [InlineData("workingDaysBetween(null, date(\"2025-09-30\"))")]
    public void NullArguments_GiveNull(string text) => Assert.Null(Eval(text));

    [Fact]
    public void TimerStyleDeadline_FromToday_UsesTheContextClock()
    {
        var context = new FeelEvaluationContext { Clock = new FixedClock(new DateTimeOffset(2025, 9, 26, 10, 0, 0, TimeSpan.FromHours(8))) };
        Assert.Equal(new DateOnly(2025, 10, 16), FeelExpression.Parse("=addWorkingDays(today(), 10)").Evaluate(NoVariables, context));
    }

    [Fact]
    public void ContextCalendar_ReplacesTheNationalOne()
    {
        var local = HolidayArrangement.Parse("""
            { "year": 2025, "status": "official", "jurisdiction": "测试县",
              "source": { "title": "测试", "documentNumber": "测〔2025〕1号", "published": "2025-01-10" },
              "holidays": [ { "name": "地方节", "first": "2025-10-09", "last": "2025-10-09" } ] }
            """, "test");
        var context = new FeelEvaluationContext { Calendar = WorkingDayCalendar.China.With([local]) };
        Assert.Equal(new DateOnly(2025, 10, 10), FeelExpression.Parse("addWorkingDays(date(\"2025-09-30\"), 1)").Evaluate(NoVariables, context));
    }
}
