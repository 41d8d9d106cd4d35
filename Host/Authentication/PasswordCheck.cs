using Microsoft.AspNetCore.Identity;
using Pipeline.Host.Accounts;
using Pipeline.Host.Data.Accounts;

namespace Pipeline.Host.Authentication;

/// <summary>
/// Checks a user name and password with Identity (its hashing; lockout after 5 failures for 15 minutes) and writes
/// the outcome to the security log: the one path behind cookie sign-in and bearer tokens.
/// </summary>
public sealed class PasswordCheck(UserManager<PipelineUser> users, SignInManager<PipelineUser> signIn, SecurityLog log, TimeProvider time)
{
    /// <param name="successKind">What a success is logged as (<c>sign-in</c> or <c>token-issued</c>).</param>
    /// <returns>The user, or null and the 400/401 problem to answer with.</returns>
    public async Task<(PipelineUser? User, IResult? Refusal)> VerifyAsync(
        SignInRequest? request, HttpContext context, string successKind, CancellationToken cancellationToken)
    {
        var address = context.Connection.RemoteIpAddress?.ToString();
        if (request is not { UserName.Length: > 0 and <= 256, Password.Length: > 0 and <= 1024 })
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Sign-in needs a user name and a password",
                detail: "请输入用户名和密码 (send { \"userName\": \"…\", \"password\": \"…\" })"));
        var user = await users.FindByNameAsync(request.UserName);
        if (user is null)
        {
            // Same work as a real check, so the answer's timing does not tell which user names exist.
            users.PasswordHasher.VerifyHashedPassword(new PipelineUser(), DummyHash.Value, request.Password);
            await log.AppendAsync(SecurityEventKinds.SignInFailed, request.UserName, null, request.UserName, "unknown user name", address, cancellationToken);
            return (null, Wrong());
        }
        var wasLocked = await users.IsLockedOutAsync(user);
        var result = await signIn.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await log.AppendAsync(successKind, user.UserName!, user.Id, user.Id, null, address, cancellationToken);
            return (user, null);
        }
        if (result.IsLockedOut)
        {
            var until = await users.GetLockoutEndDateAsync(user);
            await log.AppendAsync(wasLocked ? SecurityEventKinds.SignInFailed : SecurityEventKinds.LockedOut, user.UserName!, user.Id, user.UserName!,
                wasLocked ? "locked out" : $"5 failed sign-ins; locked until {until:O}", address, cancellationToken);
            var minutes = until is { } end ? Math.Max(1, (int)Math.Ceiling((end - time.GetUtcNow()).TotalMinutes)) : 15;
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Account locked",
                detail: $"连续5次密码错误，账户已锁定，请{minutes}分钟后再试 (5 failed sign-ins: the account is locked for {minutes} more minute(s))",
                extensions: new Dictionary<string, object?> { ["lockedOut"] = true }));
        }
        await log.AppendAsync(SecurityEventKinds.SignInFailed, user.UserName!, user.Id, user.UserName!, "wrong password", address, cancellationToken);
        return (null, Wrong());
    }

    private static IResult Wrong() => TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed",
        detail: "用户名或密码错误 (wrong user name or password)");

    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<PipelineUser>().HashPassword(new PipelineUser(), Guid.NewGuid().ToString()));
}
