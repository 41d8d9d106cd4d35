namespace Pipeline.Activities.Classification;

/// <summary>
/// Approximate substring search (Sellers' algorithm): the fewest edits (substitution, insertion, deletion)
/// that turn <c>pattern</c> into some substring of <c>text</c>. Used so that an OCR slip inside a form
/// title (花名册 read as 花名珊) still counts.
/// </summary>
public static class FuzzyMatch
{
    /// <summary>
    /// Least edit distance between <paramref name="pattern"/> and any substring of <paramref name="text"/>,
    /// or null when it exceeds <paramref name="maxErrors"/>. Exact hits are found by a plain search first.
    /// </summary>
    public static int? BestDistance(ReadOnlySpan<char> text, ReadOnlySpan<char> pattern, int maxErrors)
    {
        if (pattern.IsEmpty) return 0;
        if (text.IndexOf(pattern, StringComparison.Ordinal) >= 0) return 0;
        if (maxErrors <= 0) return null;
        var m = pattern.Length;
        Span<int> column = m <= 128 ? stackalloc int[m + 1] : new int[m + 1];
        for (var i = 0; i <= m; i++) column[i] = i;
        var best = int.MaxValue;
        foreach (var c in text)
        {
            var diagonal = 0; // D[0][j-1] = 0: a match may start anywhere
            for (var i = 1; i <= m; i++)
            {
                var above = column[i];
                var cost = pattern[i - 1] == c ? 0 : 1;
                column[i] = Math.Min(Math.Min(column[i - 1] + 1, above + 1), diagonal + cost);
                diagonal = above;
            }
            column[0] = 0;
            if (column[m] < best) best = column[m];
        }
        return best <= maxErrors ? best : null;
    }

    /// <summary>
    /// Errors tolerated for a phrase of <paramref name="length"/> characters: none up to 5 (a slip in a short phrase
    /// too easily lands on another word: 证书复印件 ≈ 许可证复印件), one for 6–10, two for 11–15.
    /// </summary>
    public static int Tolerance(int length) => Math.Max(0, length - 1) / 5;
}
