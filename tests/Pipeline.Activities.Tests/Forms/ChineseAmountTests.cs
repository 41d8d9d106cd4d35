using Pipeline.Activities.Forms;

namespace Pipeline.Activities.Tests.Forms;

public class ChineseAmountTests
{
    [Theory]
    [InlineData("0", "零元整")]
    [InlineData("0.5", "伍角")]
    [InlineData("0.05", "伍分")]
    [InlineData("0.55", "伍角伍分")]
    [InlineData("1.05", "壹元零伍分")]
    [InlineData("10", "壹拾元整")]
    [InlineData("16", "壹拾陆元整")]
    [InlineData("100", "壹佰元整")]
    [InlineData("10000", "壹万元整")]
    [InlineData("12000", "壹万贰仟元整")]
    [InlineData("12000.00", "壹万贰仟元整")]
    [InlineData("80000.5", "捌万元伍角")]
    [InlineData("1234567.89", "壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分")]
    // The People's Bank examples (正确填写票据和结算凭证的基本规定).
    [InlineData("1409.50", "壹仟肆佰零玖元伍角")]
    [InlineData("6007.14", "陆仟零柒元壹角肆分")]
    [InlineData("1680.32", "壹仟陆佰捌拾元叁角贰分")]
    [InlineData("107000.53", "壹拾万零柒仟元伍角叁分")]
    [InlineData("16409.02", "壹万陆仟肆佰零玖元零贰分")]
    [InlineData("325.04", "叁佰贰拾伍元零肆分")]
    // Zeros across the 万 and 亿 sections.
    [InlineData("100000001", "壹亿零壹元整")]
    [InlineData("100010000", "壹亿零壹万元整")]
    [InlineData("1000100", "壹佰万零壹佰元整")]
    [InlineData("200000000", "贰亿元整")]
    [InlineData("999999999999.99", "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分")]
    public void Writes_yuan_in_capital_numerals(string yuan, string expected) =>
        Assert.Equal(expected, ChineseAmount.InCapitals(decimal.Parse(yuan, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Refuses_negative_and_too_large_amounts()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ChineseAmount.InCapitals(-0.01m));
        Assert.Throws<ArgumentOutOfRangeException>(() => ChineseAmount.InCapitals(1_000_000_000_000m));
    }

    [Fact]
    public void Refuses_fractions_of_a_fen_instead_of_rounding_them() =>
        Assert.Contains("fen", Assert.Throws<ArgumentException>(() => ChineseAmount.InCapitals(12.345m)).Message);
}
