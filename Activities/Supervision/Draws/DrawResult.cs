namespace Pipeline.Activities.Supervision.Draws;

/// <summary>
/// A seeded draw as written to the case history (全程留痕, R-YN-13): enough to repeat and verify it
/// (<see cref="SeededDraw"/>).
/// </summary>
/// <param name="Kind"><c>spot-check</c> (classes), <c>spot-check-inspectors</c> (one class's inspection group),
/// <c>phone-check</c> or <c>follow-up</c> (trainees).</param>
/// <param name="Seed">The seed the draw ranked candidates with (for an inspection group: the spot-check seed, <c>:</c>, the class id).</param>
/// <param name="Candidates">How many candidates there were.</param>
/// <param name="Required">The least number the rule asks for (may exceed <paramref name="Candidates"/>: then all are drawn).</param>
/// <param name="Chosen">The ids drawn, in draw order; identity numbers among them masked (rank them with the full roster).</param>
/// <param name="Rules">The rule ids the size and the draw follow (R-QJ-7, R-YN-7, R-GL-9, R-YN-9b, R-GL-11); empty when the size was the caller's.</param>
/// <param name="Basis">How the size was reached, in Chinese, e.g. <c>10% × 23 = 2.3，向上取整 3（inspection.spotCheckRate）</c>.</param>
/// <param name="Method">The ranking, <see cref="SeededDraw.Method"/>.</param>
public sealed record DrawResult(
    string Kind, string Seed, int Candidates, int Required, IReadOnlyList<string> Chosen, IReadOnlyList<string> Rules,
    string Basis, string Method = SeededDraw.Method);

/// <summary>A spot check: the classes drawn and, for each, the inspectors drawn to go there.</summary>
/// <param name="Classes">The classes drawn (kind <c>spot-check</c>).</param>
/// <param name="Groups">One inspection group per class drawn, in the same order.</param>
public sealed record SpotCheckDraw(DrawResult Classes, IReadOnlyList<InspectionGroupDraw> Groups);

/// <summary>The inspectors drawn for one class (kind <c>spot-check-inspectors</c>); never one inspector twice.</summary>
public sealed record InspectionGroupDraw(string Class, DrawResult Inspectors);
