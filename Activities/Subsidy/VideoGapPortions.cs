namespace Pipeline.Activities.Subsidy;

/// <summary>How much of a training day a video gap (影像资料缺失) covers, and the days it deducts (WS §五(二), R-WS-14).</summary>
public static class VideoGapPortions
{
    /// <summary>缺失半天: half a day deducted.</summary>
    public const string HalfDay = "half-day";
    /// <summary>缺失1天: the whole day deducted.</summary>
    public const string Day = "day";

    /// <summary>Days deducted per portion.</summary>
    public static readonly IReadOnlyDictionary<string, decimal> Days = new Dictionary<string, decimal>(StringComparer.Ordinal)
    {
        [HalfDay] = 0.5m,
        [Day] = 1m,
    };
}
