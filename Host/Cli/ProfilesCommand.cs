using System.Text.Json;
using Pipeline.Activities.Profiles;
using Pipeline.Activities.Rules;
using Pipeline.Host.Hosting;

namespace Pipeline.Host.Cli;

/// <summary>
/// <c>pipeline profiles</c> (names), <c>profiles show NAME</c> (the effective rules with their sources) and
/// <c>profiles set NAME KEY VALUE</c> (an administrator fills in a setting the regulation gives no number for).
/// </summary>
public static class ProfilesCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var options = PipelineOptions.FromEnvironment();
        ProfileCatalog profiles;
        try
        {
            profiles = options.LoadProfiles();
        }
        catch (InvalidDataException e)
        {
            stderr.WriteLine($"pipeline profiles: {e.Message}");
            return ExitCodes.Usage;
        }
        switch (args)
        {
            case []:
                foreach (var name in profiles.Names)
                {
                    var p = profiles.Get(name);
                    stdout.WriteLine($"{name,-10} {p.DisplayName}  {p.Source}{(p.Parent is null ? "" : $"  (within {p.Parent})")}");
                }
                return ExitCodes.Ok;
            case ["show", var name]:
                return Show(profiles, name, stdout, stderr);
            case ["set", var name, var key, var value]:
                return Set(options, profiles, name, key, value, stdout, stderr);
            default:
                stderr.WriteLine("usage: pipeline profiles [show NAME | set NAME KEY VALUE]");
                return ExitCodes.Usage;
        }
    }

    private static int Show(ProfileCatalog profiles, string name, TextWriter stdout, TextWriter stderr)
    {
        if (!profiles.Contains(name))
        {
            stderr.WriteLine($"pipeline profiles: unknown profile '{name}' (known: {string.Join(", ", profiles.Names)})");
            return ExitCodes.Usage;
        }
        var profile = profiles.Get(name);
        stdout.WriteLine($"{profile.DisplayName} ({profile.Name}): {string.Join(" → ", profile.Chain.Select(c => $"{c} {profiles.Get(c).Source}"))}");
        stdout.WriteLine("checklists: " + string.Join(", ", profile.Checklists.Select(c => $"{c.Key} → {c.Value}")));
        stdout.WriteLine();
        stdout.WriteLine($"{"parameter",-36} {"value",-28} {"rule",-8} source");
        foreach (var p in profile.Parameters.Values.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var value = p.IsConfigured ? p.Display : "NOT CONFIGURED";
            var source = p.SetBy is null ? p.DeclaredBy : $"{p.DeclaredBy}, set by {p.SetBy}";
            stdout.WriteLine($"{p.Key,-36} {Clip(value, 28),-28} {p.Rule,-8} {source}{(p.Text is null ? "" : $"  {p.Text}")}");
        }
        var unset = profile.Parameters.Values.Where(p => !p.IsConfigured).ToList();
        if (unset.Count > 0)
            stdout.WriteLine($"\n{unset.Count} setting(s) not configured: the rules they feed ({string.Join(", ", unset.Select(p => p.Rule).Distinct())}) cannot be applied until set (pipeline profiles set {name} KEY VALUE).");
        return ExitCodes.Ok;
    }

    private static int Set(PipelineOptions options, ProfileCatalog profiles, string name, string key, string value, TextWriter stdout, TextWriter stderr)
    {
        if (!profiles.Contains(name))
        {
            stderr.WriteLine($"pipeline profiles: unknown profile '{name}' (known: {string.Join(", ", profiles.Names)})");
            return ExitCodes.Usage;
        }
        JsonElement parsed;
        try
        {
            parsed = JsonDocument.Parse(value).RootElement.Clone();
        }
        catch (JsonException)
        {
            stderr.WriteLine($"pipeline profiles: '{value}' is not a value (a number such as 60, true/false, or a JSON list)");
            return ExitCodes.Usage;
        }
        var settings = ProfileSettings.Load(options.ProfileSettingsPath).With(name, key, parsed, Environment.UserName, DateTimeOffset.Now);
        try
        {
            // Validates the new value against the declared parameter before anything is written.
            var updated = ProfileCatalog.LoadEmbedded(settings).Get(name).Find(key)!;
            _ = updated.Display;
            Directory.CreateDirectory(options.DataFolder);
            settings.Save(options.ProfileSettingsPath);
            stdout.WriteLine($"{name}: {key} = {updated.Display} ({updated.Rule})");
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is InvalidDataException or RuleNotConfiguredException)
        {
            stderr.WriteLine($"pipeline profiles: {e.Message}");
            return ExitCodes.Usage;
        }
    }

    private static string Clip(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
