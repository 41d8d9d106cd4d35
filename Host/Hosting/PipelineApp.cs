using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using Microsoft.Extensions.FileProviders;
using Pipeline.Host.Accounts;
using Pipeline.Host.Authentication;
using Pipeline.Host.Cases;
using Pipeline.Host.Cases.Documents;
using Pipeline.Host.Cases.Pages;
using Pipeline.Host.Uploads;
using Pipeline.Host.Catalogue;
using Pipeline.Host.Definitions;
using Pipeline.Host.Incidents;
using Pipeline.Host.Instances;
using Pipeline.Host.Messages;
using Pipeline.Host.Scheduling;
using Pipeline.Host.Statistics;
using Pipeline.Host.Tasks;
using Pipeline.Host.Tracker;

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
        // Bodies are small unless an endpoint says otherwise (pack uploads, BPMN deployments): a 100 MB JSON body
        // to the sign-in endpoint is refused with 413 before it is read.
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = options.MaxRequestBytes);
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
            .AddPipelineScheduling(options)
            .AddPipelineCases(options)
            .AddPipelineTracker(options)
            .AddPipelineStatistics()
            .AddPipelineAuthentication(options);
        // Start-up order of the hosted services: migrate → job servers → deploy → reconcile.
        builder.Services.AddSingleton<Forms.FormStore>();
        builder.Services.AddSingleton<Institutions.Registry>();
        builder.Services.AddSingleton<Institutions.InstitutionEligibility>();
        builder.Services.AddSingleton<Messages.MessageStarter>();
        builder.Services.AddSingleton<Institutions.ContractRenewalStarter>();
        builder.Services.AddSingleton<Tenders.ProcurementCases>();
        builder.Services.AddSingleton<Tenders.TenderBoard>();
        builder.Services.AddSingleton<Tenders.PlanBoard>();
        builder.Services.AddSingleton<Activities.Procurement.Contracts.IContractRegistry, Institutions.RegistryContracts>();
        builder.Services.AddSingleton<Institutions.Teachers.TeacherPool>();
        builder.Services.AddHostedService<Forms.StartupFormDeployment>();
        builder.Services.AddHostedService<StartupDeployment>();
        builder.Services.AddHostedService<StartupReconciliation>();
        configure?.Invoke(builder);

        var designer = FindDesignerFolder(builder.Configuration[DesignerVariable]);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        StaticFileOptions? designerFiles = null;
        if (designer is not null)
        {
            var files = new PhysicalFileProvider(designer);
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            designerFiles = new StaticFileOptions { FileProvider = files };
            app.UseStaticFiles(designerFiles);
        }
        else
        {
            app.Logger.LogWarning("Designer build not found (run ./pipeline test or npm run build in Designer/, or set {Variable}): serving the API only",
                DesignerVariable);
        }
        app.UsePipelineAuthentication();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapOpenApi().RequireAuthorization(Policies.SignedIn);
        app.MapSignIn();
        app.MapAccounts();
        app.MapCases();
        app.MapPackPages();
        app.MapTusUploads();
        app.MapCaseDocuments();
        app.MapTasks();
        app.MapDefinitions();
        app.MapActivities();
        app.MapIncidents();
        app.MapJobs();
        app.MapJobDashboard();
        app.MapInstances();
        app.MapMessages();
        app.MapTracker();
        app.MapStatistics();
        Institutions.RegistryEndpoints.MapRegistry(app);
        Tenders.TenderEndpoints.MapTenders(app);
        Institutions.Teachers.TeacherEndpoints.MapTeachers(app);
        Forms.FormEndpoints.MapForms(app);
        if (designerFiles is not null)
        {
            // Client-side routes of the single-page app: the sign-in page for anyone, the rest for signed-in users
            // (others are sent to /login by the cookie scheme's challenge).
            app.MapFallbackToFile("/login", "index.html", designerFiles).AllowAnonymous();
            app.MapFallbackToFile("/cases/{**path}", "index.html", designerFiles).RequireAuthorization(Policies.SignedIn);
            app.MapFallbackToFile("/instances/{**path}", "index.html", designerFiles).RequireAuthorization(Policies.SignedIn);
            app.MapFallbackToFile("/tasks", "index.html", designerFiles).RequireAuthorization(Policies.SignedIn);
            // The case tracker and the statistics: bureau staff (institutions are refused the page).
            app.MapFallbackToFile("/tracker", "index.html", designerFiles).RequireAuthorization(Policies.BureauStaff);
            app.MapFallbackToFile("/statistics", "index.html", designerFiles).RequireAuthorization(Policies.BureauStaff);
            // Institutions and contracts registry (issue 14): 机构管理 for bureau staff, 我的合同与考核 for an institution.
            app.MapFallbackToFile("/institutions", "index.html", designerFiles).RequireAuthorization(Policies.BureauStaff);
            app.MapFallbackToFile("/my/standing", "index.html", designerFiles).RequireAuthorization(Policies.Institution);
            app.MapFallbackToFile("/tenders", "index.html", designerFiles).RequireAuthorization(Policies.SignedIn);
            app.MapFallbackToFile("/tasks/{**path}", "index.html", designerFiles).RequireAuthorization(Policies.SignedIn);
            // The visual designer: administrators only (a reviewer is refused the page, not just its API calls).
            app.MapFallbackToFile("/designer", "index.html", designerFiles).RequireAuthorization(Policies.Admin);
            app.MapFallbackToFile("/designer/{**path}", "index.html", designerFiles).RequireAuthorization(Policies.Admin);
        }
        return app;
    }

    /// <summary>Environment variable (or configuration key) naming the Designer build folder (or the Designer folder).</summary>
    public const string DesignerVariable = "PIPELINE_DESIGNER";

    /// <summary>
    /// The folder holding the Designer build (<c>index.html</c>): <paramref name="configured"/> or <c>$PIPELINE_DESIGNER</c>
    /// (the dist folder, or the Designer folder holding it), else the nearest <c>Designer/dist</c> above the working
    /// directory or the binaries; null when there is none.
    /// </summary>
    public static string? FindDesignerFolder(string? configured = null)
    {
        configured ??= Environment.GetEnvironmentVariable(DesignerVariable);
        if (configured is { Length: > 0 })
        {
            foreach (var candidate in new[] { configured, Path.Combine(configured, "dist") })
                if (File.Exists(Path.Combine(candidate, "index.html"))) return Path.GetFullPath(candidate);
            return null;
        }
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "Designer", "dist");
                if (File.Exists(Path.Combine(candidate, "index.html"))) return candidate;
            }
        return null;
    }
}
