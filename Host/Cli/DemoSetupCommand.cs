using System.Security.Cryptography;
using System.Text.Json;
using Pipeline.Host.Accounts;

namespace Pipeline.Host.Cli;

/// <summary>
/// <c>pipeline demo-setup --accounts FILE</c>: the demo's organisations and people in the Host's database — a
/// fictitious training institution in Jiaozuo and the Jiaozuo bureau's reviewer, approver and administrator — each with
/// a random password written to FILE (created with owner-only permissions; kept beside the demo database). Run again,
/// it reuses FILE. Used by <c>./pipeline demo</c>; <c>demo-case</c> signs in with these accounts.
/// </summary>
public static class DemoSetupCommand
{
    /// <summary>The demo institution's unified social credit code (fictitious, valid check character).</summary>
    public const string InstitutionCode = "91410800MA4XDEMP1E";

    private static readonly (string UserName, string DisplayName, string Role, bool Institution, string Jurisdiction)[] People =
    [
        ("huaxin.staff", "张老师", Roles.Institution, true, "jiaozuo"),
        ("wang.reviewer", "王经办", Roles.Reviewer, false, "jiaozuo"),
        ("li.approver", "李科长", Roles.Approver, false, "jiaozuo"),
        ("zhao.inspector", "赵督查", Roles.Inspector, false, "jiaozuo"),
        ("qian.finance", "钱会计", Roles.Finance, false, "jiaozuo"),
        ("demo.admin", "系统管理员", Roles.Admin, false, "jiaozuo"),
        // The demo's short tender runs in Yunnan, whose notice regulates tendering (R-YN-2).
        ("zhou.reviewer", "周经办", Roles.Reviewer, false, "yunnan"),
    ];

    /// <summary>The Yunnan institutions that bid in the demo's tender (fictitious; valid check characters): code, name.</summary>
    public static readonly (string Code, string Name)[] Bidders =
    [
        (WithCheck("91530100MA6NDEM01"), "昆明市滇池职业技能培训学校"),
        (WithCheck("91530100MA6NDEM02"), "昆明市春城职业培训学校"),
    ];

    private static string WithCheck(string body) => body + Activities.Organisations.UnifiedSocialCreditCode.CheckCharacter(body);

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (args is not ["--accounts", var file])
        {
            stderr.WriteLine("usage: pipeline demo-setup --accounts FILE");
            return ExitCodes.Usage;
        }
        return await AccountCommands.RunAsync(stdout, stderr, cancellationToken, async accounts =>
        {
            var known = File.Exists(file) ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(file)) ?? [] : [];
            var existing = (await accounts.ListUsersAsync(cancellationToken)).Select(u => u.UserName).ToHashSet();
            if ((await accounts.ListOrganisationsAsync(cancellationToken)).All(o => o.CreditCode != InstitutionCode))
                await accounts.AddInstitutionAsync(new NewInstitution(InstitutionCode, "焦作市华信职业培训学校", "jiaozuo", ["电工", "育婴员"]), "demo", cancellationToken);
            foreach (var (code, name) in Bidders)
                if ((await accounts.ListOrganisationsAsync(cancellationToken)).All(o => o.CreditCode != code))
                    await accounts.AddInstitutionAsync(new NewInstitution(code, name, "yunnan", ["电工", "育婴员"]), "demo", cancellationToken);
            foreach (var (userName, displayName, role, institution, jurisdiction) in People)
            {
                if (existing.Contains(userName))
                {
                    if (!known.ContainsKey(userName))
                        throw new AccountException($"demo user {userName} exists but {file} has no password for it: remove the demo data folder and run the demo again");
                    continue;
                }
                var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(15));
                await accounts.AddUserAsync(new NewUser(userName, password, [role], institution ? null : jurisdiction, institution ? InstitutionCode : null, displayName),
                    "demo", cancellationToken);
                known[userName] = password;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
            await File.WriteAllTextAsync(file, JsonSerializer.Serialize(known), cancellationToken);
            // Owner-only: the file holds passwords.
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            stdout.WriteLine($"demo accounts: {string.Join(", ", People.Select(p => $"{p.UserName} ({Roles.Chinese(p.Role)})"))}; passwords in {file}");
        });
    }
}
