using System.Text;
using Pipeline.Activities.Documents.Intake;
using Pipeline.Activities.Documents.Ocr;
using Pipeline.Activities.Documents.Pages;
using Pipeline.Activities.Documents.Pdf;

namespace Pipeline.Benchmarks;

/// <summary>
/// Character error rate on the scanned sample packs against their clean text (tests/fixtures/truth): the
/// pipeline's OCR (with and without deskew) versus plain <c>tesseract page.png - -l chi_sim</c> on the same
/// 300 dpi renders. CER = edit distance / truth length, over NFKC text without whitespace, summed over pages.
/// </summary>
public static class CharacterErrorRate
{
    public static async Task RunAsync(BenchContext bench)
    {
        var variants = new (string Name, OcrOptions Options)[]
        {
            ("pipeline (psm 4, deskew)", new OcrOptions()),
            ("pipeline (psm 4, no deskew)", new OcrOptions { Deskew = false }),
        };
        var errors = new long[variants.Length + 1];
        long truthLength = 0;
        var pages = 0;
        var intake = new DocumentIntake(new Poppler(), new IntakeOptions());
        foreach (var pack in bench.ScannedPacks)
        {
            var truths = Directory.EnumerateFiles(bench.TruthDir(pack), "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).Select(Normalise).ToList();
            pages += truths.Count;
            truthLength += truths.Sum(t => t.Length);
            for (var v = 0; v < variants.Length; v++)
            {
                using var pool = new OcrEnginePool(variants[v].Options);
                using var document = await intake.OpenAsync(pack, CancellationToken.None);
                var texts = await PageReader.ReadAllAsync(document, pool, null, CancellationToken.None);
                errors[v] += truths.Select((t, i) => (long)Levenshtein(t, Normalise(texts[i].Text))).Sum();
            }
            var pngs = await Tools.RenderPngsAsync(pack, Path.Combine(bench.Work, "cer-" + Path.GetFileNameWithoutExtension(pack)));
            var (plain, _) = await Tools.TesseractCliAsync(pngs, 2);
            errors[^1] += truths.Select((t, i) => (long)Levenshtein(t, Normalise(plain[i]))).Sum();
        }
        Console.WriteLine($"Character error rate on {pages} scanned fixture pages ({truthLength} characters of truth)");
        for (var v = 0; v < variants.Length; v++)
            Console.WriteLine($"  {variants[v].Name,-32} {100.0 * errors[v] / truthLength,5:0.0} %");
        Console.WriteLine($"  {"tesseract CLI, default (psm 3)",-32} {100.0 * errors[^1] / truthLength,5:0.0} %");
        Console.WriteLine();
    }

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
}
