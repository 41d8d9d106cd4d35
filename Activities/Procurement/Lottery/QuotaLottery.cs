using System.Security.Cryptography;
using Pipeline.Activities.Supervision.Draws;

namespace Pipeline.Activities.Procurement.Lottery;

/// <summary>One area (培训区域) to be drawn with its yearly quota (年度培训任务数), in persons.</summary>
/// <param name="Area">The area as the bureau names it, e.g. 开栅镇; used exactly as given.</param>
/// <param name="Quota">Yearly training task of the area, persons, ≥ 1.</param>
public sealed record LotteryArea(string Area, int Quota);

/// <summary>One lot: the area, the institution that drew it and the quota that goes with it.</summary>
/// <param name="Lot">Position of the lot, 1-based, in lot order.</param>
/// <param name="Area">The area.</param>
/// <param name="Institution">The contracted institution the lot fell to.</param>
/// <param name="Quota">Yearly quota, persons.</param>
public sealed record LotteryAssignment(int Lot, string Area, string Institution, int Quota);

/// <summary>
/// A quota lottery as written to the case history and the 抽签记录: enough to repeat and verify it.
/// </summary>
/// <param name="Seed">The seed (given, or drawn when none was given: <paramref name="SeedDrawn"/>).</param>
/// <param name="SeedDrawn">True when the product drew the seed because the caller gave none.</param>
/// <param name="Participants">The contracted institutions, ordinally sorted (the order they were given in does not matter).</param>
/// <param name="DrawOrder">The institutions in the order they draw lots: ranked by <see cref="SeededDraw.Key"/>(seed, institution).</param>
/// <param name="Lots">The areas in lot order: ranked by <see cref="SeededDraw.Key"/>(seed + ":lots", area).</param>
/// <param name="Assignments">Area → institution and quota, in lot order: lot i falls to the (i mod n)-th institution of the draw order.</param>
/// <param name="FreeRecruitment">Areas not drawn: every institution recruits there freely (WS: 凤城镇四关四街, R-WS-2).</param>
/// <param name="Rule">The rule the lottery follows (R-WS-2).</param>
/// <param name="Method">The ranking in words.</param>
public sealed record QuotaLotteryResult(
    string Seed, bool SeedDrawn, IReadOnlyList<string> Participants, IReadOnlyList<string> DrawOrder, IReadOnlyList<string> Lots,
    IReadOnlyList<LotteryAssignment> Assignments, IReadOnlyList<string> FreeRecruitment, string Rule,
    string Method = QuotaLottery.Method);

/// <summary>
/// The quota lottery (抽签分配培训区域和任务数, WS §二(二), R-WS-2): among the contracted institutions, the areas and their
/// yearly quotas are assigned by drawing lots. Seeded and reproducible on <see cref="SeededDraw"/>: the institutions
/// draw in the order of SHA-256(seed + ":" + institution), the lots come out in the order of
/// SHA-256(seed + ":lots:" + area), and lot i falls to the (i mod n)-th institution (round the table again when there
/// are more areas than institutions; when there are fewer, the last institutions in the draw order draw no lot). The
/// same seed, institutions and areas give the same result whatever order they are given in. Free-recruitment areas
/// (WS 凤城镇四关四街, "不进行抽签") are never lots.
/// </summary>
public static class QuotaLottery
{
    /// <summary>The method in words, recorded with each lottery.</summary>
    public const string Method = "draw order: SHA-256(UTF-8(seed + \":\" + institution)) ascending; lot order: SHA-256(UTF-8(seed + \":lots:\" + area)) ascending; lot i → institution i mod n";

    /// <summary>A fresh seed for a lottery whose caller gives none: 16 lower-case hex digits from the system's CSPRNG.</summary>
    public static string NewSeed() => RandomNumberGenerator.GetHexString(16, lowercase: true);

    /// <summary>Draws the lots.</summary>
    /// <param name="seed">The seed; null or blank draws one (<see cref="NewSeed"/>) and reports it.</param>
    /// <param name="institutions">The contracted institutions (names or credit codes), each once.</param>
    /// <param name="areas">The areas with their quotas, each once; free-recruitment areas among them are set aside.</param>
    /// <param name="freeRecruitment">Areas never drawn (profile <c>lottery.freeRecruitmentAreas</c>).</param>
    /// <param name="rule">The rule id recorded, R-WS-2.</param>
    /// <exception cref="ArgumentException">No institution, an institution or area given twice or blank, a quota below 1,
    /// or no area left to draw (Chinese first, English after).</exception>
    public static QuotaLotteryResult Draw(string? seed, IEnumerable<string> institutions, IEnumerable<LotteryArea> areas,
        IEnumerable<string> freeRecruitment, string rule)
    {
        var drawn = string.IsNullOrWhiteSpace(seed);
        var used = drawn ? NewSeed() : seed!;
        var participants = institutions.ToList();
        if (participants.Count == 0)
            throw new ArgumentException("抽签须至少有一家已签约的培训机构 (the lottery needs at least one contracted institution)", nameof(institutions));
        var drawOrder = SeededDraw.Order(used, participants);

        var free = freeRecruitment.ToHashSet(StringComparer.Ordinal);
        var all = areas.ToList();
        foreach (var area in all)
        {
            if (string.IsNullOrWhiteSpace(area.Area))
                throw new ArgumentException("培训区域名称不能为空 (an area is blank)", nameof(areas));
            if (area.Quota < 1)
                throw new ArgumentException($"培训区域「{area.Area}」的任务数须至少为 1 人，而不是 {area.Quota} (the quota of {area.Area} must be ≥ 1)", nameof(areas));
        }
        if (all.GroupBy(a => a.Area, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new ArgumentException($"培训区域「{twice.Key}」重复 (area {twice.Key} is given twice)", nameof(areas));
        var drawable = all.Where(a => !free.Contains(a.Area)).ToDictionary(a => a.Area, a => a.Quota, StringComparer.Ordinal);
        if (drawable.Count == 0)
            throw new ArgumentException("没有可抽签的培训区域 (no area left to draw)", nameof(areas));

        var lots = SeededDraw.Order(used + ":lots", drawable.Keys);
        var assignments = lots.Select((area, i) => new LotteryAssignment(i + 1, area, drawOrder[i % drawOrder.Count], drawable[area])).ToList();
        return new QuotaLotteryResult(used, drawn,
            participants.Order(StringComparer.Ordinal).ToList(), drawOrder, lots, assignments,
            free.Order(StringComparer.Ordinal).ToList(), rule);
    }
}
