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

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
