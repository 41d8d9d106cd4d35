using Pipeline.Activities.Profiles;
using Pipeline.Activities.Subsidy;
using static Pipeline.Activities.Tests.Subsidy.Classes;

namespace Pipeline.Activities.Tests.Subsidy;

/// <summary>Worked examples of WS §五 and the rules of the other jurisdictions, figures computed by hand.</summary>
public class SubsidyCalculatorTests
{
    private static readonly SubsidyPolicy Wenshui = Policy("wenshui");

    /// <summary>The message of the result's only finding, which cites <paramref name="rule"/>.</summary>
    private static string OnlyFinding(SubsidyComputation result, string rule)
    {
        var finding = Assert.Single(result.Findings);
        Assert.Equal(rule, finding.Rule);
        return finding.Message;
    }

    // ── R-WS-13: verified trainees × days × daily rate ─────────────────────────────────────────────────────────

    [Fact]
    public void R_WS_13_AllVerifiedPassedEmployed_PaysHeadcountTimesDaysTimesRate()
    {
        // 10 × 10 days × 100 yuan = 10,000.00
        var result = SubsidyCalculator.Compute(Class(10, Trainees(10)), Wenshui);
        Assert.Equal(10_000.00m, result.Amount);
        Assert.Equal("10000.00", result.Amount!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal((10m, 10m, 100m), (result.SubsidisedHeadcount, result.CreditedDays, result.DailyRate!.Value));
        Assert.Empty(result.Findings);
        Assert.Null(result.Advance);
    }

    [Fact]
    public void R_WS_13_UnverifiedTrainees_AreNotCounted()
    {
        // 10 on the roster, 2 not confirmed by inspections or video: V = 8; passed 8 of approved 10 = 80 %, no cut;
        // 8 × 10 × 100 = 8,000.00
        var trainees = Trainees(10);
        trainees[0] = Trainee(1, verified: false);
        trainees[1] = Trainee(2, verified: false);
        var result = SubsidyCalculator.Compute(Class(10, trainees), Wenshui);
        Assert.Equal(8_000.00m, result.Amount);
        Assert.Equal(8, result.EligibleTrainees.Count);
        Assert.Equal(2, result.Findings.Count(f => f.Rule == "R-WS-13" && f.Message.Contains("未经现场检查或视频调阅核实")));
        Assert.Contains(result.Findings, f => f.Message.Contains("410802********0017"));
    }

    [Fact]
    public void R_WS_13_DailyRateNotConfigured_IsAFinding()
    {
        // Wenshui declares the order-based rate as a setting no one has set, and the file gives none.
        var result = SubsidyCalculator.Compute(Class(10, Trainees(10)) with { DailyRates = new Dictionary<string, decimal>() }, Wenshui);
        Assert.Null(result.Amount);
        Assert.Null(result.DailyRate);
        Assert.Equal(10m, result.SubsidisedHeadcount);
        var message = OnlyFinding(result, "R-WS-13");
        Assert.Contains("未配置", message);
        Assert.Contains("subsidy.dailyRate.order-based", message);
    }

    [Fact]
    public void R_WS_13_DailyRateSetByTheAdministrator_IsUsed_AndTheFileOverridesIt()
    {
        var settings = ProfileSettings.Empty().With("wenshui", ParameterKeys.DailyRatePrefix + TrainingModes.OrderBased,
            System.Text.Json.JsonSerializer.SerializeToElement(80), "admin", DateTimeOffset.UnixEpoch);
        var policy = SubsidyPolicy.From(ProfileCatalog.LoadEmbedded(settings).Get("wenshui"));
        var withoutRates = Class(10, Trainees(10)) with { DailyRates = new Dictionary<string, decimal>() };
        // The setting: 10 × 10 × 80 = 8,000.00; the file's 100 wins over it: 10,000.00.
        Assert.Equal(8_000.00m, SubsidyCalculator.Compute(withoutRates, policy).Amount);
        Assert.Equal(10_000.00m, SubsidyCalculator.Compute(Class(10, Trainees(10)), policy).Amount);
    }

    [Fact]
    public void R_WS_13_RateOfAJurisdictionThatSetsNone_IsAFindingAskingForTheFilesRate()
    {
        var result = SubsidyCalculator.Compute(Class(10, Trainees(10)) with { DailyRates = new Dictionary<string, decimal>() }, Policy("guilin"));
        Assert.Null(result.Amount);
        var message = OnlyFinding(result, "R-WS-13");
        Assert.Contains("dailyRates", message);
    }

    // ── R-WS-14: pass rate, employment rate, video ─────────────────────────────────────────────────────────────

    [Fact]
    public void R_WS_14_PassRateBelow80_CutsHeadcountByShortfallTimesVerified()
    {
        // Approved 50, verified 45, passed 36: pass rate 36 ÷ 50 = 72 %, shortfall 8 points;
        // cut 8 % × 45 = 3.6 persons, headcount 41.4; employed 45 ÷ 45; 41.4 × 10 × 100 = 41,400.00
        var result = SubsidyCalculator.Compute(Class(50, Trainees(45, failed: 9)), Wenshui);
        Assert.Equal(41.4m, result.SubsidisedHeadcount);
        Assert.Equal(41_400.00m, result.Amount);
        var message = OnlyFinding(result, "R-WS-14");
        Assert.Contains("72%", message);
        Assert.Contains("3.6 人", message);
        // Every verified trainee is still eligible; the cut is a number of persons, not named ones.
        Assert.Equal(45, result.EligibleTrainees.Count);
    }

    [Fact]
    public void R_WS_14_PassRateOf80_IsNoCut()
    {
        // Approved 50, verified 45, passed 40: 80 %, met. 45 × 10 × 100 = 45,000.00
        var result = SubsidyCalculator.Compute(Class(50, Trainees(45, failed: 5)), Wenshui);
        Assert.Equal(45m, result.SubsidisedHeadcount);
        Assert.Equal(45_000.00m, result.Amount);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void R_WS_14_ShortfallInAClassOf30_KeepsAFractionOfAPerson_AndRoundsOnlyTheMoney()
    {
        // Approved 30, verified 28, passed 20: 66.67 %; cut (80 % − 20/30) × 28 = (24 − 20) × 28 ÷ 30 = 3.7333… persons;
        // headcount 24.2666…, shown 24.2667; amount 24.2666… × 10 × 100 = 24,266.666… → 24,266.67
        var result = SubsidyCalculator.Compute(Class(30, Trainees(28, failed: 8)), Wenshui);
        Assert.Equal(24.2667m, result.SubsidisedHeadcount);
        Assert.Equal(24_266.67m, result.Amount);
        Assert.Contains("66.67%", Assert.Single(result.Findings).Message);
    }

    [Fact]
    public void R_WS_14_MoneyIsRoundedHalfAwayFromZero()
    {
        // 1 × 1 day × 0.125 yuan = 0.125 → 0.13 (banker's rounding would give 0.12)
        var settlement = Class(1, Trainees(1)) with { TrainingDays = 1, DailyRates = new Dictionary<string, decimal> { [TrainingModes.OrderBased] = 0.125m } };
        Assert.Equal(0.13m, SubsidyCalculator.Compute(settlement, Wenshui).Amount);
    }

    [Fact]
    public void R_WS_14_EmploymentBelow80_PaysGeneralRate()
    {
        // 10 verified, 7 employed: 70 % → general 60 yuan instead of order-based 100: 10 × 10 × 60 = 6,000.00
        var result = SubsidyCalculator.Compute(Class(10, Trainees(10, unemployed: 3)), Wenshui);
        Assert.Equal(60m, result.DailyRate);
        Assert.Equal(6_000.00m, result.Amount);
        var message = OnlyFinding(result, "R-WS-14");
        Assert.Contains("70%", message);
        Assert.Contains("普惠制", message);
    }

    [Fact]
    public void R_WS_14_EmploymentOf80_KeepsTheModesRate()
    {
        // 8 of 10 employed: 80 %, met: 10 × 10 × 100 = 10,000.00
        var result = SubsidyCalculator.Compute(Class(10, Trainees(10, unemployed: 2)), Wenshui);
        Assert.Equal(100m, result.DailyRate);
        Assert.Equal(10_000.00m, result.Amount);
    }

    [Fact]
    public void R_WS_14_EmploymentBelow80_WithTheGeneralRateNotConfigured_IsAFinding()
    {
        var settlement = Class(10, Trainees(10, unemployed: 3)) with { DailyRates = new Dictionary<string, decimal> { [TrainingModes.OrderBased] = 100m } };
        var result = SubsidyCalculator.Compute(settlement, Wenshui);
        Assert.Null(result.Amount);
        Assert.Contains(result.Findings, f => f.Rule == "R-WS-13" && f.Message.Contains("subsidy.dailyRate.general"));
    }

    [Fact]
    public void R_WS_14_PassAndEmploymentBothShort_CutTheHeadcountAndPayTheGeneralRate()
    {
        // Approved 50, verified 45, passed 36 (72 %): headcount 41.4; employed 27 of 45 = 60 % → 60 yuan;
        // 41.4 × 10 × 60 = 24,840.00
        var trainees = Trainees(45, failed: 9, unemployed: 18);
        var result = SubsidyCalculator.Compute(Class(50, trainees), Wenshui);
        Assert.Equal(24_840.00m, result.Amount);
        Assert.Equal(2, result.Findings.Count(f => f.Rule == "R-WS-14"));
    }

    [Fact]
    public void R_WS_14_MissingHalfDayOfVideo_DeductsHalfADay()
    {
        // 10 days − 0.5 = 9.5; 10 × 9.5 × 100 = 9,500.00
        var settlement = Class(10, Trainees(10)) with { VideoGaps = [new VideoGap(new DateOnly(2026, 5, 20), VideoGapPortions.HalfDay)] };
        var result = SubsidyCalculator.Compute(settlement, Wenshui);
        Assert.Equal(9.5m, result.CreditedDays);
        Assert.Equal(9_500.00m, result.Amount);
        var message = OnlyFinding(result, "R-WS-14");
        Assert.Contains("2026-05-20", message);
        Assert.Contains("半天", message);
    }

    [Fact]
    public void R_WS_14_MissingWholeDayOfVideo_DeductsADay()
    {
        // 10 − 1 = 9 days; 10 × 9 × 100 = 9,000.00
        var settlement = Class(10, Trainees(10)) with { VideoGaps = [new VideoGap(new DateOnly(2026, 5, 20), VideoGapPortions.Day)] };
        var result = SubsidyCalculator.Compute(settlement, Wenshui);
        Assert.Equal(9m, result.CreditedDays);
        Assert.Equal(9_000.00m, result.Amount);
    }

    [Fact]
    public void R_WS_14_SeveralGapsOnOneDate_NeverDeductMoreThanThatDay()
    {
        // 05-21: half + half + day = 2 → capped at 1; 05-20: half = 0.5; 10 − 1.5 = 8.5 days; 10 × 8.5 × 100 = 8,500.00
        var settlement = Class(10, Trainees(10)) with
        {
            VideoGaps =
            [
                new VideoGap(new DateOnly(2026, 5, 21), VideoGapPortions.HalfDay),
                new VideoGap(new DateOnly(2026, 5, 20), VideoGapPortions.HalfDay),
                new VideoGap(new DateOnly(2026, 5, 21), VideoGapPortions.HalfDay),
                new VideoGap(new DateOnly(2026, 5, 21), VideoGapPortions.Day),
            ],
        };
        var result = SubsidyCalculator.Compute(settlement, Wenshui);
        Assert.Equal(8.5m, result.CreditedDays);
        Assert.Equal(8_500.00m, result.Amount);
        Assert.Equal(["2026-05-20", "2026-05-21"], result.Findings.Select(f => f.Message[..10]));
    }

    [Fact]
    public void R_WS_14_VideoGapsOfMoreDaysThanTheClass_LeaveZeroDays()
    {
        var settlement = Class(10, Trainees(10)) with
        {
            TrainingDays = 1,
            VideoGaps = [new VideoGap(new DateOnly(2026, 5, 20), VideoGapPortions.Day), new VideoGap(new DateOnly(2026, 5, 21), VideoGapPortions.Day)],
        };
        var result = SubsidyCalculator.Compute(settlement, Wenshui);
        Assert.Equal(0m, result.CreditedDays);
        Assert.Equal(0.00m, result.Amount);
    }

    [Fact]
    public void R_WS_14_RulesDoNotApplyWhereTheProfileSetsNone()
    {
        // Guilin has no pass-rate, employment or video rule: approved 50, 45 verified, 36 passed, nobody employed,
        // a day without video: still 45 × 10 × 100 = 45,000.00, with no finding.
        var settlement = Class(50, Trainees(45, failed: 9, unemployed: 45)) with { VideoGaps = [new VideoGap(new DateOnly(2026, 5, 20), VideoGapPortions.Day)] };
        var result = SubsidyCalculator.Compute(settlement, Policy("guilin"));
        Assert.Equal(45_000.00m, result.Amount);
        Assert.Empty(result.Findings);
    }

    // ── R-JZ-4: impersonation ────────────────────────────────────────────────────────────────────────────────

    [Fact]
    public void R_JZ_4_ThreeImpersonations_CancelTheWholeClass()
    {
        // 3 person-times (trainee 1 twice, trainee 2 once) ≥ 3: "取消该期所有人员的培训补贴" → 0.00
        var settlement = Class(10, Trainees(10)) with
        {
            Impersonations = [new Impersonation(Id(1), new DateOnly(2026, 5, 20)), new Impersonation(Id(1), new DateOnly(2026, 5, 21)), new Impersonation(Id(2), new DateOnly(2026, 5, 21))],
        };
        var result = SubsidyCalculator.Compute(settlement, Policy("jiaozuo"));
        Assert.Equal(0.00m, result.Amount);
        Assert.Equal(0m, result.SubsidisedHeadcount);
        Assert.Empty(result.EligibleTrainees);
        var message = OnlyFinding(result, "R-JZ-4");
        Assert.Contains("3 人次", message);
    }

    [Fact]
    public void R_JZ_4_TwoImpersonations_ExcludeTheImpersonatedTrainees()
    {
        // 2 person-times < 3: trainees 1 and 2 are excluded; 8 × 10 × 100 = 8,000.00
        var settlement = Class(10, Trainees(10)) with
        {
            Impersonations = [new Impersonation(Id(1), new DateOnly(2026, 5, 20)), new Impersonation(Id(2), new DateOnly(2026, 5, 21))],
        };
        var result = SubsidyCalculator.Compute(settlement, Policy("jiaozuo"));
        Assert.Equal(8_000.00m, result.Amount);
        Assert.Equal(2, result.Findings.Count(f => f.Rule == "R-JZ-4"));
        Assert.Contains(result.Findings, f => f.Message.Contains("410802********0017"));
        Assert.DoesNotContain(result.Findings, f => f.Message.Contains(Id(1)) || f.Message.Contains(Id(2)));
        Assert.DoesNotContain(result.EligibleTrainees, t => t.Name is "学员1" or "学员2");
    }

    [Fact]
    public void R_JZ_4_ImpersonationsOutsideJiaozuo_AreNoRule()
    {
        // Wenshui sets no impersonation limit: three impersonations change nothing there.
        var settlement = Class(10, Trainees(10)) with
        {
            Impersonations = Enumerable.Range(1, 3).Select(n => new Impersonation(Id(n), new DateOnly(2026, 5, 20))).ToList(),
        };
        Assert.Equal(10_000.00m, SubsidyCalculator.Compute(settlement, Wenshui).Amount);
    }

    // ── R-GL-4 / R-YN-9c: attendance ─────────────────────────────────────────────────────────────────────────

    [Fact]
    public void R_GL_4_AttendanceBelow80_NoSubsidy()
    {
        // Trainee 1 attended 95 of 120 hours = 79.17 % < 80 %: not subsidised; trainee 2's 96 ÷ 120 = 80 % is enough.
        // 9 × 10 × 100 = 9,000.00
        var trainees = Trainees(10);
        trainees[0] = Trainee(1, attended: 95);
        var result = SubsidyCalculator.Compute(Class(10, trainees), Policy("guilin"));
        Assert.Equal(9_000.00m, result.Amount);
        var message = OnlyFinding(result, "R-GL-4");
        Assert.Contains("79.17%", message);
        Assert.Contains("410802********0017", message);
    }

    [Theory]
    [InlineData("yunnan")]
    [InlineData("qujing")] // a prefecture of Yunnan: the provincial notice applies
    public void R_YN_9c_AttendanceBelow80_NoSubsidy(string profile)
    {
        // 2 of 10 attended 90 of 120 hours (75 %): 8 × 10 × 100 = 8,000.00
        var trainees = Trainees(10);
        trainees[0] = Trainee(1, attended: 90);
        trainees[1] = Trainee(2, attended: 90);
        var result = SubsidyCalculator.Compute(Class(10, trainees), Policy(profile));
        Assert.Equal(8_000.00m, result.Amount);
        Assert.Equal(["R-YN-9c", "R-YN-9c"], result.Findings.Select(f => f.Rule));
    }

    // ── R-YN-5: certificate ──────────────────────────────────────────────────────────────────────────────────

    [Fact]
    public void R_YN_5_TraineeWithoutCertificate_IsNotSubsidised()
    {
        // 3 of 10 did not pass: 7 subsidised; Yunnan has no pass-rate cut (70 % would cut in Wenshui): 7 × 10 × 100 = 7,000.00
        var result = SubsidyCalculator.Compute(Class(10, Trainees(10, failed: 3)), Policy("yunnan"));
        Assert.Equal(7_000.00m, result.Amount);
        Assert.Equal(7m, result.SubsidisedHeadcount);
        Assert.Equal(3, result.Findings.Count(f => f.Rule == "R-YN-5" && f.Message.Contains("未取得证书")));
    }

    [Fact]
    public void R_YN_5_WithoutTheRule_APassIsNotRequired()
    {
        // Guilin requires no certificate: all 10 count, 10 × 10 × 100 = 10,000.00
        Assert.Equal(10_000.00m, SubsidyCalculator.Compute(Class(10, Trainees(10, failed: 3)), Policy("guilin")).Amount);
    }

    // ── R-YN-1: advance ──────────────────────────────────────────────────────────────────────────────────────

    [Theory]
    [InlineData("yunnan")]
    [InlineData("qujing")]
    public void R_YN_1_TenderedProjectForTargetGroups_Advances50Percent(string profile)
    {
        // Every trainee is 失业人员, 脱贫人口 or 退役军人, tendered: 80,000 × 50 % = 40,000.00
        var trainees = Trainees(3);
        trainees[1] = Trainee(2, group: "脱贫人口");
        trainees[2] = Trainee(3, group: "退役军人");
        var settlement = Class(3, trainees, TrainingModes.Project) with { Tendered = true, ApprovedAmount = 80_000m };
        var result = SubsidyCalculator.Compute(settlement, Policy(profile));
        Assert.Equal(40_000.00m, result.Advance);
        Assert.Empty(result.Findings);
        // The amount itself: 3 × 10 × 80 (project rate of the file) = 2,400.00
        Assert.Equal(2_400.00m, result.Amount);
    }

    [Fact]
    public void R_YN_1_EmployerTraining_Advances50Percent_RoundedHalfAwayFromZero()
    {
        // 12,345.67 × 50 % = 6,172.835 → 6,172.84
        var settlement = Class(3, Trainees(3), TrainingModes.Employer) with { ApprovedAmount = 12_345.67m };
        Assert.Equal(6_172.84m, SubsidyCalculator.Compute(settlement, Policy("yunnan")).Advance);
    }

    [Fact]
    public void R_YN_1_ProjectWithATraineeOutsideTheTargetGroups_HasNoAdvance()
    {
        var trainees = Trainees(3);
        trainees[2] = Trainee(3, group: "农村转移就业劳动者");
        var settlement = Class(3, trainees, TrainingModes.Project) with { Tendered = true, ApprovedAmount = 80_000m };
        var result = SubsidyCalculator.Compute(settlement, Policy("yunnan"));
        Assert.Null(result.Advance);
        Assert.Contains(result.Findings, f => f.Rule == "R-YN-1" && f.Message.Contains("1 名学员不属于"));
    }

    [Fact]
    public void R_YN_1_UntenderedProject_HasNoAdvance()
    {
        var settlement = Class(3, Trainees(3), TrainingModes.Project) with { Tendered = false, ApprovedAmount = 80_000m };
        var result = SubsidyCalculator.Compute(settlement, Policy("yunnan"));
        Assert.Null(result.Advance);
        Assert.Contains(result.Findings, f => f.Rule == "R-YN-1" && f.Message.Contains("未经招标"));
    }

    [Fact]
    public void R_YN_1_MissingApprovedAmount_IsAFinding()
    {
        var result = SubsidyCalculator.Compute(Class(3, Trainees(3), TrainingModes.Employer), Policy("yunnan"));
        Assert.Null(result.Advance);
        Assert.Contains(result.Findings, f => f.Rule == "R-YN-1" && f.Message.Contains("approvedAmount"));
    }

    [Theory]
    [InlineData("yunnan", TrainingModes.General)]
    [InlineData("yunnan", TrainingModes.OrderBased)]
    [InlineData("wenshui", TrainingModes.Employer)] // no advance rule outside Yunnan
    public void R_YN_1_OtherModesAndJurisdictions_HaveNoAdvance(string profile, string mode)
    {
        var settlement = Class(3, Trainees(3), mode) with { Tendered = true, ApprovedAmount = 80_000m };
        var result = SubsidyCalculator.Compute(settlement, Policy(profile));
        Assert.Null(result.Advance);
        Assert.DoesNotContain(result.Findings, f => f.Rule == "R-YN-1");
    }

    [Fact]
    public void R_JZ_4_CancelledClass_HasNoAdvanceEither()
    {
        // A Jiaozuo profile has no advance; a policy with both shows the cancellation wins.
        var policy = Policy("yunnan") with { ImpersonationLimit = new PolicyRule<int>(3, "R-JZ-4") };
        var settlement = Class(3, Trainees(3), TrainingModes.Employer) with
        {
            ApprovedAmount = 80_000m,
            Impersonations = Enumerable.Range(1, 3).Select(n => new Impersonation(Id(n), new DateOnly(2026, 5, 20))).ToList(),
        };
        var result = SubsidyCalculator.Compute(settlement, policy);
        Assert.Equal((0.00m, (decimal?)null), (result.Amount!.Value, result.Advance));
    }

    // ── Identity numbers ─────────────────────────────────────────────────────────────────────────────────────

    [Fact]
    public void EligibleTrainees_AndFindings_NeverHoldAFullIdNumber()
    {
        var trainees = Trainees(5);
        trainees[0] = Trainee(1, verified: false);
        trainees[1] = new SettlementTrainee(Id(99), Id(2), null, 96, true, true, true); // the ID typed into the name column
        var result = SubsidyCalculator.Compute(Class(5, trainees), Wenshui);
        var text = System.Text.Json.JsonSerializer.Serialize(result);
        foreach (var n in new[] { 1, 2, 3, 4, 5, 99 }) Assert.DoesNotContain(Id(n), text);
        Assert.Equal("410802********0025", result.EligibleTrainees[0].IdNumber);
        Assert.DoesNotContain(Id(3), trainees[2].ToString());
    }
}
