using Pipeline.Activities.Procurement.Tenders;
using Pipeline.Activities.Profiles;

namespace Pipeline.Activities.Tests.Procurement;

/// <summary>tender.check (招标公告核验): which rule applies is profile data (YN R-YN-2, QJ R-QJ-3, WS R-WS-1).</summary>
public class TenderCheckTests
{
    private static readonly ProfileCatalog Profiles = ProfileCatalog.LoadEmbedded();
    private static readonly DateOnly Published = new(2027, 1, 10);

    /// <summary>A notice that passes in Yunnan and Qujing: open tender, occupations named, two lots, filed prefecture then province.</summary>
    public static TenderNotice Good() => new()
    {
        Title = "麒麟区2027年职业技能培训项目招标公告",
        Occupations = ["中式烹调师", "育婴员"],
        Headcount = 150,
        Lots = [new TenderLot("第一标段", ["中式烹调师"], 90, 2, "麒麟区"), new TenderLot("第二标段", ["育婴员"], 60, 1, "麒麟区")],
        Method = TenderMethods.Open,
        Filings = [new TenderFiling("prefecture", new DateOnly(2027, 1, 3), "曲人社备〔2027〕1号"), new TenderFiling("province", new DateOnly(2027, 1, 6), "云人社备〔2027〕5号")],
        PublishedOn = Published,
    };

    private static IReadOnlyList<string> Errors(TenderNotice notice, string profile, int? planned = 150) =>
        TenderCheck.Check(notice, planned, Profiles.Get(profile)).Findings.Select(f => f.Rule + " " + f.Message).ToList();

    [Fact]
    public void TenderNotice_NamingOccupations_FiledWithPrefectureThenProvince_OpenToAll_IsAccepted_R_YN_2()
    {
        var result = TenderCheck.Check(Good(), 150, Profiles.Get("qujing"));
        Assert.True(result.Admissible, string.Join("; ", result.Findings.Select(f => f.Message)));
        Assert.Equal(["第一标段", "第二标段"], result.Lots.Select(l => l.Name));
        Assert.Equal(3, result.Lots.Sum(l => l.Winners));
    }

    [Fact]
    public void TenderNotice_WithoutOccupations_NotFiled_OrShortlistOnly_IsRefused_R_YN_2()
    {
        var unnamed = Good() with { Occupations = [], Lots = [] };
        Assert.Contains("R-YN-2 招标公告「麒麟区2027年职业技能培训项目招标公告」未明确职业（工种）（R-YN-2）", Errors(unnamed, "yunnan", null));

        var unfiled = Good() with { Filings = [new TenderFiling("prefecture", new DateOnly(2027, 1, 3))] };
        Assert.Equal(["R-YN-2 招标公告未报省级备案审核，不得发布（R-YN-2）"], Errors(unfiled, "yunnan"));

        var late = Good() with { Filings = [new TenderFiling("prefecture", new DateOnly(2027, 1, 3)), new TenderFiling("province", new DateOnly(2027, 1, 12))] };
        Assert.Equal(["R-YN-2 招标公告须经省级备案审核后方可发布：省级备案 2027-01-12 晚于发布日期 2027-01-10（R-YN-2）"], Errors(late, "yunnan"));

        var skipped = Good() with { Filings = [new TenderFiling("prefecture", new DateOnly(2027, 1, 8)), new TenderFiling("province", new DateOnly(2027, 1, 6))] };
        Assert.Contains("须逐级备案", Assert.Single(Errors(skipped, "yunnan")));

        Assert.Equal(["R-YN-2 招标公告禁止只招入围机构（R-YN-2）"], Errors(Good() with { ShortlistOnly = true }, "yunnan"));
        // Wenshui's regulation says nothing of filing or short lists.
        Assert.DoesNotContain(Errors(Good() with { ShortlistOnly = true, Filings = [], Lots = [new TenderLot("全部", ["中式烹调师"], 150, 6)] }, "wenshui"), e => e.StartsWith("R-YN"));
    }

