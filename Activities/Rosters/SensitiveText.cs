using System.Text.RegularExpressions;

namespace Pipeline.Activities.Rosters;

/// <summary>
/// Masks identity numbers and mobile numbers inside free text (page text, log lines) before it leaves
/// the pipeline. Full numbers are only ever held in memory while a pack is being checked.
/// </summary>
public static partial class SensitiveText
{
    /// <summary>
    /// Returns <paramref name="text"/> with every run of 15–20 digits (an ID number, also when OCR split it with
    /// single spaces or read a digit too many or too few) and every 11-digit mobile number masked.
    /// </summary>
    public static string Mask(string text) => DigitRun().Replace(text, m =>
    {
        var digits = m.Value.Replace(" ", "");
        if (digits.Length >= 15) return IdNumber.Mask(digits);
        return digits.Length == 11 && digits[0] == '1' ? PhoneNumber.Mask(digits) : m.Value;
    });

    [GeneratedRegex(@"(?<![0-9])[0-9](?: ?[0-9])*(?: ?[Xx×])?(?![0-9])")]
    private static partial Regex DigitRun();
}
