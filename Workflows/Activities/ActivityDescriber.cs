using System.Reflection;

namespace Pipeline.Workflows.Activities;

/// <summary>Builds <see cref="ActivityDescriptor"/>s from activity classes by reflection.</summary>
public static class ActivityDescriber
{
    /// <summary>
    /// Describes <paramref name="activityType"/>, which must carry <see cref="ActivityAttribute"/> and
    /// implement <see cref="IActivity{TInput,TOutput}"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The type is not a described activity, or its retry settings are invalid.</exception>
    public static ActivityDescriptor Describe(Type activityType)
    {
        var meta = activityType.GetCustomAttribute<ActivityAttribute>()
            ?? throw new ArgumentException($"{activityType.Name} has no [Activity] attribute.", nameof(activityType));
        var contract = activityType.GetInterfaces()
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IActivity<,>))
            ?? throw new ArgumentException($"{activityType.Name} does not implement IActivity<TInput, TOutput>.", nameof(activityType));
        var args = contract.GetGenericArguments();
        return new ActivityDescriptor(
            meta.Type, meta.Category, meta.DisplayName, meta.DisplayNameZh, meta.Description, meta.DescriptionZh,
            meta.Outcomes, meta.LongRunning,
            Ports<ActivityInputAttribute>(args[0], a => (a.Description, a.DescriptionZh, a.Required)),
            Ports<ActivityOutputAttribute>(args[1], a => (a.Description, a.DescriptionZh, false)))
        {
            Retries = meta.Retries >= 1 ? meta.Retries : throw new ArgumentException($"{activityType.Name}: Retries must be at least 1.", nameof(activityType)),
            RetryBackoff = Backoff(activityType, meta.RetryBackoff),
        };
    }

    private static TimeSpan Backoff(Type activityType, string iso)
    {
        try
        {
            var backoff = System.Xml.XmlConvert.ToTimeSpan(iso);
            if (backoff > TimeSpan.Zero) return backoff;
        }
        catch (FormatException)
        {
        }
        throw new ArgumentException($"{activityType.Name}: RetryBackoff '{iso}' is not a positive ISO 8601 duration.", nameof(activityType));
    }

    /// <summary>Describes every concrete activity class in <paramref name="assembly"/>, ordered by type name.</summary>
    public static IReadOnlyList<ActivityDescriptor> DescribeAll(Assembly assembly) =>
        assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsClass: true } && t.GetCustomAttribute<ActivityAttribute>() is not null)
            .Select(Describe)
            .OrderBy(d => d.Type, StringComparer.Ordinal)
            .ToList();

    private static List<ActivityPortDescriptor> Ports<TAttr>(Type record, Func<TAttr, (string Description, string? DescriptionZh, bool Required)> read)
        where TAttr : Attribute =>
        record.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Property: p, Attr: p.GetCustomAttribute<TAttr>()))
            .Where(x => x.Attr is not null)
            .Select(x =>
            {
                var (description, descriptionZh, required) = read(x.Attr!);
                return new ActivityPortDescriptor(CamelCase(x.Property.Name), KindOf(x.Property.PropertyType), description, descriptionZh, required);
            })
            .ToList();

    private static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static string KindOf(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string)) return "string";
        if (type == typeof(bool)) return "boolean";
        if (type == typeof(DateOnly) || type == typeof(DateTimeOffset) || type == typeof(DateTime)) return "date";
        if (type.IsPrimitive || type == typeof(decimal)) return "number";
        if (type.IsArray || (type.IsGenericType && typeof(System.Collections.IEnumerable).IsAssignableFrom(type))) return "list";
        return "object";
    }
}
