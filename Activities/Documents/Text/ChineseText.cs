using System.Text;

namespace Pipeline.Activities.Documents.Text;

/// <summary>Text normalisation for Chinese OCR output and text layers.</summary>
public static class ChineseText
{
    /// <summary>True for CJK unified ideographs (basic block and extension A).</summary>
    public static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf';

    /// <summary>
    /// NFKC-normalises (full-width digits and letters become ASCII), unifies line breaks, trims each line and
    /// shortens runs of three or more spaces to two. Single and double spaces stay: they separate table cells.
    /// </summary>
    public static string Tidy(string raw)
    {
        var text = raw.Normalize(NormalizationForm.FormKC).Replace("\r\n", "\n").Replace('\t', ' ');
        var sb = new StringBuilder(text.Length);
        foreach (var line in text.Split('\n'))
        {
            var spaces = 0;
            foreach (var c in line.Trim())
            {
                if (c == ' ')
                {
                    if (++spaces <= 2) sb.Append(c);
                    continue;
                }
                spaces = 0;
                sb.Append(c);
            }
            sb.Append('\n');
        }
        return sb.ToString().Trim();
    }

    /// <summary>
    /// Compact key for matching: NFKC, lower-case letters, digits and Han characters only (no spaces or punctuation).
    /// </summary>
    public static string Compact(string text)
    {
        var normal = text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(normal.Length);
        foreach (var c in normal)
        {
            if (IsHan(c) || char.IsAsciiLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    /// <summary>Number of Han characters, ASCII letters and digits: the "readable" characters of a page.</summary>
    public static int ReadableLength(string text)
    {
        var n = 0;
        foreach (var c in text)
            if (IsHan(c) || char.IsAsciiLetterOrDigit(c)) n++;
        return n;
    }

    /// <summary>Number of Han characters.</summary>
    public static int HanCount(string text)
    {
        var n = 0;
        foreach (var c in text)
            if (IsHan(c)) n++;
        return n;
    }
}
