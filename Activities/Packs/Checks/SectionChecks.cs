using Pipeline.Activities.Classification;

namespace Pipeline.Activities.Packs.Checks;

/// <summary>
/// Checks which checklist sections a pack contains and, for ordered checklists (JZ 附件10, R-JZ-8), that
/// they come in the prescribed order. Findings cite the checklist's rule.
/// </summary>
public static class SectionChecks
{
    /// <summary>Sections of the checklist (found or not) followed by extra sections found, each with its pages.</summary>
    public static IReadOnlyList<SectionReport> Sections(PackChecklist checklist, IReadOnlyList<ClassifiedPage> pages)
    {
        var pagesBySection = pages.GroupBy(p => p.Section).ToDictionary(g => g.Key, g => g.Select(p => p.Number).ToList());
        var listed = checklist.Sections.Select(s => s.Id).ToList();
        var extra = SectionIds.All.Where(id => !listed.Contains(id) && pagesBySection.ContainsKey(id));
        return listed.Concat(extra)
            .Select(id => pagesBySection.TryGetValue(id, out var p) ? new SectionReport(id, true, p) : new SectionReport(id, false, []))
            .ToList();
    }

    /// <summary>Required sections not found.</summary>
    public static IReadOnlyList<string> Missing(PackChecklist checklist, IReadOnlyList<SectionReport> sections) =>
        checklist.Sections.Where(s => s.Required && !sections.Any(r => r.Id == s.Id && r.Found)).Select(s => s.Id).ToList();

    /// <summary>An error per missing required section, citing the section's own rule or else the checklist's.</summary>
    public static IEnumerable<Finding> MissingFindings(PackChecklist checklist, IReadOnlyList<string> missing) =>
        missing.Select(id => new Finding(
            RuleOf(checklist, id), Severities.Error,
            $"缺少「{Label(checklist, id)}」（{checklist.Source}）。", null));

    /// <summary>
    /// An error per found section with fewer pages than its checklist asks (YN: a 检查表 from each of at least two
    /// inspections, R-YN-9b), at the section's first page.
    /// </summary>
    public static IEnumerable<Finding> CountFindings(PackChecklist checklist, IReadOnlyList<SectionReport> sections)
    {
        foreach (var section in checklist.Sections.Where(s => s.MinPages is > 1))
        {
            var found = sections.FirstOrDefault(r => r.Id == section.Id && r.Found);
            if (found is null || found.Pages.Count >= section.MinPages) continue;
            yield return new Finding(RuleOf(checklist, section.Id), Severities.Error,
                $"「{section.Label}」只有 {found.Pages.Count} 份，应不少于 {section.MinPages} 份（{checklist.Source}）。", found.Pages[0]);
        }
    }

    private static string RuleOf(PackChecklist checklist, string id) =>
        checklist.Sections.FirstOrDefault(s => s.Id == id)?.Rule ?? checklist.Rule;

    /// <summary>
    /// For ordered checklists: an error for each section that breaks the prescribed order. The sections
    /// kept in order are a longest run consistent with the checklist (so one misplaced section yields one
    /// finding, not a cascade); every other found section is reported at its first page.
    /// </summary>
    public static IEnumerable<Finding> OrderFindings(PackChecklist checklist, IReadOnlyList<SectionReport> sections)
    {
        if (!checklist.Ordered) yield break;
        var found = sections
            .Where(s => s.Found && checklist.IndexOf(s.Id) >= 0)
            .OrderBy(s => s.Pages[0])
            .Select(s => (s.Id, First: s.Pages[0], Index: checklist.IndexOf(s.Id)))
            .ToList();
        var inOrder = LongestIncreasing(found.Select(f => f.Index).ToList());
        for (var i = 0; i < found.Count; i++)
        {
            if (inOrder.Contains(i)) continue;
            var (id, first, index) = found[i];
            var before = found.Where((f, j) => inOrder.Contains(j) && f.Index < index).Select(f => f.Id).LastOrDefault();
            var after = found.Where((f, j) => inOrder.Contains(j) && f.Index > index).Select(f => f.Id).FirstOrDefault();
            var where = (before, after) switch
            {
                (not null, not null) => $"应排在「{Label(checklist, before)}」之后、「{Label(checklist, after)}」之前",
                (not null, null) => $"应排在「{Label(checklist, before)}」之后",
                (null, not null) => $"应排在「{Label(checklist, after)}」之前",
                _ => "顺序不符合要求",
            };
            yield return new Finding(checklist.Rule, Severities.Error,
                $"「{Label(checklist, id)}」编排顺序不对（第 {first} 页）：{where}（{checklist.Source}）。", first);
        }
    }

    private static string Label(PackChecklist checklist, string id) =>
        checklist.Sections.FirstOrDefault(s => s.Id == id)?.Label ?? id;

    /// <summary>Positions of one longest strictly increasing subsequence (O(n²); packs have few sections).</summary>
    private static HashSet<int> LongestIncreasing(IReadOnlyList<int> values)
    {
        var n = values.Count;
        var length = new int[n];
        var previous = new int[n];
        var bestEnd = -1;
        for (var i = 0; i < n; i++)
        {
            length[i] = 1;
            previous[i] = -1;
            for (var j = 0; j < i; j++)
            {
                if (values[j] < values[i] && length[j] + 1 > length[i])
                {
                    length[i] = length[j] + 1;
                    previous[i] = j;
                }
            }
            if (bestEnd < 0 || length[i] > length[bestEnd]) bestEnd = i;
        }
        var result = new HashSet<int>();
        for (var i = bestEnd; i >= 0; i = previous[i]) result.Add(i);
        return result;
    }
}
