using System.Text.Json;
using Pipeline.Activities.Packs;
using Pipeline.Activities.Profiles;
using Pipeline.Activities.Supervision.Inspections;

namespace Pipeline.Activities.Tests.Supervision;

/// <summary>Inspection records against R-GL-9 (1–2 checks, groups of 2, both sides sign), R-GL-10 (items), R-YN-9b (≥ 2 checks, ≥ 5 phoned).</summary>
public class InspectionTests
{
    private static readonly ProfileCatalog Profiles = ProfileCatalog.LoadEmbedded();

    private static readonly InspectionItems AllOk = new()
    {
        SyllabusFollowed = new(true), ProgressMatchesPlan = new(true), TeacherPrepared = new(true),
        Attendance = new(true, Expected: 30, Present: 29), PracticalHoursMet = new(true),
    };

    private static InspectionRecord Complete(DateOnly date, int phoned = 0) => new()
    {
        Date = date, Inspectors = ["李明", "王芳"], Leader = "李明", Items = AllOk,
        PhoneChecks = Enumerable.Range(1, phoned).Select(i => new PhoneCheck($"学员-{i:00}", true, "在训")).ToList(),
        ConfirmedByInstitution = "赵校长", ConfirmedByInspectors = true,
    };

    private static readonly DateOnly March5 = new(2024, 3, 5), March12 = new(2024, 3, 12), March19 = new(2024, 3, 19);

    private static IReadOnlyList<Finding> Check(string profile, params InspectionRecord[] records) => InspectionRules.Check(records, Profiles.Get(profile));

    [Fact]
    public void R_YN_9b_OneInspection_IsInsufficient()
    {
        var finding = Assert.Single(Check("yunnan", Complete(March5, phoned: 5)));
        Assert.Equal(("R-YN-9b", Severities.Error), (finding.Rule, finding.Severity));
        Assert.Contains("本班检查 1 次，每期至少须检查 2 次", finding.Message);
        // Qujing is in Yunnan: the same rule holds there.
        Assert.Contains(Check("qujing", Complete(March5)), f => f.Rule == "R-YN-9b");
    }

    [Fact]
    public void R_YN_9b_TwoCompleteInspections_AreSufficient() =>
        Assert.Empty(Check("yunnan", Complete(March5, phoned: 5), Complete(March12)));

    [Fact]
    public void R_YN_9b_PhoneCheckOfFourTrainees_IsTooFew()
    {
        var record = Complete(March5, phoned: 4) with
        {
            PhoneChecks = [.. Complete(March5, phoned: 4).PhoneChecks, new PhoneCheck("学员-09", Reached: false)],
        };
        var finding = Assert.Single(Check("yunnan", record, Complete(March12)));
        Assert.Equal("R-YN-9b", finding.Rule);
        Assert.Contains("电话抽查接通 4 人（拨打 5 次），每班次抽查人数不少于 5 人", finding.Message);
    }

    [Fact]
    public void R_GL_9_InspectionWithOneInspector_IsRefused()
    {
        var findings = Check("guilin", Complete(March5) with { Inspectors = ["李明", "李明 "] });
        var finding = Assert.Single(findings, f => f.Severity == Severities.Error);
        Assert.Equal("R-GL-9", finding.Rule);
        Assert.Contains("检查人员 1 名（李明），每组须 2 名", finding.Message);
    }

    [Fact]
    public void R_GL_9_OneOrTwoInspections_AreSufficient_AndThreeExceedTheMaximum()
    {
        Assert.Empty(Check("guilin", Complete(March5)));
        Assert.Empty(Check("guilin", Complete(March5), Complete(March12)));
        var three = Assert.Single(Check("guilin", Complete(March5), Complete(March12), Complete(March19)));
        Assert.Equal(("R-GL-9", Severities.Warning), (three.Rule, three.Severity));
        Assert.Contains(Check("guilin"), f => f is { Rule: "R-GL-9", Severity: Severities.Error } && f.Message.Contains("本班检查 0 次"));
    }

    [Fact]
    public void R_GL_9_RecordNotConfirmedByBothSides_IsAFinding()
    {
        var findings = Check("guilin", Complete(March5) with { ConfirmedByInstitution = " ", ConfirmedByInspectors = false });
        Assert.Equal(2, findings.Count(f => f is { Rule: "R-GL-9", Severity: Severities.Error }));
        Assert.Contains(findings, f => f.Message.Contains("没有培训机构现场负责人签字确认"));
        Assert.Contains(findings, f => f.Message.Contains("没有检查人员签字确认"));
        // YN §十四: the record is signed by the institution's on-site head.
        Assert.Contains(Check("yunnan", Complete(March5) with { ConfirmedByInstitution = null }, Complete(March12)),
            f => f.Rule == "R-YN-9b" && f.Message.Contains("现场负责人"));
    }

