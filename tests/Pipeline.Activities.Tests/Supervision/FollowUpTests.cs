using System.Text.Json;
using Pipeline.Activities.Packs;
using Pipeline.Activities.Profiles;
using Pipeline.Activities.Supervision.FollowUp;

namespace Pipeline.Activities.Tests.Supervision;

/// <summary>Follow-up after training: R-JZ-6 (within 6 months), R-GL-11 (≥ 10 % reached), R-GL-7 (monthly for 6 months after a start-up).</summary>
public class FollowUpTests
{
    private static readonly ProfileCatalog Profiles = ProfileCatalog.LoadEmbedded();
    private static readonly DateOnly ClassEnd = new(2024, 1, 15);

    private static FollowUpRecord Call(string trainee, DateOnly date, bool reached = true) => new() { Trainee = trainee, Date = date, Reached = reached };

    [Fact]
    public void R_JZ_6_FollowUpDueSixMonthsAfterTheEnd()
    {
        Assert.Equal(new FollowUpDeadline(new DateOnly(2024, 7, 15), "R-JZ-6"), FollowUpSchedule.DueBy(ClassEnd, Profiles.Get("jiaozuo")));
        Assert.Equal(new DateOnly(2025, 2, 28), FollowUpSchedule.DueBy(new DateOnly(2024, 8, 31), Profiles.Get("jiaozuo"))!.DueBy);
        Assert.Null(FollowUpSchedule.DueBy(ClassEnd, Profiles.Get("guilin")));
    }

    [Fact]
    public void R_JZ_6_FollowUpAfterSixMonths_IsLate()
    {
        var report = FollowUpRules.Check(new FollowUpCase(ClassEnd, 10, AsOf: new DateOnly(2024, 9, 1)),
            [Call("学员-01", new DateOnly(2024, 7, 15)), Call("学员-02", new DateOnly(2024, 7, 16))], Profiles.Get("jiaozuo"));
        var late = Assert.Single(report.Findings);
        Assert.Equal(("R-JZ-6", Severities.Error), (late.Rule, late.Severity));
        Assert.Contains("学员「学员-02」的回访 2024-07-16 晚于截止日 2024-07-15", late.Message);
        Assert.Equal((1, null, new DateOnly(2024, 7, 15)), (report.Reached, report.Required, report.DueBy));
    }

    [Fact]
    public void R_GL_11_FollowUpCheck_FewerThanTenPercentReached_IsAFinding()
    {
        DateOnly may = new(2024, 5, 10);
        var records = new[] { Call("学员-01", may), Call("学员-01", may.AddDays(1)), Call("学员-02", may), Call("学员-03", may, reached: false) };
        var report = FollowUpRules.Check(new FollowUpCase(ClassEnd, 30, AsOf: may.AddMonths(1)), records, Profiles.Get("guilin"));
        var finding = Assert.Single(report.Findings);
        Assert.Equal(("R-GL-11", Severities.Error), (finding.Rule, finding.Severity));
        Assert.Equal((3, 2), (report.Required!.Value, report.Reached));
        Assert.Contains("回访接通 2 人，少于规定的 3 人（10% × 30 = 3，向上取整 3", finding.Message);

        var workBased = FollowUpRules.Check(new FollowUpCase(ClassEnd, 30, may.AddMonths(1), WorkBased: true), records, Profiles.Get("guilin"));
        Assert.Equal(9, workBased.Required);
        Assert.Empty(FollowUpRules.Check(new FollowUpCase(ClassEnd, 20, may.AddMonths(1)), records, Profiles.Get("guilin")).Findings);
    }

