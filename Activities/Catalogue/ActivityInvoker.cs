using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pipeline.Workflows.Activities;
using Pipeline.Workflows.Expressions;

namespace Pipeline.Activities.Catalogue;

/// <summary>
/// Runs a catalogue activity by its task type on a job's inputs: binds the FEEL input values to the activity's input
/// record (camelCase JSON; dates as <c>yyyy-MM-dd</c>), runs it, and returns its outcome and output record as FEEL
/// variables (the output's properties at top level; the outcome is returned beside them, not as a variable, so it never
/// overwrites a person's <c>outcome</c>). Activities are built by
/// <paramref name="create"/> (the Host's service provider; a test's own factory), so their dependencies stay theirs.
/// </summary>
public sealed class ActivityInvoker(Func<Type, object> create)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        RespectNullableAnnotations = true,
    };

    private static readonly Dictionary<string, Type> Types = typeof(ActivityInvoker).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetCustomAttribute<ActivityAttribute>() is not null)
        .ToDictionary(t => t.GetCustomAttribute<ActivityAttribute>()!.Type, StringComparer.Ordinal);

    /// <summary>Whether an activity of this assembly runs <paramref name="taskType"/>.</summary>
    public static bool Runs(string taskType) => Types.ContainsKey(taskType);

    /// <summary>The activity class of a task type.</summary>
    /// <exception cref="NotSupportedException">No activity runs it (permanent).</exception>
    public static Type TypeOf(string taskType) => Types.TryGetValue(taskType, out var type)
        ? type : throw new NotSupportedException($"no activity runs job type '{taskType}'");

    /// <summary>Runs the activity of <paramref name="taskType"/>.</summary>
    /// <returns>The outcome and the output record, as FEEL values.</returns>
    /// <exception cref="NotSupportedException">No activity runs the task type (permanent).</exception>
    /// <exception cref="KeyNotFoundException">An input is missing or does not have the shape the activity needs (permanent).</exception>
    public async Task<(string Outcome, Dictionary<string, object?> Variables)> InvokeAsync(
        string taskType, IReadOnlyDictionary<string, object?> inputs, IProgress<ActivityProgress>? progress, CancellationToken cancellationToken)
    {
        var type = TypeOf(taskType);
        var contract = type.GetInterfaces().First(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IActivity<,>));
        var inputType = contract.GetGenericArguments()[0];
        object input;
        try
        {
            var json = new JsonObject();
            foreach (var (name, value) in inputs) json[name] = Plain(value);
            input = json.Deserialize(inputType, Json) ?? throw new JsonException("no input");
        }
        catch (JsonException e)
        {
            throw new KeyNotFoundException($"{taskType}: the inputs do not fit {inputType.Name} ({e.Message})", e);
        }
        var activity = create(type);
        Task task;
        try
        {
            task = (Task)contract.GetMethod("ExecuteAsync")!.Invoke(activity, [input, progress, cancellationToken])!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
        await task.ConfigureAwait(false);
        var result = task.GetType().GetProperty("Result")!.GetValue(task)!;
        var outcome = (string)result.GetType().GetProperty("Outcome")!.GetValue(result)!;
        var output = result.GetType().GetProperty("Output")!.GetValue(result);
        var variables = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in JsonSerializer.SerializeToElement(output, Json).EnumerateObject())
            variables[property.Name] = FeelValues.FromJson(property.Value);
        return (outcome, variables);
    }

    /// <summary>A FEEL value as plain JSON: dates and times as their ISO 8601 text, contexts as objects.</summary>
    public static JsonNode? Plain(object? value) => value switch
    {
        null => null,
        bool b => JsonValue.Create(b),
        decimal d => JsonValue.Create(d),
        string s => JsonValue.Create(s),
        DateOnly date => JsonValue.Create(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        DateTimeOffset at => JsonValue.Create(at.ToString("O", CultureInfo.InvariantCulture)),
        IReadOnlyDictionary<string, object?> context => new JsonObject(context.Select(e => KeyValuePair.Create(e.Key, Plain(e.Value)))),
        IReadOnlyList<object?> list => new JsonArray(list.Select(Plain).ToArray()),
        _ => FeelValues.ToJsonNode(value),
    };
}
