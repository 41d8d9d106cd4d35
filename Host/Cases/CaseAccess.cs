using Pipeline.Activities.Profiles;
using Pipeline.Host.Authentication;
using Pipeline.Workflows.Runtime;

namespace Pipeline.Host.Cases;

/// <summary>
/// Who reaches which case. Administrators: every case. Bureau staff: cases of their jurisdiction and of the
/// jurisdictions it encloses (a Yunnan bureau sees Qujing's). Institution staff: their own institution's cases.
/// An instance without a case (started by a message or timer) is scoped by the case of its business key, else it is
/// reached by administrators only. Out of reach is answered as "no such case" (404), never as "forbidden".
/// </summary>
public sealed class CaseAccess(ICaseIndex index, ProfileCatalog profiles)
{
    /// <summary>Whether <paramref name="caller"/> reaches a case of <paramref name="scope"/> (null: an unscoped instance).</summary>
    public bool Reaches(Caller caller, CaseScope? scope)
    {
        if (caller.IsAdmin) return true;
        if (scope is null) return false;
        return caller.IsInstitution
            ? scope.InstitutionId is { } owner && owner == caller.OrganisationId
            : profiles.Covers(caller.Jurisdiction, scope.Jurisdiction);
    }

    /// <summary>The case <paramref name="businessKey"/> when <paramref name="caller"/> reaches it; null when it does not exist or is out of reach (answer <see cref="NotFound"/>).</summary>
    public async Task<CaseEntry?> ReachableAsync(string businessKey, Caller caller, CancellationToken cancellationToken) =>
        await index.FindAsync(businessKey, cancellationToken) is { } entry && Reaches(caller, entry.Scope) ? entry : null;

    /// <summary>The scope of <paramref name="instance"/>: that of the case with its business key, if any.</summary>
    public async Task<CaseScope?> ScopeAsync(ProcessInstance instance, CancellationToken cancellationToken) =>
        instance.BusinessKey is { } key && (await index.ScopesAsync([key], cancellationToken)).TryGetValue(key, out var scope) ? scope : null;

    /// <summary>The case-list filter of <paramref name="caller"/>.</summary>
    public CaseFilter Filter(Caller caller, string? keyPrefix) =>
        caller.IsAdmin ? new CaseFilter(keyPrefix, null, null)
        : caller.IsInstitution ? new CaseFilter(keyPrefix, caller.OrganisationId, null)
        : new CaseFilter(keyPrefix, null, profiles.Names.Where(n => profiles.Covers(caller.Jurisdiction, n)).ToList());

    /// <summary>The 404 every out-of-reach case gets (the same as a case that does not exist).</summary>
    public static IResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such case", detail: $"no case '{what}'");
}
