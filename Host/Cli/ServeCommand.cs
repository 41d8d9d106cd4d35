using Pipeline.Host.Hosting;

namespace Pipeline.Host.Cli;

/// <summary><c>pipeline serve [--urls URL]</c>: the HTTP API on Kestrel until Ctrl+C.</summary>
public static class ServeCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter stderr, CancellationToken cancellationToken)
    {
        string? urls = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--urls" when i + 1 < args.Length:
                    urls = args[++i];
                    break;
                default:
                    stderr.WriteLine($"pipeline serve: unexpected '{args[i]}'");
                    stderr.WriteLine(CommandLine.Usage);
                    return ExitCodes.Usage;
            }
        }
        await using var app = PipelineApp.Build(PipelineOptions.FromEnvironment(), urls ?? PipelineApp.DefaultUrls);
        await app.RunAsync(cancellationToken == CancellationToken.None ? default : cancellationToken);
        return ExitCodes.Ok;
    }
}
