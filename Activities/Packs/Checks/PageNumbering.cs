using System.Text.RegularExpressions;

namespace Pipeline.Activities.Packs.Checks;

/// <summary>
/// Whether a pack's pages carry printed page numbers, as JZ 附件10 requires of subsidy claims ("按上述排序编印页码",
/// R-JZ-8). A page number is read from the last lines of a page: <c>第 N 页</c>, <c>- N -</c>, or a number alone.
/// OCR can miss a footer, so only a pack where most pages show none gets a warning. WS asks for the number at the top
/// right ("所有档案要编写页码（右上角）", R-WS-11): such checklists read it from the first lines instead.
/// </summary>
public static partial class PageNumbering
{
    /// <summary>The printed page number of a page, or null when none is found in its last four lines.</summary>
    public static int? Read(string pageText) => Read(pageText, top: false);

    /// <summary>The printed page number read from the last four lines, or with <paramref name="top"/> from the first two
    /// (the number at the top right ends its line).</summary>
    public static int? Read(string pageText, bool top)
    {
        var lines = pageText.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (top)
        {
            foreach (var line in lines.Take(2))
            {
                var m = Header().Match(line);
                if (m.Success) return int.Parse(m.Groups["n"].Value);
            }
            return null;
        }
        foreach (var line in lines.TakeLast(4).Reverse())
        {
            var m = Footer().Match(line);
            if (m.Success) return int.Parse(m.Groups["n"].Value);
        }
        return null;
    }

    /// <summary>A warning when fewer than half of the readable pages show a page number; nothing otherwise.</summary>
    public static IEnumerable<Finding> Findings(IReadOnlyList<ClassifiedPage> pages, PackChecklist checklist)
    {
        if (!checklist.PageNumbers) yield break;
        var readable = pages.Where(p => p.Readable).ToList();
        var top = checklist.PageNumberPosition == "top-right";
        var numbered = readable.Count(p => Read(p.Page.Text, top) is not null);
        if (readable.Count > 0 && numbered * 2 < readable.Count)
            yield return new Finding(checklist.PageNumberRule ?? checklist.Rule, Severities.Warning,
                $"材料未按要求{(top ? "在右上角" : "")}编印页码：{readable.Count} 页中只在 {numbered} 页识别到页码（{checklist.Source}）。", null);
    }

    [GeneratedRegex(@"^(?:第\s*(?<n>\d{1,3})\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?|[-—–~]\s*(?<n>\d{1,3})\s*[-—–~]|(?<n>\d{1,3}))$")]
    private static partial Regex Footer();

    // A number (or 第 N 页) ending one of the first lines, after a gap: the top-right corner of a scanned archive page.
    [GeneratedRegex(@"(?:^|\s{2,}|\s)(?:第\s*(?<n>\d{1,3})\s*页|(?<n>\d{1,3}))$")]
    private static partial Regex Header();
}
