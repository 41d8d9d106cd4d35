using System.Reflection;
using System.Text.Json;

namespace Pipeline.Activities.Profiles;

/// <summary>
/// The jurisdiction profiles shipped with the product (embedded <c>profiles/*.json</c>), composed along their parents
/// and overlaid with the settings administrators filled in (<see cref="ProfileSettings"/>).
/// </summary>
public sealed class ProfileCatalog
{
    /// <summary>The profile used when none is named: Jiaozuo, whose forms the packs follow.</summary>
    public const string DefaultName = "jiaozuo";

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip };
    private readonly Dictionary<string, ProfileFile> _files;
    private readonly Dictionary<string, JurisdictionProfile> _effective = new(StringComparer.OrdinalIgnoreCase);

    private ProfileCatalog(Dictionary<string, ProfileFile> files, ProfileSettings? settings)
    {
        _files = files;
        Settings = settings;
        foreach (var name in files.Keys) _effective[name] = Compose(name);
    }

    /// <summary>The settings overlaid on the shipped profiles, when loaded with some.</summary>
    public ProfileSettings? Settings { get; }

    /// <summary>Loads every embedded profile, with <paramref name="settings"/> overlaid.</summary>
    /// <exception cref="InvalidDataException">A profile names an unknown unit, a parent that does not exist, or its parents form a cycle;
    /// a setting names a parameter that is not a setting of the profile's chain.</exception>
    public static ProfileCatalog LoadEmbedded(ProfileSettings? settings = null)
    {
        var assembly = Assembly.GetExecutingAssembly();
        var files = new Dictionary<string, ProfileFile>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("profiles/", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            var file = JsonSerializer.Deserialize<ProfileFile>(stream, Json) ?? throw new InvalidDataException($"{name} is empty");
            foreach (var (key, p) in file.Parameters)
                if (!ParameterUnits.All.Contains(p.Unit))
                    throw new InvalidDataException($"{name}: parameter '{key}' has unknown unit '{p.Unit}'");
            files.Add(file.Name, file);
        }
        return new ProfileCatalog(files, settings);
    }

    public IEnumerable<string> Names => _files.Keys.Order(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="name"/> is a known profile.</summary>
    public bool Contains(string name) => _files.ContainsKey(name);

    /// <summary>The jurisdiction and its enclosing ones, innermost first (<c>qujing</c> → <c>qujing, yunnan</c>).</summary>
    /// <exception cref="KeyNotFoundException">No such profile.</exception>
    /// <exception cref="InvalidDataException">The parents form a cycle.</exception>
    public IReadOnlyList<string> Chain(string name)
    {
        var chain = new List<string>();
        for (string? at = name; at is not null; at = File(at).Parent)
        {
            var file = File(at);
            if (chain.Contains(file.Name, StringComparer.OrdinalIgnoreCase))
                throw new InvalidDataException($"profile '{name}': parents form a cycle ({string.Join(" → ", chain)})");
            chain.Add(file.Name);
        }
        return chain;
    }

    /// <summary>
    /// Whether a bureau of <paramref name="bureauJurisdiction"/> covers cases of <paramref name="caseJurisdiction"/>:
    /// the same jurisdiction, or one enclosing it (a province's bureau covers its prefectures). Unknown names cover nothing.
    /// </summary>
    public bool Covers(string bureauJurisdiction, string? caseJurisdiction) =>
        caseJurisdiction is not null && _files.ContainsKey(caseJurisdiction) && _files.ContainsKey(bureauJurisdiction)
        && Chain(caseJurisdiction).Contains(bureauJurisdiction, StringComparer.OrdinalIgnoreCase);

    /// <summary>The named jurisdiction's effective profile (default when null).</summary>
    /// <exception cref="KeyNotFoundException">No such profile; the message lists the known ones.</exception>
    public JurisdictionProfile Get(string? name)
    {
        name ??= DefaultName;
        return _effective.TryGetValue(name, out var profile)
            ? profile
            : throw new KeyNotFoundException($"unknown profile '{name}' (known: {string.Join(", ", Names)})");
    }

    private ProfileFile File(string name) => _files.TryGetValue(name, out var file)
        ? file
        : throw new KeyNotFoundException($"unknown profile '{name}' (known: {string.Join(", ", Names)})");

    private JurisdictionProfile Compose(string name)
    {
        var chain = Chain(name);
        var checklists = new Dictionary<string, string>(StringComparer.Ordinal);
        var parameters = new Dictionary<string, ProfileParameter>(StringComparer.Ordinal);
        // Outermost first, so each more specific jurisdiction overwrites what it also sets.
        foreach (var level in chain.Reverse())
        {
            var file = _files[level];
            foreach (var (pack, checklist) in file.Checklists) checklists[pack] = checklist;
            foreach (var (key, p) in file.Parameters)
                parameters[key] = new ProfileParameter(key, p.Value, p.Unit, p.Rule, p.Text, p.Setting, file.Name);
            if (Settings is null) continue;
            foreach (var (key, value) in Settings.For(level))
            {
                if (!parameters.TryGetValue(key, out var declared) || !declared.Setting)
                    throw new InvalidDataException($"setting '{key}' for '{level}' is not a setting of its regulations (settable: {string.Join(", ", parameters.Values.Where(p => p.Setting).Select(p => p.Key))})");
                var expected = declared.Unit switch
                {
                    ParameterUnits.Flag => System.Text.Json.JsonValueKind.True,
                    ParameterUnits.List => System.Text.Json.JsonValueKind.Array,
                    ParameterUnits.RangeYears => System.Text.Json.JsonValueKind.Object,
                    ParameterUnits.PersonsByArea => System.Text.Json.JsonValueKind.Object,
                    ParameterUnits.PercentByCriterion => System.Text.Json.JsonValueKind.Object,
                    ParameterUnits.MonthDay => System.Text.Json.JsonValueKind.String,
                    _ => System.Text.Json.JsonValueKind.Number,
                };
                var kind = value.Value.ValueKind == System.Text.Json.JsonValueKind.False ? System.Text.Json.JsonValueKind.True : value.Value.ValueKind;
                if (kind != expected || (kind == System.Text.Json.JsonValueKind.Number && value.Value.GetDecimal() < 0))
                    throw new InvalidDataException($"setting '{key}' for '{level}' must be {(expected == System.Text.Json.JsonValueKind.Number ? "a number ≥ 0" : expected.ToString().ToLowerInvariant())} in {declared.Unit}, not {value.Value}");
                parameters[key] = declared with { Value = value.Value, SetBy = value.By };
                if (declared.Unit == ParameterUnits.PersonsByArea) _ = parameters[key].PersonsByArea; // { area: persons ≥ 1 } or refused
                if (declared.Unit == ParameterUnits.PercentByCriterion) _ = parameters[key].PercentByCriterion; // { criterion: percent }, Σ = 100, or refused
            }
        }
        var own = _files[name];
        return new JurisdictionProfile
        {
            Name = own.Name, DisplayName = own.DisplayName, Parent = own.Parent, Source = own.Source,
            Chain = chain, Checklists = checklists, Parameters = parameters,
        };
    }
}
