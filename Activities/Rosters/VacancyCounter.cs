using System.Text.RegularExpressions;

namespace Pipeline.Activities.Rosters;

/// <summary>
/// Reads the number of vacancies offered on a job vacancy list (就业岗位信息统计表, JZ 附件5): the 合计 row
/// when there is one, otherwise the sum of each row's headcount column (the first small whole number
/// after the row's index, optionally followed by 人 or 名).
/// </summary>
public static partial class VacancyCounter
{
    /// <summary>Total vacancies, or null when no count could be read.</summary>
    public static int? Count(IEnumerable<string> pageTexts)
    {
        var texts = pageTexts.ToList();
        foreach (var text in texts)
        {
            // OCR may put the total on a line of its own below 合计.
            var total = TotalRow().Match(text);
            if (total.Success) return int.Parse(total.Groups["n"].Value);
        }
        var lines = texts.SelectMany(t => t.Split('\n')).ToList();
        var header = lines.FindIndex(l => HeaderCell().IsMatch(l.Replace(" ", "")));
        if (header < 0) return null;
        var sum = 0;
        var rows = 0;
        foreach (var line in lines.Skip(header + 1))
        {
            if (FooterLine().IsMatch(line)) break;
            var numbers = RowNumber().Matches(line).Select(m => m.Groups["n"].Value).ToList();
            if (numbers.Count == 0) continue;
            // The first number of a row is its index (序号) when the row starts with it.
            var start = RowIndex().IsMatch(line) ? 1 : 0;
            if (numbers.Count <= start) continue;
            var n = int.Parse(numbers[start]);
            if (n is <= 0 or > 999) continue;
            sum += n;
            rows++;
        }
        return rows > 0 ? sum : null;
    }

    [GeneratedRegex(@"(?:合\s*计|总\s*计|共\s*计)[^\d\n]{0,12}(?:\n\s*){0,3}[^\d\n]{0,6}(?<n>\d{1,5})(?![\d.\-:：])")]
    private static partial Regex TotalRow();

    /// <summary>Lines after the table: notes, signatures, dates.</summary>
    [GeneratedRegex(@"^\s*(?:注|备注|填报|填表|制表|岗位比例|说明)|年\s*\d{1,2}\s*月")]
    private static partial Regex FooterLine();

    [GeneratedRegex(@"招聘人数|需求人数|招聘数量|岗位数|人数")]
    private static partial Regex HeaderCell();

    // Whole numbers standing alone (not part of a phone number, wage range or date).
    [GeneratedRegex(@"(?<![\d.\-~/])(?<n>\d{1,3})(?:\s*[人名])?(?![\d.\-~/元])")]
    private static partial Regex RowNumber();

    [GeneratedRegex(@"^\s*\d{1,3}\s")]
    private static partial Regex RowIndex();
}
