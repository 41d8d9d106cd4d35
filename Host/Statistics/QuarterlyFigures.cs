using System.Globalization;
using System.Text.Json;
using Pipeline.Activities.Forms;

namespace Pipeline.Host.Statistics;

/// <summary>What the statistics read of one class case: its class data and the variables of its top-level instance (JSON).</summary>
public sealed record StatisticsCase(string BusinessKey, string? InstitutionName, string? ClassData, string? VariablesJson);

/// <summary>
/// The figures of one training category for a quarter (R-QJ-6, QJ 附件1): classes (班次), trainees (人数), passed
/// (合格人数, only of classes whose acceptance recorded results), the pass rate over those classes' trainees (null when
/// none has results), the subsidy paid in yuan (of classes whose payment is recorded) and the institutions.
/// </summary>
public sealed record CategoryFigures(
    TrainingCategory Category, string Name, int Classes, int Trainees, int Passed, int TraineesWithResults, decimal? PassRate,
    decimal Subsidy, int ClassesPaid, IReadOnlyList<string> Institutions);

/// <summary>A quarter's figures by category, their total, and what is not known yet (said, never guessed).</summary>
/// <param name="PendingOpening">Classes starting in the quarter whose opening is not yet decided (not counted).</param>
/// <param name="NotOpened">Classes refused at opening (not counted).</param>
/// <param name="WithoutResults">Counted classes without acceptance results: their trainees are in 人数, not in the pass rate.</param>
/// <param name="WithoutPayment">Counted classes without a recorded payment: nothing of theirs is in 补贴资金.</param>
public sealed record QuarterlyFigures(
    int Year, int Quarter, DateOnly From, DateOnly To, IReadOnlyList<CategoryFigures> Categories, CategoryFigures Total,
    int PendingOpening, int NotOpened, int WithoutResults, int WithoutPayment, IReadOnlyList<string> Notes);

