using System.Text;

namespace Pipeline.Activities.Documents.Ocr.Paddle;

/// <summary>
/// Puts recognised lines in reading order for the page checks: boxes whose vertical centres lie within half a line
/// height of each other form one row, rows go top to bottom, and the cells of a row left to right joined by two
/// spaces, so a roster row keeps each trainee's name beside their ID number as on paper.
/// </summary>
public static class ReadingOrder
{
    /// <returns>The page text, one row per line.</returns>
    public static string Text(IEnumerable<RecognizedLine> lines)
    {
        var rows = new List<List<RecognizedLine>>();
        var centres = new List<(float Centre, float Height)>();
        foreach (var line in lines.OrderBy(l => l.Box.CenterY))
        {
            var last = rows.Count - 1;
            if (last >= 0 && Math.Abs(line.Box.CenterY - centres[last].Centre) < 0.5f * Math.Min(line.Box.Height, centres[last].Height))
            {
                var row = rows[last];
                row.Add(line);
                // The row's centre and height follow its members, so a slightly slanted row stays together.
                centres[last] = (row.Average(l => l.Box.CenterY), row.Average(l => (float)l.Box.Height));
                continue;
            }
            rows.Add([line]);
            centres.Add((line.Box.CenterY, line.Box.Height));
        }
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.AppendJoin("  ", row.OrderBy(l => l.Box.X).Select(l => l.Text.Trim()));
            text.Append('\n');
        }
        return text.ToString();
    }
}
