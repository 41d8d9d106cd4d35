namespace Pipeline.Workflows.Expressions;

/// <summary>
/// A FEEL years and months duration (DMN 1.5 §10.3.2.3.8), e.g. <c>duration("P1Y2M")</c>: a whole number of
/// calendar months, possibly negative. Days-and-time durations are <see cref="TimeSpan"/> instead; the two are
/// distinct FEEL types and never compare or add to each other.
/// </summary>
/// <param name="Months">The total number of months, e.g. 14 for <c>P1Y2M</c>; negative for <c>-P1Y2M</c>.</param>
public readonly record struct YearMonthDuration(int Months) : IComparable<YearMonthDuration>
{
    /// <summary>The whole years, truncated towards zero (<c>P1Y2M</c> → 1, <c>-P1Y2M</c> → -1).</summary>
    public int Years => Months / 12;

    /// <summary>The months beyond <see cref="Years"/>, from -11 to 11 (<c>P1Y2M</c> → 2).</summary>
    public int MonthsOfYear => Months % 12;

    /// <summary>Orders by <see cref="Months"/>.</summary>
    public int CompareTo(YearMonthDuration other) => Months.CompareTo(other.Months);

    /// <summary>The ISO 8601 / XML Schema lexical form: <c>P1Y2M</c>, <c>-P3M</c>, <c>P2Y</c>; zero is <c>P0M</c>.</summary>
    public override string ToString() => TemporalLexical.Format(this);
}
