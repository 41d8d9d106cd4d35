using System.Reflection;
using System.Text.Json;

namespace Pipeline.Activities.Profiles;

/// <summary>The jurisdiction profiles shipped with the product (embedded <c>profiles/*.json</c>).</summary>
public sealed class ProfileCatalog
{
    /// <summary>The profile used when none is named: Jiaozuo, whose forms the packs follow.</summary>
    public const string DefaultName = "jiaozuo";

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip };
    private readonly Dictionary<string, JurisdictionProfile> _profiles;

    private ProfileCatalog(Dictionary<string, JurisdictionProfile> profiles) => _profiles = profiles;

    /// <summary>Loads every embedded profile.</summary>
    public static ProfileCatalog LoadEmbedded()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var profiles = new Dictionary<string, JurisdictionProfile>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("profiles/", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            var profile = JsonSerializer.Deserialize<JurisdictionProfile>(stream, Json)
                ?? throw new InvalidDataException($"{name} is empty");
            profiles.Add(profile.Name, profile);
        }
        return new ProfileCatalog(profiles);
    }

    public IEnumerable<string> Names => _profiles.Keys.Order(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="name"/> is a known profile.</summary>
    public bool Contains(string name) => _profiles.ContainsKey(name);

    /// <summary>
    /// The jurisdiction and its enclosing ones, innermost first (<c>qujing</c> → <c>qujing, yunnan</c>).
    /// </summary>
    /// <exception cref="KeyNotFoundException">No such profile.</exception>
    /// <exception cref="InvalidDataException">The parents form a cycle.</exception>
    public IReadOnlyList<string> Chain(string name)
    {
        var chain = new List<string>();
        for (string? at = name; at is not null; at = Get(at).Parent)
        {
            var profile = Get(at);
            if (chain.Contains(profile.Name, StringComparer.OrdinalIgnoreCase))
                throw new InvalidDataException($"profile '{name}': parents form a cycle ({string.Join(" → ", chain)})");
            chain.Add(profile.Name);
        }
        return chain;
    }

    /// <summary>
    /// Whether a bureau of <paramref name="bureauJurisdiction"/> covers cases of <paramref name="caseJurisdiction"/>:
    /// the same jurisdiction, or one enclosing it (a province's bureau covers its prefectures). Unknown names cover nothing.
    /// </summary>
    public bool Covers(string bureauJurisdiction, string? caseJurisdiction) =>
        caseJurisdiction is not null && _profiles.ContainsKey(caseJurisdiction) && _profiles.ContainsKey(bureauJurisdiction)
        && Chain(caseJurisdiction).Contains(bureauJurisdiction, StringComparer.OrdinalIgnoreCase);

    /// <summary>The named profile (default when null).</summary>
    /// <exception cref="KeyNotFoundException">No such profile; the message lists the known ones.</exception>
    public JurisdictionProfile Get(string? name)
    {
        name ??= DefaultName;
        return _profiles.TryGetValue(name, out var profile)
            ? profile
            : throw new KeyNotFoundException($"unknown profile '{name}' (known: {string.Join(", ", Names)})");
    }
}
