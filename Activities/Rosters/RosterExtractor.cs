using System.Text.RegularExpressions;
using Pipeline.Activities.Documents.Text;

namespace Pipeline.Activities.Rosters;

/// <summary>
/// Reads trainees from roster pages: every 18-character ID number (OCR may split it with spaces or read
/// X as ×), and the name printed before it on the same row. Each ID number is validated by GB 11643 and,
/// when the profile sets one, the legal working age (R-JZ-1). A number seen twice is one trainee.
/// </summary>
public static partial class RosterExtractor
{
    /// <summary>Words that sit in name-sized cells of a roster but are not names.</summary>
    private static readonly HashSet<string> NotNames =
    [
        "姓名", "性别", "序号", "民族", "汉族", "备注", "本人", "签字", "失业人员", "退役军人", "脱贫人口", "农民工",
        "身份类别", "人员类别", "联系电话", "身份证号", "文化程度", "初中", "高中", "中专", "大专", "本科", "小学", "续表",
    ];

    /// <summary>Extracts trainees from <paramref name="pages"/> (page number, tidied text), in reading order.</summary>
    /// <param name="asOf">Reference date for birth-date and age checks.</param>
    /// <param name="workingAge">Legal working age from the profile, or null to skip the age check.</param>
    public static IReadOnlyList<RosterEntry> Extract(
        IEnumerable<(int Page, string Text)> pages, DateOnly asOf, (int Min, int Max)? workingAge)
    {
        var entries = new List<RosterEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (page, text) in pages)
        {
            foreach (var line in text.Split('\n'))
            {
                foreach (Match m in IdCandidate().Matches(line))
                {
                    var id = Normalise(m.Value);
                    if (id.Length != 18 || !seen.Add(id)) continue;
                    var name = NameBefore(line[..m.Index]);
                    entries.Add(new RosterEntry(name, id, IdNumber.Validate(id, asOf, workingAge), page));
                }
            }
        }
        return entries;
    }

    private static string Normalise(string raw)
    {
        Span<char> buffer = stackalloc char[raw.Length];
        var n = 0;
        foreach (var c in raw)
        {
            if (char.IsAsciiDigit(c)) buffer[n++] = c;
            else if (c is 'X' or 'x' or '×' or 'Ⅹ') buffer[n++] = 'X';
        }
        return new string(buffer[..n]);
    }

    /// <summary>
    /// The first plausible personal name (2–4 Han characters, a cell of its own) before the ID number. When OCR
    /// ran the gender cell into the name cell (李娜女) and no gender cell stands alone, the gender is cut off.
    /// </summary>
    private static string NameBefore(string prefix)
    {
        var cells = CellSplit().Split(prefix).Select(c => c.Trim()).Where(c => c.Length > 0).ToList();
        var genderApart = cells.Any(c => c is "男" or "女");
        foreach (var cell in cells)
        {
            var name = !genderApart && cell.Length is >= 3 and <= 5 && cell[^1] is '男' or '女' ? cell[..^1] : cell;
            if (name.Length is >= 2 and <= 4 && name.All(ChineseText.IsHan) && !NotNames.Contains(name))
                return name;
        }
        return "";
    }

    // 17 digits (a single space or thin gap allowed between them, as OCR sometimes inserts) and a check character.
    [GeneratedRegex(@"(?<![0-9])[1-9](?: ?[0-9]){16} ?[0-9Xx×Ⅹ](?![0-9])")]
    private static partial Regex IdCandidate();

    [GeneratedRegex(@"[\s|｜丨,，;；:：/()（）\[\]]+")]
    private static partial Regex CellSplit();
}
