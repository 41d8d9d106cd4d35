using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Pipeline.Host.Authentication;
using Pipeline.Host.Data;
using Pipeline.Workflows.EntityFramework;

namespace Pipeline.Host.Hosting;

/// <summary>
/// The accounts of a Host's database without the web server, for the CLI verbs (<c>pipeline user|institution</c>,
/// <c>demo-setup</c>): the same registrations as the Host, the schema migrated first.
/// </summary>
public static class AccountServices
{
    /// <summary>A service provider over the database of <paramref name="options"/>, migrated; dispose it when done.</summary>
    public static async Task<ServiceProvider> OpenAsync(PipelineOptions options, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(options.DataFolder);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IDbContextFactory<HostDbContext>>(new PooledDbContextFactory<HostDbContext>(Databases.Host(options)));
        services.AddPipelineAccounts();
        var provider = services.BuildServiceProvider();
        await Databases.MigrateAsync(WorkflowDatabase.Factory(Databases.Workflow(options)), provider.GetRequiredService<IDbContextFactory<HostDbContext>>(),
            cancellationToken);
        return provider;
    }
}
