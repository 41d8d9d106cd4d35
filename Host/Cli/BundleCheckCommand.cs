using Pipeline.Activities;
using Pipeline.Activities.Documents;
using Pipeline.Activities.Documents.Ocr;
using Pipeline.Activities.Packs;
using Pipeline.Host.Hosting;

namespace Pipeline.Host.Cli;

/// <summary>
/// <c>pipeline bundle check FILE [FILE…] --pack P [--profile J] [--ocr paddle|tesseract] [--json] [--as-of DATE]</c>: checks one
/// material pack (one file, or several read as one with their pages numbered on in the order given, as the web upload
/// does) and prints the report (JSON document of architecture.md with <c>--json</c>, a table otherwise).
/// Exit 0 when the pack was checked whatever the verdict; bad input exits 3 with one line on stderr.
/// Originals are kept under <c>$PIPELINE_DATA/originals</c> (default <c>./data</c>).
/// </summary>
public static class BundleCheckCommand
{
    private static readonly string[] Packs = ["class-opening", "subsidy-claim"];

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        string? pack = null, profile = null, engine = null;
        var files = new List<string>();
        DateOnly? asOf = null;
        var json = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--pack" when i + 1 < args.Length: pack = args[++i]; break;
                case "--profile" when i + 1 < args.Length: profile = args[++i]; break;
                case "--ocr" when i + 1 < args.Length: engine = args[++i]; break;
                case "--json": json = true; break;
                case "--as-of" when i + 1 < args.Length && DateOnly.TryParseExact(args[i + 1], "yyyy-MM-dd", out var d): asOf = d; i++; break;
                case var a when !a.StartsWith("--", StringComparison.Ordinal): files.Add(a); break;
                default:
                    return UsageError(stderr, $"unexpected argument '{args[i]}'");
            }
        }
        if (files.Count == 0) return UsageError(stderr, "missing FILE");
        if (pack is null || !Packs.Contains(pack)) return UsageError(stderr, $"--pack must be one of {string.Join(", ", Packs)}");
        if (files.FirstOrDefault(f => !File.Exists(f)) is { } missing)
        {
            stderr.WriteLine($"pipeline: 找不到文件 {missing} (file not found)");
            return ExitCodes.BadInput;
        }
        var file = files[0];

        var data = PipelineOptions.DataFolderFromEnvironment();
        OcrOptions ocr;
        try
        {
            ocr = OcrSettings.FromEnvironment(engine);
        }
        catch (ArgumentException e)
        {
            return UsageError(stderr, e.Message);
        }
        using var services = new PackCheckingServices(Path.Combine(data, "originals"), ocr);
        try
        {
            services.Profiles.Get(profile);
            string? manifest = null;
            if (files.Count > 1)
            {
                // Several files: each kept by its hash, the pack is their manifest (as a web upload of several files is).
                var parts = new List<PackFile>();
                foreach (var f in files)
                {
                    file = f;
                    parts.Add(new PackFile((await services.Originals.StoreAsync(f, cancellationToken)).Sha256, Path.GetFileName(f)));
                }
                manifest = Path.Combine(Path.GetTempPath(), $"pipeline-pack-{Guid.NewGuid():N}.json");
                await File.WriteAllBytesAsync(manifest, PackManifest.Serialize(parts), cancellationToken);
            }
            PackReport report;
            try
            {
                var name = string.Join("、", files.Select(Path.GetFileName));
                report = await services.Checker.CheckAsync(new PackCheckRequest(manifest ?? file, pack, profile, name, asOf), null, cancellationToken);
            }
            finally
            {
                if (manifest is not null) File.Delete(manifest);
            }
            stdout.Write(json ? ReportJson.Serialize(report) + "\n" : ReportTable.Render(report));
            return ExitCodes.Ok;
        }
        catch (DocumentRejectedException e)
        {
            stderr.WriteLine(e.FileName is null ? $"pipeline: {Path.GetFileName(file)}: {e.Message}" : $"pipeline: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (KeyNotFoundException e)
        {
            return UsageError(stderr, e.Message);
        }
        catch (Exception e) when (e is OcrUnavailableException or ToolMissingException)
        {
            stderr.WriteLine($"pipeline: {e.Message}");
            return ExitCodes.Environment;
        }
        catch (TimeoutException e)
        {
            stderr.WriteLine($"pipeline: {Path.GetFileName(file)}: {DocumentRejectedException.MessageFor(RejectionReason.Damaged)} ({e.Message})");
            return ExitCodes.BadInput;
        }
    }

    private static int UsageError(TextWriter stderr, string message)
    {
        stderr.WriteLine($"pipeline bundle check: {message}");
        stderr.WriteLine(CommandLine.Usage);
        return ExitCodes.Usage;
    }
}
