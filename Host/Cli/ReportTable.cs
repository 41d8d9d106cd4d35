using System.Text;
using Pipeline.Activities.Packs;

namespace Pipeline.Host.Cli;

/// <summary>The pack report as a readable table for the terminal.</summary>
public static class ReportTable
{
    public static string Render(PackReport report)
    {
        var s = report.Summary;
        var sb = new StringBuilder();
        sb.AppendLine($"{report.File}  ({report.Pack}, profile {report.Profile}, sha256 {report.Sha256[..12]}…)");
        sb.Append($"verdict: {report.Verdict.ToUpperInvariant()}   {s.Pages} pages ({s.OcrPages} OCR), {s.Trainees} trainees, {s.InvalidIds} invalid IDs");
        sb.AppendLine(s.Vacancies is { } v ? $", {v} vacancies" : "");
        sb.AppendLine();
        sb.AppendLine("  page  source  conf  section");
        foreach (var p in report.Pages)
            sb.AppendLine($"  {p.Number,4}  {p.Source,-6}  {p.Confidence,4}  {p.Section}");
        sb.AppendLine();
        sb.AppendLine("  sections");
        foreach (var section in report.Sections)
        {
            var where = section.Found ? "p. " + Ranges(section.Pages) : report.Missing.Contains(section.Id) ? "MISSING" : "—";
            sb.AppendLine($"  {(section.Found ? "✓" : report.Missing.Contains(section.Id) ? "✗" : " ")} {section.Id,-26} {where}");
        }
        sb.AppendLine();
        if (report.Findings.Count == 0)
        {
            sb.AppendLine("  no findings");
        }
        else
        {
            sb.AppendLine("  findings");
            foreach (var f in report.Findings)
                sb.AppendLine($"  {f.Severity.ToUpperInvariant(),-7} {f.Rule,-7} {(f.Page is { } p ? "p." + p : "—"),-5} {f.Message}");
        }
        return sb.ToString();
    }

    /// <summary>1,2,3,5 → "1–3, 5".</summary>
    private static string Ranges(IReadOnlyList<int> pages)
    {
        var parts = new List<string>();
        for (var i = 0; i < pages.Count;)
        {
            var j = i;
            while (j + 1 < pages.Count && pages[j + 1] == pages[j] + 1) j++;
            parts.Add(i == j ? $"{pages[i]}" : $"{pages[i]}–{pages[j]}");
            i = j + 1;
        }
        return string.Join(", ", parts);
    }
}
