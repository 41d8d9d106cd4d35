using Pipeline.Activities.Catalogue;

namespace Pipeline.Activities.Tests.Catalogue;

/// <summary><c>pack.check</c> reads stored originals only: its document is a SHA-256 of the original store, never a path.</summary>
public sealed class PackCheckInputTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "pipeline-packcheck-input-" + Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData("/etc/hostname")]
    [InlineData("/dev/zero")]
    [InlineData("../../etc/passwd")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("3F5A000000000000000000000000000000000000000000000000000000000000")]
    public async Task A_document_that_is_not_a_stored_original_is_refused_and_nothing_is_read(string document)
    {
        using var services = new PackCheckingServices(_root);
        var activity = new CheckMaterialPackActivity(services.Checker, services.Originals);
        var refused = await Assert.ThrowsAsync<KeyNotFoundException>(() =>
            activity.ExecuteAsync(new CheckMaterialPackInput { Document = document, Pack = "class-opening" }, null, CancellationToken.None));
        Assert.Contains("not a stored original", refused.Message);
        // Nothing was copied into the store.
        Assert.False(Directory.Exists(_root) && Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task A_stored_file_that_cannot_be_read_ends_unreadable_with_a_finding_not_an_error()
    {
        using var services = new PackCheckingServices(_root);
        byte[] bomb = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R',
            0x00, 0x01, 0x86, 0xA0, 0x00, 0x01, 0x86, 0xA0, 8, 0, 0, 0, 0, 0, 0, 0, 0];
        var upload = Path.Combine(Path.GetTempPath(), "pipeline-bomb-" + Guid.NewGuid().ToString("N") + ".png");
        await File.WriteAllBytesAsync(upload, bomb);
        var stored = await services.Originals.StoreAsync(upload, CancellationToken.None);
        File.Delete(upload);

        var activity = new CheckMaterialPackActivity(services.Checker, services.Originals);
        var done = await activity.ExecuteAsync(new CheckMaterialPackInput { Document = stored.Sha256, Pack = "class-opening", FileName = "bomb.png" }, null, CancellationToken.None);
        Assert.Equal("unreadable", done.Outcome);
        var finding = Assert.Single(done.Output.Report.Findings);
        Assert.Equal("R-JZ-3", finding.Rule);
        Assert.StartsWith("图片尺寸异常", finding.Message);
        Assert.Equal(1, done.Output.Errors);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
