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
        var roster = RosterExtractor.Extract([(2, page, true)], AsOf, (16, 60));
        Assert.Equal(["张伟", "李娜"], roster.Take(2).Select(r => r.Name));
        Assert.All(roster, r => Assert.Equal(2, r.Page));
        Assert.Equal(3, roster.Count);
        Assert.Equal(IdNumberProblem.None, roster[0].Problem);
        Assert.Equal(IdNumberProblem.WorkingAge, roster[1].Problem); // born 1949: 76 years old
    }

    [Fact]
    public void SameIdOnTwoPages_IsOneTrainee()
    {
        var roster = RosterExtractor.Extract([(1, "1 张伟 410802199003071239", true), (2, "1 张伟 410802199003071239", true)], AsOf, null);
        Assert.Single(roster);
    }

    [Fact]
    public void OcrTimesSign_IsReadAsX()
    {
        var roster = RosterExtractor.Extract([(1, "1 李娜 11010519491231002×", true)], AsOf, null);
        Assert.Equal("11010519491231002X", roster.Single().IdNumber);
        Assert.True(roster.Single().IdValid);
    }

    [Fact]
    public void OcrDoubledDigit_IsRepaired_WhenOnlyOneDeletionGivesAValidNumber()
    {
        var roster = RosterExtractor.Extract([(1, "25  许俊  男 |农村转移就业劳动者  4108111992092423335  13640222568", true)], AsOf, (16, 60));
        Assert.Equal(("许俊", "410811199209242335", true), (roster.Single().Name, roster.Single().IdNumber, roster.Single().IdValid));
    }

    [Fact]
    public void OcrDroppedDigit_IsIllegible_NotInvalid()
    {
        var entry = RosterExtractor.Extract([(4, "26 | 田英倩 女生 | 40802200802052443  18091058378", true)], AsOf, (16, 60)).Single();
        Assert.Equal(IdNumberProblem.Illegible, entry.Problem);
        Assert.False(entry.IdInvalid);
    }

    [Fact]
    public void WrongLengthOnATextLayer_IsAFormatError()
    {
        var entry = RosterExtractor.Extract([(1, "3 王五 男 41080219900307123", false)], AsOf, null).Single();
        Assert.Equal(IdNumberProblem.Format, entry.Problem);
        Assert.True(entry.IdInvalid);
    }

    [Fact]
    public void IdAndPhoneRunTogether_AreSplit()
    {
        var entry = RosterExtractor.Extract([(1, "3 王五 男 410802199003071239 13812345678", true)], AsOf, null).Single();
        Assert.Equal("410802199003071239", entry.IdNumber);
    }

    [Fact]
    public void NameAfterTheIdNumber_IsFound()
    {
        var entry = RosterExtractor.Extract([(1, "3  410802199003071239  王五  男  13812345678", true)], AsOf, null).Single();
        Assert.Equal("王五", entry.Name);
    }
}
