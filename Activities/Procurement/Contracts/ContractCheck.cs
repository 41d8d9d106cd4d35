using Pipeline.Activities.ClassOpening;
using Pipeline.Activities.Packs;
using Pipeline.Activities.Profiles;
using Pipeline.Activities.Rosters;

namespace Pipeline.Activities.Procurement.Contracts;

/// <summary>The outcome of <see cref="ContractCheck.Check"/>.</summary>
/// <param name="Admissible">True when no finding is an error.</param>
/// <param name="Findings">Each with its rule id; <c>page</c> always null.</param>
/// <param name="Contract">The id of the contract the class opens under, or null when none qualifies or none is required.</param>
public sealed record ContractCheckResult(bool Admissible, IReadOnlyList<Finding> Findings, string? Contract);

/// <summary>
/// 合同核验: may a class be opened under the institution's contracts? It needs a <b>current</b> contract (the start
/// date within from–to and, where contracts are renewed yearly — WS "合同一年一订", R-WS-1 — within the current yearly
/// term) covering the class's occupation and area; in WS the free-recruitment areas (凤城镇四关四街, R-WS-2) are
/// open to every contracted institution. Where the profile sets <c>contract.orderBasedShareMin</c> (WS 30 %, R-WS-3), a
/// class that is not order-based must leave room for the order-based share of the contract's task. Which rule a
/// missing contract cites is profile data (<c>contract.required</c>: WS R-WS-1, YN R-YN-2, QJ R-QJ-4); a jurisdiction
/// whose regulation sets none (JZ, GL) has no contract check.
/// </summary>
public static class ContractCheck
{
    /// <summary>The training mode of order-based classes (<see cref="ClassApplication.TrainingMode"/>).</summary>
    public const string OrderBased = "order-based";

    /// <param name="application">The class: occupation, start date, training mode, headcount (or trainees), place.</param>
    /// <param name="area">The class's area (培训区域); null: the class's place.</param>
    /// <param name="institution">The institution opening the class, as the contracts name it.</param>
    /// <param name="contracts">The contracts known for it (others' contracts are ignored).</param>
    /// <param name="progress">Trainees opened under the contract so far; null: the order-based share cannot be checked (a warning).</param>
    /// <param name="profile">The case's jurisdiction profile.</param>
    /// <exception cref="ArgumentException">A blank institution where a contract is required; progress with negative counts or more order-based trainees than trainees.</exception>
    /// <exception cref="RuleNotConfiguredException">A contract parameter declared as a setting and not yet set.</exception>
    public static ContractCheckResult Check(ClassApplication application, string? area, string? institution,
        IReadOnlyList<TrainingContract> contracts, ContractProgress? progress, JurisdictionProfile profile)
    {
        if (progress is { } p && (p.Trainees < 0 || p.OrderBasedTrainees < 0 || p.OrderBasedTrainees > p.Trainees))
            throw new ArgumentException($"本合同已开班人数有误：共 {p.Trainees} 人，其中订单式 {p.OrderBasedTrainees} 人 (progress: order-based trainees must be between 0 and trainees)", nameof(progress));
        if (profile.FlagRule(ParameterKeys.ContractRequired) is not { } rule)
            return new ContractCheckResult(true, [], null);
        if (string.IsNullOrWhiteSpace(institution))
            throw new ArgumentException("须给出开班的培训机构 (institution is required)", nameof(institution));

        var place = area ?? application.Place ?? "";
        var start = application.StartDate;
        var own = contracts.Where(c => string.Equals(c.Institution.Trim(), institution.Trim(), StringComparison.Ordinal)).ToList();
        if (own.Count == 0)
            return Refused(Error(rule, $"培训机构「{institution}」没有职业培训合同，不能开班（{rule}）"));

        var renewalYears = profile.Number(ParameterKeys.ContractRenewalYears) is { } years ? (int)years : (int?)null;
        var current = own.Where(c => ContractTerm.StatusOn(c, start, renewalYears) == ContractTerm.Current).ToList();
        if (current.Count == 0)
            return Refused(Error(rule, $"培训机构「{institution}」在开班日期 {start:yyyy-MM-dd} 没有有效的职业培训合同："
                + string.Join("；", own.Select(c => Term(c, start, renewalYears))) + $"（{rule}）"));

        var forOccupation = current.Where(c => c.Occupations.Contains(application.Occupation, StringComparer.Ordinal)).ToList();
        if (forOccupation.Count == 0)
            return Refused(Error(rule, $"培训机构「{institution}」的有效合同（{string.Join("、", current.Select(c => c.Label()))}）不含职业（工种）「{application.Occupation}」（{rule}）"));

        var free = profile.Find(ParameterKeys.FreeRecruitmentAreas) is { IsConfigured: true } f ? f : null;
        var freeArea = free?.List.FirstOrDefault(a => ContractTerm.NamesArea(place, a));
        var covering = freeArea is null ? forOccupation.Where(c => ContractTerm.CoversPlace(c, place)).ToList() : forOccupation;
        if (covering.Count == 0)
        {
            var areaRule = profile.Find(ParameterKeys.LotteryAreas)?.Rule ?? rule;
            return Refused(Error(areaRule, $"培训地点「{(place.Length > 0 ? SensitiveText.Mask(place) : "（未填）")}」不在合同 {string.Join("、", forOccupation.Select(c => c.Label()))} 的培训区域"
                + $"（{string.Join("、", forOccupation.SelectMany(c => c.Areas).Distinct())}）内（{areaRule}）"));
        }

        var findings = new List<Finding>();
        var contract = covering[0];
        if (freeArea is not null)
            findings.Add(new Finding(free!.Rule, Severities.Warning, $"「{freeArea}」不进行抽签，各培训机构可自主招生（{free.Rule}）", null));
        if (OrderBasedShare(application, contract, progress, profile) is { } share) findings.Add(share);
        return new ContractCheckResult(!findings.Any(x => x.Severity == Severities.Error), findings, contract.Id);
    }

