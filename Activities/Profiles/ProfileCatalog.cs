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
