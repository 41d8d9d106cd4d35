using Pipeline.Host.Cli;

namespace Pipeline.Host.Tests.Cli;

/// <summary>Runs the CLI in-process with captured output; originals go to a per-run temporary data folder.</summary>
public static class CliRun
{
    public static readonly string DataDir = Path.Combine(Path.GetTempPath(), "pipeline-cli-tests-" + Environment.ProcessId);

    static CliRun() => Environment.SetEnvironmentVariable("PIPELINE_DATA", DataDir);

    public static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await CommandLine.RunAsync(args, stdout, stderr, CancellationToken.None);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    public static string Fixture(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine([dir.FullName, "tests", "fixtures", .. parts]);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException(string.Join('/', parts));
    }

    public static string TempFile(string name, byte[] content)
    {
        var dir = Path.Combine(Path.GetTempPath(), "pipeline-cli-inputs-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, name);
        File.WriteAllBytes(path, content);
        return path;
    }
}
