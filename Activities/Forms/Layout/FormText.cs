using System.Globalization;
using Pipeline.Activities.Rosters;

namespace Pipeline.Activities.Forms.Layout;

/// <summary>How values are written on forms: dates 2026年5月6日, amounts 12,000.00, ticks ☑ / ☐, signature lines.</summary>
internal static class FormText
{
    /// <summary>Room for a handwritten signature or a date to be filled in by hand.</summary>
    public const string Blank = "__________";

    /// <summary>A date line left for the hand: 年 月 日 with room before each.</summary>
    public const string BlankDate = "　　年　　月　　日";

    public static string Date(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : BlankDate;

    public static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Yuan with two decimals and thousands separators: 12,000.00.</summary>
    public static string Yuan(decimal yuan) => yuan.ToString("#,##0.00", CultureInfo.InvariantCulture);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Tick(bool chosen) => chosen ? "☑" : "☐";

    /// <summary>Every option, the chosen one ticked: ☑就业技能培训　☐创业基础能力培训.</summary>
    public static string Choices<T>(IEnumerable<T> options, Func<T, bool> chosen, Func<T, string> label) =>
        string.Join("　　", options.Select(o => Tick(chosen(o)) + label(o)));

    /// <summary>Page of a finding: 第3页, or 全册 for the whole pack.</summary>
    public static string Page(int? page) => page is { } p ? $"第{p}页" : "全册";

    /// <summary><paramref name="part"/> ÷ <paramref name="whole"/> as a fraction, or null when <paramref name="whole"/> is 0.</summary>
    public static decimal? Rate(int part, int whole) => whole == 0 ? null : Math.Round((decimal)part / whole, 4, MidpointRounding.AwayFromZero);

    /// <summary>A rate as printed in prose: 93.3%.</summary>
    public static string Percent(int part, int whole) =>
        Rate(part, whole) is { } rate ? (rate * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";

    /// <summary>
    /// A signature line: the label, the recorded name (when the case has one) and room for the hand:
    /// 经办人（签字）：张三 __________.
    /// </summary>
    public static string Signature(string label, string? name) =>
        $"{label}（签字）：{(string.IsNullOrWhiteSpace(name) ? "" : name.Trim() + " ")}{Blank}";

    /// <summary>
    /// A contact number, masked: a mobile as 138****5678, anything else with only its last four characters shown
    /// (********0059); empty when none.
    /// </summary>
    public static string Phone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return "";
        var digits = string.Concat(phone.Where(char.IsAsciiDigit));
        return digits is [ '1', ..] && digits.Length == 11 ? PhoneNumber.Mask(digits) : PhoneNumber.Mask(phone.Trim());
    }

    /// <summary><see cref="ChineseAmount.InCapitals"/>, its refusals naming the record's <paramref name="field"/>.</summary>
    /// <exception cref="ArgumentException">Negative, too large, or finer than a fen.</exception>
    public static string Capitals(decimal yuan, string field)
    {
        try
        {
            return ChineseAmount.InCapitals(yuan);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"{field}: {Reason(e)}", field, e);
        }
    }

    /// <summary>An argument exception's message without the " (Parameter 'x')" the runtime appends.</summary>
    public static string Reason(ArgumentException e)
    {
        var suffix = e.ParamName is null ? null : $" (Parameter '{e.ParamName}')";
        return suffix is not null && e.Message.EndsWith(suffix, StringComparison.Ordinal) ? e.Message[..^suffix.Length] : e.Message;
    }

    /// <summary>The value, or an empty string when null or blank (the cell stays empty for the hand).</summary>
    public static string OrBlank(string? value) => string.IsNullOrWhiteSpace(value) ? "" : value.Trim();
}
