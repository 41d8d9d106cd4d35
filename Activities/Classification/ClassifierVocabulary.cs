using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Activities.Classification;

/// <summary>The words of one section: heading phrases and typical labels, as written in <c>Data/sections.json</c>.</summary>
public sealed record SectionVocabulary(string Id, IReadOnlyList<string> Titles, IReadOnlyList<string> Keywords);

/// <summary>
/// Scoring weights and the per-section vocabulary of <see cref="SectionClassifier"/>, loaded from the
/// embedded <c>classification/sections.json</c>. Phrases are compacted (<see cref="Documents.Text.ChineseText.Compact"/>) on load.
/// </summary>
public sealed record ClassifierVocabulary
{
    /// <summary>How many compact characters from the top of a page count as its heading area.</summary>
    public int HeadChars { get; init; }
    public double TitleInHead { get; init; }
    public double TitleElsewhere { get; init; }
    public double Keyword { get; init; }
    public double MaxKeywordPoints { get; init; }
    /// <summary>Least score for a page to be assigned a section on its own evidence, whatever precedes it.</summary>
    public double Threshold { get; init; }
    /// <summary>
    /// Below <see cref="Threshold"/>, a page with at least this much evidence for a section other than the one
    /// before it starts that section instead of continuing (a vacancy list with a garbled title after a roster).
    /// </summary>
    public double MinEvidence { get; init; }
    /// <summary>A page naming this many different sections' titles is a table of contents.</summary>
    public int TableOfContentsDistinctTitles { get; init; }
    public double TableOfContentsBonus { get; init; }
    /// <summary>Least ID numbers on a page for the roster bonus.</summary>
    public int IdNumbersForRosterBonus { get; init; }
    public double RosterBonus { get; init; }
    /// <summary>Sections that may run over several pages, so that a page without a heading continues them.</summary>
    public IReadOnlyList<string> Continuable { get; init; } = [];
    public IReadOnlyList<SectionVocabulary> Sections { get; init; } = [];

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    /// <summary>Loads the vocabulary shipped in this assembly.</summary>
    public static ClassifierVocabulary LoadEmbedded()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("classification/sections.json")
            ?? throw new InvalidOperationException("classification/sections.json is not embedded.");
        return Parse(stream);
    }

    /// <summary>Parses a vocabulary file of the same shape as <c>sections.json</c>.</summary>
    public static ClassifierVocabulary Parse(Stream json)
    {
        var raw = JsonSerializer.Deserialize<ClassifierVocabulary>(json, Json)
            ?? throw new InvalidDataException("empty classifier vocabulary");
        var unknown = raw.Sections.Select(s => s.Id).Where(id => !SectionIds.All.Contains(id)).ToList();
        if (unknown.Count > 0) throw new InvalidDataException($"unknown section ids in vocabulary: {string.Join(", ", unknown)}");
        return raw with
        {
            Sections = raw.Sections
                .Select(s => s with
                {
                    Titles = s.Titles.Select(Documents.Text.ChineseText.Compact).Distinct().ToList(),
                    Keywords = s.Keywords.Select(Documents.Text.ChineseText.Compact).Distinct().ToList(),
                })
                .ToList(),
        };
    }
}
