using System.Text.RegularExpressions;

namespace Pipeline.Activities.Rosters;

/// <summary>
/// Masks identity numbers and mobile numbers inside free text (page text, log lines) before it leaves
/// the pipeline. Full numbers are only ever held in memory while a pack is being checked.
/// </summary>
public static partial class SensitiveText
{
    /// <summary>Returns <paramref name="text"/> with every 18-character ID number and 11-digit mobile number masked.</summary>
    public static string Mask(string text)
    {
        var masked = IdPattern().Replace(text, m => IdNumber.Mask(m.Value));
        return PhonePattern().Replace(masked, m => PhoneNumber.Mask(m.Value));
    }

    [GeneratedRegex(@"(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9])")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"(?<![0-9*])1[3-9][0-9]{9}(?![0-9])")]
    private static partial Regex PhonePattern();
}
