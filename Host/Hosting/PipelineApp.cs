using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using Pipeline.Host.Cases;
using Pipeline.Host.Catalogue;
using Pipeline.Host.Definitions;
using Pipeline.Host.Incidents;
using Pipeline.Host.Jobs;
using Pipeline.Host.Tasks;

namespace Pipeline.Host.Hosting;

/// <summary>The HTTP Host: composition of the features and their endpoints (used by <c>pipeline serve</c> and the tests).</summary>
public static class PipelineApp
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <param name="configure">Last changes before the app is built (the tests put it on a test server).</param>
    public static WebApplication Build(PipelineOptions options, string? urls = null, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.UseUrls(urls ?? DefaultUrls);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = options.MaxUploadBytes + 1024 * 1024);
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            json.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        });
        builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(f => f.MultipartBodyLengthLimit = options.MaxUploadBytes + 1024 * 1024);
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services
            .AddPipelineWorkflows(options)
            .AddPipelineJobs()
            .AddPipelineCases();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapOpenApi();
        app.MapCases();
        app.MapTasks();
        app.MapDefinitions();
        app.MapActivities();
        app.MapIncidents();
        return app;
    }
}
