using System.Diagnostics;

namespace Pipeline.Benchmarks;

/// <summary>
/// Peak resident memory (VmHWM) of <c>pipeline bundle check</c> with each OCR engine on 10- and 50-page scans: pages
/// stream through, so the peak must stay under 400 MB and not grow with the page count.
/// </summary>
public static class PeakMemory
{
    public static async Task RunAsync(BenchContext bench)
    {
        Console.WriteLine("Peak memory of pipeline bundle check (resident high-water mark)");
        foreach (var engine in new[] { "paddle", "tesseract" })
            foreach (var pages in new[] { 10, 50 })
            {
                var pack = await Tools.MakePackAsync(bench.Work, $"scan-{pages}", bench.ScannedPacks, pages);
                var (peakKb, elapsed) = await MeasureAsync(bench.Cli, pack, engine);
                Console.WriteLine($"  {engine,-10} {pages,3} pages  {peakKb / 1024.0,6:0} MB  ({elapsed.TotalSeconds:0} s){(pages == 50 ? peakKb < 400 * 1024 ? "   target < 400 MB: met" : "   target < 400 MB: NOT met" : "")}");
            }
        Console.WriteLine();
    }

    private static async Task<(long PeakKb, TimeSpan Elapsed)> MeasureAsync(string cli, string pack, string engine)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { cli, "bundle", "check", pack, "--pack", "subsidy-claim", "--ocr", engine, "--json" }) start.ArgumentList.Add(a);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var drainOut = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        var drainErr = process.StandardError.BaseStream.CopyToAsync(Stream.Null);
        long peak = 0;
        while (!process.HasExited)
        {
            peak = Math.Max(peak, HighWaterMarkKb(process.Id));
            await Task.Delay(20);
        }
        await Task.WhenAll(drainOut, drainErr);
        return (peak, clock.Elapsed);
    }

    /// <summary>VmHWM of a live process in kB (0 once it is gone).</summary>
    private static long HighWaterMarkKb(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0]);
        }
        catch (IOException) { }
        return 0;
    }
}
