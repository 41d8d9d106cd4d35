using Pipeline.Activities.Catalogue;
using Pipeline.Workflows.Runtime;

namespace Pipeline.Host.Hosting;

/// <summary>
/// At start-up, once the schema is migrated and the scheduler runs (deploying may schedule timer start events):
/// deploys every <c>*.bpmn</c> of the definitions folder as actor <c>system</c> (unchanged XML keeps its version).
/// </summary>
public sealed partial class StartupDeployment(WorkflowEngine engine, PipelineOptions options, ILogger<StartupDeployment> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.DefinitionsFolder is not { } folder || !Directory.Exists(folder))
        {
            LogNoDefinitions(log, options.DefinitionsFolder ?? "(none)");
            return;
        }
        foreach (var file in Directory.GetFiles(folder, "*.bpmn").Order(StringComparer.Ordinal))
        {
            var xml = await File.ReadAllTextAsync(file, cancellationToken);
            var deployed = await engine.DeployAsync(xml, ActivityCatalogue.Types, "system", cancellationToken, Path.GetFileName(file));
            foreach (var process in deployed) LogDeployed(log, process.ProcessId, process.Version, Path.GetFileName(file));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "deployed {ProcessId} v{Version} from {File}")]
    private static partial void LogDeployed(ILogger logger, string processId, int version, string file);

    [LoggerMessage(Level = LogLevel.Warning, Message = "no workflow definitions folder found ({Folder}); nothing deployed")]
    private static partial void LogNoDefinitions(ILogger logger, string folder);
}
