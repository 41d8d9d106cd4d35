namespace Pipeline.Activities.Packs;

/// <summary>What to check.</summary>
/// <param name="Path">The uploaded file on disk.</param>
/// <param name="Pack">Pack kind: <c>class-opening</c> or <c>subsidy-claim</c>.</param>
/// <param name="Profile">Jurisdiction profile name; null for the default (<c>jiaozuo</c>).</param>
/// <param name="FileName">Name to report (the upload's own name); defaults to the file name of <paramref name="Path"/>.</param>
/// <param name="AsOf">Date the roster's ages are checked on; defaults to today.</param>
public sealed record PackCheckRequest(string Path, string Pack, string? Profile = null, string? FileName = null, DateOnly? AsOf = null);
