using Pipeline.Activities.Classification;

namespace Pipeline.Activities.Tests.Classification;

public class FuzzyMatchTests
{
    [Theory]
    [InlineData("附件4就业技能培训学员备案花名册", "花名册", 0, 0)]
    [InlineData("附件4就业技能培训学员备案花名珊", "学员备案花名册", 1, 1)]
    [InlineData("就业技能培训教学计戈表", "教学计划表", 1, 1)]
    public void FindsPhrase_WithinTolerance(string text, string pattern, int maxErrors, int expected) =>
        Assert.Equal(expected, FuzzyMatch.BestDistance(text, pattern, maxErrors));

    [Fact]
    public void BeyondTolerance_IsNoMatch() =>
        Assert.Null(FuzzyMatch.BestDistance("就业岗位信息统计表", "花名册", 1));
}
