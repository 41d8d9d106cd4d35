using Pipeline.Activities.Profiles;
using Pipeline.Activities.Rules;

namespace Pipeline.Host.Cli;

/// <summary>
/// <c>pipeline rules [--profile NAME]</c>: every rule of the catalogue, enforced (where, and the tests that prove it) or
/// out of scope (why); with a profile, only the rules of the regulations that apply to its cases (its chain).
/// </summary>
public static class RulesCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var catalogue = RulesCatalogue.LoadEmbedded();
        IReadOnlyList<string>? chain = null;
        switch (args)
        {
            case []:
                break;
            case ["--profile", var name]:
                var profiles = ProfileCatalog.LoadEmbedded();
                if (!profiles.Contains(name))
                {
                    stderr.WriteLine($"pipeline rules: unknown profile '{name}' (known: {string.Join(", ", profiles.Names)})");
                    return ExitCodes.Usage;
                }
                chain = profiles.Chain(name);
                break;
            default:
                stderr.WriteLine("usage: pipeline rules [--profile NAME]");
                return ExitCodes.Usage;
        }
        var rules = catalogue.Rules.Where(r => chain is null || chain.Contains(r.Profile, StringComparer.OrdinalIgnoreCase)).ToList();
        foreach (var seed in rules.GroupBy(r => r.Seed))
        {
            stdout.WriteLine($"── {seed.Key} {catalogue.Seeds.GetValueOrDefault(seed.Key)}");
            foreach (var rule in seed)
            {
                stdout.WriteLine($"{rule.Id,-9} {(rule.Status == RuleEntry.Enforced ? "enforced" : "out of scope"),-13} {rule.Section,-12} {rule.Summary}");
                if (rule.Status == RuleEntry.Enforced)
                {
                    stdout.WriteLine($"{"",-23}where: {string.Join("; ", rule.Where ?? [])}");
                    stdout.WriteLine($"{"",-23}tests: {string.Join(", ", rule.Tests ?? [])}");
                }
                else
                {
                    stdout.WriteLine($"{"",-23}why:   {rule.Reason}");
                }
            }
        }
        var enforced = rules.Count(r => r.Status == RuleEntry.Enforced);
        stdout.WriteLine($"\n{rules.Count} rules: {enforced} enforced, {rules.Count - enforced} out of scope, 0 unaccounted for.");
        return ExitCodes.Ok;
    }
}
