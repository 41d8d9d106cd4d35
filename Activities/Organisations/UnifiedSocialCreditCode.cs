namespace Pipeline.Activities.Organisations;

/// <summary>
/// The unified social credit code of an organisation (统一社会信用代码, GB 32100-2015): 18 characters from
/// <c>0-9</c> and the capitals without I, O, S, V, Z — registration authority (1), organisation type (1), area code
/// (6 digits), organisation code (9), check character (1, ISO 7064 MOD 31-3 with the standard's weights).
/// </summary>
public static class UnifiedSocialCreditCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>
    /// Checks <paramref name="code"/> (spaces trimmed, lower case accepted) and returns its canonical upper-case form.
    /// </summary>
    /// <returns>Null and a reason in Chinese and English when it is not a valid code.</returns>
    public static string? Normalise(string? code, out string? error)
    {
        var text = (code ?? "").Trim().ToUpperInvariant();
        error = null;
        if (text.Length != 18)
        {
            error = $"统一社会信用代码应为18位，收到{text.Length}位 (a unified social credit code has 18 characters, got {text.Length})";
            return null;
        }
        var sum = 0;
        for (var i = 0; i < 18; i++)
        {
            var value = Alphabet.IndexOf(text[i]);
            if (value < 0)
            {
                error = $"第{i + 1}位「{text[i]}」不是统一社会信用代码允许的字符 (character {i + 1} '{text[i]}' is not allowed; I, O, S, V, Z never occur)";
                return null;
            }
            if (i < 17) sum += value * Weights[i];
        }
        if (!text.AsSpan(2, 6).ContainsAnyExcept("0123456789"))
        {
            var check = Alphabet[(31 - sum % 31) % 31];
            if (check == text[17]) return text;
            error = $"校验位错误：应为「{check}」，收到「{text[17]}」 (wrong check character: expected '{check}', got '{text[17]}'; GB 32100)";
            return null;
        }
        error = "第3–8位应为行政区划代码（数字） (characters 3–8 are the area code, digits only)";
        return null;
    }

    /// <summary>The check character completing the first 17 characters of a code (upper case, from the code's alphabet).</summary>
    /// <exception cref="ArgumentException">Not 17 characters of the alphabet.</exception>
    public static char CheckCharacter(string first17)
    {
        if (first17.Length != 17) throw new ArgumentException("give the first 17 characters", nameof(first17));
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(first17[i]);
            if (value < 0) throw new ArgumentException($"character {i + 1} '{first17[i]}' is not in the alphabet", nameof(first17));
            sum += value * Weights[i];
        }
        return Alphabet[(31 - sum % 31) % 31];
    }

    /// <summary>Whether <paramref name="code"/> is a valid code (see <see cref="Normalise"/>).</summary>
    public static bool IsValid(string? code) => Normalise(code, out _) is not null;
}
