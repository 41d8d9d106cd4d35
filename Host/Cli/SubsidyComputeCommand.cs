using System.Text.Json;
using Pipeline.Activities.Packs;
using Pipeline.Activities.Profiles;
using Pipeline.Activities.Rosters;
using Pipeline.Activities.Subsidy;
using Pipeline.Host.Hosting;

namespace Pipeline.Host.Cli;

/// <summary>
/// <c>pipeline subsidy compute FILE.json --profile NAME [--json]</c>: the subsidy of one class from its settlement file
/// (<see cref="ClassSettlementParser"/>) under a jurisdiction profile, with the settings of
/// <c>$PIPELINE_DATA/profile-settings.json</c> when there is one. <c>--json</c> prints the <see cref="SubsidyComputation"/>
/// (camelCase, indented, Chinese unescaped); without it a short table. Exit 0 when computed (an amount that is not
/// configured is still a computation, with its finding); exit 2 with one line on stderr for a usage error, an unknown
/// profile, or a settlement file that is missing, unreadable or malformed.
/// </summary>
public static class SubsidyComputeCommand
{
    private const string Name = "pipeline subsidy compute";

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        string? file = null, profileName = null;
        var json = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--profile" when i + 1 < args.Length: profileName = args[++i]; break;
                case "--json": json = true; break;
                case var a when !a.StartsWith("--", StringComparison.Ordinal) && file is null: file = a; break;
                default: return Fail(stderr, $"unexpected argument '{SensitiveText.Mask(args[i])}' (usage: {Name} FILE.json --profile NAME [--json])");
            }
        }
        if (file is null) return Fail(stderr, $"missing FILE.json (usage: {Name} FILE.json --profile NAME [--json])");
        if (profileName is null) return Fail(stderr, $"missing --profile NAME (usage: {Name} FILE.json --profile NAME [--json])");

        JurisdictionProfile profile;
        ClassSettlement settlement;
        try
        {
            var settings = ProfileSettings.Load(Path.Combine(PipelineOptions.DataFolderFromEnvironment(), ProfileSettings.FileName));
            profile = ProfileCatalog.LoadEmbedded(settings).Get(profileName);
            settlement = ClassSettlementParser.Load(file);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidDataException)
        {
            return Fail(stderr, e.Message);
        }
        catch (SettlementFormatException e)
        {
            return Fail(stderr, $"{Path.GetFileName(file)}: {e.Message}");
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Fail(stderr, $"找不到文件 {file} (file not found)");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(stderr, $"无法读取文件 {file} (cannot read the file)");
        }

        var computation = SubsidyCalculator.Compute(settlement, SubsidyPolicy.From(profile));
        stdout.Write(json ? JsonSerializer.Serialize(computation, ReportJson.Options) + "\n" : SubsidyTable.Render(profile, settlement, computation));
        return ExitCodes.Ok;
    }

    private static int Fail(TextWriter stderr, string message)
    {
        stderr.WriteLine($"{Name}: {message}");
        return ExitCodes.Usage;
    }
}