/// <summary>
/// Builds <see cref="QuarterlyFigures"/> from class cases: a class belongs to the quarter its first day (开班日期,
/// <c>class.startDate</c>) falls in, and counts once its opening is approved (variable <c>opened</c> = true). Categories
/// from <c>class.kind</c>: <c>skills</c> and <c>work-based</c> (以工代训) → 就业技能培训, <c>entrepreneurship</c> → 创业基础能力培训
/// (the class data does not tell 提升创业能力培训 apart, which is said in the notes). Trainees: the roster's length, else
/// the headcount; passed: trainees less the assessment's <c>failed</c>; subsidy: <c>paidAmount</c>.
/// </summary>
public static class QuarterlyStatisticsBuilder
{
    /// <exception cref="ArgumentOutOfRangeException">A quarter outside 1–4.</exception>
    public static QuarterlyFigures Build(int year, int quarter, IEnumerable<StatisticsCase> cases)
    {
        if (quarter is < 1 or > 4) throw new ArgumentOutOfRangeException(nameof(quarter), quarter, "quarter is 1–4");
        var from = new DateOnly(year, 3 * quarter - 2, 1);
        var to = from.AddMonths(3).AddDays(-1);
        var lines = new List<(TrainingCategory Category, int Trainees, int? Passed, decimal? Paid, string? Institution)>();
        int pending = 0, refused = 0;
        var workBased = 0;
        foreach (var c in cases)
        {
            if (c.ClassData is null) continue;
            using var classData = JsonDocument.Parse(c.ClassData);
            var cls = classData.RootElement;
            if (!(cls.TryGetProperty("startDate", out var s) && DateOnly.TryParseExact(s.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
                || start < from || start > to) continue;
            using var variables = JsonDocument.Parse(c.VariablesJson ?? "{}");
            var vars = variables.RootElement;
            var opened = vars.TryGetProperty("opened", out var o) ? o.ValueKind switch { JsonValueKind.True => true, JsonValueKind.False => false, _ => (bool?)null } : null;
            if (opened is null) { pending++; continue; }
            if (opened is false) { refused++; continue; }
            var kind = cls.TryGetProperty("kind", out var k) ? k.GetString() : "skills";
            if (kind == "work-based") workBased++;
            var category = kind == "entrepreneurship" ? TrainingCategory.EntrepreneurshipBasics : TrainingCategory.EmploymentSkills;
            var trainees = cls.TryGetProperty("trainees", out var t) && t.ValueKind == JsonValueKind.Array && t.GetArrayLength() > 0 ? t.GetArrayLength()
                : cls.TryGetProperty("headcount", out var hc) && hc.TryGetInt32(out var n) ? n : 0;
            int? passed = vars.TryGetProperty("assessment", out var a) && a.ValueKind == JsonValueKind.Object
                ? Math.Max(0, trainees - (a.TryGetProperty("failed", out var f) && f.ValueKind == JsonValueKind.Array ? f.GetArrayLength() : 0))
                : null;
            decimal? paid = vars.TryGetProperty("paidAmount", out var p) && p.ValueKind == JsonValueKind.Number ? p.GetDecimal() : null;
            lines.Add((category, trainees, passed, paid, c.InstitutionName));
        }

        CategoryFigures Sum(TrainingCategory category, string name, IReadOnlyCollection<(TrainingCategory Category, int Trainees, int? Passed, decimal? Paid, string? Institution)> of)
        {
            var withResults = of.Where(l => l.Passed is not null).ToList();
            var base_ = withResults.Sum(l => l.Trainees);
            var passed = withResults.Sum(l => l.Passed!.Value);
            return new CategoryFigures(category, name, of.Count, of.Sum(l => l.Trainees), passed, base_,
                base_ == 0 ? null : Math.Round((decimal)passed / base_, 4),
                of.Sum(l => l.Paid ?? 0), of.Count(l => l.Paid is not null),
                of.Select(l => l.Institution).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList());
        }

        var categories = Enum.GetValues<TrainingCategory>().Select(cat => Sum(cat, cat.Label(), lines.Where(l => l.Category == cat).ToList())).ToList();
        var total = Sum(TrainingCategory.EmploymentSkills, "合计", lines);
        var notes = new List<string>();
        var withoutResults = lines.Count(l => l.Passed is null);
        var withoutPayment = lines.Count(l => l.Paid is null);
        if (pending > 0) notes.Add($"{pending} 个班开班审批尚未办结，未计入 ({pending} classes await their opening decision; not counted)");
        if (refused > 0) notes.Add($"{refused} 个班未准予开班，未计入 ({refused} classes were not approved; not counted)");
        if (withoutResults > 0) notes.Add($"{withoutResults} 个班尚无结业考核结果：人数已计入，合格人数与合格率未含这些班 ({withoutResults} classes have no assessment results yet: counted in trainees, not in the pass rate)");
        if (withoutPayment > 0) notes.Add($"{withoutPayment} 个班尚未拨付补贴，补贴资金未含这些班 ({withoutPayment} classes are not paid yet: not in the subsidy)");
        if (workBased > 0) notes.Add($"{workBased} 个以工代训班计入就业技能培训 ({workBased} work-based classes are counted as job-skills training)");
        notes.Add("开班数据不区分创业基础能力培训与提升创业能力培训，创业培训班均计入创业基础能力培训 (class data does not tell the two entrepreneurship categories apart: all count as basics)");
        return new QuarterlyFigures(year, quarter, from, to, categories, total, pending, refused, withoutResults, withoutPayment, notes);
    }

    /// <summary>The figures as the QJ 附件1 form's record (合格人数 of the classes with results; the rest as counted).</summary>
    public static QujingQuarterlyStatisticsData Form(QuarterlyFigures figures, string reporter, DateOnly date) => new()
    {
        Reporter = reporter, Year = figures.Year, Quarter = figures.Quarter, Date = date,
        Rows = figures.Categories.Select(c => new QuarterlyCategoryRow
        {
            Category = c.Category, Classes = c.Classes, Trainees = c.Trainees, Passed = c.Passed, Subsidy = c.Subsidy, Institutions = c.Institutions,
        }).ToList(),
    };
}
