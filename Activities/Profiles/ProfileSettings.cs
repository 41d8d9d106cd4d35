using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline.Activities.Profiles;

/// <summary>
/// The values administrators set for the parameters their regulation names but gives no number for (daily subsidy
/// rates, a publicity period, YN's number of co-signers), kept in <c>$PIPELINE_DATA/profile-settings.json</c>:
/// <c>{ "wenshui": { "subsidy.dailyRate.general": { "value": 60, "by": "admin", "at": "2026-12-05T10:00:00+08:00" } } }</c>.
/// A setting applies to the jurisdiction it is set for and the ones it encloses, unless they set their own.
/// </summary>
public sealed class ProfileSettings
{
    /// <summary>The file's name in <c>$PIPELINE_DATA</c>.</summary>
    public const string FileName = "profile-settings.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNameCaseInsensitive = true };
    private readonly Dictionary<string, Dictionary<string, SettingValue>> _values;

    private ProfileSettings(Dictionary<string, Dictionary<string, SettingValue>> values) => _values = values;

    /// <summary>No settings.</summary>
    public static ProfileSettings Empty() => new(new(StringComparer.OrdinalIgnoreCase));

    /// <summary>Reads the file; a missing file is no settings.</summary>
    /// <exception cref="InvalidDataException">The file is not the JSON described above.</exception>
    public static ProfileSettings Load(string path)
    {
        if (!System.IO.File.Exists(path)) return Empty();
        try
        {
            var values = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, SettingValue>>>(System.IO.File.ReadAllText(path), Json) ?? [];
            return new(new(values.ToDictionary(e => e.Key, e => new Dictionary<string, SettingValue>(e.Value, StringComparer.Ordinal)), StringComparer.OrdinalIgnoreCase));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a profile settings file ({e.Message})", e);
        }
    }

    /// <summary>The values set for one jurisdiction itself (not its parents).</summary>
    public IReadOnlyDictionary<string, SettingValue> For(string profile) =>
        _values.TryGetValue(profile, out var values) ? values : new Dictionary<string, SettingValue>();

    /// <summary>Sets one value and returns the new settings (this instance is not changed).</summary>
    public ProfileSettings With(string profile, string key, JsonElement value, string by, DateTimeOffset at)
    {
        var copy = _values.ToDictionary(e => e.Key, e => new Dictionary<string, SettingValue>(e.Value, StringComparer.Ordinal), StringComparer.OrdinalIgnoreCase);
        if (!copy.TryGetValue(profile, out var values)) copy[profile] = values = new(StringComparer.Ordinal);
        values[key] = new SettingValue(value, by, at);
        return new(copy);
    }

    /// <summary>Writes the settings to <paramref name="path"/> (atomically: a temporary file renamed over it).</summary>
    public void Save(string path)
    {
        var temporary = path + ".tmp";
        System.IO.File.WriteAllText(temporary, JsonSerializer.Serialize(_values, Json));
        System.IO.File.Move(temporary, path, overwrite: true);
    }

    /// <summary>A value an administrator set.</summary>
    /// <param name="Value">In the parameter's unit (a number, flag or list as the profile file would write it).</param>
    /// <param name="By">Who set it.</param>
    /// <param name="At">When.</param>
    public sealed record SettingValue(JsonElement Value, string By, DateTimeOffset At);
}
