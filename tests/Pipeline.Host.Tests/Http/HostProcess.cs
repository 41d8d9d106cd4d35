using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Pipeline.Host.Tests.Http;

/// <summary>
/// The Host as a real child process (<c>dotnet pipeline.dll serve</c>) on a free loopback port, over a given data
/// folder (and PostgreSQL database, when given): for tests that kill it and start it again.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private HostProcess(Process process, Uri address, string dataFolder, string? postgres)
    {
        _process = process;
        // Test people get accounts in the Host's database (through the same code as the CLI) and sign in over HTTP.
        var options = new Hosting.PipelineOptions { DataFolder = dataFolder, PostgresConnectionString = postgres };
        Client = new HttpClient(new TestSignIn(async (user, roles) =>
        {
            await using var services = await Hosting.AccountServices.OpenAsync(options, CancellationToken.None);
            await TestAccounts.EnsureAsync(services, user, roles);
        }) { InnerHandler = new HttpClientHandler() }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public HttpClient Client { get; }

    /// <summary>What the Host wrote to stdout and stderr so far (for failure messages).</summary>
    public string Output
    {
        get { lock (_output) return string.Join('\n', _output); }
    }

    public static async Task<HostProcess> StartAsync(string dataFolder, string? postgres = null)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [HostDll(), "serve", "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["PIPELINE_DATA"] = dataFolder;
        start.Environment["PIPELINE_DEFINITIONS"] = Hosting.PipelineOptions.FindDefinitionsFolder();
        start.Environment["OMP_THREAD_LIMIT"] = "1";
        start.Environment.Remove("PIPELINE_DATABASE");
        if (postgres is not null) start.Environment["PIPELINE_DATABASE"] = postgres;
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the Host");
        var host = new HostProcess(process, new Uri($"http://127.0.0.1:{port}"), dataFolder, postgres);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await host.WaitUntilServingAsync();
        return host;
    }

    /// <summary>SIGKILL: no shutdown, no flush, as a power cut or an OOM kill.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited) await KillAsync();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.Add(line);
    }

    private async Task WaitUntilServingAsync()
    {
        var until = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited) throw new InvalidOperationException($"the Host exited ({_process.ExitCode}):\n{Output}");
            try
            {
                using var probe = new HttpRequestMessage(HttpMethod.Get, "/health");
                probe.Headers.Add(TestSignIn.UserHeader, TestSignIn.Anonymous);
                if ((await Client.SendAsync(probe)).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"the Host did not answer within a minute:\n{Output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary><c>Host/bin/{Debug|Release}/net10.0/pipeline.dll</c> of the configuration these tests were built in.</summary>
    private static string HostDll()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Debug" : "Release";
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "Host", "bin", configuration, "net10.0", "pipeline.dll");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"Host/bin/{configuration}/net10.0/pipeline.dll (build the Host first)");
    }
}
