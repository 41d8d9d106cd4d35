using Microsoft.AspNetCore.Identity;

namespace Pipeline.Host.Accounts;

/// <summary>Identity's refusals a clerk reads (user names, passwords), in Chinese then English.</summary>
public sealed class ChineseIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = $"密码至少{length}个字符 (the password needs at least {length} characters)" };

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        new() { Code = nameof(PasswordRequiresUniqueChars), Description = $"密码至少包含{uniqueChars}个不同字符 (the password needs {uniqueChars} different characters)" };

    public override IdentityError DuplicateUserName(string userName) =>
        new() { Code = nameof(DuplicateUserName), Description = $"用户名「{userName}」已被使用 (user name '{userName}' is taken)" };

    public override IdentityError InvalidUserName(string? userName) =>
        new() { Code = nameof(InvalidUserName), Description = $"用户名「{userName}」只能包含字母、数字和 -._@+ (user name '{userName}' may hold letters, digits and -._@+ only)" };
}
