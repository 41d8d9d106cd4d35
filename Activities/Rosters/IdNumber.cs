namespace Pipeline.Activities.Rosters;

/// <summary>Why a resident identity number (居民身份号码) failed validation.</summary>
public enum IdNumberProblem
{
    None,
    /// <summary>Not 17 digits followed by a digit or <c>X</c>.</summary>
    Format,
    /// <summary>The first two digits are not a province-level code of GB/T 2260.</summary>
    AreaCode,
    /// <summary>Digits 7–14 are not a real calendar date, or the date is in the future.</summary>
    BirthDate,
    /// <summary>The ISO 7064 MOD 11-2 check character does not match.</summary>
    Checksum,
    /// <summary>The holder is outside the legal working age on the reference date (R-JZ-1).</summary>
    WorkingAge,
    /// <summary>
    /// OCR read a digit run of the wrong length where an ID number stands: the scan, not necessarily the
    /// roster, is at fault, so it needs a person's look rather than counting as an invalid number.
    /// </summary>
    Illegible,
}

/// <summary>
/// Resident identity number of GB 11643-1999: 6-digit area code, 8-digit birth date (yyyyMMdd),
/// 3-digit sequence (odd = male), check character by ISO 7064 MOD 11-2 (<c>X</c> = 10).
/// </summary>
public static class IdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckChars = "10X98765432";

    /// <summary>Province-level codes (first two digits) of GB/T 2260, plus 71/81/82 for TW/HK/MO residence permits.</summary>
    private static readonly HashSet<int> Provinces =
    [
        11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
        50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
    ];

    /// <summary>The check character for the first 17 digits, or <c>null</c> if they are not 17 digits.</summary>
    public static char? CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17) return null;
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(first17[i])) return null;
            sum += (first17[i] - '0') * Weights[i];
        }
        return CheckChars[sum % 11];
    }

    /// <summary>
    /// Validates format, area, birth date and checksum; and, when <paramref name="workingAge"/> is given,
    /// that the holder's age on <paramref name="asOf"/> lies within it (inclusive, whole years).
    /// </summary>
    /// <param name="id">18 characters; a lowercase <c>x</c> is accepted as <c>X</c>.</param>
    /// <param name="asOf">Reference date for the future-birth and age checks.</param>
    /// <param name="workingAge">Minimum and maximum age in years, from the jurisdiction profile; null skips the age check.</param>
    public static IdNumberProblem Validate(string id, DateOnly asOf, (int Min, int Max)? workingAge = null)
    {
        if (id.Length != 18) return IdNumberProblem.Format;
        for (var i = 0; i < 17; i++)
            if (!char.IsAsciiDigit(id[i])) return IdNumberProblem.Format;
        var last = char.ToUpperInvariant(id[17]);
        if (!char.IsAsciiDigit(last) && last != 'X') return IdNumberProblem.Format;
        if (!Provinces.Contains(int.Parse(id.AsSpan(0, 2)))) return IdNumberProblem.AreaCode;
        if (BirthDate(id) is not { } birth || birth > asOf) return IdNumberProblem.BirthDate;
        if (CheckCharacter(id.AsSpan(0, 17)) != last) return IdNumberProblem.Checksum;
        if (workingAge is { } range)
        {
            var age = AgeOn(birth, asOf);
            if (age < range.Min || age > range.Max) return IdNumberProblem.WorkingAge;
        }
        return IdNumberProblem.None;
    }

    /// <summary>The birth date encoded in digits 7–14, or null when it is not a real date.</summary>
    public static DateOnly? BirthDate(string id) =>
        id.Length >= 14 && DateOnly.TryParseExact(id.AsSpan(6, 8), "yyyyMMdd", out var d) && d.Year >= 1900 ? d : null;

    /// <summary>Age in whole years on <paramref name="asOf"/>.</summary>
    public static int AgeOn(DateOnly birth, DateOnly asOf)
    {
        var age = asOf.Year - birth.Year;
        return asOf < birth.AddYears(age) ? age - 1 : age;
    }

    /// <summary>
    /// Masks an identity number for logs and lists: first 6 and last 4 characters kept,
    /// e.g. <c>110105********123X</c> (also for misread numbers of 15 characters or more). Shorter strings are
    /// masked entirely except their last 2 characters.
    /// </summary>
    public static string Mask(string id) =>
        id.Length >= 15
            ? string.Concat(id.AsSpan(0, 6), new string('*', id.Length - 10), id.AsSpan(id.Length - 4))
            : id.Length <= 2 ? new string('*', id.Length) : new string('*', id.Length - 2) + id[^2..];
}
