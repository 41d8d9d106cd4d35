namespace Pipeline.Activities.Rosters;

/// <summary>
/// One trainee read from a roster (学员花名册) page. Holds the full ID number: keep it in memory, never
/// log or return it; reports carry <see cref="IdNumberMasked"/>.
/// </summary>
/// <param name="Name">Name as read, or empty when it could not be told apart from the row.</param>
/// <param name="IdNumber">The 18-character ID number as read (upper-case X).</param>
/// <param name="Problem">Why the ID number is invalid, <see cref="IdNumberProblem.None"/> when valid.</param>
/// <param name="Page">1-based page number it was read from.</param>
public sealed record RosterEntry(string Name, string IdNumber, IdNumberProblem Problem, int Page)
{
    public string IdNumberMasked => Rosters.IdNumber.Mask(IdNumber);
    public bool IdValid => Problem == IdNumberProblem.None;

    /// <summary>True when the number was read and is wrong (not merely illegible).</summary>
    public bool IdInvalid => Problem is not (IdNumberProblem.None or IdNumberProblem.Illegible);
}
