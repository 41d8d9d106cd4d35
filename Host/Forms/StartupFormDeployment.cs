namespace Pipeline.Host.Forms;

/// <summary>
/// At start-up, with the BPMN files: deploys every <c>forms/*.form</c> of the definitions folder (form-js schemas) as
/// actor <c>system</c>; unchanged files keep their version. A schema that does not parse stops the start (a shipped
/// form is part of the product).
/// </summary>
public sealed partial class StartupFormDeployment(FormStore forms, Hosting.PipelineOptions options, ILogger<StartupFormDeployment> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.DefinitionsFolder is not { } folder || !Directory.Exists(Path.Combine(folder, "forms"))) return;
        foreach (var file in Directory.GetFiles(Path.Combine(folder, "forms"), "*.form").Order(StringComparer.Ordinal))
        {
            var json = await File.ReadAllTextAsync(file, cancellationToken);
            FormSchema schema;
            try
            {
                schema = FormSchema.Parse(json);
            }
            catch (FormSchemaException e)
            {
                throw new InvalidOperationException($"{Path.GetFileName(file)}: {e.Message}", e);
            }
            var (version, created) = await forms.DeployAsync(schema, json, "system", cancellationToken);
            if (created) LogDeployed(log, version.FormId, version.Version, Path.GetFileName(file));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "deployed form {FormId} v{Version} from {File}")]
    private static partial void LogDeployed(ILogger logger, string formId, int version, string file);
}
