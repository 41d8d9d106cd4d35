using Pipeline.Activities.Documents.Storage;
using Pipeline.Host.Authentication;
using Pipeline.Workflows.Runtime;

namespace Pipeline.Host.Cases.Documents;

/// <summary>
/// <c>/api/cases/{businessKey}/documents</c>: the notices and forms a case produced (文书下载). Institution staff see the
/// documents addressed to them (<see cref="CaseDocumentStore.InstitutionForms"/>: return and acceptance notices) of
/// their own cases; bureau staff every document of the cases they reach; anyone else is told there is no such case.
/// </summary>
public static class DocumentEndpoints
{
    public static IEndpointRouteBuilder MapCaseDocuments(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/api/cases").WithTags("Cases").RequireAuthorization(Policies.SignedIn);
        cases.MapGet("/{businessKey}/documents", ListAsync).WithSummary("The case's rendered notices and forms (DOCX/XLSX), oldest first");
        cases.MapGet("/{businessKey}/documents/{sha256}", DownloadAsync).WithSummary("Download one of the case's documents");
        return app;
    }

    private static async Task<IResult> ListAsync(
        string businessKey, Caller caller, IInstanceStore instances, CaseAccess access, CaseDocumentStore documents,
        CancellationToken cancellationToken) =>
        await VisibleAsync(businessKey, caller, instances, access, documents, cancellationToken) is { } list
            ? TypedResults.Ok(list)
            : CaseAccess.NotFound(businessKey);

    private static async Task<IResult> DownloadAsync(
        string businessKey, string sha256, Caller caller, IInstanceStore instances, CaseAccess access,
        CaseDocumentStore documents, IOriginalStore originals, CancellationToken cancellationToken)
    {
        var list = await VisibleAsync(businessKey, caller, instances, access, documents, cancellationToken);
        if (list is null) return CaseAccess.NotFound(businessKey);
        if (list.FirstOrDefault(d => d.Sha256 == sha256) is not { } document || originals.Find(sha256) is not { } stored)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such document", detail: $"本案件没有此文书 (no document {sha256} in case '{businessKey}')");
        return TypedResults.PhysicalFile(stored.Path, document.ContentType, document.FileName);
    }

    /// <summary>The documents of the case tree the caller may read, or null when the case is out of reach.</summary>
    private static async Task<IReadOnlyList<CaseDocument>?> VisibleAsync(
        string businessKey, Caller caller, IInstanceStore instances, CaseAccess access, CaseDocumentStore documents,
        CancellationToken cancellationToken)
    {
        if (await access.ReachableAsync(businessKey, caller, cancellationToken) is not { } entry) return null;
        var children = await instances.ChildrenAsync(entry.InstanceId, cancellationToken);
        var all = await documents.ListAsync(children.Select(c => c.Id).Prepend(entry.InstanceId), cancellationToken);
        return caller.IsInstitution ? all.Where(d => CaseDocumentStore.InstitutionForms.Contains(d.Form)).ToList() : all;
    }
}
