using Pipeline.Activities.Classification;

namespace Pipeline.Activities.Tests.Classification;

public class SectionClassifierTests
{
    private readonly SectionClassifier _classifier = SectionClassifier.Default;

    [Theory]
    [InlineData("附件2\n就业技能培训开班申请\n培训机构全称 (公章)\n培训专业 中式烹调师\n培训人数 30 人", SectionIds.ClassOpeningApplication)]
    [InlineData("开班申请表\n培训工种 电工  开班日期 2026年12月1日  结业考试时间", SectionIds.ClassOpeningApplication)]
    [InlineData("培训计划审批表\n培训类别 就业技能培训 培训地点 培训人数 起止时间 课时", SectionIds.ClassOpeningApplication)]
    [InlineData("附件3\n就业技能培训教学计划\n序号 日期 课程内容 学时 授课教师 培训地点", SectionIds.TeachingPlan)]
    [InlineData("附件4\n培训学员备案花名册\n序号 姓名 性别 身份类别 身份证号码 联系电话", SectionIds.TraineeRoster)]
    [InlineData("学员名单\n序号 姓名 性别 身份证号 联系电话", SectionIds.TraineeRoster)]
    [InlineData("附件5\n就业岗位信息统计表\n序号 招聘单位 岗位 招聘人数 待遇 联系人 联系方式", SectionIds.JobVacancyList)]
    [InlineData("就业技能培训补贴申请表\n申请单位 开户银行 银行账号 申请补贴金额(大写)", SectionIds.SubsidyApplicationForm)]
    [InlineData("就业技能培训补贴明细表\n序号 姓名 身份证号码 培训天数 补贴标准(元) 补贴金额(元)", SectionIds.SubsidyDetailList)]
    [InlineData("就业技能培训巡查记录表\n检查时间 应到人数 实到人数 检查人员签字", SectionIds.InspectionRecord)]
    [InlineData("就业技能培训补贴委托申请协议\n甲方：焦作市某某职业培训学校 乙方：学员 委托甲方代为申请", SectionIds.EntrustmentAgreement)]
    [InlineData("学员身份证明材料\n姓名 张伟 性别 男 民族 汉 出生 1990年3月7日 住址 焦作市 公民身份号码", SectionIds.IdentityProof)]
    [InlineData("培训合格证书\n证书编号 2026410800123 考核合格 特发此证 发证机关", SectionIds.Certificate)]
    [InlineData("学校学员就业技能培训登记表\n个人基本信息 姓名 性别 年龄 培训意愿 就业意向 专业需求", SectionIds.TrainingIntentionForm)]
    [InlineData("就业技能培训申请材料\n(2026年第 3 期)\n培训机构名称(加盖单位公章)\n联系人: 联系电话: 电子邮箱:", SectionIds.Cover)]
    public void Classifies_FormHeadingsAndLabels(string text, string expected) =>
        Assert.Equal(expected, _classifier.Classify(text, null).Section);

    [Fact]
    public void TableOfContents_NamingEverySection_IsNotMistakenForThem()
    {
        const string toc = """
            材料目录
            一、就业技能培训补贴申请表 ........ 3
            二、就业技能培训补贴明细表 ........ 4
            三、就业技能培训开班申请 .......... 6
            四、就业技能培训教学计划 .......... 7
            五、就业技能培训学员备案花名册 .... 8
            六、就业技能培训补贴委托申请协议 .. 10
            """;
        Assert.Equal(SectionIds.TableOfContents, _classifier.Classify(toc, SectionIds.Cover).Section);
    }

    [Fact]
    public void OcrSlipInTitle_StillClassifies() =>
        Assert.Equal(SectionIds.TraineeRoster, _classifier.Classify("就业技能培训学员备案花名珊\n序号 姓名 性别 身份证号码", null).Section);

    [Fact]
    public void HeadinglessPage_ContinuesTheRosterBeforeIt()
    {
        const string continuation = "16 | 赵磊 | 男 | 410802199003071239 | 13812345678\n17 | 钱敏 | 女 | 11010519491231002X | 13912345678";
        var pages = _classifier.ClassifyPages(["附件4 学员花名册\n序号 姓名 性别 身份证号码 联系电话", continuation]);
        Assert.Equal(SectionIds.TraineeRoster, pages[1].Section);
        Assert.True(pages[1].Continuation);
    }

    [Fact]
    public void HeadinglessPage_AfterCover_IsOther() =>
        Assert.Equal(SectionIds.Other, _classifier.Classify("一些无法归类的文字内容", SectionIds.Cover).Section);

    [Fact]
    public void MoreSpecificHeading_Wins_SubsidyRosterIsTheDetailList()
    {
        const string page = """
            补贴人员花名册
            培训机构(盖章): 信阳市某职业技能培训学校 培训工种: 茶艺师 补贴标准: 1200 元/人
            序号 姓名 性别 身份证号码 人员类别 证书编号 金额 本人签字
            1 江旭晨 男 411524197706308195 农村转移劳动力 MX2026050001 1200
            2 林伟 男 411522199911268651 农村转移劳动力 MX2026050002 1200
            3 董敏彩 女 411502197710133465 农村转移劳动力 MX2026050003 1200
            合计 3600
            """;
        Assert.Equal(SectionIds.SubsidyDetailList, _classifier.Classify(page, SectionIds.TraineeRoster).Section);
    }

    [Fact]
    public void AgreementNamingOtherMaterials_IsNotATableOfContents()
    {
        const string page = """
            就业技能培训补贴委托申请协议
            甲方(委托人): 参加本期培训的学员  乙方(受托人): 某职业技能培训学校
            一、乙方如实提供甲方的身份证明、培训合格证书等申报材料，不得弄虚作假。
            二、学员花名册及签字见下表。
            第10页 共17页
            """;
        Assert.Equal(SectionIds.EntrustmentAgreement, _classifier.Classify(page, SectionIds.InspectionRecord).Section);
    }

    [Fact]
    public void ApplicationLetterToHoldAClass_IsTheClassOpeningApplication()
    {
        const string page = """
            关于举办保健按摩师就业技能培训班的申请
            周口市川汇区人力资源和社会保障局:
            我校拟于2026年12月14日至12月28日举办保健按摩师就业技能培训班，现将有关情况报告如下:
            一、培训对象。本期招收学员15人。二、培训安排。理论课地点、实操课地点。三、师资力量。
            四、考核与就业。合格者颁发培训合格证书。妥否，请批示。 人社部门审批意见:
            """;
        Assert.Equal(SectionIds.ClassOpeningApplication, _classifier.Classify(page, SectionIds.TrainingIntentionForm).Section);
    }
}
