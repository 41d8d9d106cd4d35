using System.Text.RegularExpressions;
using Pipeline.Activities.Documents.Text;

namespace Pipeline.Activities.Classification;

/// <summary>How one page was classified, and why.</summary>
/// <param name="Section">A section id of <see cref="SectionIds"/>.</param>
/// <param name="Score">Evidence score of the chosen section (0 for continuation or fallback).</param>
/// <param name="Continuation">True when the page was given its predecessor's section for want of its own heading.</param>
public sealed record PageClassification(string Section, double Score, bool Continuation);

/// <summary>
/// Assigns each page of a pack to a section (architecture.md section ids) by weighted phrase evidence:
/// form titles near the top of the page count most, field labels and column headers less, and both
/// tolerate OCR slips. A page without a clear heading continues the section before it when that section can
/// span pages (a roster running over three pages), unless it shows more evidence for another section; a page
/// with too little evidence for anything is <c>other</c>.
/// Pure and deterministic; thread-safe.
/// </summary>
public sealed partial class SectionClassifier(ClassifierVocabulary vocabulary)
{
    /// <summary>A classifier over the shipped vocabulary.</summary>
    public static SectionClassifier Default { get; } = new(ClassifierVocabulary.LoadEmbedded());

    /// <summary>Classifies pages in order; page texts are plain (tidied) page texts.</summary>
    public IReadOnlyList<PageClassification> ClassifyPages(IReadOnlyList<string> pageTexts)
    {
        var result = new List<PageClassification>(pageTexts.Count);
        string? previous = null;
        foreach (var text in pageTexts)
        {
            var page = Classify(text, previous);
            result.Add(page);
            previous = page.Section;
        }
        return result;
    }

    /// <summary>
    /// Classifies one page. <paramref name="previousSection"/> is the section of the page before it, or null
    /// for the first page.
    /// </summary>
    public PageClassification Classify(string pageText, string? previousSection)
    {
        var compact = ChineseText.Compact(pageText);
        var scores = Score(compact, IdNumberCount(pageText), LineEndingNumber().Count(pageText));
        var best = scores.MaxBy(s => s.Score);
        if (best.Score >= vocabulary.Threshold) return new PageClassification(best.Id, best.Score, false);
        var continues = previousSection is not null && vocabulary.Continuable.Contains(previousSection) && compact.Length > 0;
        var previousScore = scores.FirstOrDefault(s => s.Id == previousSection).Score;
        if (continues && (best.Score < vocabulary.MinEvidence || previousScore >= best.Score))
            return new PageClassification(previousSection!, previousScore, true);
        if (best.Score >= vocabulary.MinEvidence) return new PageClassification(best.Id, best.Score, false);
        return new PageClassification(SectionIds.Other, 0, false);
    }

    /// <summary>Evidence score of every section for one page (for diagnostics and tests).</summary>
    /// <remarks>
    /// A heading names the most specific form: when one section's title found near the top is part of another
    /// section's longer title found there too (花名册 in 补贴人员花名册), the shorter one does not count. The
    /// table-of-contents bonus needs the page to look like one: its own title, or many lines ending in page numbers.
    /// </remarks>
    public IReadOnlyList<(string Id, double Score)> Score(string compact, int idNumbers, int lineEndingNumbers = 0)
    {
        var head = compact.AsSpan(0, Math.Min(compact.Length, vocabulary.HeadChars));
        var found = new List<(SectionVocabulary Section, string? HeadTitle, double TitlePoints, double KeywordPoints)>(vocabulary.Sections.Count);
        foreach (var section in vocabulary.Sections)
        {
            double titlePoints = 0;
            string? headTitle = null;
            foreach (var title in section.Titles)
            {
                var tolerance = FuzzyMatch.Tolerance(title.Length);
                if (FuzzyMatch.BestDistance(head, title, tolerance) is { } inHead)
                {
                    var points = vocabulary.TitleInHead * Quality(title.Length, inHead);
                    if (points > titlePoints || (points == titlePoints && title.Length > (headTitle?.Length ?? 0)))
                        (titlePoints, headTitle) = (points, title);
                }
                else if (FuzzyMatch.BestDistance(compact, title, tolerance) is { } elsewhere)
                {
                    titlePoints = Math.Max(titlePoints, vocabulary.TitleElsewhere * Quality(title.Length, elsewhere));
                }
            }
            double keywordPoints = 0;
            foreach (var keyword in section.Keywords)
            {
                if (FuzzyMatch.BestDistance(compact, keyword, FuzzyMatch.Tolerance(keyword.Length)) is not null)
                    keywordPoints += vocabulary.Keyword;
            }
            found.Add((section, headTitle, titlePoints, Math.Min(keywordPoints, vocabulary.MaxKeywordPoints)));
        }

        var scores = new List<(string Id, double Score)>(found.Count);
        foreach (var (section, headTitle, titlePoints, keywordPoints) in found)
        {
            var outranked = headTitle is not null && found.Any(other =>
                other.Section != section && other.HeadTitle is { } longer && longer.Length > headTitle.Length && longer.Contains(headTitle, StringComparison.Ordinal));
            var score = (outranked ? 0 : titlePoints) + keywordPoints;
            if (section.Id == SectionIds.TraineeRoster && idNumbers >= vocabulary.IdNumbersForRosterBonus)
                score += vocabulary.RosterBonus;
            scores.Add((section.Id, score));
        }

        var titledSections = found.Count(f => f.TitlePoints > 0 && f.Section.Id != SectionIds.TableOfContents);
        var toc = found.FindIndex(f => f.Section.Id == SectionIds.TableOfContents);
        var looksLikeContents = toc >= 0 && (found[toc].TitlePoints > 0 || lineEndingNumbers >= vocabulary.TableOfContentsDistinctTitles);
        if (looksLikeContents && titledSections >= vocabulary.TableOfContentsDistinctTitles)
            scores[toc] = (SectionIds.TableOfContents, scores[toc].Score + vocabulary.TableOfContentsBonus);
        return scores;
    }

    /// <summary>Share of the phrase read correctly: 1 for an exact hit.</summary>
    private static double Quality(int length, int errors) => 1.0 - (double)errors / length;

    private static int IdNumberCount(string text) => IdLike().Count(text);

    [GeneratedRegex(@"(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9])")]
    private static partial Regex IdLike();

    /// <summary>Contents lines: text, dot leaders or spaces, a page number at the end of the line.</summary>
    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs})）][\s.·…。_-]*\d{1,3}\s*$", RegexOptions.Multiline)]
    private static partial Regex LineEndingNumber();
}
