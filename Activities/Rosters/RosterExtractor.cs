using System.Text.RegularExpressions;
using Pipeline.Activities.Documents.Text;

namespace Pipeline.Activities.Rosters;

/// <summary>
/// Reads trainees from roster pages: every 18-character ID number (OCR may split it with spaces or read
/// X as ×), and the name printed on the same row (before it, or else after it). Each ID number is validated by GB 11643 and,
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

    /// <summary>Extracts trainees from <paramref name="pages"/>, in reading order.</summary>
    /// <param name="pages">Page number, tidied text, and whether the text came from OCR.</param>
    /// <param name="asOf">Reference date for birth-date and age checks.</param>
    /// <param name="workingAge">Legal working age from the profile, or null to skip the age check.</param>
    /// <remarks>
    /// On OCR'd pages a digit run of 19 whose deletion of exactly one digit gives a single fully valid number is
    /// read as that number (OCR doubled a digit); other runs of 15–20 digits become
    /// <see cref="IdNumberProblem.Illegible"/>. On text pages a wrong length is a <see cref="IdNumberProblem.Format"/> error.
    /// </remarks>
    public static IReadOnlyList<RosterEntry> Extract(
        IEnumerable<(int Page, string Text, bool Ocr)> pages, DateOnly asOf, (int Min, int Max)? workingAge)
    {
        var entries = new List<RosterEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (page, text, ocr) in pages)
        {
            foreach (var line in text.Split('\n'))
            {
                foreach (Match m in DigitRun().Matches(line))
                {
                    var run = Normalise(m.Value);
                    if (run.Length < 15) continue;
                    var (id, problem) = Interpret(run, ocr, asOf, workingAge);
                    if (!seen.Add(id)) continue;
                    var name = NameIn(line[..m.Index]);
                    if (name.Length == 0) name = NameIn(line[(m.Index + m.Length)..]);
                    entries.Add(new RosterEntry(name, id, problem, page));
                }
            }
        }
        return entries;
    }

    private static (string Id, IdNumberProblem Problem) Interpret(string run, bool ocr, DateOnly asOf, (int Min, int Max)? workingAge)
    {
        if (run.Length == 18) return (run, IdNumber.Validate(run, asOf, workingAge));
        // An ID number and a phone number separated by a single space read as one run.
        if (run.Length >= 29 && IdNumber.Validate(run[..18], asOf) == IdNumberProblem.None)
            return (run[..18], IdNumber.Validate(run[..18], asOf, workingAge));
        if (!ocr) return (run, IdNumberProblem.Format);
        if (run.Length == 19)
        {
            var repaired = Enumerable.Range(0, 19).Select(i => run.Remove(i, 1)).Distinct()
                .Where(c => IdNumber.Validate(c, asOf) == IdNumberProblem.None).ToList();
            if (repaired.Count == 1) return (repaired[0], IdNumber.Validate(repaired[0], asOf, workingAge));
        }
        return (run, IdNumberProblem.Illegible);
    }

    /// <summary>Digits of a run, X for a final X/×, spaces dropped.</summary>
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
    /// The first plausible personal name (2–4 Han characters, a cell of its own) in part of a row: before the ID
    /// number, or after it when the roster puts the name later. When OCR ran the gender cell into the name cell
    /// (李娜女) and no gender cell stands alone, the gender is cut off.
    /// </summary>
    private static string NameIn(string cellsText)
    {
        var cells = CellSplit().Split(cellsText).Select(c => c.Trim()).Where(c => c.Length > 0).ToList();
        var genderApart = cells.Any(c => c is "男" or "女");
        foreach (var cell in cells)
        {
            var name = !genderApart && cell.Length is >= 3 and <= 5 && cell[^1] is '男' or '女' ? cell[..^1] : cell;
            if (name.Length is >= 2 and <= 4 && name.All(ChineseText.IsHan) && !NotNames.Contains(name))
                return name;
        }
        return "";
    }

    // Digits with at most single spaces between them (OCR sometimes splits a number), optionally ending in X.
    [GeneratedRegex(@"(?<![0-9])[0-9](?: ?[0-9])*(?: ?[Xx×Ⅹ])?(?![0-9])")]
    private static partial Regex DigitRun();

    [GeneratedRegex(@"[\s|｜丨,，;；:：/()（）\[\]]+")]
    private static partial Regex CellSplit();
}
