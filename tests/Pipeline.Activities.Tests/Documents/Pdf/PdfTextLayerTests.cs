using Pipeline.Activities.Documents.Pages;
using Pipeline.Activities.Rosters;
using Pipeline.Activities.Tests.Support;

namespace Pipeline.Activities.Tests.Documents.Pdf;

/// <summary>Born-digital pages are read from their text layer, in reading order, with table cells kept apart.</summary>
public sealed class PdfTextLayerTests
{
    private static async Task<PageText> ReadAsync(string pack, int number)
    {
        using var document = await PdfTestFiles.OpenAsync(Fixtures.Pack(pack));
        // A text page never reaches OCR, so no engine is needed.
        return await document.ReadPageAsync(number, null!, CancellationToken.None);
    }

    [Fact]
    public async Task The_roster_page_reads_row_by_row_with_each_name_beside_its_ID_number()
    {
        var expected = Fixtures.ExpectedFor("class-opening-low-vacancies.pdf").Roster!;
        var page = await ReadAsync("class-opening-low-vacancies.pdf", 3);
        Assert.Equal(TextSource.Text, page.Source);

        var lines = page.Text.Split('\n');
        var rows = expected.Select(r => Array.FindIndex(lines, l => l.Contains(r.Name, StringComparison.Ordinal) && l.Contains(r.IdNumber, StringComparison.Ordinal))).ToList();
        Assert.DoesNotContain(-1, rows);
        Assert.Equal(rows.Order(), rows);

        var read = RosterExtractor.Extract([(3, page.Text, false)], new DateOnly(2026, 12, 1), null);
        Assert.Equal(expected.Select(r => (r.Name, r.IdNumber)), read.Select(r => (r.Name, r.IdNumber)));
    }

    [Fact]
    public async Task A_timetable_reads_top_to_bottom_with_its_columns_two_spaces_apart()
    {
        var page = await ReadAsync("class-opening-low-vacancies.pdf", 2);
        var lines = page.Text.Split('\n');
        Assert.StartsWith("附件 3", lines[0]);
        var rows = Enumerable.Range(1, 10).Select(n => Array.FindIndex(lines, l => l.StartsWith($"{n}  12 月 {20 + n + (n >= 7 ? 1 : 0)} 日", StringComparison.Ordinal))).ToList();
        Assert.DoesNotContain(-1, rows);
        Assert.Equal(rows.Order(), rows);
        Assert.Contains("1  12 月 21 日  电子商务概论  8  董莉佳  理论教室", lines);
    }

    [Fact]
    public async Task Pages_read_concurrently_read_as_they_do_one_at_a_time()
    {
        using var document = await PdfTestFiles.OpenAsync(Fixtures.Pack("subsidy-claim-complete.pdf"));
        var numbers = Enumerable.Range(1, document.PageCount).ToList();
        var oneByOne = new List<string>();
        foreach (var n in numbers) oneByOne.Add((await document.ReadPageAsync(n, null!, CancellationToken.None)).Text);
        var together = await Task.WhenAll(numbers.Select(n => Task.Run(() => document.ReadPageAsync(n, null!, CancellationToken.None))));
        Assert.Equal(oneByOne, together.Select(p => p.Text));
    }
}
