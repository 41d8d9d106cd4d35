using Pipeline.Activities.Documents;
using Pipeline.Activities.Documents.Pdf;

namespace Pipeline.Activities.Tests.Documents.Pdf;

/// <summary>PdfPig cannot be cancelled: a page that overruns its deadline refuses the document, once and for all.</summary>
public sealed class PdfPigFileTests(PdfTestFiles files) : IClassFixture<PdfTestFiles>
{
    [Fact]
    public async Task A_page_read_past_its_deadline_refuses_the_document_and_later_pages_are_not_read()
    {
        var path = files.Write("slow.pdf", HandMadePdf.Page(HandMadePdf.FullPage("Im0"), HandMadePdf.GreyImage("Im0", 10, 10)));
        using var stuck = new ManualResetEventSlim();
        using var file = await PdfPigFile.OpenAsync(path, TimeSpan.FromSeconds(3), CancellationToken.None);
        try
        {
            var refused = await Assert.ThrowsAsync<DocumentRejectedException>(() => file.ReadPageAsync(1, _ => stuck.Wait(TimeSpan.FromSeconds(30)), CancellationToken.None));
            Assert.Equal(RejectionReason.TimedOut, refused.Reason);
            Assert.Contains("page 1", refused.Detail);

            var readAgain = false;
            var again = await Assert.ThrowsAsync<DocumentRejectedException>(() => file.ReadPageAsync(1, _ => readAgain = true, CancellationToken.None));
            Assert.Equal(RejectionReason.TimedOut, again.Reason);
            Assert.False(readAgain);
        }
        finally
        {
            stuck.Set();
        }
    }
}
