using System.Diagnostics;

namespace Pipeline.Benchmarks;

/// <summary>
/// Pages per second of <c>pipeline bundle check</c> (a new process: start-up, PDF reading, OCR, classify, check) with
/// each OCR engine on a 24-page scanned pack as office scanners write them (200 dpi grey JPEG, 150 dpi colour JPEG,
/// 300 dpi CCITT G4), against the tesseract CLI on the same pages' images at their own resolution (<c>pdfimages</c>),
/// two processes at a time. Target: Tesseract's ratio ≥ 1.0; PaddleOCR's is reported.
/// </summary>
public static class Throughput
{
    public const int Pages = 24;

    public static async Task RunAsync(BenchContext bench)
    {
        string[] sources = ["subsidy-claim-jpeg200.pdf", "class-opening-jpeg150.pdf", "class-opening-complete.pdf"];
        var pack = await Tools.MakePackAsync(bench.Work, "scan-24", sources.Select(s => Path.Combine(bench.Root, "tests", "fixtures", "packs", s)).ToList(), Pages);
        var images = await Tools.ExtractImagesAsync(pack, Path.Combine(bench.Work, "scan-24-images"));

        var (_, cli) = await Tools.TesseractCliAsync(images, 2);
        double Pps(TimeSpan t) => Pages / t.TotalSeconds;
        Console.WriteLine($"Throughput on a {Pages}-page scanned pack (200 dpi grey JPEG, 150 dpi colour JPEG, 300 dpi G4)");
        Console.WriteLine($"  tesseract CLI ×2, chi_sim, images as scanned  {cli.TotalSeconds,6:0.0} s  {Pps(cli),5:0.00} pages/s");
        foreach (var engine in new[] { "tesseract", "paddle" })
        {
            var clock = Stopwatch.StartNew();
            await Tools.RunAsync("dotnet", bench.Cli, "bundle", "check", pack, "--pack", "subsidy-claim", "--ocr", engine, "--json");
            var ours = clock.Elapsed;
            Console.WriteLine($"  pipeline bundle check --ocr {engine,-10}        {ours.TotalSeconds,6:0.0} s  {Pps(ours),5:0.00} pages/s   ratio {Pps(ours) / Pps(cli):0.00}{(engine == "tesseract" ? " (target ≥ 1.0)" : "")}");
        }
        Console.WriteLine();
    }
}
