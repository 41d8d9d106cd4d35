using Pipeline.Activities.Rosters;

namespace Pipeline.Activities.Tests.Rosters;

public class IdNumberTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 21);

    [Theory]
    [InlineData("11010519491231002X")] // GB 11643 standard example
    [InlineData("410802199003071239")]
    public void ValidNumbers_PassFormatDateAndChecksum(string id) =>
        Assert.Equal(IdNumberProblem.None, IdNumber.Validate(id, AsOf));

    [Fact]
    public void LowercaseX_IsAccepted() =>
        Assert.Equal(IdNumberProblem.None, IdNumber.Validate("11010519491231002x", AsOf));

    [Theory]
    [InlineData("110105194912310021", IdNumberProblem.Checksum)]
    [InlineData("410802199002301234", IdNumberProblem.BirthDate)] // 30 February
    [InlineData("410802203001011234", IdNumberProblem.BirthDate)] // born in the future
    [InlineData("990802199003071234", IdNumberProblem.AreaCode)]
    [InlineData("41080219900307123", IdNumberProblem.Format)]
    [InlineData("4108021990030712A4", IdNumberProblem.Format)]
    public void InvalidNumbers_ReportTheirProblem(string id, IdNumberProblem expected) =>
        Assert.Equal(expected, IdNumber.Validate(id, AsOf));

    [Fact]
    public void CheckCharacter_FollowsIso7064Mod11_2()
    {
        Assert.Equal('X', IdNumber.CheckCharacter("11010519491231002"));
        Assert.Equal('4', IdNumber.CheckCharacter("44052418800101001"));
    }

    [Fact]
    public void Underage_FailsWorkingAge_R_JZ_1()
    {
        var id = WithCheck("41080220120615123"); // 14 years old on 2026-11-21
        Assert.Equal(IdNumberProblem.None, IdNumber.Validate(id, AsOf));
        Assert.Equal(IdNumberProblem.WorkingAge, IdNumber.Validate(id, AsOf, (16, 60)));
    }

    [Fact]
    public void Sixteenth_Birthday_IsWithinWorkingAge()
    {
        var id = WithCheck("41080220101121123");
        Assert.Equal(IdNumberProblem.None, IdNumber.Validate(id, AsOf, (16, 60)));
        Assert.Equal(IdNumberProblem.WorkingAge, IdNumber.Validate(id, AsOf.AddDays(-1), (16, 60)));
    }

    [Fact]
    public void Mask_KeepsAreaAndLastFour() =>
        Assert.Equal("110105********002X", IdNumber.Mask("11010519491231002X"));

    [Fact]
    public void SensitiveText_MasksIdsAndPhonesInFreeText()
    {
        var masked = SensitiveText.Mask("张伟 410802199003071239 电话13812345678。");
        Assert.Equal("张伟 410802********1239 电话138****5678。", masked);
    }

    internal static string WithCheck(string first17) => first17 + IdNumber.CheckCharacter(first17);
}
