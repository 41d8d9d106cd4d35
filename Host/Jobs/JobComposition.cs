using Pipeline.Workflows.Runtime;

namespace Pipeline.Host.Jobs;

/// <summary>Registers the interim in-process job queue and its worker (see <see cref="ChannelJobDispatcher"/>).</summary>
public static class JobComposition
{
    public static IServiceCollection AddPipelineJobs(this IServiceCollection services)
    {
        services.AddSingleton<ChannelJobDispatcher>();
        services.AddSingleton<IJobDispatcher>(sp => sp.GetRequiredService<ChannelJobDispatcher>());
        services.AddSingleton<PackReportStore>();
        services.AddHostedService<JobWorker>();
        return services;
    }
}