    [Fact]
    public void R_JZ_6_ShortSampleBeforeTheDeadline_IsOnlyAWarning_AndCallsBeforeTheEndDoNotCount()
    {
        var records = new[] { Call("学员-01", new DateOnly(2024, 1, 10)), Call("学员-02", new DateOnly(2024, 3, 1)) };
        var open = FollowUpRules.Check(new FollowUpCase(ClassEnd, 30, new DateOnly(2024, 4, 1), Rate: 10), records, Profiles.Get("jiaozuo"));
        Assert.Equal((3, 1), (open.Required!.Value, open.Reached));
        Assert.Contains(open.Findings, f => f is { Rule: "R-JZ-6", Severity: Severities.Warning } && f.Message.Contains("尚可补访"));
        Assert.Contains(open.Findings, f => f.Severity == Severities.Warning && f.Message.Contains("早于培训结束"));
        var closed = FollowUpRules.Check(new FollowUpCase(ClassEnd, 30, new DateOnly(2024, 8, 1), Rate: 10), records, Profiles.Get("jiaozuo"));
        Assert.Contains(closed.Findings, f => f is { Rule: "R-JZ-6", Severity: Severities.Error } && f.Message.Contains("少于规定的 3 人"));
    }

    [Fact]
    public void R_GL_7_StartUp_MonthlyForSixMonths()
    {
        var guilin = Profiles.Get("guilin");
        var start = new DateOnly(2024, 1, 31);
        var months = FollowUpSchedule.StartUpContacts(start, guilin);
        Assert.Equal(
            [new DateOnly(2024, 2, 28), new DateOnly(2024, 3, 30), new DateOnly(2024, 4, 29), new DateOnly(2024, 5, 30), new DateOnly(2024, 6, 29), new DateOnly(2024, 7, 30)],
            months.Select(m => m.DueBy));
        Assert.Equal(new DateOnly(2024, 2, 29), months[1].From); // contiguous: month 2 starts the day after month 1 ends
        Assert.All(months, m => Assert.Equal("R-GL-7", m.Rule));
        Assert.Empty(FollowUpSchedule.StartUpContacts(start, Profiles.Get("jiaozuo")));

        // Contacts in months 1, 2 and 4; month 3 missed; month 5 not over on the day of the check; an unanswered call is no contact.
        var records = new[]
        {
            Call("学员-07", new DateOnly(2024, 2, 10)), Call("学员-07", new DateOnly(2024, 3, 30)),
            Call("学员-07", new DateOnly(2024, 4, 10), reached: false), Call("学员-07", new DateOnly(2024, 5, 1)),
        };
        var report = FollowUpRules.Check(new FollowUpCase(new DateOnly(2024, 1, 20), 20, new DateOnly(2024, 5, 31), StartUps: [new StartUp("学员-07", start)]),
            records, guilin);
        var missed = Assert.Single(report.Findings, f => f.Rule == "R-GL-7");
        Assert.Contains("创业后第 3 个月（2024-03-31 至 2024-04-29）没有跟踪服务记录", missed.Message);
        Assert.Equal([true, true, false, true, false, false], report.StartUpMonths.Select(m => m.Contacted));
    }

    [Fact]
    public async Task The_follow_up_check_activity_binds_camel_case_JSON()
    {
        var input = JsonSerializer.Deserialize<CheckFollowUpInput>("""
            { "profile": "jiaozuo", "classEnd": "2024-01-15", "traineeCount": 10, "asOf": "2024-09-01",
              "records": [ { "trainee": "学员-01", "date": "2024-03-02", "reached": true, "employed": true, "employer": "某某家政公司",
                             "sector": "家政服务", "incomeBand": "2000-4000元", "opinion": "课程实用" },
                           { "trainee": "学员-02", "date": "2024-08-02", "reached": true } ],
              "startUps": [ { "trainee": "学员-01", "date": "2024-02-01" } ] }
            """, JsonSerializerOptions.Web)!;
        var done = await new CheckFollowUpActivity(Profiles).ExecuteAsync(input, null, CancellationToken.None);
        Assert.Equal(CheckFollowUpActivity.Incomplete, done.Outcome);
        Assert.Equal((1, 1, new DateOnly(2024, 7, 15)), (done.Output.Errors, done.Output.Reached, done.Output.DueBy));
        Assert.Contains("\"dueBy\":\"2024-07-15\"", JsonSerializer.Serialize(done.Output, JsonSerializerOptions.Web));

        var onTime = input with { Records = [input.Records[0]] };
        Assert.Equal(CheckFollowUpActivity.Complete, (await new CheckFollowUpActivity(Profiles).ExecuteAsync(onTime, null, CancellationToken.None)).Outcome);
    }
}
