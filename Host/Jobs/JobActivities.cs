using Pipeline.Activities;
using Pipeline.Activities.Catalogue;
using Pipeline.Workflows.Activities;
using Pipeline.Workflows.Expressions;
using Pipeline.Workflows.Runtime;

using Pipeline.Host.Cases;

namespace Pipeline.Host.Jobs;

/// <summary>
/// Runs the catalogue activity a job bookmark names (its task type) on the bookmark's inputs and turns the result
/// into the variables the job completes with.
/// </summary>
/// <exception cref="NotSupportedException">No activity runs this job type (permanent: an incident at once).</exception>
/// <exception cref="KeyNotFoundException">A required input is missing (permanent).</exception>
public sealed class JobActivities(
    PackCheckingServices packs, PackReportStore reports, Cases.Documents.CaseDocumentStore documents, TimeProvider time, IServiceProvider services)
{
    /// <summary>Runs the job; <paramref name="progress"/> receives units done / total (pages for <c>pack.check</c>).</summary>
    public async Task<Dictionary<string, object?>> RunAsync(
        Guid instanceId, Bookmark job, IProgress<ActivityProgress>? progress, CancellationToken cancellationToken)
    {
        switch (job.Name)
        {
            case "pack.check":
                var inputs = job.Inputs;
                var input = new CheckMaterialPackInput
                {
                    Document = Text(inputs, "document") ?? throw new KeyNotFoundException("pack.check has no input 'document'"),
                    Pack = Text(inputs, "pack") ?? throw new KeyNotFoundException("pack.check has no input 'pack'"),
                    Profile = Text(inputs, "profile"),
                    FileName = Text(inputs, "fileName"),
                };
                var done = await new CheckMaterialPackActivity(packs.Checker, packs.Originals).ExecuteAsync(input, progress, cancellationToken).ConfigureAwait(false);
                await reports.SaveAsync(instanceId, done.Output.Report, cancellationToken).ConfigureAwait(false);
                return new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["verdict"] = done.Output.Verdict,
                    ["errors"] = FeelValues.From(done.Output.Errors),
                    ["missing"] = FeelValues.From(done.Output.Missing),
                    // Findings (masked) for notices: rule, severity, message, page.
                    ["findings"] = FeelValues.From(done.Output.Report.Findings.Select(f => new Dictionary<string, object?>
                    {
                        ["rule"] = f.Rule, ["severity"] = f.Severity, ["message"] = f.Message, ["page"] = f.Page,
                    }).ToList()),
                    // The full report is kept by PackReportStore; the variable carries only its summary.
                    ["report"] = FeelValues.From(new Dictionary<string, object?>
                    {
                        ["sha256"] = done.Output.Report.Sha256,
                        ["file"] = done.Output.Report.File,
                        ["verdict"] = done.Output.Report.Verdict,
                    }),
                };
            default:
                // Every other catalogue activity: built from the services, inputs bound from the job's variables.
                var invoker = new ActivityInvoker(type => ActivatorUtilities.CreateInstance(services, type));
                var (_, variables) = await invoker.InvokeAsync(job.Name, job.Inputs, progress, cancellationToken).ConfigureAwait(false);
                // A rendered notice or form is the case's document: listed on the case page for download.
                if (job.Name == "form.render" && Text(variables, "document") is { } sha)
                    await documents.AddAsync(instanceId, new Cases.Documents.CaseDocument(sha, Text(variables, "fileName") ?? sha,
                        Text(variables, "contentType") ?? "application/octet-stream", Text(job.Inputs, "form") ?? "", job.NodeId, time.GetUtcNow()),
                        cancellationToken).ConfigureAwait(false);
                return variables;
        }
    }

    private static string? Text(IReadOnlyDictionary<string, object?> inputs, string name) =>
        inputs.TryGetValue(name, out var value) && value is not null ? value.ToString() : null;
}
