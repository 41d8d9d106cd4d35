using System.IO.Compression;
using DocumentFormat.OpenXml.Packaging;
using Pipeline.Activities.Forms;
using S = DocumentFormat.OpenXml.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Pipeline.Activities.Tests.Forms;

/// <summary>The packages themselves: deterministic bytes, dates from the record, fonts, page, borders, number cells.</summary>
public class FormPackageTests
{
    public static TheoryData<string> FormIds => new(FormCatalog.Forms.Keys);

    private static byte[] Render(string id) => FormCatalog.Get(id).Render(FormSamples.ById[id]);

    private static DateOnly DateOf(string id) => DateOnly.Parse(FormSamples.ById[id].GetProperty("date").GetString()!);

    [Theory]
    [MemberData(nameof(FormIds))]
    public void The_same_record_renders_to_the_same_bytes(string id) => Assert.Equal(Render(id), Render(id));

    [Theory]
    [MemberData(nameof(FormIds))]
    public void Package_dates_come_from_the_record_not_the_clock(string id)
    {
        var bytes = Render(id);
        var date = DateOf(id);
        using (var zip = new ZipArchive(new MemoryStream(bytes)))
            Assert.All(zip.Entries, e => Assert.Equal(date.ToDateTime(TimeOnly.MinValue), e.LastWriteTime.DateTime));
        using var package = id.EndsWith("statistics", StringComparison.Ordinal)
            ? (OpenXmlPackage)SpreadsheetDocument.Open(new MemoryStream(bytes), false)
            : WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var expected = new DateTime(date.Year, date.Month, date.Day, 0, 0, 0, DateTimeKind.Utc);
        Assert.Equal(expected, package.PackageProperties.Created?.ToUniversalTime());
        Assert.Equal(expected, package.PackageProperties.Modified?.ToUniversalTime());
        Assert.False(string.IsNullOrEmpty(package.PackageProperties.Title));
    }

    [Theory]
    [MemberData(nameof(FormIds))]
    public void No_part_holds_a_full_ID_or_mobile_number(string id)
    {
        using var zip = new ZipArchive(new MemoryStream(Render(id)));
        foreach (var entry in zip.Entries)
        {
            var xml = new StreamReader(entry.Open()).ReadToEnd();
            Assert.DoesNotContain(FormSamples.FullId, xml);
            Assert.DoesNotContain(FormSamples.FullPhone, xml);
        }
    }

    [Theory]
    [InlineData("qj-approval-form", 1)]
    [InlineData("gl-inspection-record", 1)]
    [InlineData("subsidy-application", 1)]
    [InlineData("acceptance-notice", 0)]
    [InlineData("return-notice", 1)]
    [InlineData("quota-lottery-record", 3)]
    public void Word_forms_are_A4_in_SimSun_with_bordered_tables(string id, int tableCount)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(Render(id)), false);
        var body = doc.MainDocumentPart!.Document!.Body!;
        var size = body.GetFirstChild<W.SectionProperties>()!.GetFirstChild<W.PageSize>()!;
        Assert.Equal((11906u, 16838u), (size.Width!.Value, size.Height!.Value));
        var runs = body.Descendants<W.Run>().ToList();
        Assert.NotEmpty(runs);
        Assert.All(runs, r => Assert.Equal("宋体", r.RunProperties?.RunFonts?.EastAsia?.Value));
        var tables = body.Descendants<W.Table>().ToList();
        Assert.Equal(tableCount, tables.Count);
        Assert.All(tables, t => Assert.Equal(W.BorderValues.Single, t.GetFirstChild<W.TableProperties>()!.TableBorders!.InsideHorizontalBorder!.Val!.Value));
    }

    [Theory]
    [InlineData("qj-quarterly-statistics", "D", 5, 125)]
    [InlineData("jz-employment-statistics", "F", 5, 120)]
    [InlineData("yn-annual-summary", "C", 4, 480)]
    public void Statistics_hold_numbers_as_numbers_and_rates_as_percent_formatted_fractions(string id, string column, int row, int value)
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(Render(id)), false);
        var workbook = doc.WorkbookPart!;
        var cells = workbook.WorksheetParts.Single().Worksheet!.Descendants<S.Cell>().ToDictionary(c => c.CellReference!.Value!);
        var count = cells[$"{column}{row}"];
        Assert.Null(count.DataType);
        Assert.Equal(value.ToString(), count.CellValue!.Text);

        var formats = workbook.WorkbookStylesPart!.Stylesheet!;
        var percentFormats = formats.NumberingFormats!.Elements<S.NumberingFormat>()
            .Where(f => f.FormatCode!.Value!.EndsWith('%')).Select(f => f.NumberFormatId!.Value).ToHashSet();
        var rates = cells.Values.Where(c => c.StyleIndex is not null
            && percentFormats.Contains(formats.CellFormats!.Elements<S.CellFormat>().ElementAt((int)c.StyleIndex.Value).NumberFormatId!.Value)
            && c.CellValue is not null).ToList();
        Assert.NotEmpty(rates);
        Assert.All(rates, r =>
        {
            Assert.Null(r.DataType);
            Assert.InRange(decimal.Parse(r.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture), 0m, 1m);
        });
    }
}
