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

    /// <summary>Signs in as <see cref="TestSignIn.DefaultUser"/> (an administrator) unless a request names someone (<see cref="As"/>).</summary>
    public HttpClient Client { get; private set; } = null!;

    /// <summary>No credentials at all.</summary>
    public HttpClient Anonymous { get; private set; } = null!;

    public IServiceProvider Services => _app!.Services;

    /// <summary>The PostgreSQL database to use, or null for the embedded SQLite file.</summary>
    protected virtual Task<string?> DatabaseAsync() => Task.FromResult<string?>(null);

    /// <summary>False when the fixture has nothing to run on (no PostgreSQL configured): the tests skip.</summary>
    protected virtual bool Available => true;

    public virtual async Task InitializeAsync()
    {
        if (!Available) return;
        var options = new PipelineOptions
        {
            DataFolder = DataFolder,
            PostgresConnectionString = await DatabaseAsync(),
            DefinitionsFolder = PipelineOptions.FindDefinitionsFolder() ?? throw new DirectoryNotFoundException("workflow-definitions"),
        };
        _app = PipelineApp.Build(Tune(options with { SignInAttemptsPerMinute = 10_000, UploadsPerMinute = 10_000 }), configure: b =>
        {
            b.WebHost.UseTestServer();
            Configure(b);
        });
        await _app.StartAsync();
        Anonymous = _app.GetTestClient();
        Client = new HttpClient(new TestSignIn((user, roles) => TestAccounts.EnsureAsync(_app.Services, user, roles))
        {
            InnerHandler = _app.GetTestServer().CreateHandler(),
        }) { BaseAddress = Anonymous.BaseAddress };
    }

    /// <summary>The test server (for clients with handlers of their own).</summary>
    public TestServer Server => _app!.GetTestServer();

    /// <summary>Options of a fixture that needs other settings.</summary>
    protected virtual PipelineOptions Tune(PipelineOptions options) => options;

    /// <summary>Last changes to the Host's services (a test's failure injection).</summary>
    protected virtual void Configure(WebApplicationBuilder builder)
    {
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

    /// <summary>A request sent by the test client as <paramref name="user"/> holding <paramref name="roles"/> (signed in
    /// with a bearer token; the account is made on first use); <paramref name="user"/> null: anonymous.</summary>
    public static HttpRequestMessage As(HttpMethod method, string url, string? user, string? roles = null, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.Add(TestSignIn.UserHeader, Uri.EscapeDataString(user ?? TestSignIn.Anonymous));
        if (roles is not null) request.Headers.Add(TestSignIn.RolesHeader, roles);
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
