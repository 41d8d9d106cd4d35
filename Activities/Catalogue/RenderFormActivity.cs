using System.Text.Json;
using Pipeline.Activities.Documents.Storage;
using Pipeline.Activities.Forms;
using Pipeline.Workflows.Activities;

namespace Pipeline.Activities.Catalogue;

/// <summary>Input of <see cref="RenderFormActivity"/>.</summary>
public sealed record RenderFormInput
{
    [ActivityInput("Form id: qj-approval-form, gl-inspection-record, subsidy-application, acceptance-notice, return-notice, qj-quarterly-statistics or jz-employment-statistics")]
    public required string Form { get; init; }

    [ActivityInput("The form's record as a JSON object (fields in camelCase)")]
    public required JsonElement Data { get; init; }

    [ActivityInput("File name to give the document (default: the form's title); the extension is added when missing", Required = false)]
    public string? FileName { get; init; }
}

/// <summary>Output of <see cref="RenderFormActivity"/>.</summary>
public sealed record RenderFormOutput
{
    [ActivityOutput("SHA-256 of the rendered document in the original store")]
    public required string Document { get; init; }

    [ActivityOutput("The document's file name")]
    public required string FileName { get; init; }

    [ActivityOutput("MIME type of the document (DOCX or XLSX)")]
    public required string ContentType { get; init; }
}

/// <summary>
/// Catalogue activity <c>form.render</c> (生成文书): renders one of the official forms of <see cref="FormCatalog"/>
/// from the case's record and keeps the bytes in the original store, content-addressed like uploads. Rendering is pure
/// and deterministic (the dates come from the record), so the same record gives the same document and the same hash.
/// </summary>
[Activity("form.render", "Documents",
    DisplayName = "Render form",
    DisplayNameZh = "生成文书",
    Description = "Render an official form or notice (DOCX/XLSX) from case data and store it; outputs its SHA-256.")]
public sealed class RenderFormActivity(IOriginalStore originals) : IActivity<RenderFormInput, RenderFormOutput>
{
    /// <exception cref="ArgumentException">An unknown form id, data that does not bind to the form's record, or a
    /// file name with a path in it; the message names the field.</exception>
    public async Task<ActivityResult<RenderFormOutput>> ExecuteAsync(
        RenderFormInput input, IProgress<ActivityProgress>? progress, CancellationToken cancellationToken)
    {
        var kind = FormCatalog.Get(input.Form);
        var fileName = FileName(input.FileName, kind);
        var bytes = kind.Render(input.Data);
        var stored = await originals.StoreAsync(bytes, cancellationToken).ConfigureAwait(false);
        return new ActivityResult<RenderFormOutput>("done", new RenderFormOutput
        {
            Document = stored.Sha256,
            FileName = fileName,
            ContentType = kind.ContentType,
        });
    }

    private static string FileName(string? requested, FormKind kind)
    {
        if (string.IsNullOrWhiteSpace(requested)) return kind.Title + kind.Extension;
        var name = requested.Trim();
        if (name != Path.GetFileName(name) || name.Contains('\\') || name is "." or ".." || name.Any(char.IsControl))
            throw new ArgumentException($"fileName: '{name}' is not a plain file name", "fileName");
        return name.EndsWith(kind.Extension, StringComparison.OrdinalIgnoreCase) ? name : name + kind.Extension;
    }
}
