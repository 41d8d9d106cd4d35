namespace Pipeline.Host.Tests.Cli;

public class DefinitionValidateTests
{
    [Fact]
    public async Task ShippedDefinition_IsDeployable_Exit0()
    {
        var file = Path.Combine(RepositoryRoot(), "workflow-definitions", "class-opening.bpmn");
        var (exit, stdout, stderr) = await CliRun.RunAsync("definition", "validate", file);
        Assert.Equal(0, exit);
        Assert.Contains("'class-opening' is deployable", stdout);
        Assert.Equal("", stderr);
    }

    [Fact]
    public async Task BrokenDefinition_ListsEachProblemWithElementIdAndType_ExitNonZero()
    {
        var xml = File.ReadAllText(Path.Combine(RepositoryRoot(), "workflow-definitions", "class-opening.bpmn"))
            .Replace("type=\"pack.check\"", "type=\"pack.fax\"")
            .Replace("default=\"Flow_ReviewReject\"", "");
        var file = CliRun.TempFile("broken.bpmn", System.Text.Encoding.UTF8.GetBytes(xml));
        var (exit, _, stderr) = await CliRun.RunAsync("definition", "validate", file);
        Assert.NotEqual(0, exit);
        Assert.Contains("Task_CheckPack (bpmn:serviceTask): unknown activity type 'pack.fax'", stderr);
        Assert.Contains("    未知的作业类型 'pack.fax'", stderr);
        Assert.Contains("Gateway_Review (bpmn:exclusiveGateway):", stderr);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Pipeline.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Pipeline.sln");
    }
}
