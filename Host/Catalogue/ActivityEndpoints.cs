using Pipeline.Activities.Catalogue;

namespace Pipeline.Host.Catalogue;

/// <summary><c>/api/activities</c>: the activity catalogue (the designer's palette and properties).</summary>
public static class ActivityEndpoints
{
    public static IEndpointRouteBuilder MapActivities(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/activities", () => TypedResults.Ok(ActivityCatalogue.Descriptors))
            .WithTags("Activities").RequireAuthorization(Authentication.Policies.SignedIn).WithSummary("Service-task activities with their inputs, outputs and outcomes");
        app.MapGet("/api/activities/templates", () => TypedResults.Ok(ElementTemplates.Of(ActivityCatalogue.Descriptors)))
            .WithTags("Activities").RequireAuthorization(Authentication.Policies.Admin)
            .WithSummary("The catalogue as Zeebe element templates (the designer's create/append menus and properties panel)");
        return app;
    }
}
