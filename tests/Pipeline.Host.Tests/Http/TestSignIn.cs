using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Host.Accounts;

namespace Pipeline.Host.Tests.Http;

/// <summary>
/// Test clients' sign-in: a request naming a test person (<see cref="UserHeader"/>, <see cref="RolesHeader"/>, set by
/// <c>HostFixture.As</c>) is sent with that person's bearer token, the account created on first use; a request naming
/// nobody is sent as <see cref="DefaultUser"/> (an administrator, who reaches every case); <see cref="Anonymous"/> sends
/// no credentials. The test headers never reach the Host.
/// </summary>
public sealed class TestSignIn(Func<string, string, Task> ensureAccount) : DelegatingHandler
{
    public const string UserHeader = "X-Test-User";
    public const string RolesHeader = "X-Test-Roles";
    public const string Anonymous = "-";
    public const string DefaultUser = "test.admin";
    public const string Password = "test-password-1234";

    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _tokens = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var user = Take(request, UserHeader) ?? DefaultUser;
        var roles = Take(request, RolesHeader) ?? (user == DefaultUser ? Roles.Admin : Roles.Reviewer);
        if (user != Anonymous && request.Headers.Authorization is null)
        {
            var key = $"{user}|{roles}";
            string token;
            try
            {
                token = await _tokens.GetOrAdd(key, _ => new Lazy<Task<string>>(() => TokenAsync(request.RequestUri!, user, roles))).Value;
            }
            catch
            {
                _tokens.TryRemove(key, out _);
                throw;
            }
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await base.SendAsync(request, cancellationToken);
    }

    private async Task<string> TokenAsync(Uri any, string user, string roles)
    {
        await ensureAccount(user, roles);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(any, "/api/auth/token"))
        {
            Content = JsonContent.Create(new { userName = TestAccounts.UserName(user, roles), password = Password }),
        };
        using var response = await base.SendAsync(request, CancellationToken.None);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"test sign-in of {user} failed: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!["accessToken"]!.GetValue<string>();
    }

    private static string? Take(HttpRequestMessage request, string header)
    {
        if (!request.Headers.TryGetValues(header, out var values)) return null;
        request.Headers.Remove(header);
        return Uri.UnescapeDataString(values.First());
    }
}

/// <summary>Accounts of test people: bureau staff of Jiaozuo, or staff of a test institution named after the person.</summary>
public static class TestAccounts
{
    /// <summary>An account name for a display name and roles (Identity user names are ASCII): a stable hash of both.</summary>
    public static string UserName(string user, string roles) =>
        user.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_') ? $"{user}.{roles.Replace(',', '-')}"
        : "u" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(user + "|" + roles)))[..12];

    /// <summary>Creates the account (and for institution staff, their institution) unless it exists.</summary>
    public static async Task EnsureAsync(IServiceProvider services, string user, string roles, string jurisdiction = "jiaozuo")
    {
        await using var scope = services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountDirectory>();
        var name = UserName(user, roles);
        if ((await accounts.ListUsersAsync(CancellationToken.None)).Any(u => u.UserName == name)) return;
        var roleList = roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        string? institution = null;
        if (roleList.Contains(Roles.Institution))
        {
            institution = CreditCode(user);
            try
            {
                await accounts.AddInstitutionAsync(new NewInstitution(institution, $"测试培训学校 {user}", jurisdiction, ["电工"]), "test", CancellationToken.None);
            }
            catch (AccountException e) when (e.Status == 409)
            {
            }
        }
        await accounts.AddUserAsync(new NewUser(name, TestSignIn.Password, roleList, institution is null ? jurisdiction : null, institution, user),
            "test", CancellationToken.None);
    }

    /// <summary>A valid unified social credit code (GB 32100) derived from <paramref name="seed"/>.</summary>
    public static string CreditCode(string seed)
    {
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(seed));
        var body = "91410800" + new string(hash.Take(9).Select(b => alphabet[b % alphabet.Length]).ToArray());
        return body + Pipeline.Activities.Organisations.UnifiedSocialCreditCode.CheckCharacter(body);
    }
}
