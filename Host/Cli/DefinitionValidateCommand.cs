using Pipeline.Activities.Catalogue;
using Pipeline.Workflows.Definitions;
using Pipeline.Workflows.Definitions.Bpmn;

namespace Pipeline.Host.Cli;

/// <summary>
/// <c>pipeline definition validate FILE.bpmn</c>: the deploy-time validation as a command. Exit 0 and one line
/// per process when deployable; otherwise, on stderr, one line per problem (<c>ELEMENT_ID (bpmn:type): message</c>,
/// in English, unchanged so that scripts can keep matching it) followed by an indented line with the Chinese
/// message, and exit 1.
/// </summary>
public static class DefinitionValidateCommand
{
    public const int NotDeployable = 1;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args is not [var file])
        {
            stderr.WriteLine("usage: pipeline definition validate FILE.bpmn");
            return ExitCodes.Usage;
        }
        if (!File.Exists(file))
        {
            stderr.WriteLine($"pipeline: 找不到文件 {file} (file not found)");
            return ExitCodes.BadInput;
        }
        var read = BpmnReader.Read(File.ReadAllText(file), Path.GetFileName(file));
        var problems = read.Problems
            .Concat(read.Processes.SelectMany(p => DefinitionValidator.Validate(p, ActivityCatalogue.Types)))
            .ToList();
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                stderr.WriteLine(problem);
                stderr.WriteLine($"    {problem.MessageZh}");
            }
            stderr.WriteLine($"{Path.GetFileName(file)}: not deployable, {problems.Count} problem(s)");
            return NotDeployable;
        }
        foreach (var process in read.Processes)
            stdout.WriteLine($"{Path.GetFileName(file)}: process '{process.Id}' is deployable ({process.Nodes.Count} elements, {process.Flows.Count} sequence flows)");
        return ExitCodes.Ok;
    }
}
