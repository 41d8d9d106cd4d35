namespace Pipeline.Host.Data;

/// <summary>
/// A row of <c>host_forms</c>: one deployed version of a task form (a form-js schema, Camunda 8's linked form), keyed
/// by the form's id and version (1, 2, …). Rows are never updated: a changed schema is a new version.
/// </summary>
public sealed class FormRow
{
    /// <summary>The schema's <c>id</c>, which user tasks name in <c>zeebe:formDefinition formId</c>.</summary>
    public required string FormId { get; set; }
    public int Version { get; set; }

    /// <summary>SHA-256 (hex) of the schema as deployed; deploying the same bytes again keeps the version.</summary>
    public required string Sha256 { get; set; }

    /// <summary>The form's title for lists (the schema's first text component or its id).</summary>
    public required string Name { get; set; }

    /// <summary>The form-js schema JSON, as deployed.</summary>
    public required string SchemaJson { get; set; }
    public DateTimeOffset DeployedAt { get; set; }

    /// <summary>User id of whoever deployed it (<c>system</c> at start-up).</summary>
    public required string DeployedBy { get; set; }
}
