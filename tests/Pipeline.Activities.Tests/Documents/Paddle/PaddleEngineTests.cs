using System.IO.Compression;
using System.Text.RegularExpressions;
using Pipeline.Activities.Classification;
using Pipeline.Activities.Documents.Ocr;
using Pipeline.Activities.Documents.Ocr.Paddle;
using Pipeline.Activities.Documents.Text;
using Pipeline.Activities.Tests.Support;

namespace Pipeline.Activities.Tests.Documents.Paddle;

/// <summary>PaddleOCR on ONNX Runtime with the installed PP-OCRv4 models (./pipeline installs them).</summary>
public sealed partial class PaddleEngineTests
{
    private static async Task<LeptonicaImage> RosterPageAsync()
    {
        using var zip = ZipFile.OpenRead(Fixtures.Pack("class-opening-pages.zip"));
        using var stream = new MemoryStream();
        await using (var entry = zip.GetEntry("003.png")!.Open()) await entry.CopyToAsync(stream);
        return LeptonicaImage.Decode(stream.ToArray())!;
    }

    [Fact]
    public async Task RosterPage_IsRead_WithEveryIdNumberExact_AndEachBesideItsName()
    {
        using var pool = new OcrEnginePool(new OcrOptions { Engine = OcrEngineKind.Paddle });
        using var page = await RosterPageAsync();

        var result = await pool.RecognizeAsync(page, CancellationToken.None);

        var text = ChineseText.Tidy(result.Text);
        var truth = await File.ReadAllTextAsync(Path.Combine(Fixtures.Root, "truth", "class-opening-pages", "003.txt"));
        var rows = IdRow().Matches(truth).Select(m => (Name: m.Groups["name"].Value, Id: m.Groups["id"].Value)).ToList();
        Assert.Equal(8, rows.Count);
        foreach (var (name, id) in rows)
            Assert.Contains(text.Split('\n'), line => line.Contains(name, StringComparison.Ordinal) && line.Contains(id, StringComparison.Ordinal));
        Assert.Equal(SectionIds.TraineeRoster, SectionClassifier.Default.Classify(text, null).Section);
        Assert.InRange(result.Confidence, 80, 100);
    }

    [Fact]
    public async Task UpsideDownPage_IsReadTheRightWayUp()
    {
        using var pool = new OcrEnginePool(new OcrOptions { Engine = OcrEngineKind.Paddle });
        using var upright = await RosterPageAsync();
        using var turned = upright.Rotated(2)!;

        var result = await pool.RecognizeAsync(turned, CancellationToken.None);

        Assert.Equal(SectionIds.TraineeRoster, SectionClassifier.Default.Classify(result.Text, null).Section);
    }

    [Fact]
    public void MissingModels_AreReported_WithHowToInstallThem()
    {
        var folder = Path.Combine(Path.GetTempPath(), "no-models-" + Guid.NewGuid().ToString("N"));

        var e = Assert.Throws<OcrUnavailableException>(() => PaddleModels.Load(folder));

        Assert.Contains("./pipeline", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AlteredModelFile_IsRefused_ByItsChecksum()
    {
        var installed = PaddleModels.ResolveFolder(null);
        var folder = Directory.CreateTempSubdirectory("models-").FullName;
        try
        {
            foreach (var name in PaddleModels.Files.Keys) File.Copy(Path.Combine(installed, name), Path.Combine(folder, name));
            File.AppendAllText(Path.Combine(folder, "ppocr_keys_v1.txt"), "\n兀");

            var e = Assert.Throws<OcrUnavailableException>(() => PaddleModels.Load(folder));

            Assert.Contains("ppocr_keys_v1.txt", e.Message, StringComparison.Ordinal);
            Assert.Contains("SHA-256", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [GeneratedRegex(@"\d+\s+(?<name>\p{IsCJKUnifiedIdeographs}{2,4})\s.*?(?<id>\d{17}[\dX])")]
    private static partial Regex IdRow();
}
