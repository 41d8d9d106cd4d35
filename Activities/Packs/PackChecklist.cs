using System.Reflection;
using System.Text.Json;
using Pipeline.Activities.Classification;

namespace Pipeline.Activities.Packs;

/// <summary>One section a pack must or may contain.</summary>
/// <param name="Id">Section id (<see cref="SectionIds"/>).</param>
/// <param name="Required">Missing → an error finding.</param>
/// <param name="Label">The regulation's own name for the material, used in findings.</param>
/// <param name="Rule">Rule cited when this section is missing, when it is not the checklist's (GL's mandatory 现场督查情况表, R-GL-9b).</param>
/// <param name="MinPages">Least pages of the section (YN: at least two 检查表 per class, R-YN-9b); null: one is enough.</param>
public sealed record ChecklistSection(string Id, bool Required, string Label, string? Rule = null, int? MinPages = null);

/// <summary>
/// What a material pack must contain, as data (<c>Packs/Data/*.json</c>): its sections, which are required,
/// and whether their order is prescribed.
/// </summary>
/// <param name="Id">Checklist id, e.g. <c>jz-class-opening</c>.</param>
/// <param name="Pack">Pack kind: <c>class-opening</c> or <c>subsidy-claim</c>.</param>
/// <param name="Rule">Rule id cited by missing-section and order findings (R-JZ-3, R-JZ-8).</param>
/// <param name="Ordered">Sections must appear in the listed order (JZ 附件10 编排顺序).</param>
/// <param name="PageNumbers">Pages must carry printed page numbers (JZ 附件10 二、按上述排序编印页码; WS §四(一) 右上角).</param>
/// <param name="PageNumberPosition"><c>bottom</c> (default: a footer) or <c>top-right</c> (WS §四(一) "编写页码（右上角）").</param>
/// <param name="PageNumberRule">Rule cited by the page-number finding when it is not <paramref name="Rule"/> (WS: R-WS-11).</param>
public sealed record PackChecklist(
    string Id, string Pack, string DisplayName, string Rule, string Source, bool Ordered, IReadOnlyList<ChecklistSection> Sections,
    bool PageNumbers = false, string PageNumberPosition = "bottom", string? PageNumberRule = null)
{
    /// <summary>Every rule id the checklist cites.</summary>
    public IEnumerable<string> Rules =>
        new[] { Rule, PageNumberRule }.Concat(Sections.Select(s => s.Rule)).OfType<string>().Distinct(StringComparer.Ordinal);

    /// <summary>Ids of every embedded checklist.</summary>
    public static IReadOnlyList<string> EmbeddedIds() => Assembly.GetExecutingAssembly().GetManifestResourceNames()
        .Where(n => n.StartsWith("packs/", StringComparison.Ordinal))
        .Select(n => n["packs/".Length..^".json".Length]).Order(StringComparer.Ordinal).ToList();

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    /// <summary>Position of a section in the prescribed order, or -1 when the checklist does not list it.</summary>
    public int IndexOf(string sectionId)
    {
        for (var i = 0; i < Sections.Count; i++)
            if (Sections[i].Id == sectionId) return i;
        return -1;
    }

    /// <summary>Loads the embedded checklist <paramref name="id"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such checklist.</exception>
    public static PackChecklist LoadEmbedded(string id)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"packs/{id}.json")
            ?? throw new KeyNotFoundException($"unknown checklist '{id}'");
        var checklist = JsonSerializer.Deserialize<PackChecklist>(stream, Json) ?? throw new InvalidDataException($"{id} is empty");
        var unknown = checklist.Sections.Select(s => s.Id).Where(s => !SectionIds.All.Contains(s)).ToList();
        return unknown.Count == 0 ? checklist : throw new InvalidDataException($"{id}: unknown section ids {string.Join(", ", unknown)}");
    }
}
