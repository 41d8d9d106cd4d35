namespace Pipeline.Host.Cli;

/// <summary>
/// Verb dispatch of the <c>pipeline</c> command. The verbs are thin shells over library APIs; the
/// repository's <c>./pipeline</c> script adds the set-up verbs (demo, test, bench).
/// </summary>
public static class CommandLine
{
    public const string Usage = """
        usage:
          pipeline bundle check FILE [FILE…] --pack class-opening|subsidy-claim [--profile NAME] [--ocr paddle|tesseract] [--json] [--as-of YYYY-MM-DD]
          pipeline definition validate FILE.bpmn
          pipeline profiles [show NAME | set NAME KEY VALUE]
          pipeline rules [--profile NAME]
          pipeline subsidy compute FILE.json --profile NAME [--json]
          pipeline institution add CODE --name NAME --profile PROFILE [--occupations A,B] | institution list
          pipeline user add USERNAME --role ROLE[,ROLE...] (--bureau PROFILE | --institution CODE) [--display-name NAME]   (password on stdin)
          pipeline user list
          pipeline demo-setup --accounts FILE
          pipeline demo-case [--url URL] [--packs DIR] [--accounts FILE]
          pipeline serve [--urls URL]     (HTTP API; default http://127.0.0.1:5080)
        """;

    /// <summary>Runs one command line; returns the process exit code (<see cref="ExitCodes"/>).</summary>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken) =>
        RunAsync(args, Console.In, stdout, stderr, cancellationToken);

    /// <param name="stdin">Where <c>user add</c> reads the password.</param>
    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        switch (args)
        {
            case ["institution", .. var rest]:
                return await AccountCommands.InstitutionAsync(rest, stdout, stderr, cancellationToken);
            case ["user", .. var rest]:
                return await AccountCommands.UserAsync(rest, stdin, stdout, stderr, cancellationToken);
            case ["demo-setup", .. var rest]:
                return await DemoSetupCommand.RunAsync(rest, stdout, stderr, cancellationToken);
            case ["bundle", "check", .. var rest]:
                return await BundleCheckCommand.RunAsync(rest, stdout, stderr, cancellationToken);
            case ["definition", "validate", .. var rest]:
                return DefinitionValidateCommand.Run(rest, stdout, stderr);
            case ["subsidy", "compute", .. var rest]:
                return SubsidyComputeCommand.Run(rest, stdout, stderr);
            case ["demo-case", .. var rest]:
                try
                {
                    return await DemoCaseCommand.RunAsync(rest, stdout, stderr, cancellationToken);
                }
                catch (Exception e) when (e is HttpRequestException or TimeoutException or InvalidOperationException or TaskCanceledException)
                {
                    stderr.WriteLine($"pipeline demo-case: {e.Message}");
                    return 1;
                }
            case ["serve", .. var rest]:
                return await ServeCommand.RunAsync(rest, stderr, cancellationToken);
            case ["profiles", .. var rest]:
                return ProfilesCommand.Run(rest, stdout, stderr);
            case ["rules", .. var rest]:
                return RulesCommand.Run(rest, stdout, stderr);
            case [] or ["help" or "--help" or "-h"]:
                stdout.WriteLine(Usage);
                return args.Length == 0 ? ExitCodes.Usage : ExitCodes.Ok;
            default:
                stderr.WriteLine($"pipeline: unknown command '{string.Join(' ', args)}'");
                stderr.WriteLine(Usage);
                return ExitCodes.Usage;
        }
    }
}
