using Hangfire;
using Hangfire.Dashboard;
using Pipeline.Host.Accounts;
using Pipeline.Host.Authentication;

namespace Pipeline.Host.Scheduling;

/// <summary>
/// Hangfire's dashboard at <c>/hangfire</c> for operators, behind the Host's sign-in: read-write for administrators,
/// read-only for other bureau staff, refused for everyone else (the <see cref="Policies.BureauStaff"/> policy; pages
/// ask anonymous browsers to sign in). Jobs show as "activity · business key · element". The storage connection string
/// is not shown.
/// </summary>
public static class DashboardComposition
{
    public const string Path = "/hangfire";

    public static IEndpointRouteBuilder MapJobDashboard(this IEndpointRouteBuilder app)
    {
        app.MapHangfireDashboardWithAuthorizationPolicy(Policies.BureauStaff, Path, new DashboardOptions
        {
            DashboardTitle = "Pipeline · 作业 jobs",
            AppPath = "/",
            DisplayStorageConnectionString = false,
            IsReadOnlyFunc = context => !context.GetHttpContext().User.IsInRole(Roles.Admin),
            // The policy above decides; Hangfire's own filter (local requests only) would refuse every remote admin.
            Authorization = [],
            AsyncAuthorization = [],
        }, app.ServiceProvider.GetRequiredService<JobStorage>());
        return app;
    }
}
