using Pipeline.Activities.Rosters;
using static System.FormattableString;

namespace Pipeline.Activities.Subsidy;

/// <summary>
/// The subsidy of one class (WS §五: 根据培训方式、培训人数、培训天数和每天培训补贴标准综合计算确定), with the reductions
/// of the other jurisdictions' rules where the profile sets them. Pure: the same settlement and policy give the same result.
/// </summary>
public static class SubsidyCalculator
{
    /// <summary>Rule of the formula itself (WS §五): verified trainees, days and daily rate.</summary>
    public const string FormulaRule = "R-WS-13";

    /// <summary>
    /// Computes the subsidy of <paramref name="settlement"/> under <paramref name="policy"/>, in this order:
    /// <list type="number">
    /// <item>Impersonations (R-JZ-4, JZ §四 "3人次以上(含)"): as many as the limit or more → amount 0, no trainee
    /// eligible, no advance, one finding. Fewer → each impersonated trainee is excluded.</item>
    /// <item>Each trainee counts only if verified by on-site checks or video (核实, R-WS-13), not impersonated, with
    /// attended ÷ planned hours at least the attendance rate (R-GL-4 / R-YN-9c) and, where a certificate is required
    /// (R-YN-5), passed. Every exclusion is a finding naming the trainee with the ID masked. The trainees left are
    /// the verified count V (核实人数).</item>
    /// <item>Pass rate (R-WS-14) = those of V who passed ÷ approved headcount A (以开班审批表人数为基数). Below the
    /// minimum m (80 %) the headcount is cut by the seed's parenthesis "按不达标比例百分比*核实人数": the shortfall in
    /// percentage points times V, i.e. headcount = V − (m − passed ÷ A) × V, kept as a decimal number of persons
    /// (approved 50, V 45, passed 36: 72 %, cut 8 % × 45 = 3.6, headcount 41.4). The following sentence
    /// "每缺一人相应减少一人补贴资金" is read as describing the same cut, not a second one.</item>
    /// <item>Employment rate (R-WS-14) = those of V employed ÷ V. Below the minimum the class is paid at the general
    /// (普惠制) daily rate instead of its own mode's.</item>
    /// <item>Video gaps (R-WS-14): a half day deducts 0.5 day, a day 1 day from the training days; the gaps of one
    /// date deduct at most that day; credited days never go below 0.</item>
    /// <item>Amount = headcount × credited days × daily rate, rounded to 0.01 yuan half away from zero at the end.
    /// The daily rate of a mode is <see cref="ClassSettlement.DailyRates"/>[mode] when given, else the profile's
    /// <c>subsidy.dailyRate.{mode}</c>; neither → amount null with a "未配置" finding (R-WS-13), as for any setting of
    /// <see cref="SubsidyPolicy.NotConfigured"/>.</item>
    /// <item>Advance (R-YN-1, only where the profile sets an advance share): employer training, or tendered project
    /// training whose every trainee belongs to the advance target groups → approved amount × share (50 %),
    /// rounded to 0.01 yuan; no approved amount → null with a finding. Otherwise null.</item>
    /// </list>
    /// </summary>
    /// <exception cref="ArgumentException">The settlement breaks an invariant the parser guarantees (approved headcount below 1,
    /// planned hours not above 0).</exception>
    public static SubsidyComputation Compute(ClassSettlement settlement, SubsidyPolicy policy)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(settlement.ApprovedHeadcount, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(settlement.PlannedHours);
        var findings = new List<SubsidyFinding>();

        if (policy.ImpersonationLimit is { } limit && settlement.Impersonations.Count >= limit.Value)
        {
            findings.Add(new(limit.Rule, Invariant(
                $"本期发现冒名顶替 {settlement.Impersonations.Count} 人次（{limit.Value} 人次以上含本数即取消），取消该期所有人员的培训补贴，补贴金额为 0。")));
            return new SubsidyComputation
            {
                Amount = Money(0m), SubsidisedHeadcount = 0m, CreditedDays = CreditedDays(settlement, policy, []),
                DailyRate = Rate(settlement, policy, settlement.TrainingMode).Value, Advance = null, EligibleTrainees = [], Findings = findings,
            };
        }

        var eligible = Eligible(settlement, policy, findings);
        var verified = (decimal)eligible.Count;
        var headcount = verified - PassRateCut(settlement, policy, eligible, findings);
        var rateMode = PaidMode(settlement, policy, eligible, findings);
        var creditedDays = CreditedDays(settlement, policy, findings);

        var rate = Rate(settlement, policy, rateMode);
        if (rate.Value is null)
            findings.Add(new(rate.Rule, rate.Declared
                ? $"{TrainingModes.NameOf(rateMode)}培训每天补贴标准未配置：请管理员设置「subsidy.dailyRate.{rateMode}」，或在结算文件 dailyRates 中填写，补贴金额暂无法核算。"
                : $"{policy.Profile} 的规定未设{TrainingModes.NameOf(rateMode)}培训每天补贴标准：请在结算文件 dailyRates 中填写「{rateMode}」，补贴金额暂无法核算。"));
        foreach (var unset in policy.NotConfigured)
            findings.Add(new(unset.Rule, $"规则 {unset.Rule} 未配置：{unset.DeclaredBy} 尚未设置「{unset.Key}」，补贴金额暂无法核算。"));

        return new SubsidyComputation
        {
            Amount = rate.Value is { } perDay && policy.NotConfigured.Count == 0 ? Money(headcount * creditedDays * perDay) : null,
            SubsidisedHeadcount = Math.Round(headcount, 4, MidpointRounding.AwayFromZero),
            CreditedDays = creditedDays,
            DailyRate = rate.Value,
            Advance = Advance(settlement, policy, findings),
            EligibleTrainees = eligible.Select(t => new EligibleTrainee(SensitiveText.Mask(t.Name), IdNumber.Mask(t.IdNumber))).ToList(),
            Findings = findings,
        };
    }

