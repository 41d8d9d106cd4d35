using Pipeline.Activities.Rosters;

namespace Pipeline.Activities.Tests.Rosters;

public class RosterExtractorTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 21);

    [Fact]
    public void ReadsNamesAndIds_FromOcrTableRows()
    {
        const string page = """
            序号|姓名|性别 身份类别            身份证号码             联系电话
            1 |张伟|男 “|农村转移就业劳动者|410802199003071239 |13812345678
            2 |李娜女 |城镇登记失业人员 |11010519491231002X |13912345678
            3 | 王 芳 | 女 | 城镇登记失业人员 | 4108 0219 8507 1512 2X | 15012345678
            """;
        var roster = RosterExtractor.Extract([(2, page)], AsOf, (16, 60));
        Assert.Equal(["张伟", "李娜"], roster.Take(2).Select(r => r.Name));
        Assert.All(roster, r => Assert.Equal(2, r.Page));
        Assert.Equal(3, roster.Count);
        Assert.Equal(IdNumberProblem.None, roster[0].Problem);
        Assert.Equal(IdNumberProblem.WorkingAge, roster[1].Problem); // born 1949: 76 years old
    }

    [Fact]
    public void SameIdOnTwoPages_IsOneTrainee()
    {
        var roster = RosterExtractor.Extract([(1, "1 张伟 410802199003071239"), (2, "1 张伟 410802199003071239")], AsOf, null);
        Assert.Single(roster);
    }

    [Fact]
    public void OcrTimesSign_IsReadAsX()
    {
        var roster = RosterExtractor.Extract([(1, "1 李娜 11010519491231002×")], AsOf, null);
        Assert.Equal("11010519491231002X", roster.Single().IdNumber);
        Assert.True(roster.Single().IdValid);
    }
}
