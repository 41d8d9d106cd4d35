using Pipeline.Activities.Rosters;

namespace Pipeline.Activities.Tests.Rosters;

public class VacancyCounterTests
{
    [Fact]
    public void TotalRow_Wins()
    {
        const string page = """
            就业岗位信息统计表
            序号 招聘单位 岗位 招聘人数 待遇 联系人 联系方式
            1 焦作市某某餐饮有限公司 厨师 20人 3500-5000元 王经理 13812345678
            合计 95
            """;
        Assert.Equal(95, VacancyCounter.Count([page]));
    }

    [Fact]
    public void WithoutTotal_RowsAreSummed_IgnoringIndexWagesAndPhones()
    {
        const string page = """
            序号 | 招聘单位 | 岗位 | 招聘人数 | 待遇 | 联系人 | 联系方式
            1 | 焦作市某某餐饮有限公司 | 厨师 | 20 | 3500-5000元 | 王经理 | 13812345678
            2 | 焦作市某某酒店 | 面点师 | 15人 | 4000元/月 | 李女士 | 0391-1234567
            """;
        Assert.Equal(35, VacancyCounter.Count([page]));
    }

    [Fact]
    public void NoHeaderNoTotal_IsUnknown() => Assert.Null(VacancyCounter.Count(["岗位 若干"]));

    [Fact]
    public void TotalOnTheLineBelowItsLabel_IsRead_AndNotesAfterTheTableAreIgnored()
    {
        const string page = """
            推荐就业岗位一览表
            (保健按摩师培训班，参训 15 人，按不低于1:3 的比例提供就业岗位)
            序号  招聘单位  招聘岗位 | 招聘人数 |月薪 (元)  联系人  联系方式
            1 |周口市川汇区颐康养生馆
            保健按摩师  8  3500-5000
            合计

            52
            岗位比例: 52:15=3.5:1
            2026年11月30日
            """;
        Assert.Equal(52, VacancyCounter.Count([page]));
    }
}
