using System.Net;
using static Pipeline.Host.Tests.Http.HostFixture;

namespace Pipeline.Host.Tests.Http;

/// <summary>Request bodies are bounded on the real server (Kestrel): small for JSON, large only where a pack is uploaded.</summary>
public sealed class RequestSizeTests
{
    [Fact]
    public async Task A_huge_JSON_body_is_413_while_a_3_MB_pack_upload_is_accepted()
    {
        var data = Path.Combine(Path.GetTempPath(), "pipeline-size-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var host = await HostProcess.StartAsync(data);
            var huge = ApiTests.JsonContent($$"""{ "userName": "x", "password": "{{new string('p', 2 * 1024 * 1024)}}" }""");
            using (var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/token") { Content = huge })
            {
                request.Headers.Add(TestSignIn.UserHeader, TestSignIn.Anonymous);
                Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await host.Client.SendAsync(request)).StatusCode);
            }
            var upload = await host.Client.SendAsync(As(HttpMethod.Post, "/api/cases/SIZE-0001/packs", "inst-size", "institution",
                Pack(Fixture("packs", "subsidy-claim-jpeg200.pdf"))));
            Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(data, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
