using System.Text.Json;
using Pipeline.Activities.Documents.Storage;
using Pipeline.Activities.Forms;
using Pipeline.Workflows.Activities;

namespace Pipeline.Activities.Catalogue;

/// <summary>Input of <see cref="RenderFormActivity"/>.</summary>
public sealed record RenderFormInput
{
    [ActivityInput("Form id: qj-approval-form, gl-inspection-record, subsidy-application, acceptance-notice, return-notice, quota-lottery-record, qj-quarterly-statistics, jz-employment-statistics or yn-annual-summary",
        DescriptionZh = "表格 id：qj-approval-form（曲靖市职业培训计划审批表）、gl-inspection-record（现场督查情况表）、subsidy-application（职业技能培训补贴申请表）、acceptance-notice（验收合格通知书）、return-notice（材料退回补正通知书）、quota-lottery-record（培训区域和任务数抽签记录）、qj-quarterly-statistics（曲靖市职业培训情况统计表）、jz-employment-statistics（年度就业情况统计表）或 yn-annual-summary（职业技能培训及补贴资金使用情况年度统计表）")]
    public required string Form { get; init; }

    [ActivityInput("The form's record as a JSON object (fields in camelCase)", DescriptionZh = "表格数据，JSON 对象（字段名用 camelCase）")]
    public required JsonElement Data { get; init; }

    [ActivityInput("File name to give the document (default: the form's title); the extension is added when missing",
        DescriptionZh = "文书的文件名（默认：表格标题）；缺扩展名时自动补上", Required = false)]
    public string? FileName { get; init; }
}

/// <summary>Output of <see cref="RenderFormActivity"/>.</summary>
public sealed record RenderFormOutput
{
    [ActivityOutput("SHA-256 of the rendered document in the original store", DescriptionZh = "生成的文书在原件库中的 SHA-256")]
    public required string Document { get; init; }

    [ActivityOutput("The document's file name", DescriptionZh = "文书的文件名")]
    public required string FileName { get; init; }

    [ActivityOutput("MIME type of the document (DOCX or XLSX)", DescriptionZh = "文书的 MIME 类型（DOCX 或 XLSX）")]
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
    Description = "Render an official form or notice (DOCX/XLSX) from case data and store it; outputs its SHA-256.",
    DescriptionZh = "根据案件数据生成正式表格或通知书（DOCX/XLSX）并存入原件库，输出其 SHA-256。")]
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
