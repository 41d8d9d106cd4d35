using System.Text.Json;
using Pipeline.Host.Statistics;

namespace Pipeline.Host.Tests.Statistics;

/// <summary>JZ 附件9 figures from class cases and their follow-up (R-JZ-6): each column, and what is said instead of guessed.</summary>
public sealed class EmploymentStatisticsBuilderTests
{
    private static EmploymentCase Case(string institution, string occupation, string end, int headcount, object vars, params object[] children) => new(
        new StatisticsCase("K", institution, JsonSerializer.Serialize(new { occupation, startDate = "2026-01-05", endDate = end, headcount }), JsonSerializer.Serialize(vars)),
        children.Select(c => JsonSerializer.Serialize(c)).ToList());

    [Fact]
    public void Counts_sessions_trained_completed_and_employment_by_kind_per_institution_R_JZ_6()
    {
        var assessed = new { opened = true, assessment = new { failed = new[] { "学员9" } } };
        var followUp = new
        {
            followUps = new object[]
            {
                new { trainee = "学员1", date = "2026-05-01", reached = true, employed = true, employer = "焦作某公司" },
                new { trainee = "学员1", date = "2026-05-09", reached = true, employed = true, employer = "焦作某公司" }, // twice: once
                new { trainee = "学员2", date = "2026-05-01", reached = true, employed = true },                          // no employer: said
                new { trainee = "学员3", date = "2026-05-01", reached = false, employed = true, employer = "X" },          // not reached
                new { trainee = "学员9", date = "2026-05-01", reached = true, employed = true, employer = "Y" },           // failed: not completed
            },
            startUps = new[] { new { trainee = "学员4", date = "2026-04-20" } },
        };
        var (forms, notes) = EmploymentStatisticsBuilder.Build(2026, new(2026, 1, 1), new(2026, 6, 30), new(2026, 7, 1),
        [
            Case("华信学校", "电工", "2026-03-31", 10, assessed, followUp),
            Case("华信学校", "电工", "2026-06-10", 8, new { opened = true }),                          // no results yet
            Case("华信学校", "电工", "2026-07-10", 8, assessed),                                       // ends after the half
            Case("华信学校", "焊工", "2026-02-28", 5, new { opened = false }),                         // not opened
            Case("博雅学校", "育婴员", "2026-05-20", 6, new { opened = true, assessment = new { failed = Array.Empty<string>() } }),
        ]);

        Assert.Equal(["华信学校", "博雅学校"], forms.Select(f => f.Institution)); // ordinal order
        var electricians = forms[0].Rows.Single();
        Assert.Equal(("电工", 2, 18, 9), (electricians.Occupation, electricians.Sessions, electricians.Trained, electricians.Completed));
        Assert.Equal((1, 1, 0, 2), (electricians.EmployedByUnit, electricians.SelfEmployed, electricians.Flexible, electricians.Employed));
        Assert.Equal(6, forms[1].Rows.Single().Completed);
        Assert.Equal(0, forms[1].Rows.Single().Employed);
        Assert.Contains(notes, n => n.StartsWith("1 个班尚无结业考核结果", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.StartsWith("1 名已就业学员的回访记录未登记工作单位", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.StartsWith("1 个班结业未满半年、尚无回访记录", StringComparison.Ordinal));
    }

    [Fact]
    public void A_class_without_follow_up_six_months_after_its_end_is_said_overdue_R_JZ_6()
    {
        var (_, notes) = EmploymentStatisticsBuilder.Build(2026, new(2026, 1, 1), new(2026, 12, 31), new(2027, 1, 1),
            [Case("华信学校", "电工", "2026-03-31", 10, new { opened = true, assessment = new { failed = Array.Empty<string>() } })]);
        Assert.Contains(notes, n => n.StartsWith("1 个班结业已满半年仍无回访记录", StringComparison.Ordinal));
    }
}
