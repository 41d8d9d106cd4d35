using System.Text;

namespace Pipeline.Activities.Forms;

/// <summary>
/// Amounts in yuan written in Chinese capital numerals (人民币大写), as bank and finance forms require: 壹万贰仟元整.
/// Follows the People's Bank rules for filling in vouchers (正确填写票据和结算凭证的基本规定):
/// <list type="bullet">
/// <item>an amount that ends at 元 ends with 整 (<c>12000 → 壹万贰仟元整</c>); one with 角 or 分 does not
/// (<c>1409.50 → 壹仟肆佰零玖元伍角</c>);</item>
/// <item>each run of zeros inside the whole yuan is one 零 (<c>6007.14 → 陆仟零柒元壹角肆分</c>,
/// <c>107000.53 → 壹拾万零柒仟元伍角叁分</c>, <c>100010000 → 壹亿零壹万元整</c>);</item>
/// <item>角 0 and 分 not: 零 after 元 (<c>325.04 → 叁佰贰拾伍元零肆分</c>, required); 元 digit 0 and 角 not: no 零
/// (<c>80000.5 → 捌万元伍角</c>, <c>1680.32 → 壹仟陆佰捌拾元叁角贰分</c>). The rules allow 零 there too, but only one
/// 零 in 107000.53, so this converter keeps the whole-yuan zeros and leaves that one out;</item>
/// <item>a leading 拾 keeps its 壹 (<c>10 → 壹拾元整</c>), as banks write it;</item>
/// <item>less than one yuan has no 元 (<c>0.5 → 伍角</c>); nothing at all is 零元整.</item>
/// </list>
/// </summary>
public static class ChineseAmount
{
    private const string Digits = "零壹贰叁肆伍陆柒捌玖";
    private static readonly string[] Places = ["", "拾", "佰", "仟"];
    private static readonly string[] Sections = ["", "万", "亿"];

    /// <summary>Largest amount written: just under a trillion yuan (千亿 is the largest section unit used).</summary>
    public const decimal Max = 999_999_999_999.99m;

    /// <exception cref="ArgumentOutOfRangeException">Negative, or more than <see cref="Max"/>.</exception>
    /// <exception cref="ArgumentException">Finer than a fen (分): round the amount first, the form does not.</exception>
    public static string InCapitals(decimal yuan)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(yuan);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(yuan, Max);
        var fen = yuan * 100;
        if (fen != decimal.Truncate(fen))
            throw new ArgumentException($"{yuan} yuan has a fraction of a fen; round it to 0.01 first", nameof(yuan));

        var whole = (long)decimal.Truncate(yuan);
        var jiao = (int)(decimal.Truncate(fen) % 100) / 10;
        var cents = (int)(decimal.Truncate(fen) % 10);
        var text = new StringBuilder();
        AppendWhole(text, whole);

        if (whole > 0) text.Append('元');
        if (jiao == 0 && cents == 0) return whole == 0 ? "零元整" : text.Append('整').ToString();
        if (jiao > 0) text.Append(Digits[jiao]).Append('角');
        if (cents > 0)
        {
            if (whole > 0 && jiao == 0) text.Append('零');
            text.Append(Digits[cents]).Append('分');
        }
        return text.ToString();
    }

    /// <summary>The integer part, from its highest digit: each run of zeros before a non-zero digit is one 零.</summary>
    private static void AppendWhole(StringBuilder text, long whole)
    {
        if (whole == 0) return;
        var digits = whole.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var zero = false;
        var sectionHasDigit = false;
        for (var i = 0; i < digits.Length; i++)
        {
            var position = digits.Length - 1 - i; // 0 = ones
            var digit = digits[i] - '0';
            if (digit == 0)
            {
                zero = true;
            }
            else
            {
                if (zero) text.Append('零');
                text.Append(Digits[digit]).Append(Places[position % 4]);
                zero = false;
                sectionHasDigit = true;
            }
            if (position % 4 == 0)
            {
                if (sectionHasDigit) text.Append(Sections[position / 4]);
                sectionHasDigit = false;
            }
        }
    }
}
