using Pipeline.Activities.ClassOpening;
using Pipeline.Activities.Profiles;
using Pipeline.Activities.Tests.Scenarios;
using Pipeline.Workflows.Calendar;

namespace Pipeline.Activities.Tests.ClassOpening;

/// <summary>The class-opening rules, each applied where the case's jurisdiction sets it and citing that jurisdiction's rule.</summary>
public class ClassOpeningRulesTests
{
    private static readonly ProfileCatalog Profiles = ProfileCatalog.LoadEmbedded();
    private static readonly DateOnly Start = new(2026, 6, 15); // a Monday

    private static IReadOnlyList<Pipeline.Activities.Packs.Finding> Check(ClassApplication application, string profile, IReadOnlyList<string>? licensed = null) =>
        ClassOpeningRules.Check(application, Profiles.Get(profile), WorkingDayCalendar.China, licensed).Findings;

    [Fact]
    public void R_JZ_3_FiledFourWorkingDaysBefore_IsRefused_FiveIsEnough()
    {
        // 5 working days before Mon 2026-06-15 is Mon 2026-06-08.
        var late = Check(ClassData.Skills(new DateOnly(2026, 6, 9), Start), "jiaozuo");
        var finding = Assert.Single(late);
        Assert.Equal("R-JZ-3", finding.Rule);
        Assert.Contains("2026-06-08", finding.Message);
        Assert.Empty(Check(ClassData.Skills(new DateOnly(2026, 6, 8), Start), "jiaozuo"));
    }

    [Fact]
    public void R_GL_3_LeadTime_CountsWorkingDays_AcrossAHoliday()
    {
        // Dragon Boat Festival 2026: Fri 06-19 off. 3 working days before Mon 06-22 are 06-18, 06-17, 06-16: latest 06-16.
        var start = new DateOnly(2026, 6, 22);
        Assert.Equal("R-GL-3", Assert.Single(Check(ClassData.Skills(new DateOnly(2026, 6, 17), start), "guilin")).Rule);
        Assert.Empty(Check(ClassData.Skills(new DateOnly(2026, 6, 16), start), "guilin"));
    }

    [Fact]
    public void R_WS_5_OrderBasedTraining_Needs15CalendarDays_GeneralOneWeek()
    {
        var general = ClassData.Skills(new DateOnly(2026, 6, 8), Start);
        Assert.Empty(Check(general, "wenshui"));
        var orderBased = general with { TrainingMode = "order-based" };
        var finding = Assert.Single(Check(orderBased, "wenshui"));
        Assert.Equal("R-WS-5", finding.Rule);
        Assert.Contains("15日", finding.Message);
        Assert.Empty(Check(orderBased with { FiledOn = new DateOnly(2026, 5, 31) }, "wenshui"));
    }

    [Fact]
    public void R_YN_8_OccupationWithoutEvaluator_IsRefused_InYunnanAndQujing_NotInJiaozuo()
    {
        var application = ClassData.Skills(new DateOnly(2026, 6, 1), Start) with { Standards = new OccupationStandards("标准", "规范", null) };
        Assert.Equal("R-YN-8", Assert.Single(Check(application, "yunnan")).Rule);
        Assert.Equal("R-YN-8", Assert.Single(Check(application, "qujing")).Rule);
        Assert.Empty(Check(application, "jiaozuo"));
    }

    [Fact]
    public void R_YN_6_OneTeacherForTheoryAndPractice_IsRefused()
    {
        var application = ClassData.Skills(new DateOnly(2026, 6, 1), Start) with { Teachers = [new Teacher("张老师", "both")] };
        var finding = Assert.Single(Check(application, "yunnan"));
        Assert.Equal("R-YN-6", finding.Rule);
        Assert.Contains("张老师", finding.Message);
    }

    [Fact]
    public void R_GL_7_EntrepreneurshipClass_NeedsTwoTeachers_AndAtMost30Trainees()
    {
        var application = ClassData.Skills(new DateOnly(2026, 6, 1), Start, trainees: 31) with
        {
            Kind = ClassKinds.Entrepreneurship, Occupation = "创业者", Teachers = [new Teacher("王老师", "both")],
        };
        var findings = Check(application, "guilin");
        Assert.Equal(2, findings.Count(f => f.Rule == "R-GL-7"));
        Assert.Empty(Check(application with { Teachers = [new Teacher("王老师", "theory"), new Teacher("赵老师", "theory")], Trainees = ClassData.Trainees(30), Headcount = 30 }, "guilin"));
    }

    [Fact]
    public void R_GL_1_OccupationOutsideTheLicence_IsRefused()
    {
        var application = ClassData.Skills(new DateOnly(2026, 6, 1), Start);
        Assert.Equal("R-GL-1", Assert.Single(Check(application, "guilin", ["育婴员"])).Rule);
        Assert.Empty(Check(application, "guilin", ["中式烹调师", "育婴员"]));
    }

    [Fact]
    public void R_JZ_1_TraineeOutsideWorkingAge_OrOutsideTheTargetGroups_IsRefused_WithTheIdMasked()
    {
        var minor = new Trainee("未成年", ClassData.Id(new DateOnly(2011, 1, 1)), "城镇登记失业人员");
        var outsider = new Trainee("在职职工", ClassData.Id(new DateOnly(1985, 3, 3)), "在职职工");
        var application = ClassData.Skills(new DateOnly(2026, 6, 1), Start) with { Trainees = [.. ClassData.Trainees(2), minor, outsider], Headcount = 4 };
        var findings = Check(application, "jiaozuo");
        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal("R-JZ-1", f.Rule));
        Assert.Contains(findings, f => f.Message.Contains("未成年") && f.Message.Contains("********"));
        Assert.DoesNotContain(findings, f => f.Message.Contains(minor.IdNumber));
    }

    [Fact]
    public void R_WS_7_And_R_WS_8_PracticalGroupsOfSix_AndA40SquareMetreRoom_AreRefused()
    {
        var application = ClassData.Skills(new DateOnly(2026, 6, 1), Start) with { PracticalGroupSize = 6, TheoryRoomArea = 40 };
        var rules = Check(application, "wenshui").Select(f => f.Rule).Order().ToList();
        Assert.Equal(["R-WS-7", "R-WS-8"], rules);
    }

    [Fact]
    public void R_YN_4_OnlineClassOfNineHoursADay_IsRefused()
    {
        var application = ClassData.Skills(new DateOnly(2026, 6, 1), Start) with { Online = true, OnlineHoursPerDay = 9 };
        Assert.Equal("R-YN-4", Assert.Single(Check(application, "yunnan")).Rule);
        Assert.Empty(Check(application with { OnlineHoursPerDay = 8 }, "yunnan"));
    }

    [Fact]
    public void AClassEndingBeforeItStarts_IsABadInput()
    {
        var application = ClassData.Skills(new DateOnly(2026, 6, 1), Start) with { EndDate = Start.AddDays(-1) };
        Assert.Throws<ArgumentException>(() => Check(application, "jiaozuo"));
    }
}
