using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Pipeline.Activities.Documents.Ocr;
using Pipeline.Activities.Packs;
using Pipeline.Activities.Tests.Support;

namespace Pipeline.Activities.Tests.Packs;

/// <summary>
/// OCR integration: every sample pack under tests/fixtures/packs (scanned, born-digital, TIFF, ZIP, Office) and
/// tests/fixtures/holdout/packs (another author's generator, forms and wording) goes through the real pipeline
/// (PdfPig, Poppler, and each OCR engine: PaddleOCR, the default, and libtesseract) and must come out as its
/// <c>*.expected.json</c> says.
/// </summary>
public sealed partial class SamplePackTests(PipelineFixture pipeline) : IClassFixture<PipelineFixture>
{
    public static TheoryData<string> PackFiles()
    {
        var data = new TheoryData<string>();
        foreach (var folder in Fixtures.PackFolders.Where(f => Directory.Exists(Path.Combine(Fixtures.Root, f))))
        {
            foreach (var expected in Directory.EnumerateFiles(Path.Combine(Fixtures.Root, folder), "*.expected.json").Order().Where(Fixtures.IsPackExpectation))
            {
                var stem = Path.GetFileName(expected)[..^".expected.json".Length];
                var file = Directory.EnumerateFiles(Path.Combine(Fixtures.Root, folder), stem + ".*").First(f => !f.EndsWith(".json", StringComparison.Ordinal));
                data.Add(folder + "/" + Path.GetFileName(file));
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(PackFiles))]
    public Task SamplePack_MatchesItsExpectedOutcome(string file) => CheckMatchesAsync(file, null);

    [Theory]
    [MemberData(nameof(PackFiles))]
    public Task SamplePack_ReadByTesseract_MatchesItsExpectedOutcome(string file) => CheckMatchesAsync(file, OcrEngineKind.Tesseract);

    private async Task CheckMatchesAsync(string file, OcrEngineKind? engine)
    {
        var expected = Fixtures.ExpectedFor(file);
        var report = await pipeline.CheckAsync(Fixtures.Pack(file), expected.Pack!, engine);

        Assert.Equal(expected.Verdict, report.Verdict);
        Assert.Equal(expected.Missing!.Order(), report.Missing.Order());
        if (expected.Verdict != Verdicts.Unreadable)
        {
            Assert.Equal(expected.Pages!.Select(p => (p.Number, p.Section)), report.Pages.Select(p => (p.Number, (string?)p.Section)));
            Assert.Equal(expected.RosterCount, report.Summary.Trainees);
            Assert.Equal(expected.InvalidIds, report.Summary.InvalidIds);
        }
        if (expected.Vacancies is { } vacancies && report.Sections.Any(s => s.Id == "job-vacancy-list" && s.Found))
            Assert.Equal(vacancies, report.Summary.Vacancies);
        foreach (var section in expected.OutOfOrder ?? [])
            Assert.Contains(report.Findings, f => f.Rule == "R-JZ-8" && f.Page == report.Sections.Single(s => s.Id == section).Pages[0]);
    }

    [Theory]
    [InlineData("roster.xlsx")]
    [InlineData("teaching-plan.docx")]
    public async Task OfficeFile_IsReadFromItsText_AndClassified(string file)
    {
        var expected = Fixtures.ExpectedFor(file);
        var report = await pipeline.CheckAsync(Fixtures.Pack(file), "class-opening");
        var page = Assert.Single(report.Pages);
        Assert.Equal(("text", expected.Section), (page.Source, (string?)page.Section));
        Assert.Equal(expected.RosterCount, report.Summary.Trainees);
        Assert.Equal(expected.InvalidIds, report.Summary.InvalidIds);
        if (expected.Roster is { } rows)
            Assert.Equal(rows.Select(r => (r.Name, r.IdValid)), report.Roster.Select(r => (r.Name, r.IdValid)));
    }

    [Fact]
    public async Task Original_IsKeptUnmodified_UnderItsSha256()
    {
        var file = Fixtures.Pack("class-opening-low-vacancies.pdf");
        var report = await pipeline.CheckAsync(file, "class-opening");
        var sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)));
        Assert.Equal(sha, report.Sha256);
        var stored = Path.Combine(pipeline.OriginalsRoot, sha[..2], sha);
        Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(stored));
    }

    [Fact]
    public async Task Report_NeverCarriesAFullIdOrPhoneNumber()
    {
        var report = await pipeline.CheckAsync(Fixtures.Pack("class-opening-low-vacancies.pdf"), "class-opening");
        Assert.NotEmpty(report.Roster);
        var json = System.Text.Json.JsonSerializer.Serialize(report);
        Assert.DoesNotMatch(FullId(), json);
        Assert.DoesNotMatch(Mobile(), json);
    }

    [Fact]
    public async Task BornDigitalPages_UseTheTextLayer_ScannedPagesAreOcrd()
    {
        var digital = await pipeline.CheckAsync(Fixtures.Pack("class-opening-low-vacancies.pdf"), "class-opening");
        Assert.All(digital.Pages, p => Assert.Equal("text", p.Source));
        var scanned = await pipeline.CheckAsync(Fixtures.Pack("class-opening-missing-vacancies.pdf"), "class-opening");
        Assert.All(scanned.Pages, p => Assert.Equal("ocr", p.Source));
    }

    [GeneratedRegex(@"(?<![0-9])[0-9]{17}[0-9X](?![0-9])")]
    private static partial Regex FullId();

    [GeneratedRegex(@"(?<![0-9])1[3-9][0-9]{9}(?![0-9])")]
    private static partial Regex Mobile();
}
