using Pipeline.Activities.Documents;
using Pipeline.Activities.Documents.Intake;
using Pipeline.Activities.Documents.Pages;
using Pipeline.Activities.Tests.Support;

namespace Pipeline.Activities.Tests.Documents.Pdf;

/// <summary>PDFs that cannot be read are refused with their reason; ones only Poppler can parse are still read.</summary>
public sealed class PdfRefusalTests(PdfTestFiles files) : IClassFixture<PdfTestFiles>
{
    private static string Input(string name) => Path.Combine(Fixtures.Root, "inputs", name);

    private static async Task<DocumentRejectedException> RefusedAsync(string path, IntakeOptions? options = null) =>
        await Assert.ThrowsAsync<DocumentRejectedException>(async () => { using var _ = await PdfTestFiles.OpenAsync(path, options); });

    [Fact]
    public async Task An_encrypted_PDF_is_refused_as_encrypted() =>
        Assert.Equal(RejectionReason.Encrypted, (await RefusedAsync(Input("encrypted.pdf"))).Reason);

    [Fact]
    public async Task A_PDF_cut_in_half_is_refused_as_truncated()
    {
        var whole = await File.ReadAllBytesAsync(Fixtures.Pack("class-opening-low-vacancies.pdf"));
        Assert.Equal(RejectionReason.Truncated, (await RefusedAsync(files.Write("cut.pdf", whole[..(whole.Length / 2)]))).Reason);
    }

    [Fact]
    public async Task A_PDF_without_pages_is_refused_as_pageless() =>
        Assert.Equal(RejectionReason.NoPages, (await RefusedAsync(Input("zero-pages.pdf"))).Reason);

    [Fact]
    public async Task A_PDF_of_garbage_between_its_header_and_EOF_is_refused_as_damaged()
    {
        var garbage = "%PDF-1.7\n"u8.ToArray().Concat(Enumerable.Range(0, 4000).Select(i => (byte)(i * 31 % 251))).Concat("\n%%EOF\n"u8.ToArray()).ToArray();
        Assert.Equal(RejectionReason.Damaged, (await RefusedAsync(files.Write("garbage.pdf", garbage))).Reason);
    }

    [Fact]
    public async Task A_PDF_PdfPig_cannot_parse_but_Poppler_can_is_read_by_Poppler()
    {
        // No cross-reference table and no /Size: PdfPig gives up, Poppler reconstructs it.
        var path = files.Write("no-xref.pdf", System.Text.Encoding.ASCII.GetBytes(
            "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
            "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 100]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"));
        using var document = await PdfTestFiles.OpenAsync(path);
        Assert.Equal(1, document.PageCount);
        using var page = await document.PageImageAsync(1, 72, CancellationToken.None);
        Assert.Equal((PageImageOrigin.Rendered, 200, 100), (page!.Origin, page.Image.Width, page.Image.Height));
    }

    [Fact]
    public async Task A_PDF_not_parsed_within_its_time_budget_is_refused_as_timed_out()
    {
        var refused = await RefusedAsync(Fixtures.Pack("class-opening-low-vacancies.pdf"), new IntakeOptions { PdfStepTimeout = TimeSpan.Zero });
        Assert.Equal(RejectionReason.TimedOut, refused.Reason);
        Assert.Contains("PdfPig", refused.Detail);
    }
}