    [Fact]
    public void TenderMethod_OtherThanOpen_WithoutTheCitysPriorConsent_IsRefused_R_QJ_3()
    {
        var negotiated = Good() with { Method = TenderMethods.CompetitiveNegotiation };
        Assert.Equal(["R-QJ-3 采用竞争性谈判须事先报请市劳动就业管理服务中心同意，未记录同意（R-QJ-3）"], Errors(negotiated, "qujing"));

        var afterwards = Good() with { Method = TenderMethods.Invited, Consent = new TenderConsent("曲靖市劳动就业管理服务中心", new DateOnly(2027, 1, 15)) };
        Assert.Equal(["R-QJ-3 采用邀请招标须事先同意：同意日期 2027-01-15 晚于公告发布日期 2027-01-10（R-QJ-3）"], Errors(afterwards, "qujing"));

        // Yunnan alone asks no consent of the city.
        Assert.Empty(Errors(negotiated, "yunnan"));
    }

    [Fact]
    public void TenderMethod_OtherThanOpen_WithTheCitysPriorConsent_IsAccepted_R_QJ_3()
    {
        var consented = Good() with { Method = TenderMethods.Invited, Consent = new TenderConsent("曲靖市劳动就业管理服务中心 张主任", new DateOnly(2027, 1, 2), "曲就业〔2027〕3号") };
        Assert.Empty(Errors(consented, "qujing"));
    }

    [Fact]
    public void TenderObject_IsThePlannedHeadcount_R_QJ_3()
    {
        Assert.Equal(["R-QJ-3 招标标的 150 人与批准的培训计划人数 160 人不一致（R-QJ-3）"], Errors(Good(), "qujing", 160));
        Assert.Equal(["R-QJ-3 招标公告未写明标的（培训计划人数）（R-QJ-3）"], Errors(Good() with { Headcount = 0, Lots = [] }, "qujing", null));
        Assert.StartsWith("各标段人数之和 150 人与招标标的 160 人不一致",
            Assert.Throws<ArgumentException>(() => TenderCheck.Check(Good() with { Headcount = 160 }, 160, Profiles.Get("qujing"))).Message);
    }

    [Fact]
    public void WenshuiTender_IsOpen_AndSelectsSixInstitutions_R_WS_1()
    {
        var ws = Good() with { Lots = [], Filings = [] };
        var result = TenderCheck.Check(ws, null, Profiles.Get("wenshui"));
        Assert.True(result.Admissible);
        Assert.Equal(6, Assert.Single(result.Lots).Winners);

        Assert.Equal(["R-WS-1 采购方式为竞争性谈判，规定为公开招标（R-WS-1）"], Errors(ws with { Method = TenderMethods.CompetitiveNegotiation }, "wenshui"));
        Assert.Equal(["R-WS-1 中标培训机构共 4 所，规定为 6 所（R-WS-1）"],
            Errors(ws with { Lots = [new TenderLot("第一标段", ["中式烹调师"], 90, 2), new TenderLot("第二标段", ["育婴员"], 60, 2)] }, "wenshui"));
    }

    [Fact]
    public void TenderCheck_RefusesAMalformedNotice_InChineseFirst()
    {
        var qj = Profiles.Get("qujing");
        Assert.StartsWith("采购方式「auction」不可识别", Assert.Throws<ArgumentException>(() => TenderCheck.Check(Good() with { Method = "auction" }, null, qj)).Message);
        Assert.StartsWith("招标公告须有标题", Assert.Throws<ArgumentException>(() => TenderCheck.Check(Good() with { Title = "" }, null, qj)).Message);
        Assert.StartsWith("标段「第一标段」重复", Assert.Throws<ArgumentException>(() => TenderCheck.Check(Good() with
        {
            Lots = [new TenderLot("第一标段", ["中式烹调师"], 90), new TenderLot("第一标段", ["育婴员"], 60)],
        }, null, qj)).Message);
        Assert.Contains("入围家数须至少为 1", Assert.Throws<ArgumentException>(() => TenderCheck.Check(Good() with
        {
            Lots = [new TenderLot("第一标段", ["中式烹调师"], 150, 0)],
        }, null, qj)).Message);
    }
}
