using System.Text;
using UglyToad.PdfPig.Content;

namespace Pipeline.Activities.Documents.Pdf;

/// <summary>
/// The text layer of a PDF page in reading order, built from PdfPig's positioned letters as <c>pdftotext -layout</c>
/// lays it out (not PdfPig's <c>page.Text</c>, which follows the content stream's order): letters are grouped into
/// lines by the vertical overlap of their bands around the baseline, lines run top to bottom, letters left to right,
/// and the horizontal gap between two letters becomes spaces (one for a word gap, more for wider gaps, one per
/// half-em), so the cells of a table row stay apart. Only horizontal (upright) letters are read; a page whose text
/// runs otherwise gives little text and is OCR'd instead.
/// </summary>
public static class PageTextLayout
{
    /// <summary>A gap narrower than this many ems between two letters is kerning or tracking, not a space.</summary>
    private const double NoSpaceEm = 0.1;

    /// <summary>Letters of one line share at least this fraction of the smaller letter's band height.</summary>
    private const double SameLineOverlap = 0.5;

    /// <summary>The page's text, one line of text a line (<c>\n</c>), or "" when it has none.</summary>
    public static string Read(Page page) => Layout(page.Letters);

    /// <summary>Lays out letters as <see cref="Read"/> does.</summary>
    public static string Layout(IReadOnlyList<Letter> letters)
    {
        var upright = letters
            .Where(l => l.TextOrientation == TextOrientation.Horizontal && !string.IsNullOrWhiteSpace(l.Value))
            .OrderByDescending(l => l.StartBaseLine.Y)
            .ThenBy(l => l.StartBaseLine.X)
            .ToList();
        var lines = new List<List<Letter>>();
        foreach (var letter in upright)
        {
            if (lines.Count > 0 && SameLine(lines[^1][0], letter)) lines[^1].Add(letter);
            else lines.Add([letter]);
        }
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            line.Sort((a, b) => a.StartBaseLine.X.CompareTo(b.StartBaseLine.X));
            AppendLine(text, line);
            text.Append('\n');
        }
        return text.ToString().TrimEnd('\n');
    }

    private static void AppendLine(StringBuilder text, List<Letter> line)
    {
        Letter? previous = null;
        foreach (var letter in line)
        {
            if (previous is not null)
            {
                var em = Math.Min(Size(previous), Size(letter));
                var gap = letter.StartBaseLine.X - Right(previous);
                // A letter drawn twice in the same place (fake bold, shadow) is read once.
                if (letter.Value == previous.Value && Math.Abs(letter.StartBaseLine.X - previous.StartBaseLine.X) < em * NoSpaceEm) continue;
                if (gap >= em * NoSpaceEm) text.Append(' ', Math.Max(1, (int)Math.Round(gap / (em / 2))));
            }
            text.Append(letter.Value);
            previous = letter;
        }
    }

    private static bool SameLine(Letter first, Letter letter)
    {
        var (top1, bottom1) = Band(first);
        var (top2, bottom2) = Band(letter);
        var overlap = Math.Min(top1, top2) - Math.Max(bottom1, bottom2);
        return overlap >= SameLineOverlap * Math.Min(top1 - bottom1, top2 - bottom2);
    }

    /// <summary>The band a letter occupies: from 0.2 em below its baseline to 0.8 em above it.</summary>
    private static (double Top, double Bottom) Band(Letter letter) =>
        (letter.StartBaseLine.Y + 0.8 * Size(letter), letter.StartBaseLine.Y - 0.2 * Size(letter));

    private static double Right(Letter letter) => letter.StartBaseLine.X + Math.Max(letter.Width, letter.BoundingBox.Width);

    /// <summary>The letter's size in points (its em); falls back to its glyph height for fonts that declare none.</summary>
    private static double Size(Letter letter) => letter.PointSize > 0 ? letter.PointSize : Math.Max(1, letter.BoundingBox.Height);
}
