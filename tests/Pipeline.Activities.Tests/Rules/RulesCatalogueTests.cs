using System.Text.RegularExpressions;
using Pipeline.Activities.Packs;
using Pipeline.Activities.Profiles;
using Pipeline.Activities.Rules;

namespace Pipeline.Activities.Tests.Rules;

/// <summary>The rules catalogue accounts for every rule: cited ids exist, enforced rules name tests that exist.</summary>
public partial class RulesCatalogueTests
{
    private static readonly RulesCatalogue Catalogue = RulesCatalogue.LoadEmbedded();

    private static IEnumerable<string> SourceFiles() =>
        new[] { "Activities", "Host", "Host.Data", "Workflows", "workflow-definitions", "Designer/src" }
            .Select(f => RepositoryPaths.Folder(f)).Where(Directory.Exists)
            .SelectMany(f => Directory.EnumerateFiles(f, "*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".cs") || f.EndsWith(".bpmn") || f.EndsWith(".json") || f.EndsWith(".ts"))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                        && !f.Contains("node_modules"));

    [Fact]
    public void EveryRuleIdCitedInCodeDefinitionsProfilesAndChecklists_IsInTheCatalogue()
    {
        var unknown = SourceFiles()
            .SelectMany(f => RulesCatalogue.Cited(File.ReadAllText(f)).Select(id => (id, File: Path.GetRelativePath(RepositoryPaths.Root, f))))
            .Where(c => !Catalogue.Contains(c.id))
            .Select(c => $"{c.id} in {c.File}").Distinct().ToList();
        Assert.True(unknown.Count == 0, "rule ids not in Activities/Rules/Data/rules.json: " + string.Join("; ", unknown));
    }

    [Fact]
    public void EveryEnforcedRule_SaysWhere_AndNamesTestsThatExist_EveryOtherSaysWhy()
    {
        var testSource = string.Concat(Directory.EnumerateFiles(RepositoryPaths.Folder("tests"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")).Select(File.ReadAllText));
        var methods = TestMethod().Matches(testSource).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var rule in Catalogue.Rules)
        {
            if (rule.Status == RuleEntry.Enforced)
            {
                if (rule.Where is not { Count: > 0 }) problems.Add($"{rule.Id}: enforced, but where?");
                if (rule.Tests is not { Count: > 0 }) problems.Add($"{rule.Id}: enforced without a test");
                problems.AddRange((rule.Tests ?? []).Where(t => !methods.Contains(t)).Select(t => $"{rule.Id}: no test method {t}"));
            }
            else if (string.IsNullOrWhiteSpace(rule.Reason))
            {
                problems.Add($"{rule.Id}: out of scope without a reason");
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void EveryRuleOfTheDomainBrief_IsInTheCatalogue()
    {
        var brief = Path.Combine(RepositoryPaths.Root, "..", "shared", "domain.md");
        Assert.True(File.Exists(brief), $"{brief} is beside the repository in CI");
        var missing = RulesCatalogue.Cited(File.ReadAllText(brief)).Distinct().Where(id => !Catalogue.Contains(id)).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void EveryProfileParameter_CitesARuleOfItsOwnRegulation()
    {
        var profiles = ProfileCatalog.LoadEmbedded();
        foreach (var name in profiles.Names)
            foreach (var parameter in profiles.Get(name).Parameters.Values)
            {
                var rule = Catalogue.Find(parameter.Rule);
                Assert.True(rule is not null, $"{name}: {parameter.Key} cites {parameter.Rule}, not in the catalogue");
                Assert.Equal(parameter.DeclaredBy, rule!.Profile);
            }
        foreach (var id in PackChecklist.EmbeddedIds())
            Assert.All(PackChecklist.LoadEmbedded(id).Rules, r => Assert.True(Catalogue.Contains(r), $"{id} cites {r}"));
    }

    [Fact]
    public void AnIdThatIsNotInTheCatalogue_IsFound()
    {
        Assert.Equal(["R-GL-4", "R-YN-9b"], RulesCatalogue.Cited("到课率 (R-GL-4) 与检查表 R-YN-9b；R-XX-n 不是规则号").ToList());
        Assert.False(Catalogue.Contains("R-JZ-99"));
    }

    [GeneratedRegex(@"(?:void|Task)\s+(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*\(")]
    private static partial Regex TestMethod();
}
