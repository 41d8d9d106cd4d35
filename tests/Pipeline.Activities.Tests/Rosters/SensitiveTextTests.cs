using Pipeline.Activities.Rosters;

namespace Pipeline.Activities.Tests.Rosters;

public class SensitiveTextTests
{
    // ── Existing behaviour ────────────────────────────────────────────────────────────────────────

    [Fact]
    public void IdAndMobileInFreeText_AreMasked() =>
        Assert.Equal("张伟 410802********1239 电话138****5678。", SensitiveText.Mask("张伟 410802199003071239 电话13812345678。"));

    [Fact]
    public void TextWithoutNumbers_IsReturnedAsTheSameInstance()
    {
        var text = "第 3 页 共 12 页，2026-12-04 合计 12,345.00 元，联系人 张伟";
        Assert.Same(text, SensitiveText.Mask(text));
    }

    [Fact]
    public void EmptyText_StaysEmpty() => Assert.Equal("", SensitiveText.Mask(""));

    [Theory]
    [InlineData("4108 0219 9003 0712 39", "410802********1239")] // OCR split it with single spaces
    [InlineData("41080219900307123", "410802*******7123")] // OCR lost a digit
    [InlineData("4108021990030712391", "410802*********2391")] // OCR read a digit too many
    [InlineData("41080219900307123912", "410802**********3912")]
    [InlineData("410802199003071", "410802*****3071")] // 15 digits: the old first-generation length
    [InlineData("41080219900307123 X", "410802********123X")] // OCR split off the check character
    [InlineData("4108021990030712 39X", "410802*********239X")]
    [InlineData("41080219900307 Xu", "410802*****307Xu")] // 14 digits and an X: 15 characters
    public void DigitRunsOf15OrMore_StayMaskedAsMisreadIds(string input, string expected) =>
        Assert.Equal(expected, SensitiveText.Mask(input));

    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("1381 2345678", "138****5678")] // OCR split, single space anywhere
    [InlineData("手机 138 1234 5678 ", "手机 138****5678 ")]
    public void MobileNumbers_StayMasked(string input, string expected) =>
        Assert.Equal(expected, SensitiveText.Mask(input));

    // ── Mobile numbers with a country prefix: the prefix stays, the number is masked ─────────────

    [Theory]
    [InlineData("+86 138 1234 5678", "+86 138****5678")]
    [InlineData("+8613812345678", "+86138****5678")]
    [InlineData("86-138-1234-5678", "86-138****5678")]
    [InlineData("(+86)13812345678", "(+86)138****5678")]
    [InlineData("0086 13812345678", "0086 138****5678")]
    [InlineData("+86 138-1234-5678", "+86 138****5678")]
    [InlineData("+86-13812345678", "+86-138****5678")]
    [InlineData("008613812345678", "0086138****5678")]
    [InlineData("8613812345678", "86138****5678")]
    [InlineData("（＋８６）１３８１２３４５６７８", "（＋８６）138****5678")]
    [InlineData("电话：+86 138 1234 5678，微信同号", "电话：+86 138****5678，微信同号")]
    public void MobileWithCountryPrefix_IsMasked_PrefixKept(string input, string expected) =>
        Assert.Equal(expected, SensitiveText.Mask(input));

    // ── Mobile numbers split by hyphens, spaces or dots ───────────────────────────────────────────

    [Theory]
    [InlineData("138-1234-5678")]
    [InlineData("138 1234 5678")]
    [InlineData("138.1234.5678")]
    [InlineData("138 - 1234 - 5678")]
    [InlineData("138-12345678")]
    [InlineData("1381234-5678")]
    [InlineData("138\u20131234\u20135678")] // en dash
    public void MobileSplitByHyphensSpacesOrDots_IsMaskedWithoutSeparators(string input) =>
        Assert.Equal("联系电话：138****5678。", SensitiveText.Mask($"联系电话：{input}。"));

    // ── Full-width digits, X, hyphens and spaces; mixed widths ───────────────────────────────────

    [Theory]
    [InlineData("１３８１２３４５６７８", "138****5678")]
    [InlineData("１３８1234５６７８", "138****5678")]
    [InlineData("１３８－１２３４－５６７８", "138****5678")]
    [InlineData("１３８\u3000１２３４\u3000５６７８", "138****5678")]
    [InlineData("＋８６ １３８ １２３４ ５６７８", "＋８６ 138****5678")]
    [InlineData("４１０８０２１９９００３０７１２３４", "410802********1234")]
    [InlineData("4108０２19900３０７1234", "410802********1234")]
    [InlineData("４１０８０２１９９００３０７１２３Ｘ", "410802********123X")]
    [InlineData("４１０８０２１９９００３０７１２３ｘ", "410802********123x")]
    [InlineData("４１０８０２－１９９００３０７－１２３Ｘ", "410802********123X")]
    [InlineData("４１０８０２\u3000１９９００３０７\u3000１２３４", "410802********1234")]
    public void FullWidthAndMixedWidthNumbers_AreMaskedInHalfWidth(string input, string expected) =>
        Assert.Equal($"身份信息：{expected}。", SensitiveText.Mask($"身份信息：{input}。"));

    // ── Identity numbers split by spaces or hyphens, lowercase x ─────────────────────────────────

    [Theory]
    [InlineData("410802 19900307 1234", "410802********1234")]
    [InlineData("410802-19900307-123X", "410802********123X")]
    [InlineData("410802-19900307-123x", "410802********123x")]
    [InlineData("410802-1990-0307-1234", "410802********1234")]
    [InlineData("410802 1990 0307 123X", "410802********123X")]
    [InlineData("41080219900307123x", "410802********123x")]
    [InlineData("41080219900307123×", "410802********123×")] // OCR's multiplication sign for X, as before
    [InlineData("4108-0219-9003-0712-34", "410802********1234")] // odd split, but a real area code and birth date
    [InlineData("410802.19900307.1234", "410802********1234")]
    public void IdSplitBySpacesOrHyphens_OrWithLowercaseX_IsMasked(string input, string expected) =>
        Assert.Equal($"身份证号 {expected} 男", SensitiveText.Mask($"身份证号 {input} 男"));

    // ── Numbers glued to text, in file names, JSON and URLs ──────────────────────────────────────

    [Theory]
    [InlineData("电话13812345678联系", "电话138****5678联系")]
    [InlineData("身份证号:410802199003071234。", "身份证号:410802********1234。")]
    [InlineData("张三410802199003071234男13812345678", "张三410802********1234男138****5678")]
    [InlineData("张三_410802199003071234_身份证.pdf", "张三_410802********1234_身份证.pdf")]
    [InlineData("roster-13812345678.xlsx", "roster-138****5678.xlsx")]
    [InlineData("Tel13812345678", "Tel138****5678")]
    [InlineData("ID410802199003071234", "ID410802********1234")]
    [InlineData("mobile13812345678ext", "mobile138****5678ext")]
    [InlineData("41080219900307123XZhang", "410802********123XZhang")]
    [InlineData("2026-12-04 13812345678", "2026-12-04 138****5678")]
    [InlineData("410802199003071234 13812345678", "410802********1234 138****5678")]
    [InlineData("1 410802199003071234", "1 410802********1234")]
    public void NumbersGluedToTextOrInFileNames_AreMasked(string input, string expected) =>
        Assert.Equal(expected, SensitiveText.Mask(input));

    [Fact]
    public void NumbersInJson_AreMasked() => Assert.Equal(
        """{"name":"张三","idNumber":"410802********1234","mobile":138****5678,"tel":"+86 138****5678","file":"张三_410802********123X.pdf"}""",
        SensitiveText.Mask("""{"name":"张三","idNumber":"410802199003071234","mobile":13812345678,"tel":"+86 138-1234-5678","file":"张三_41080219900307123X.pdf"}"""));

    [Theory]
    [InlineData("https://hrss.example.gov.cn/api/trainees?id=410802199003071234&tel=13812345678#top",
        "https://hrss.example.gov.cn/api/trainees?id=410802********1234&tel=138****5678#top")]
    [InlineData("/data/rosters/410802199003071234/13812345678.pdf", "/data/rosters/410802********1234/138****5678.pdf")]
    [InlineData("?tel=%2B8613812345678&x=1", "?tel=%2B86138****5678&x=1")]
    [InlineData("?q=%E7%94%B5%E8%AF%9D13812345678", "?q=%E7%94%B5%E8%AF%9D138****5678")] // 电话 percent-encoded
    [InlineData("?q=%E5%BC%A0%E4%B8%89410802199003071234", "?q=%E5%BC%A0%E4%B8%89410802********1234")] // 张三: escape ends in digits
    [InlineData(@"{""note"":""\u53F713812345678""}", @"{""note"":""\u53F7138****5678""}")] // 号 escaped in JSON
    [InlineData(@"\u7535\u8BDD13812345678", @"\u7535\u8BDD138****5678")]
    public void NumbersInUrlsAndEscapedText_AreMasked(string input, string expected) =>
        Assert.Equal(expected, SensitiveText.Mask(input));

    [Fact]
    public void PercentSignBeforeAMobile_IsNotTakenForAnEscape() =>
        Assert.Equal("增长50%138****5678", SensitiveText.Mask("增长50%13812345678"));

    // ── Things that are not identity or mobile numbers stay untouched ────────────────────────────

    [Theory]
    [InlineData("2026-12-04")]
    [InlineData("2026年12月4日")]
    [InlineData("2026/12/04 至 2027/01/15")]
    [InlineData("20261204")]
    [InlineData("12,345.00")]
    [InlineData("合计 1,234,567,890.00 元")]
    [InlineData("补贴 12345678.00 元")]
    [InlineData("验证码 482913")]
    [InlineData("第 12 页 / 共 30 页")]
    [InlineData("- 12 -")]
    [InlineData("R-JZ-3")]
    [InlineData("2026-12-04T10:20:30.1234567+08:00")]
    [InlineData("2026-12-04T02:20:30Z")]
    [InlineData("2026-12-04 10:20:30")]
    [InlineData("0391-2345678")] // landline
    [InlineData("0391-12345678")]
    [InlineData("192.168.100.123")]
    [InlineData("版本 10.0.401")]
    [InlineData("1381234567")] // 10 digits
    [InlineData("138123456789")] // 12 digits
    [InlineData("23812345678")] // 11 digits, not starting with 1
    [InlineData("scan-2026-12-04-102030-1234.pdf")] // 18 digits split by hyphens, but no area code or birth date
    [InlineData("1234-5678-9012-3456-78")]
    [InlineData("INV2026120413812345678A")] // digits inside a longer alphanumeric code
    [InlineData("9141080012345678XY")]
    public void DatesAmountsCodesAndPageNumbers_AreUntouched(string text) =>
        Assert.Equal(text, SensitiveText.Mask(text));

    [Theory]
    [InlineData("3f5a9c13812345678e0b410802199003071234d72d711642b726b04401627ca9")]
    [InlineData("4108021990030712349fa1fce4363854ff888cff4b8e7875d600c13812345678")]
    [InlineData("3f5a12345678901234567890ab594e519ae499312b29433b7dd8a97ff068defc")]
    [InlineData("3F5A9C13812345678E0B410802199003071234D72D711642B726B04401627CA9")]
    public void Sha256HexStrings_AreUntouched(string sha256)
    {
        Assert.Equal(sha256, SensitiveText.Mask(sha256));
        var line = $"原件 data/originals/{sha256[..2]}/{sha256}.pdf，sha256:{sha256}";
        Assert.Equal(line, SensitiveText.Mask(line));
    }

    [Theory]
    [InlineData("3f2504e0-4f89-11d3-9a0c-0305e82c3301")]
    [InlineData("12345678-1234-1234-1234-123456789012")]
    [InlineData("3f2504e0-4f89-11d3-9a0c-13812345678a")]
    [InlineData("{3F2504E0-4F89-11D3-9A0C-0305E82C3301}")]
    [InlineData("3f2504e04f8911d39a0c13812345678a")] // without hyphens
    public void Guids_AreUntouched(string guid)
    {
        Assert.Equal(guid, SensitiveText.Mask(guid));
        Assert.Equal($"instance {guid}: incident", SensitiveText.Mask($"instance {guid}: incident"));
    }

    [Theory]
    [InlineData("91410800MA9XXXXX1Y")]
    [InlineData("91350100M000100Y43")]
    [InlineData("91410800173534561Y")] // all digits but the check character, which is a letter
    [InlineData("914108001735345622")] // all digits, valid GB 32100 check character, 91 is no province
    [InlineData("91410800173534522X")]
    public void UnifiedSocialCreditCodes_AreUntouched(string code)
    {
        Assert.Equal(code, SensitiveText.Mask(code));
        Assert.Equal($"统一社会信用代码：{code}。", SensitiveText.Mask($"统一社会信用代码：{code}。"));
    }

    [Fact]
    public void IdShapedNumberFailingTheCreditCodeCheck_IsStillMasked() =>
        Assert.Equal("914108********5623", SensitiveText.Mask("914108001735345623"));

    // ── Whole lines ───────────────────────────────────────────────────────────────────────────────

    [Fact]
    public void RosterLine_MasksEveryNumber_AndKeepsTheRest() => Assert.Equal(
        "3 王五 男 410802********123X 138****5678 2026-12-04 12,345.00 第 2 页",
        SensitiveText.Mask("3 王五 男 410802 19900307 123X １３８－１２３４－5678 2026-12-04 12,345.00 第 2 页"));

    [Fact]
    public void MaskedText_IsAFixedPoint()
    {
        var once = SensitiveText.Mask("张三_410802199003071234 +86 138-1234-5678 ４１０８０２１９９００３０７１２３Ｘ 电话13812345678");
        Assert.Equal("张三_410802********1234 +86 138****5678 410802********123X 电话138****5678", once);
        Assert.Equal(once, SensitiveText.Mask(once));
    }
}