    /// <summary>The trainees who count (核实人数), with a finding for every exclusion.</summary>
    private static List<SettlementTrainee> Eligible(ClassSettlement settlement, SubsidyPolicy policy, List<SubsidyFinding> findings)
    {
        var impersonated = policy.ImpersonationLimit is null
            ? new Dictionary<string, int>()
            : settlement.Impersonations.GroupBy(i => i.IdNumber, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
        var eligible = new List<SettlementTrainee>();
        foreach (var trainee in settlement.Trainees)
        {
            var who = $"学员{SensitiveText.Mask(trainee.Name)}（{IdNumber.Mask(trainee.IdNumber)}）";
            var before = findings.Count;
            if (!trainee.Verified)
                findings.Add(new(FormulaRule, $"{who}未经现场检查或视频调阅核实，不计入培训补贴人数。"));
            if (policy.ImpersonationLimit is { } limit && impersonated.TryGetValue(trainee.IdNumber, out var times))
                findings.Add(new(limit.Rule, Invariant(
                    $"{who}被冒名顶替 {times} 人次，不予补贴（本期共 {settlement.Impersonations.Count} 人次，未达 {limit.Value} 人次，不取消全班补贴）。")));
            if (policy.AttendanceMinRate is { } attendance && trainee.AttendedHours * 100m < attendance.Value * settlement.PlannedHours)
                findings.Add(new(attendance.Rule, Invariant(
                    $"{who}到课率 {Percent(trainee.AttendedHours, settlement.PlannedHours)}（{trainee.AttendedHours:0.##} ÷ {settlement.PlannedHours:0.##} 课时）低于 {attendance.Value:0.##}%，不得申领培训补贴。")));
            if (policy.CertificateRequired is { Value: true } certificate && !trainee.Passed)
                findings.Add(new(certificate.Rule, $"{who}未取得证书（考核未合格），不享受培训补贴。"));
            if (findings.Count == before) eligible.Add(trainee);
        }
        return eligible;
    }

    /// <summary>Persons cut for a pass rate below the minimum (R-WS-14): (m − passed ÷ A) × V, 0 when it is met.</summary>
    private static decimal PassRateCut(ClassSettlement settlement, SubsidyPolicy policy, List<SettlementTrainee> eligible, List<SubsidyFinding> findings)
    {
        if (policy.PassRateMin is not { } minimum) return 0m;
        var approved = settlement.ApprovedHeadcount;
        var passed = eligible.Count(t => t.Passed);
        if (passed * 100m >= minimum.Value * approved) return 0m;
        // (m/100 − passed/A) × V written with one division, so that A = 50 gives exact figures.
        var cut = (minimum.Value / 100m * approved - passed) * eligible.Count / approved;
        findings.Add(new(minimum.Rule, Invariant(
            $"培训合格率 {Percent(passed, approved)}（合格 {passed} 人 ÷ 开班审批 {approved} 人）不达 {minimum.Value:0.##}%，按不达标比例百分比×核实人数核减补贴人数 {Persons(cut)} 人（核实 {eligible.Count} 人，补贴 {Persons(eligible.Count - cut)} 人）。")));
        return cut;
    }

    /// <summary>The mode whose daily rate is paid: the class's own, or general when employment fell short (R-WS-14).</summary>
    private static string PaidMode(ClassSettlement settlement, SubsidyPolicy policy, List<SettlementTrainee> eligible, List<SubsidyFinding> findings)
    {
        var mode = settlement.TrainingMode;
        if (policy.EmploymentRateMin is not { } minimum || eligible.Count == 0 || mode == TrainingModes.General) return mode;
        var employed = eligible.Count(t => t.Employed);
        if (employed * 100m >= minimum.Value * eligible.Count) return mode;
        var own = Rate(settlement, policy, mode).Value;
        var general = Rate(settlement, policy, TrainingModes.General).Value;
        var rates = own is { } o && general is { } g ? Invariant($"：每人每天 {g:0.##} 元（{TrainingModes.NameOf(mode)}标准 {o:0.##} 元）") : "";
        findings.Add(new(minimum.Rule, Invariant(
            $"就业率 {Percent(employed, eligible.Count)}（就业 {employed} 人 ÷ 核实 {eligible.Count} 人）不达 {minimum.Value:0.##}%，按普惠制培训标准补贴{rates}。")));
        return TrainingModes.General;
    }

    /// <summary>Training days less video gaps (R-WS-14), a finding per date.</summary>
    private static decimal CreditedDays(ClassSettlement settlement, SubsidyPolicy policy, List<SubsidyFinding> findings)
    {
        if (policy.VideoGapDeduction is not { Value: true } rule) return settlement.TrainingDays;
        var deducted = 0m;
        foreach (var day in settlement.VideoGaps.GroupBy(g => g.Date).OrderBy(g => g.Key))
        {
            var missing = day.Sum(g => VideoGapPortions.Days[g.Portion]);
            var deduction = Math.Min(1m, missing);
            deducted += deduction;
            var what = day.Count() == 1 ? (deduction == 1m ? "1 天" : "半天") : $" {day.Count()} 处（同一天最多扣减 1 天）";
            findings.Add(new(rule.Rule, Invariant($"{day.Key:yyyy-MM-dd} 影像资料缺失{what}，扣减 {deduction:0.#} 天培训时间。")));
        }
        return Math.Max(0m, settlement.TrainingDays - deducted);
    }

    /// <summary>The daily rate of <paramref name="mode"/>: the settlement's, else the profile's setting; with the rule to cite.</summary>
    private static (decimal? Value, string Rule, bool Declared) Rate(ClassSettlement settlement, SubsidyPolicy policy, string mode)
    {
        var declared = policy.DailyRates.TryGetValue(mode, out var setting);
        var rule = setting?.Rule ?? FormulaRule;
        return settlement.DailyRates.TryGetValue(mode, out var given) ? (given, rule, declared) : (setting?.Value, rule, declared);
    }

    /// <summary>The advance (R-YN-1), null when none applies.</summary>
    private static decimal? Advance(ClassSettlement settlement, SubsidyPolicy policy, List<SubsidyFinding> findings)
    {
        if (policy.AdvanceShare is not { } share) return null;
        switch (settlement.TrainingMode)
        {
            case TrainingModes.Employer:
                break;
            case TrainingModes.Project when !settlement.Tendered:
                findings.Add(new(share.Rule, "项目制培训未经招标确认，不适用先行拨付。"));
                return null;
            case TrainingModes.Project:
                var groups = policy.AdvanceTargetGroups?.Value;
                var outside = groups is null ? 0 : settlement.Trainees.Count(t => t.TargetGroup is null || !groups.Contains(t.TargetGroup, StringComparer.Ordinal));
                if (outside == 0) break;
                findings.Add(new(share.Rule, $"{outside} 名学员不属于{string.Join("、", groups!)}，该项目制培训不适用先行拨付。"));
                return null;
            default:
                return null;
        }
        if (settlement.ApprovedAmount is { } approved) return Money(approved * share.Value / 100m);
        findings.Add(new(share.Rule, Invariant(
            $"本班可先行拨付 {share.Value:0.##}% 的培训补贴，但结算文件未填写核定补贴金额（approvedAmount），预拨金额无法计算。")));
        return null;
    }

    /// <summary>Yuan to 0.01, half away from zero, always written with two decimals.</summary>
    private static decimal Money(decimal yuan) => Math.Round(yuan, 2, MidpointRounding.AwayFromZero) + 0.00m;

    private static string Persons(decimal persons) => Invariant($"{Math.Round(persons, 4, MidpointRounding.AwayFromZero):0.####}");

    private static string Percent(decimal part, decimal whole) =>
        Invariant($"{Math.Round(part * 100m / whole, 2, MidpointRounding.AwayFromZero):0.##}%");
}
