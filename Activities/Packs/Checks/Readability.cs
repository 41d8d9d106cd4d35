using Pipeline.Activities.Documents.Pages;
using Pipeline.Activities.Documents.Text;

namespace Pipeline.Activities.Packs.Checks;

/// <summary>Whether pages (and the pack as a whole) have enough readable text to be checked.</summary>
public static class Readability
{
    /// <summary>A page is readable with at least the minimum readable characters and, when OCR'd, the minimum confidence.</summary>
    public static bool IsReadable(PageText page, PackCheckOptions options) =>
        ChineseText.ReadableLength(page.Text) >= options.MinReadableChars
        && (page.Source == TextSource.Text || page.Confidence >= options.MinConfidence);

    /// <summary>True when too few pages are readable for the pack to be checked at all.</summary>
    public static bool PackUnreadable(IReadOnlyList<ClassifiedPage> pages, PackCheckOptions options) =>
        pages.Count == 0 || pages.Count(p => p.Readable) < options.MinReadablePageShare * pages.Count;

    /// <summary>The finding for an unreadable pack, or one warning per unreadable page of a readable pack.</summary>
    public static IEnumerable<Finding> Findings(IReadOnlyList<ClassifiedPage> pages, bool packUnreadable, PackChecklist checklist)
    {
        if (packUnreadable)
        {
            var readable = pages.Count(p => p.Readable);
            yield return new Finding(checklist.Rule, Severities.Error,
                $"材料无法识别：{pages.Count} 页中只有 {readable} 页能读出文字（空白、全黑或过于模糊），请重新扫描后上传。", null);
            yield break;
        }
        foreach (var page in pages.Where(p => !p.Readable))
            yield return new Finding(checklist.Rule, Severities.Warning,
                $"第 {page.Number} 页无法识别文字（空白、全黑或过于模糊），请核对或重新扫描。", page.Number);
    }
}
