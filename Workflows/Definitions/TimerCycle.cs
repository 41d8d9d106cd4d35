namespace Pipeline.Workflows.Definitions;

/// <summary>
/// An ISO 8601 repeating interval with a fixed origin (BPMN 2.0 §10.5.5 <c>timeCycle</c>): occurrence <c>k</c> is
/// <see cref="Origin"/> + <c>k</c> × <see cref="Interval"/> for <c>k</c> from <see cref="FirstIndex"/>, computed from the
/// origin each time, so calendar parts do not drift (<c>R/2026-01-31T00:00:00+08:00/P1M</c>: 31 January, 28 February,
/// 31 March, …; quarterly <c>R/2026-01-01T00:00:00+08:00/P3M</c>: 1 January, 1 April, 1 July, 1 October, …).
/// </summary>
/// <param name="Origin">The cycle's start: the written start (<c>R/start/P…</c>), or the time it was armed (<c>R/P…</c>).</param>
/// <param name="Interval">The time between occurrences; not zero.</param>
/// <param name="Repetitions">How many occurrences in all (<c>R3</c> → 3); null when unbounded (<c>R/</c>).</param>
/// <param name="FirstIndex">0 when the origin itself is the first occurrence (a written start), 1 when it is not (armed at the origin).</param>
public readonly record struct TimerCycle(DateTimeOffset Origin, IsoDuration Interval, int? Repetitions, int FirstIndex)
{
    /// <summary>Occurrence <paramref name="k"/> (0-based from the origin), in the origin's offset.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Beyond the representable dates.</exception>
    public DateTimeOffset Occurrence(long k) =>
        Origin.AddYears(checked((int)(Interval.Years * k))).AddMonths(checked((int)(Interval.Months * k))).Add(Interval.Exact * k);

    /// <summary>The first occurrence strictly after <paramref name="after"/> and how many remain after it (-1 unbounded); null when none is left.</summary>
    public (DateTimeOffset At, int RepeatsLeft)? Next(DateTimeOffset after)
    {
        var last = Repetitions is { } n ? FirstIndex + (long)n - 1 : long.MaxValue;
        // Estimate the index from an average interval length, then step to the exact one.
        var approximate = Interval.Years * 365.2425 + Interval.Months * 30.436875 + Interval.Exact.TotalDays;
        var k = Math.Max(FirstIndex, (long)Math.Floor((after - Origin).TotalDays / approximate) - 1);
        try
        {
            while (k > FirstIndex && Occurrence(k - 1) > after) k--;
            while (Occurrence(k) <= after) k++;
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
        {
            return null;
        }
        if (k > last) return null;
        return (Occurrence(k), Repetitions is null ? -1 : (int)(last - k));
    }
}
