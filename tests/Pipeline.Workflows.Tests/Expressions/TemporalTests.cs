using Pipeline.Workflows.Expressions;
using static Pipeline.Workflows.Tests.Expressions.Feel;

namespace Pipeline.Workflows.Tests.Expressions;

/// <summary>Temporal values: constructors, literals, properties and printing (DMN 1.5 §10.3.2.3, §10.3.4.7).</summary>
public class TemporalTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    [Fact]
    public void Date_FromTextOrParts_IsADateOnly()
    {
        Assert.Equal(new DateOnly(2025, 10, 1), Eval("date(\"2025-10-01\")"));
        Assert.Equal(new DateOnly(2025, 10, 1), Eval("date(2025, 10, 1)"));
        Assert.Equal(new DateOnly(2025, 10, 1), Eval("date(date and time(\"2025-10-01T23:30:00\"))"));
        Assert.Equal(new DateOnly(2024, 2, 29), Eval("@\"2024-02-29\""));
    }

    [Fact]
    public void DateAndTime_WithoutOffset_IsChinaStandardTime()
    {
        Assert.Equal(new DateTimeOffset(2025, 10, 1, 9, 30, 0, China), Eval("date and time(\"2025-10-01T09:30:00\")"));
        Assert.Equal(TimeSpan.FromHours(8), ((DateTimeOffset)Eval("date and time(\"2025-10-01T09:30:00\")")!).Offset);
        Assert.Equal(new DateTimeOffset(2025, 10, 1, 0, 0, 0, China), Eval("date and time(\"2025-10-01\")"));
        Assert.Equal(new DateTimeOffset(2025, 10, 1, 9, 0, 0, China), Eval("date and time(date(\"2025-10-01\"), time(\"09:00:00\"))"));
    }

    [Fact]
    public void DateAndTime_WithOffsetOrZone_KeepsIt()
    {
        var utc = (DateTimeOffset)Eval("date and time(\"2025-10-01T01:30:00Z\")")!;
        Assert.Equal(TimeSpan.Zero, utc.Offset);
        Assert.Equal(new DateTimeOffset(2025, 10, 1, 1, 30, 0, TimeSpan.Zero), utc);
        var plus2 = (DateTimeOffset)Eval("@\"2025-10-01T10:00:00.25+02:00\"")!;
        Assert.Equal(TimeSpan.FromHours(2), plus2.Offset);
        Assert.Equal(250, plus2.Millisecond);
        if (TimeZoneInfo.TryFindSystemTimeZoneById("Asia/Shanghai", out _))
            Assert.Equal(China, ((DateTimeOffset)Eval("date and time(\"2025-10-01T10:00:00@Asia/Shanghai\")")!).Offset);
    }

    [Fact]
    public void Time_FromTextOrParts_IsATimeOnly()
    {
        Assert.Equal(new TimeOnly(9, 30), Eval("time(\"09:30:00\")"));
        Assert.Equal(new TimeOnly(9, 30, 15, 500), Eval("time(9, 30, 15.5)"));
        Assert.Equal(new TimeOnly(23, 30), Eval("time(date and time(\"2025-10-01T23:30:00\"))"));
    }

    [Theory]
    [InlineData("duration(\"P3D\")", 3, 0, 0, 0)]
    [InlineData("duration(\"PT2H\")", 0, 2, 0, 0)]
    [InlineData("duration(\"P1DT2H30M5S\")", 1, 2, 30, 5)]
    [InlineData("duration(\"-P1D\")", -1, 0, 0, 0)]
    [InlineData("duration(\"P2W\")", 14, 0, 0, 0)]
    [InlineData("@\"PT90M\"", 0, 1, 30, 0)]
    public void Duration_DaysAndTime_IsATimeSpan(string text, int days, int hours, int minutes, int seconds) =>
        Assert.Equal(new TimeSpan(days, hours, minutes, seconds), Eval(text));

    [Theory]
    [InlineData("duration(\"P1Y2M\")", 14)]
    [InlineData("duration(\"P2Y\")", 24)]
    [InlineData("duration(\"-P3M\")", -3)]
    [InlineData("years and months duration(date(\"2011-12-22\"), date(\"2013-08-24\"))", 20)]
    [InlineData("years and months duration(date(\"2011-12-22\"), date(\"2013-08-21\"))", 19)]
    [InlineData("years and months duration(date(\"2013-08-24\"), date(\"2011-12-22\"))", -20)]
    [InlineData("years and months duration(date and time(\"2025-01-31T10:00:00\"), date(\"2025-02-28\"))", 0)]
    public void Duration_YearsAndMonths_IsAYearMonthDuration(string text, int months) =>
        Assert.Equal(new YearMonthDuration(months), Eval(text));

    [Theory]
    [InlineData("date(\"2025-13-01\")", "date(): \"2025-13-01\" is not a date: expected yyyy-MM-dd")]
    [InlineData("date(\"1.10.2025\")", "is not a date")]
    [InlineData("date(2025, 2, 29)", "date(2025, 2, 29) is not a valid date")]
    [InlineData("date(2025.5, 2, 1)", "expects a whole number as year")]
    [InlineData("date(3)", "date() expects a string, a date or a date and time but got number 3")]
    [InlineData("time(\"25:00:00\")", "is not a time")]
    [InlineData("time(\"10:00:00+08:00\")", "offset or time zone, which is not supported")]
    [InlineData("date and time(\"2025-10-01 09:00\")", "is not a date and time")]
    [InlineData("date and time(\"2025-10-01T09:00:00@Mars/Olympus\")", "unknown time zone 'Mars/Olympus'")]
    [InlineData("duration(\"P1Y2D\")", "mixes years or months with weeks, days or time")]
    [InlineData("duration(\"3 days\")", "is not a duration")]
    [InlineData("duration(\"PT\")", "is not a duration")]
    public void InvalidText_IsAReadableEvaluationError(string text, string reason) =>
        Assert.Contains(reason, EvalError(text).Reason);

    [Fact]
    public void InvalidTemporalLiteral_IsASyntaxError() =>
        Assert.Contains("is not a date", SyntaxError("@\"2025-02-30\"").Message);

    [Theory]
    [InlineData("date(null)")]
    [InlineData("date(2025, null, 1)")]
    [InlineData("duration(missing)")]
    [InlineData("day of week(null)")]
    [InlineData("date and time(date(\"2025-10-01\"), null)")]
    public void NullArguments_GiveNull(string text) => Assert.Null(Eval(text));

    [Theory]
    [InlineData("day of week(date(\"2025-10-01\"))", "Wednesday")]
    [InlineData("day of week(date and time(\"2025-10-05T23:00:00\"))", "Sunday")]
    [InlineData("month of year(date(\"2025-10-01\"))", "October")]
    [InlineData("string(date(\"2025-10-01\"))", "2025-10-01")]
    [InlineData("string(date and time(\"2025-10-01T09:30:00\"))", "2025-10-01T09:30:00+08:00")]
    [InlineData("string(date and time(\"2025-10-01T09:30:00.5Z\"))", "2025-10-01T09:30:00.5Z")]
    [InlineData("string(time(\"09:30:00\"))", "09:30:00")]
    [InlineData("string(duration(\"P1DT2H\"))", "P1DT2H")]
    [InlineData("string(duration(\"PT36H\"))", "P1DT12H")]
    [InlineData("string(duration(\"-PT0.5S\"))", "-PT0.5S")]
    [InlineData("string(duration(\"PT0S\"))", "PT0S")]
    [InlineData("string(duration(\"P14M\"))", "P1Y2M")]
    [InlineData("string(duration(\"P0Y\"))", "P0M")]
    [InlineData("string([date(\"2025-10-01\"), duration(\"P3D\")])", "[date(\"2025-10-01\"), duration(\"P3D\")]")]
    [InlineData("string({due: date and time(\"2025-10-01T09:00:00\")})", "{due: date and time(\"2025-10-01T09:00:00+08:00\")}")]
    [InlineData("string(time(\"09:00:00\"))", "09:00:00")]
    public void Strings_AreIsoForms_NestedValuesAreFeelLiterals(string text, string expected) => Assert.Equal(expected, Eval(text));

    [Theory]
    [InlineData("date(\"2025-10-01\").year", 2025)]
    [InlineData("date(\"2025-10-01\").month", 10)]
    [InlineData("date(\"2025-10-01\").day", 1)]
    [InlineData("date(\"2025-10-01\").weekday", 3)]
    [InlineData("date(\"2025-10-05\").weekday", 7)]
    [InlineData("date and time(\"2025-10-01T09:30:15\").hour", 9)]
    [InlineData("date and time(\"2025-10-01T09:30:15\").minute", 30)]
    [InlineData("date and time(\"2025-10-01T09:30:15\").second", 15)]
    [InlineData("time(\"09:30:15\").minute", 30)]
    [InlineData("duration(\"P1DT2H30M\").days", 1)]
    [InlineData("duration(\"P1DT2H30M\").hours", 2)]
    [InlineData("duration(\"P1DT2H30M\").minutes", 30)]
    [InlineData("duration(\"P1Y2M\").years", 1)]
    [InlineData("duration(\"P1Y2M\").months", 2)]
    [InlineData("day of year(date(\"2025-02-01\"))", 32)]
    [InlineData("week of year(date(\"2025-10-01\"))", 40)]
    public void Properties_AreNumbers(string text, int expected) => Assert.Equal((decimal)expected, Eval(text));

    [Fact]
    public void TimeOffset_IsADuration_ReadWithBackTicks() =>
        Assert.Equal(TimeSpan.FromHours(8), Eval("date and time(\"2025-10-01T09:30:00\").`time offset`"));

    [Fact]
    public void UnknownProperty_NamesTheAvailableOnes() =>
        Assert.Equal("date(\"2025-10-01\") has no property 'years'; a date has year, month, day and weekday",
            EvalError("date(\"2025-10-01\").years").Reason);

    [Theory]
    [InlineData("is defined(d.year)", true)]
    [InlineData("is defined(d.years)", false)]
    public void IsDefined_KnowsTemporalProperties(string text, bool expected) =>
        Assert.Equal(expected, Eval(text, Vars(("d", new DateOnly(2025, 10, 1)))));

    [Fact]
    public void PropertyOfADateVariable_Works() =>
        Assert.Equal(2025m, Eval("submitted.year", Vars(("submitted", new DateOnly(2025, 9, 30)))));

    [Fact]
    public void NowAndToday_ReadTheContextClock_InChinaStandardTime()
    {
        var context = new FeelEvaluationContext { Clock = new FixedClock(new DateTimeOffset(2025, 9, 30, 20, 0, 0, TimeSpan.Zero)) };
        Assert.Equal(new DateOnly(2025, 10, 1), FeelExpression.Parse("today()").Evaluate(NoVariables, context));
        var now = (DateTimeOffset)FeelExpression.Parse("now()").Evaluate(NoVariables, context)!;
        Assert.Equal(new DateTimeOffset(2025, 10, 1, 4, 0, 0, China), now);
        Assert.Equal(China, now.Offset);
    }

    [Fact]
    public void Now_WithoutContext_IsTheSystemClock()
    {
        var now = (DateTimeOffset)Eval("now()")!;
        Assert.InRange(now, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Theory]
    [InlineData("date and time", "date and time(\"2025-10-01\")")]
    [InlineData("years and months duration", "years and months duration(date(\"2025-01-01\"), date(\"2025-03-01\"))")]
    public void NamesWithAnd_AreFunctionNames_BeforeParentheses(string _, string text) => Assert.NotNull(Eval(text));

    [Fact]
    public void AndBetweenNames_IsStillTheOperator()
    {
        Assert.Equal(true, Eval("date and time", Vars(("date", true), ("time", true))));
        Assert.Equal(false, Eval("date and not(time)", Vars(("date", true), ("time", true))));
        Assert.Equal(1m, Eval("date", Vars(("date", 1))));
    }

    [Theory]
    [InlineData("date(\"2025-10-01\", 1)", "function 'date' takes 1 or 3 arguments but was given 2")]
    [InlineData("today(1)", "function 'today' takes 0 arguments but was given 1")]
    [InlineData("@2025", "expected a string after '@'")]
    public void WrongArityOrBadLiteral_IsASyntaxError(string text, string reason) => Assert.StartsWith(reason, SyntaxError(text).Reason);
}
