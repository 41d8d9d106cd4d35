using System.Text;
using System.Text.RegularExpressions;
using Pipeline.Activities.Documents.Intake;
using Pipeline.Activities.Documents.Ocr;
using Pipeline.Activities.Documents.Pages;
using Pipeline.Activities.Documents.Pdf;

namespace Pipeline.Benchmarks;

/// <summary>
/// Accuracy of each OCR engine on the scanned sample packs against their clean page texts (tests/fixtures/truth and,
/// apart, the holdout packs of the second generator, tests/fixtures/holdout/truth), beside plain
/// <c>tesseract page.png - -l chi_sim</c> on 300 dpi renders of the same pages:
/// <list type="bullet">
/// <item>character error rate: edit distance / truth length, over NFKC text without whitespace, summed over pages;</item>
/// <item>roster ID numbers read exactly: of the 18-character ID numbers in the truth, how many appear unbroken in the
/// page's text (what decides whether a clerk sees false "invalid ID" findings).</item>
/// </list>
/// </summary>
public static partial class CharacterErrorRate
{
    private static readonly (string Name, OcrOptions Options)[] Engines =
    [
        ("pipeline, paddle", new OcrOptions { Engine = OcrEngineKind.Paddle }),
        ("pipeline, tesseract", new OcrOptions { Engine = OcrEngineKind.Tesseract }),
    ];

    public static async Task RunAsync(BenchContext bench)
    {
        await RunSetAsync(bench, "fixture", bench.ScannedPacks);
        await RunSetAsync(bench, "holdout", bench.HoldoutPacks);
    }

    private static async Task RunSetAsync(BenchContext bench, string label, IReadOnlyList<string> packs)
    {
        var rows = Engines.Select(e => new Score(e.Name)).Append(new Score("tesseract CLI, plain (psm 3)")).ToArray();
        long truthLength = 0, ids = 0;
        var pages = 0;
        var intake = new DocumentIntake(new Poppler(), new IntakeOptions());
        foreach (var pack in packs)
        {
            var truths = Directory.EnumerateFiles(BenchContext.TruthDir(pack), "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
            pages += truths.Count;
            truthLength += truths.Sum(t => Normalise(t).Length);
            ids += truths.Sum(t => IdNumbers(t).Count);
            for (var e = 0; e < Engines.Length; e++)
            {
                using var pool = new OcrEnginePool(Engines[e].Options);
                using var document = await intake.OpenAsync(pack, CancellationToken.None);
                var texts = await PageReader.ReadAllAsync(document, pool, null, CancellationToken.None);
                rows[e].Add(truths, texts.Select(t => t.Text).ToList());
            }
            var pngs = await Tools.RenderPngsAsync(pack, Path.Combine(bench.Work, "cer-" + Path.GetFileNameWithoutExtension(pack)));
            var (plain, _) = await Tools.TesseractCliAsync(pngs, 2);
            rows[^1].Add(truths, plain);
        }
        Console.WriteLine($"Accuracy on {pages} scanned {label} pages ({packs.Count} packs, {truthLength} characters of truth, {ids} ID numbers)");
        Console.WriteLine($"  {"",-30} {"CER",7} {"× plain",8} {"IDs exact",12}");
        var plainCer = rows[^1].Cer(truthLength);
        foreach (var row in rows)
            Console.WriteLine($"  {row.Name,-30} {row.Cer(truthLength),6:0.00}% {row.Cer(truthLength) / plainCer,8:0.00} {row.ExactIds,5}/{ids,-6}");
        Console.WriteLine();
    }

    private sealed class Score(string name)
    {
        public string Name => name;
        public long Errors { get; private set; }
        public long ExactIds { get; private set; }

        public double Cer(long truthLength) => 100.0 * Errors / truthLength;

        public void Add(IReadOnlyList<string> truths, IReadOnlyList<string> texts)
        {
            for (var i = 0; i < truths.Count; i++)
            {
                var text = i < texts.Count ? texts[i] : "";
                Errors += Levenshtein(Normalise(truths[i]), Normalise(text));
                var read = IdNumbers(text);
                ExactIds += IdNumbers(truths[i]).Count(read.Contains);
            }
        }
    }

    /// <summary>The 18-character ID numbers written in a page's text (NFKC; spaces inside a number are not bridged).</summary>
    private static HashSet<string> IdNumbers(string text) =>
        IdNumber().Matches(text.Normalize(NormalizationForm.FormKC)).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

    private static string Normalise(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
            if (!char.IsWhiteSpace(c)) sb.Append(c);
        return sb.ToString();
    }

    private static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    [GeneratedRegex(@"(?<![0-9])[0-9]{17}[0-9X](?![0-9X])")]
    private static partial Regex IdNumber();
}