    [Fact]
    public void R_GL_9_GroupWithoutALeaderFromTheGroup_IsAWarning() =>
        Assert.Contains(Check("guilin", Complete(March5) with { Leader = "张局长" }),
            f => f is { Rule: "R-GL-9", Severity: Severities.Warning } && f.Message.Contains("组长"));

    [Fact]
    public void R_GL_10_UnansweredItem_IsAFinding()
    {
        var items = AllOk with { ProgressMatchesPlan = null, PracticalHoursMet = new(null, "未检查") };
        var findings = Check("guilin", Complete(March5) with { Items = items });
        Assert.Equal(2, findings.Count(f => f is { Rule: "R-GL-10", Severity: Severities.Error }));
        Assert.Contains(findings, f => f.Message.Contains("「教学进度与教学计划一致」一项未填写"));
        Assert.Contains(findings, f => f.Message.Contains("「实训实操课时符合规定」一项未填写"));
    }

    [Fact]
    public void R_GL_10_ItemFoundWanting_IsAWarningWithTheInspectorsNote()
    {
        var findings = Check("guilin", Complete(March5) with { Items = AllOk with { TeacherPrepared = new(false, "未见教案") } });
        var finding = Assert.Single(findings);
        Assert.Equal(("R-GL-10", Severities.Warning), (finding.Rule, finding.Severity));
        Assert.Contains("发现「教师备课授课」不符合要求：未见教案", finding.Message);
    }

    [Fact]
    public void A_jurisdiction_without_inspection_rules_has_nothing_to_check() =>
        Assert.Empty(Check("jiaozuo", Complete(March5) with { Inspectors = [], Items = new() }));

    [Fact]
    public async Task The_inspection_check_activity_binds_camel_case_JSON_and_ends_insufficient()
    {
        var input = JsonSerializer.Deserialize<CheckInspectionsInput>("""
            { "profile": "guilin",
              "inspections": [ { "date": "2024-03-05", "inspectors": ["李明"], "leader": "李明",
                "items": { "syllabusFollowed": { "ok": true }, "progressMatchesPlan": { "ok": true }, "teacherPrepared": { "ok": true },
                           "attendance": { "ok": true, "expected": 30, "present": 28 }, "practicalHoursMet": { "ok": true } },
                "phoneChecks": [ { "trainee": "学员-03", "reached": true, "result": "在训" } ],
                "confirmedByInstitution": "赵校长", "confirmedByInspectors": true } ] }
            """, JsonSerializerOptions.Web)!;
        Assert.Equal(28, input.Inspections[0].Items.Attendance!.Present);

        var done = await new CheckInspectionsActivity(Profiles).ExecuteAsync(input, null, CancellationToken.None);

        Assert.Equal(CheckInspectionsActivity.Insufficient, done.Outcome);
        Assert.Equal((1, 1), (done.Output.Count, done.Output.Errors));
        Assert.Contains("\"rule\":\"R-GL-9\"", JsonSerializer.Serialize(done.Output, JsonSerializerOptions.Web));

        var nulls = JsonSerializer.Deserialize<CheckInspectionsInput>(
            """{ "profile": "yunnan", "inspections": [ { "date": "2024-03-05", "inspectors": null, "items": null, "phoneChecks": null } ] }""",
            JsonSerializerOptions.Web)!;
        var incomplete = await new CheckInspectionsActivity(Profiles).ExecuteAsync(nulls, null, CancellationToken.None);
        Assert.Contains(incomplete.Output.Findings, f => f.Rule == "R-GL-10" && f.Message.Contains("未填写"));
        Assert.Contains(incomplete.Output.Findings, f => f.Rule == "R-YN-9b" && f.Message.Contains("没有检查人员姓名"));

        var two = input with { Inspections = [input.Inspections[0] with { Inspectors = ["李明", "王芳"] }] };
        Assert.Equal(CheckInspectionsActivity.Sufficient, (await new CheckInspectionsActivity(Profiles).ExecuteAsync(two, null, CancellationToken.None)).Outcome);
    }
}
