using Pipeline.Activities.Statistics;

namespace Pipeline.Host.Statistics;

public static class StatisticsComposition
{
    /// <summary>The class cases the statistics read and the <see cref="IStatisticsSource"/> port of <c>statistics.compile</c>.</summary>
    public static IServiceCollection AddPipelineStatistics(this IServiceCollection services)
    {
        services.AddSingleton<StatisticsCases>();
        services.AddSingleton<IStatisticsSource, StatisticsSource>();
        return services;
    }
}
