using Pipeline.Activities.Organisations;
using Pipeline.Activities.Profiles;

namespace Pipeline.Activities.Tests.Organisations;

public sealed class UnifiedSocialCreditCodeTests
{
    [Theory]
    [InlineData("914403001922038216")]
    [InlineData("91110108551385082Q")]
    [InlineData(" 91410800ma4xdemp1e ")]
    public void Valid_codes_pass_GB_32100_and_come_back_in_upper_case(string code)
    {
        var normal = UnifiedSocialCreditCode.Normalise(code, out var error);
        Assert.Null(error);
        Assert.Equal(code.Trim().ToUpperInvariant(), normal);
    }

    [Theory]
    [InlineData("914403001922038217", "校验位")]
    [InlineData("91440300192203821", "18位")]
    [InlineData("9144030019220382I6", "不是")]
    [InlineData("91AB0300192203821X", "行政区划")]
    [InlineData("", "18位")]
    public void Invalid_codes_are_refused_with_the_reason(string code, string reason)
    {
        Assert.Null(UnifiedSocialCreditCode.Normalise(code, out var error));
        Assert.Contains(reason, error);
    }

    [Fact]
    public void The_check_character_completes_a_code()
    {
        Assert.Equal('6', UnifiedSocialCreditCode.CheckCharacter("91440300192203821"));
        Assert.Equal('E', UnifiedSocialCreditCode.CheckCharacter("91410800MA4XDEMP1"));
        Assert.Throws<ArgumentException>(() => UnifiedSocialCreditCode.CheckCharacter("91410800MA4XDEMPI"));
    }

    [Fact]
    public void A_province_covers_its_prefecture_but_not_the_reverse_nor_a_neighbour()
    {
        var profiles = ProfileCatalog.LoadEmbedded();
        Assert.Equal(["qujing", "yunnan"], profiles.Chain("qujing"));
        Assert.True(profiles.Covers("yunnan", "qujing"));
        Assert.True(profiles.Covers("qujing", "qujing"));
        Assert.False(profiles.Covers("qujing", "yunnan"));
        Assert.False(profiles.Covers("guilin", "qujing"));
        Assert.False(profiles.Covers("jiaozuo", null));
        Assert.False(profiles.Covers("jiaozuo", "atlantis"));
    }
}
