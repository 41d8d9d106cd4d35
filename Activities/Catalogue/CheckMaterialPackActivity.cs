using Pipeline.Activities.Documents.Storage;
using Pipeline.Activities.Packs;
using Pipeline.Workflows.Activities;

namespace Pipeline.Activities.Catalogue;

/// <summary>Input of <see cref="CheckMaterialPackActivity"/>.</summary>
public sealed record CheckMaterialPackInput
{
    [ActivityInput("SHA-256 of the uploaded pack in the original store (never a path)", DescriptionZh = "已上传材料包在原件库中的 SHA-256（不是文件路径）")]
    public required string Document { get; init; }

    [ActivityInput("Pack kind: class-opening or subsidy-claim", DescriptionZh = "材料包类型：class-opening（开班申请材料）或 subsidy-claim（补贴申报材料）")]
    public required string Pack { get; init; }

    [ActivityInput("Jurisdiction profile name (default jiaozuo)", DescriptionZh = "辖区配置名称（默认 jiaozuo）", Required = false)]
    public string? Profile { get; init; }

    [ActivityInput("Upload's original file name, for the report", DescriptionZh = "上传文件的原始文件名，用于审核报告", Required = false)]
    public string? FileName { get; init; }
}

/// <summary>Output of <see cref="CheckMaterialPackActivity"/>.</summary>
public sealed record CheckMaterialPackOutput
{
    [ActivityOutput("complete, incomplete or unreadable", DescriptionZh = "complete（齐全）、incomplete（不齐全）或 unreadable（无法识别）")]
    public required string Verdict { get; init; }

    [ActivityOutput("Number of error findings", DescriptionZh = "错误级问题数")]
    public required int Errors { get; init; }

    [ActivityOutput("Required sections not found (section ids)", DescriptionZh = "未找到的必备材料（材料项 id）")]
    public required IReadOnlyList<string> Missing { get; init; }

    [ActivityOutput("The full pack report (bundle check JSON)", DescriptionZh = "完整的材料包审核报告（bundle check 的 JSON）")]
    public required PackReport Report { get; init; }
}

/// <summary>
/// Catalogue activity <c>pack.check</c> (材料包审核): checks an uploaded material pack against its checklist and
/// the jurisdiction profile and ends with the verdict as its outcome. Long-running (OCR): the runtime runs it as a
/// persistent job and reports page progress. A file that cannot be read at all (damaged, a pixel or ZIP bomb, too
/// slow) ends <c>unreadable</c> with a finding that says why, not in an error.
/// </summary>
[Activity("pack.check", "Documents",
    DisplayName = "Check material pack",
    DisplayNameZh = "材料包审核",
    Description = "OCR, classify and check an institution's material pack; findings cite rule ids and pages.",
    DescriptionZh = "对培训机构的材料包进行 OCR 识别、分类和审核；每个问题注明规则编号和页码。",
    Outcomes = [Verdicts.Complete, Verdicts.Incomplete, Verdicts.Unreadable],
    LongRunning = true,
    // A failed check is mostly a machine problem (memory, a tool killed): three tries, 10 s then 20 s apart.
    Retries = 3,
    RetryBackoff = "PT10S")]
public sealed class CheckMaterialPackActivity(PackChecker checker, IOriginalStore originals) : IActivity<CheckMaterialPackInput, CheckMaterialPackOutput>
{
    /// <exception cref="KeyNotFoundException"><see cref="CheckMaterialPackInput.Document"/> is not the SHA-256 of a stored
    /// original (a server path, say): the check never reads a file the upload did not store.</exception>
    public async Task<ActivityResult<CheckMaterialPackOutput>> ExecuteAsync(
        CheckMaterialPackInput input, IProgress<ActivityProgress>? progress, CancellationToken cancellationToken)
    {
        var original = originals.Require(input.Document, "pack.check", "an uploaded pack");
        // Relayed on the reporting thread: Progress<T> would post each report to the thread pool, out of order.
        var pageProgress = progress is null ? null : new PageRelay(progress);
        var request = new PackCheckRequest(original.Path, input.Pack, input.Profile, input.FileName);
        PackReport report;
        try
        {
            report = await checker.CheckAsync(request, pageProgress, cancellationToken).ConfigureAwait(false);
        }
        catch (Documents.DocumentRejectedException refusal)
        {
            // A file that cannot be read is the institution's to replace: a finding and a resubmission, never a retry.
            report = checker.Refused(request, original.Sha256, refusal);
        }
        return new ActivityResult<CheckMaterialPackOutput>(report.Verdict, new CheckMaterialPackOutput
        {
            Verdict = report.Verdict,
            Errors = report.Findings.Count(f => f.Severity == Severities.Error),
            Missing = report.Missing,
            Report = report,
        });
    }

    private sealed class PageRelay(IProgress<ActivityProgress> progress) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value) => progress.Report(new ActivityProgress(value.Done, value.Total, "pages"));
    }
}
