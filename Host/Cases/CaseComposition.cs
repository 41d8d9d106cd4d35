namespace Pipeline.Host.Cases;

public static class CaseComposition
{
    public static IServiceCollection AddPipelineCases(this IServiceCollection services)
    {
        services.AddSingleton<ICaseIndex, FileCaseIndex>();
        services.AddSingleton<CaseUploads>();
        return services;
    }
}
