using System.Text.Json;

namespace Pipeline.Activities.Tests.Support;

/// <summary>Locates the committed sample packs (tests/fixtures) and their expected outcomes.</summary>
public static class Fixtures
{
    /// <summary>The repository's <c>tests/fixtures</c> folder, found by walking up from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A sample file: a bare name is in <c>packs/</c>; a relative path (<c>holdout/packs/x.pdf</c>) is taken from the fixtures root.</summary>
    public static string Pack(string name) => name.Contains('/') ? Path.Combine(Root, name) : Path.Combine(Root, "packs", name);

    /// <summary>The folders of sample packs with expectations: ours, and the holdout set made by an independent generator.</summary>
    public static readonly string[] PackFolders = ["packs", "holdout/packs"];

    /// <summary>The <c>*.expected.json</c> beside a pack.</summary>
    public static Expected ExpectedFor(string packFile)
    {
        var full = Pack(packFile);
        var path = Path.Combine(Path.GetDirectoryName(full)!, Path.GetFileNameWithoutExtension(full) + ".expected.json");
        return JsonSerializer.Deserialize<Expected>(File.ReadAllText(path), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "fixtures");
            if (Directory.Exists(Path.Combine(candidate, "packs"))) return candidate;
        }
        throw new DirectoryNotFoundException("tests/fixtures/packs not found above " + AppContext.BaseDirectory);
    }

    /// <summary>True when the expected file describes a whole pack (it names its pack kind).</summary>
    public static bool IsPackExpectation(string expectedPath) =>
        JsonDocument.Parse(File.ReadAllText(expectedPath)).RootElement.TryGetProperty("pack", out _);

    public sealed record ExpectedPage(int Number, string? Section);

    public sealed record ExpectedRosterRow(string Name, string IdNumber, bool IdValid);

    public sealed record Expected(
        string? Pack, string? Section, IReadOnlyList<ExpectedRosterRow>? Roster, IReadOnlyList<ExpectedPage> Pages, IReadOnlyList<string> Missing, int RosterCount, int InvalidIds,
        int? Vacancies, IReadOnlyList<string>? OutOfOrder, string Verdict);
}
