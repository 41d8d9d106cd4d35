using Pipeline.Workflows.Definitions;

namespace Pipeline.Workflows.Runtime;

/// <summary>
/// One deployed version of a process definition. Deploying changed BPMN for the same process id makes version
/// n + 1; instances keep the version they started on.
/// </summary>
/// <param name="ProcessId">The <c>bpmn:process id</c>.</param>
/// <param name="Version">1, 2, … per process id.</param>
/// <param name="Sha256">Hex SHA-256 of <paramref name="Xml"/>: deploying identical XML again is not a new version.</param>
/// <param name="Xml">The BPMN as deployed, diagram included, for the designer and the case view.</param>
public sealed record DeployedProcess(string ProcessId, int Version, string Sha256, string Xml, ProcessModel Model, DateTimeOffset DeployedAt, string DeployedBy);
