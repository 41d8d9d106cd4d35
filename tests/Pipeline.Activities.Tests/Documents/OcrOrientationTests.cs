using System.IO.Compression;
using Pipeline.Activities.Documents.Ocr;
using Pipeline.Activities.Classification;
using Pipeline.Activities.Tests.Support;

namespace Pipeline.Activities.Tests.Documents;

/// <summary>A page fed into the scanner upside down or sideways is still read.</summary>
public sealed class OcrOrientationTests(PipelineFixture pipeline) : IClassFixture<PipelineFixture>
{
    [Theory]
    [InlineData(2)]
    [InlineData(1)]
    public async Task TurnedRosterPage_IsReadTheRightWayUp(int quarterTurns)
    {
        using var zip = ZipFile.OpenRead(Fixtures.Pack("class-opening-pages.zip"));
        using var stream = new MemoryStream();
        await using (var entry = zip.GetEntry("003.png")!.Open()) await entry.CopyToAsync(stream);
        using var upright = LeptonicaImage.Decode(stream.ToArray())!;
        using var turned = upright.Rotated(quarterTurns)!;

        var result = await pipeline.Services.Ocr.RecognizeAsync(turned, CancellationToken.None);

        Assert.Equal(SectionIds.TraineeRoster, SectionClassifier.Default.Classify(result.Text, null).Section);
        Assert.True(result.Confidence >= 60, $"confidence {result.Confidence}");
    }
}
