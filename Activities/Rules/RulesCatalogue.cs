using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Pipeline.Activities.Rules;

/// <summary>
/// The rules catalogue as project data (<c>Rules/Data/rules.json</c>): every obligation of the five seeds the product
/// knows, enforced (where, and the tests that prove it) or out of scope (why). <c>./pipeline rules</c> prints it.
/// </summary>
public sealed partial class RulesCatalogue
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };
    private readonly Dictionary<string, RuleEntry> _byId;

    private RulesCatalogue(IReadOnlyList<RuleEntry> rules, IReadOnlyDictionary<string, string> seeds)
    {
        Rules = rules;
        Seeds = seeds;
        _byId = rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
    }

    /// <summary>Every rule, in catalogue order (by seed, then id).</summary>
    public IReadOnlyList<RuleEntry> Rules { get; }

    /// <summary>The seeds' short names → document numbers, e.g. GL → 市人社政规〔2020〕2号.</summary>
    public IReadOnlyDictionary<string, string> Seeds { get; }

    /// <summary>Loads the embedded catalogue.</summary>
    /// <exception cref="InvalidDataException">A duplicate id, an unknown status, or an id not of the form R-XX-n.</exception>
    public static RulesCatalogue LoadEmbedded()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("rules/rules.json")
            ?? throw new InvalidDataException("the rules catalogue is not embedded");
        var file = JsonSerializer.Deserialize<CatalogueFile>(stream, Json) ?? throw new InvalidDataException("rules.json is empty");
        foreach (var rule in file.Rules)
        {
            if (!RuleId().IsMatch(rule.Id)) throw new InvalidDataException($"rules.json: '{rule.Id}' is not a rule id (R-XX-n)");
            if (rule.Status is not (RuleEntry.Enforced or RuleEntry.OutOfScope))
                throw new InvalidDataException($"rules.json: {rule.Id} has unknown status '{rule.Status}'");
        }
        var duplicate = file.Rules.GroupBy(r => r.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new InvalidDataException($"rules.json: {duplicate.Key} appears twice");
        return new RulesCatalogue(file.Rules, file.Seeds);
    }

    /// <summary>The rule, or null.</summary>
    public RuleEntry? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>Whether the id is in the catalogue.</summary>
    public bool Contains(string id) => _byId.ContainsKey(id);

    /// <summary>Rule ids cited in <paramref name="text"/> (R-XX-n, with an optional letter suffix such as R-YN-9b).</summary>
    public static IEnumerable<string> Cited(string text) => RuleId().Matches(text).Select(m => m.Value);

    [GeneratedRegex(@"\bR-[A-Z]{2}-\d+[a-z]?\b")]
    private static partial Regex RuleId();

    private sealed record CatalogueFile(Dictionary<string, string> Seeds, List<RuleEntry> Rules);
}
