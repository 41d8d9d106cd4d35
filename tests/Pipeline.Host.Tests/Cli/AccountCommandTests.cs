using Pipeline.Host.Cli;

namespace Pipeline.Host.Tests.Cli;

/// <summary>The CLI's institution and user verbs on the Host's database (<c>$PIPELINE_DATA</c> of <see cref="CliRun"/>).</summary>
public sealed class AccountCommandTests
{
    private static async Task<(int Exit, string Out, string Err)> RunAsync(string stdin, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await CommandLine.RunAsync(args, new StringReader(stdin), stdout, stderr, CancellationToken.None);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task An_institution_with_a_wrong_check_character_is_refused_with_one_clear_line()
    {
        var (exit, _, err) = await RunAsync("", "institution", "add", "91410800MA4XDEMP1X", "--name", "测试学校", "--profile", "jiaozuo");
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Single(err.Trim().Split('\n'));
        Assert.Contains("校验位", err);
        Assert.Contains("expected 'E'", err);
    }

    [Fact]
    public async Task Institutions_and_users_are_added_and_listed_and_passwords_come_from_stdin()
    {
        var code = Http.TestAccounts.CreditCode("cli-" + Guid.NewGuid());
        var (added, addOut, addErr) = await RunAsync("", "institution", "add", code, "--name", "命令行培训学校", "--profile", "guilin", "--occupations", "电工,焊工");
        Assert.True(added == ExitCodes.Ok, addErr);
        Assert.Contains($"institution:{code}", addOut);
        var (again, _, againErr) = await RunAsync("", "institution", "add", code, "--name", "重复", "--profile", "guilin");
        Assert.Equal(ExitCodes.BadInput, again);
        Assert.Contains("已存在", againErr);

        var staff = "cli.staff." + Guid.NewGuid().ToString("N")[..6];
        var (user, _, userErr) = await RunAsync("a-long-enough-password\n", "user", "add", staff, "--role", "institution", "--institution", code, "--display-name", "命令行 张老师");
        Assert.True(user == ExitCodes.Ok, userErr);
        var (weak, _, weakErr) = await RunAsync("short\n", "user", "add", staff + ".2", "--role", "reviewer", "--bureau", "guilin");
        Assert.Equal(ExitCodes.BadInput, weak);
        Assert.Contains("10", weakErr);
        var (none, _, noneErr) = await RunAsync("", "user", "add", staff + ".3", "--role", "reviewer", "--bureau", "guilin");
        Assert.Equal(ExitCodes.BadInput, none);
        Assert.Contains("standard input", noneErr);
        var (mixed, _, mixedErr) = await RunAsync("a-long-enough-password\n", "user", "add", staff + ".4", "--role", "finance,approver", "--bureau", "guilin");
        Assert.Equal(ExitCodes.BadInput, mixed);
        Assert.Contains("R-YN-10", mixedErr);
        var (bureauInstitution, _, biErr) = await RunAsync("a-long-enough-password\n", "user", "add", staff + ".5", "--role", "reviewer", "--institution", code);
        Assert.Equal(ExitCodes.BadInput, bureauInstitution);
        Assert.Contains("institution", biErr);

        var (listed, list, _) = await RunAsync("", "user", "list");
        Assert.Equal(ExitCodes.Ok, listed);
        var line = Assert.Single(list.Split('\n'), l => l.StartsWith(staff + " ", StringComparison.Ordinal));
        Assert.Contains("institution:" + code, line);
        Assert.DoesNotContain(staff + ".2", list);
        Assert.DoesNotContain("a-long-enough-password", list);
    }

    [Fact]
    public async Task Usage_mistakes_exit_2()
    {
        Assert.Equal(ExitCodes.Usage, (await RunAsync("", "user", "add", "x", "--role", "reviewer")).Exit);
        Assert.Equal(ExitCodes.Usage, (await RunAsync("", "user", "add", "x", "--role", "reviewer", "--bureau", "jiaozuo", "--institution", "y")).Exit);
        Assert.Equal(ExitCodes.Usage, (await RunAsync("", "institution", "add", "x")).Exit);
    }
}
