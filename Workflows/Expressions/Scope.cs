namespace Pipeline.Workflows.Expressions;

/// <summary>
/// Name bindings during one evaluation (DMN 1.5 §10.3.2.11): a chain of context-literal entries
/// evaluated so far, ending in the caller's variables; every scope of the chain carries the evaluation's
/// <see cref="FeelEvaluationContext"/>. Created per evaluation, never shared between threads.
/// </summary>
internal sealed class Scope
{
    private readonly IReadOnlyDictionary<string, object?>? _variables;
    private readonly Dictionary<string, object?>? _locals;
    private readonly Scope? _parent;

    private Scope(IReadOnlyDictionary<string, object?>? variables, Dictionary<string, object?>? locals, Scope? parent, FeelEvaluationContext context)
    {
        _variables = variables;
        _locals = locals;
        _parent = parent;
        Context = context;
    }

    /// <summary>The clock and working-day calendar of this evaluation.</summary>
    public FeelEvaluationContext Context { get; }

    /// <summary>The global scope over the caller's variables; values are converted with <see cref="FeelValues.From"/> on lookup.</summary>
    public static Scope Root(IReadOnlyDictionary<string, object?> variables, FeelEvaluationContext context) => new(variables, null, null, context);

    /// <summary>A scope whose first context is <paramref name="locals"/> (the entries of a context literal).</summary>
    public Scope Child(Dictionary<string, object?> locals) => new(null, locals, this, Context);

    /// <summary>Looks <paramref name="name"/> up from the innermost context outwards.</summary>
    /// <exception cref="FeelRuntimeError">The variable holds a value that cannot be converted to FEEL.</exception>
    public bool TryLookup(string name, out object? value)
    {
        for (var scope = this; scope is not null; scope = scope._parent)
        {
            if (scope._locals is not null && scope._locals.TryGetValue(name, out value)) return true;
            if (scope._variables is not null && scope._variables.TryGetValue(name, out var raw))
            {
                try
                {
                    value = FeelValues.From(raw);
                }
                catch (ArgumentException e)
                {
                    throw new FeelRuntimeError($"variable '{name}' holds a value FEEL cannot use: {e.Message}");
                }
                return true;
            }
        }
        value = null;
        return false;
    }
}