    private static string Term(TrainingContract c, DateOnly day, int? renewalYears)
    {
        var text = $"合同 {c.Label()} 服务期 {c.From:yyyy-MM-dd} 至 {c.To:yyyy-MM-dd}";
        return ContractTerm.StatusOn(c, day, renewalYears) switch
        {
            ContractTerm.RenewalDue => text + $"，合同一年一订，本年度合同至 {ContractTerm.CurrentUntil(c, renewalYears):yyyy-MM-dd}，未续签",
            ContractTerm.Terminated => text + $"，已于 {c.TerminatedOn:yyyy-MM-dd} 终止",
            _ => text,
        };
    }

    /// <summary>R-WS-3: after this class, the non-order-based trainees may take at most (100 − min) % of the task; without a
    /// task, the running order-based share must stay at the minimum.</summary>
    private static Finding? OrderBasedShare(ClassApplication application, TrainingContract contract, ContractProgress? progress, JurisdictionProfile profile)
    {
        if (profile.RuleNumber(ParameterKeys.OrderBasedShareMin) is not { } min) return null;
        var minimum = Math.Max(min.Value, contract.OrderBasedShare ?? 0);
        if (application.TrainingMode == OrderBased) return null;
        if (progress is null)
            return new Finding(min.Rule, Severities.Warning, $"未给出合同 {contract.Label()} 已开班人数，无法核验“订单式”培训不低于任务的{minimum:0.##}%（{min.Rule}）", null);
        var headcount = application.Headcount > 0 ? application.Headcount : application.Trainees.Count;
        var general = progress.Trainees - progress.OrderBasedTrainees + headcount;
        if (contract.Task is { } task)
        {
            var allowed = (int)Math.Floor(task * (100 - minimum) / 100m);
            return general <= allowed ? null : new Finding(min.Rule, Severities.Error,
                $"“订单式”培训不得低于培训任务的{minimum:0.##}%：合同 {contract.Label()} 任务 {task} 人，非订单式至多 {allowed} 人，"
                + $"已开 {progress.Trainees - progress.OrderBasedTrainees} 人，本班 {headcount} 人后为 {general} 人（{min.Rule}）", null);
        }
        var total = progress.Trainees + headcount;
        var share = total == 0 ? 100m : progress.OrderBasedTrainees * 100m / total;
        return share >= minimum ? null : new Finding(min.Rule, Severities.Error,
            $"“订单式”培训不得低于培训任务的{minimum:0.##}%：合同 {contract.Label()} 未写明任务数，本班 {headcount} 人开班后订单式为 {progress.OrderBasedTrainees}/{total} 人（{share:0.#}%）（{min.Rule}）", null);
    }

    private static ContractCheckResult Refused(Finding finding) => new(false, [finding], null);

    private static Finding Error(string rule, string message) => new(rule, Severities.Error, message, null);
}
