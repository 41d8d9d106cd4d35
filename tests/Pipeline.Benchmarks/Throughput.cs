using System.Diagnostics;

namespace Pipeline.Benchmarks;

/// <summary>
/// Pages per second of <c>pipeline bundle check</c> (a new process: start-up, render, OCR, classify, check) on a
/// ≥ 20-page scanned pack, against the tesseract CLI on the same pages pre-rendered to PNG, run as two parallel
/// processes. Target: ratio ≥ 0.9 against the CLI's defaults.
/// </summary>
public static class Throughput
{
    public const int Pages = 24;

    public static async Task RunAsync(BenchContext bench)
    {
        var pack = await Tools.MakePackAsync(bench.Work, "scan-24", bench.ScannedPacks, Pages);
        var pngs = await Tools.RenderPngsAsync(pack, Path.Combine(bench.Work, "scan-24-png"));

        var clock = Stopwatch.StartNew();
        await Tools.RunAsync("dotnet", bench.Cli, "bundle", "check", pack, "--pack", "subsidy-claim", "--json");
        var ours = clock.Elapsed;
        var (_, cliDefault) = await Tools.TesseractCliAsync(pngs, 2);
        var (_, cliPsm4) = await Tools.TesseractCliAsync(pngs, 2, "--psm", "4");

        double Pps(TimeSpan t) => Pages / t.TotalSeconds;
        Console.WriteLine($"Throughput on a {Pages}-page scanned pack (300 dpi, chi_sim)");
        Console.WriteLine($"  pipeline bundle check          {ours.TotalSeconds,6:0.0} s  {Pps(ours),5:0.00} pages/s");
        Console.WriteLine($"  tesseract CLI ×2, default      {cliDefault.TotalSeconds,6:0.0} s  {Pps(cliDefault),5:0.00} pages/s   ratio {Pps(ours) / Pps(cliDefault):0.00} (target ≥ 0.90)");
        Console.WriteLine($"  tesseract CLI ×2, --psm 4      {cliPsm4.TotalSeconds,6:0.0} s  {Pps(cliPsm4),5:0.00} pages/s   ratio {Pps(ours) / Pps(cliPsm4):0.00} (same segmentation as ours)");
        Console.WriteLine();
    }
}
