using Pipeline.Host.Accounts;
using Pipeline.Host.Hosting;

namespace Pipeline.Host.Cli;

/// <summary>
/// <c>pipeline institution add|list</c> and <c>pipeline user add|list</c>: the accounts of the Host's database
/// (<c>$PIPELINE_DATA</c> / <c>$PIPELINE_DATABASE</c>), through the same <see cref="AccountDirectory"/> as
/// <c>/api/admin</c>. Passwords are read from standard input, never from the command line. Actor in the security
/// log: <c>cli</c>.
/// </summary>
public static class AccountCommands
{
    private const string Actor = "cli";

    public static async Task<int> InstitutionAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        switch (args)
        {
            case ["add", var code, .. var rest] when !code.StartsWith("--", StringComparison.Ordinal):
                var flags = Flags(rest, stderr, "--name", "--profile", "--occupations");
                if (flags is null || !flags.ContainsKey("--name") || !flags.ContainsKey("--profile"))
                    return Usage(stderr, "pipeline institution add CODE --name NAME --profile PROFILE [--occupations A,B]");
                return await RunAsync(stdout, stderr, cancellationToken, async accounts =>
                {
                    var added = await accounts.AddInstitutionAsync(new NewInstitution(code, flags["--name"], flags["--profile"],
                        flags.GetValueOrDefault("--occupations")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)), Actor, cancellationToken);
                    stdout.WriteLine($"institution {added.Id}: {added.Name} ({added.Jurisdiction})");
                });
            case ["list"]:
                return await RunAsync(stdout, stderr, cancellationToken, async accounts =>
                {
                    foreach (var o in await accounts.ListOrganisationsAsync(cancellationToken))
                        stdout.WriteLine($"{o.Id,-32} {o.Kind,-12} {o.Jurisdiction,-10} {o.Name}{(o.LicensedOccupations.Count > 0 ? "  [" + string.Join(", ", o.LicensedOccupations) + "]" : "")}");
                });
            default:
                return Usage(stderr, "pipeline institution add CODE --name NAME --profile PROFILE [--occupations A,B] | pipeline institution list");
        }
    }

    public static async Task<int> UserAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        switch (args)
        {
            case ["add", var userName, .. var rest] when !userName.StartsWith("--", StringComparison.Ordinal):
                var flags = Flags(rest, stderr, "--role", "--bureau", "--institution", "--display-name");
                if (flags is null || !flags.ContainsKey("--role") || flags.ContainsKey("--bureau") == flags.ContainsKey("--institution"))
                    return Usage(stderr, "pipeline user add USERNAME --role ROLE[,ROLE...] (--bureau PROFILE | --institution CODE) [--display-name NAME]  (password on standard input)");
                var password = ReadPassword(stdin, stderr);
                if (password is null)
                {
                    stderr.WriteLine("pipeline user add: 请在标准输入中提供密码 (give the password on standard input, e.g. read -s P; printf '%s\\n' \"$P\" | pipeline user add …)");
                    return ExitCodes.BadInput;
                }
                return await RunAsync(stdout, stderr, cancellationToken, async accounts =>
                {
                    var user = await accounts.AddUserAsync(new NewUser(userName, password,
                        flags["--role"].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                        flags.GetValueOrDefault("--bureau"), flags.GetValueOrDefault("--institution"), flags.GetValueOrDefault("--display-name")), Actor, cancellationToken);
                    stdout.WriteLine($"user {user.UserName} ({user.DisplayName}): {string.Join(", ", user.Roles)} of {user.Organisation.Name}");
                });
            case ["list"]:
                return await RunAsync(stdout, stderr, cancellationToken, async accounts =>
                {
                    foreach (var u in await accounts.ListUsersAsync(cancellationToken))
                        stdout.WriteLine($"{u.UserName,-20} {u.DisplayName,-12} {string.Join(",", u.Roles),-28} {u.Organisation.Id,-32}{(u.LockedOutUntil is { } until ? $" locked until {until:yyyy-MM-dd HH:mm}" : "")}");
                });
            default:
                return Usage(stderr, "pipeline user add USERNAME --role ROLE[,ROLE...] (--bureau PROFILE | --institution CODE) [--display-name NAME] | pipeline user list");
        }
    }

    /// <summary>Opens the accounts, runs <paramref name="action"/>; a refused change is one line on stderr and exit 3.</summary>
    internal static async Task<int> RunAsync(TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken, Func<AccountDirectory, Task> action)
    {
        await using var services = await AccountServices.OpenAsync(PipelineOptions.FromEnvironment(), cancellationToken);
        await using var scope = services.CreateAsyncScope();
        try
        {
            await action(scope.ServiceProvider.GetRequiredService<AccountDirectory>());
            return ExitCodes.Ok;
        }
        catch (AccountException e)
        {
            stderr.WriteLine($"pipeline: {e.Message}");
            return ExitCodes.BadInput;
        }
    }

    /// <summary>The first line of <paramref name="stdin"/> (a terminal is prompted, without echo); null when there is none.</summary>
    private static string? ReadPassword(TextReader stdin, TextWriter stderr)
    {
        if (ReferenceEquals(stdin, Console.In) && !Console.IsInputRedirected)
        {
            stderr.Write("密码 Password: ");
            var typed = new System.Text.StringBuilder();
            for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
                if (key.Key == ConsoleKey.Backspace) { if (typed.Length > 0) typed.Length--; }
                else typed.Append(key.KeyChar);
            stderr.WriteLine();
            return typed.Length > 0 ? typed.ToString() : null;
        }
        return stdin.ReadLine() is { Length: > 0 } line ? line : null;
    }

    private static Dictionary<string, string>? Flags(string[] args, TextWriter stderr, params string[] known)
    {
        var flags = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!known.Contains(args[i]) || i + 1 >= args.Length)
            {
                stderr.WriteLine($"pipeline: unexpected '{args[i]}'");
                return null;
            }
            flags[args[i]] = args[++i];
        }
        return flags;
    }

    private static int Usage(TextWriter stderr, string usage)
    {
        stderr.WriteLine("usage: " + usage);
        return ExitCodes.Usage;
    }
}
