namespace Pipeline.Activities.Packs;

/// <summary>Readability thresholds of the pack check (technical settings, not regulation numbers).</summary>
public sealed record PackCheckOptions
{
    /// <summary>A page with fewer readable characters (Han, letters, digits) than this is unreadable.</summary>
    public int MinReadableChars { get; init; } = 30;

    /// <summary>An OCR'd page below this mean confidence (0–100) is unreadable.</summary>
    public int MinConfidence { get; init; } = 30;

    /// <summary>A pack whose share of readable pages is below this (0–1) gets the verdict <c>unreadable</c>.</summary>
    public double MinReadablePageShare { get; init; } = 0.5;

    /// <summary>
    /// Wall-clock budget of one document: this much plus <see cref="DocumentTimePerPage"/> for each page (default 60 s
    /// + 10 s a page, ten times what a scanned page takes on two cores). Past it the check stops and the pack is
    /// refused as taking too long, never retried.
    /// </summary>
    public TimeSpan DocumentTimeBase { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>See <see cref="DocumentTimeBase"/>.</summary>
    public TimeSpan DocumentTimePerPage { get; init; } = TimeSpan.FromSeconds(10);
}
