using System.Diagnostics;
using Pipeline.Activities.Documents;

namespace Pipeline.Benchmarks;

/// <summary>Small helpers over Poppler and the tesseract CLI for the bench.</summary>
public static class Tools
{
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(10);

    public static async Task RunAsync(string program, params string[] args)
    {
        var result = await ChildProcess.RunAsync(program, args, Long, CancellationToken.None);
        if (result.ExitCode != 0) throw new InvalidOperationException($"{program} {string.Join(' ', args)}: {result.StandardError}");
    }

    public static async Task<int> PageCountAsync(string pdf)
    {
        var result = await ChildProcess.RunAsync("pdfinfo", [pdf], Long, CancellationToken.None);
        var line = System.Text.Encoding.UTF8.GetString(result.StandardOutput).Split('\n').First(l => l.StartsWith("Pages:", StringComparison.Ordinal));
        return int.Parse(line["Pages:".Length..].Trim());
    }

    /// <summary>Concatenates <paramref name="sources"/> (repeating them as needed) into a PDF of exactly <paramref name="pages"/> pages.</summary>
    public static async Task<string> MakePackAsync(string work, string name, IReadOnlyList<string> sources, int pages)
    {
        var split = Path.Combine(work, name + "-pages");
        Directory.CreateDirectory(split);
        var singles = new List<string>();
        foreach (var (source, i) in sources.Select((s, i) => (s, i)))
        {
            await RunAsync("pdfseparate", source, Path.Combine(split, $"s{i:00}-%03d.pdf"));
        }
        var all = Directory.EnumerateFiles(split, "*.pdf").Order().ToList();
        for (var i = 0; singles.Count < pages; i++) singles.Add(all[i % all.Count]);
        var output = Path.Combine(work, name + ".pdf");
        await RunAsync("pdfunite", [.. singles, output]);
        return output;
    }

    /// <summary>Renders every page of <paramref name="pdf"/> to 300 dpi grey PNGs (what a user would feed the tesseract CLI).</summary>
    public static async Task<IReadOnlyList<string>> RenderPngsAsync(string pdf, string folder)
    {
        Directory.CreateDirectory(folder);
        await RunAsync("pdftoppm", "-r", "300", "-gray", "-png", pdf, Path.Combine(folder, "page"));
        return Directory.EnumerateFiles(folder, "page-*.png").Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Writes every page's embedded image as it is stored (<c>pdfimages -all</c>: JPEG as JPEG, G4 as TIFF), one per scanned page.</summary>
    public static async Task<IReadOnlyList<string>> ExtractImagesAsync(string pdf, string folder)
    {
        Directory.CreateDirectory(folder);
        await RunAsync("pdfimages", "-all", pdf, Path.Combine(folder, "page"));
        return Directory.EnumerateFiles(folder, "page-*").Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Runs the tesseract CLI on every image, <paramref name="parallel"/> processes at a time; returns the texts and wall time.</summary>
    public static async Task<(IReadOnlyList<string> Texts, TimeSpan Elapsed)> TesseractCliAsync(IReadOnlyList<string> images, int parallel, params string[] extra)
    {
        var texts = new string[images.Count];
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, images.Count), new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (i, ct) =>
        {
            var result = await ChildProcess.RunAsync("tesseract", [images[i], "-", "-l", "chi_sim", .. extra], Long, ct);
            texts[i] = System.Text.Encoding.UTF8.GetString(result.StandardOutput);
        });
        return (texts, clock.Elapsed);
    }
}
