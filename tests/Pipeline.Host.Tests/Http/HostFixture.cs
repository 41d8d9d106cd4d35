using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Pipeline.Host.Hosting;

namespace Pipeline.Host.Tests.Http;

/// <summary>The real Host (SQLite, jobs, start-up deployment) on a test server over a temporary data folder.</summary>
public class HostFixture : IAsyncLifetime
{
    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "pipeline-http-tests-" + Guid.NewGuid().ToString("N"));

    private WebApplication? _app;

    public HttpClient Client { get; private set; } = null!;

    /// <summary>The PostgreSQL database to use, or null for the embedded SQLite file.</summary>
    protected virtual Task<string?> DatabaseAsync() => Task.FromResult<string?>(null);

    /// <summary>False when the fixture has nothing to run on (no PostgreSQL configured): the tests skip.</summary>
    protected virtual bool Available => true;

    public async Task InitializeAsync()
    {
        if (!Available) return;
        var options = new PipelineOptions
        {
            DataFolder = DataFolder,
            PostgresConnectionString = await DatabaseAsync(),
            DefinitionsFolder = PipelineOptions.FindDefinitionsFolder() ?? throw new DirectoryNotFoundException("workflow-definitions"),
        };
        _app = PipelineApp.Build(options, configure: b => b.WebHost.UseTestServer());
        await _app.StartAsync();
        Client = _app.GetTestClient();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataFolder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>The Host on a fresh PostgreSQL database (<see cref="TestDatabases"/>), when one is configured.</summary>
    public sealed class OnPostgres : HostFixture
    {
        protected override bool Available => TestDatabases.Server is not null;

        protected override async Task<string?> DatabaseAsync() => await TestDatabases.CreateAsync();
    }

    public static HttpRequestMessage As(HttpMethod method, string url, string? user, string? roles = null, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        if (user is not null) request.Headers.Add("X-Pipeline-User", user);
        if (roles is not null) request.Headers.Add("X-Pipeline-Roles", roles);
        return request;
    }

    public static MultipartFormDataContent Pack(string path, string? fileName = null) => Pack(File.ReadAllBytes(path), fileName ?? Path.GetFileName(path));

    public static MultipartFormDataContent Pack(byte[] bytes, string fileName)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    public static async Task<JsonNode> JsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new JsonException("empty body");

    public static string Fixture(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine([dir.FullName, "tests", "fixtures", .. parts]);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException(string.Join('/', parts));
    }
}
