using Pipeline.Workflows.Activities;

namespace Pipeline.Activities.Catalogue;

/// <summary>
/// The catalogue of service-task activities this product ships, described from their attributes: what the
/// designer's palette shows and what the deploy-time validator accepts as <c>zeebe:taskDefinition type</c>.
/// </summary>
public static class ActivityCatalogue
{
    /// <summary>Every activity of this assembly, ordered by type.</summary>
    public static IReadOnlyList<ActivityDescriptor> Descriptors { get; } = ActivityDescriber.DescribeAll(typeof(ActivityCatalogue).Assembly);

    /// <summary>The task types, e.g. <c>pack.check</c>.</summary>
    public static IReadOnlySet<string> Types { get; } = Descriptors.Select(d => d.Type).ToHashSet(StringComparer.Ordinal);
}
