using Pipeline.Activities.Classification;
using Pipeline.Activities.Documents.Pages;
using Pipeline.Activities.Packs;
using Pipeline.Activities.Packs.Checks;
using Pipeline.Activities.Profiles;
using Pipeline.Activities.Tests.Rosters;

namespace Pipeline.Activities.Tests.Packs;

public class ChecklistTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 21);
    private static readonly JurisdictionProfile Jiaozuo = ProfileCatalog.LoadEmbedded().Get("jiaozuo");
    private static readonly PackChecklist ClassOpening = PackChecklist.LoadEmbedded("jz-class-opening");
    private static readonly PackChecklist SubsidyClaim = PackChecklist.LoadEmbedded("jz-subsidy-claim");
    private const string Filler = "本页内容清晰可读，包含足够多的汉字用于判断可读性，培训机构盖章签字日期。";

    private static ClassifiedPage Page(int number, string section, string text = Filler) =>
        new(new PageText(number, TextSource.Ocr, 88, text), section, true);

    private static string Rows(int count, int from = 0) => string.Join('\n', Enumerable.Range(from, count)
        .Select(i => $"{i + 1} 学员{(char)('甲' + i)} 男 {IdNumberTests.WithCheck($"41080219900101{i:000}")}"));

    [Fact]
    public void ClassOpening_AllFiveMaterials_IsComplete_R_JZ_3()
    {
        var report = PackChecker.Assess(
        [
            Page(1, SectionIds.ClassOpeningApplication), Page(2, SectionIds.TeachingPlan),
            Page(3, SectionIds.TraineeRoster, Rows(3)), Page(4, SectionIds.JobVacancyList, "招聘单位 招聘人数\n合计 9"),
            Page(5, SectionIds.IdentityProof),
        ], ClassOpening, Jiaozuo, AsOf);
        Assert.Equal(Verdicts.Complete, report.Verdict);
        Assert.Empty(report.Missing);
        Assert.Equal(3, report.Summary.Trainees);
        Assert.Equal(9, report.Summary.Vacancies);
    }

    [Fact]
    public void ClassOpening_WithoutVacancyList_IsIncomplete_AndCitesR_JZ_3()
    {
        var report = PackChecker.Assess(
        [
            Page(1, SectionIds.ClassOpeningApplication), Page(2, SectionIds.TeachingPlan),
            Page(3, SectionIds.TraineeRoster, Rows(2)), Page(4, SectionIds.IdentityProof),
        ], ClassOpening, Jiaozuo, AsOf);
        Assert.Equal(Verdicts.Incomplete, report.Verdict);
        Assert.Equal([SectionIds.JobVacancyList], report.Missing);
        var finding = Assert.Single(report.Findings, f => f.Severity == Severities.Error);
        Assert.Equal("R-JZ-3", finding.Rule);
        Assert.Contains("就业岗位信息统计表", finding.Message);
    }

    [Fact]
    public void ClassOpening_FewerThanThreeVacanciesPerTrainee_IsAnError_R_JZ_3()
    {
        var report = PackChecker.Assess(
        [
            Page(1, SectionIds.ClassOpeningApplication), Page(2, SectionIds.TeachingPlan),
            Page(3, SectionIds.TraineeRoster, Rows(4)), Page(4, SectionIds.JobVacancyList, "招聘单位 招聘人数\n合计 11"),
            Page(5, SectionIds.IdentityProof),
        ], ClassOpening, Jiaozuo, AsOf);
        var finding = Assert.Single(report.Findings);
        Assert.Equal(("R-JZ-3", 4), (finding.Rule, finding.Page));
        Assert.Contains("12", finding.Message);
    }

    [Fact]
    public void VacancyRatio_IsNotCheckedWhereTheProfileSetsNone()
    {
        var guilin = ProfileCatalog.LoadEmbedded().Get("guilin");
        var report = PackChecker.Assess(
        [
            Page(1, SectionIds.ClassOpeningApplication), Page(2, SectionIds.TeachingPlan),
            Page(3, SectionIds.TraineeRoster, Rows(4)), Page(4, SectionIds.JobVacancyList, "合计 1"), Page(5, SectionIds.IdentityProof),
        ], ClassOpening, guilin, AsOf);
        Assert.Equal(Verdicts.Complete, report.Verdict);
    }

    [Fact]
    public void InvalidIds_AreErrorsAtTheirPage_AndMasked()
    {
        var bad = "410802199001011230"; // wrong check digit
        var report = PackChecker.Assess(
        [
            Page(1, SectionIds.ClassOpeningApplication), Page(2, SectionIds.TeachingPlan),
            Page(3, SectionIds.TraineeRoster, Rows(2) + $"\n3 王五 男 {bad}"), Page(4, SectionIds.JobVacancyList, "合计 9"),
            Page(5, SectionIds.IdentityProof),
        ], ClassOpening, Jiaozuo, AsOf);
        Assert.Equal(Verdicts.Incomplete, report.Verdict);
        var finding = Assert.Single(report.Findings);
        Assert.Equal(3, finding.Page);
        Assert.Contains("410802********1230", finding.Message);
        Assert.DoesNotContain(bad, finding.Message);
        Assert.DoesNotContain(report.Pages, p => p.Text.Contains(bad));
        Assert.Equal(1, report.Summary.InvalidIds);
        Assert.Equal("checksum", report.Roster.Single(r => !r.IdValid).IdProblem);
    }

    [Fact]
    public void SubsidyClaim_SwappedSections_AreReportedOutOfOrder_R_JZ_8()
    {
        string[] order =
        [
            SectionIds.Cover, SectionIds.TableOfContents, SectionIds.SubsidyApplicationForm, SectionIds.SubsidyDetailList,
            SectionIds.TeachingPlan, SectionIds.ClassOpeningApplication, SectionIds.TraineeRoster,
            SectionIds.EntrustmentAgreement, SectionIds.IdentityProof, SectionIds.Certificate,
        ];
        var report = PackChecker.Assess(order.Select((s, i) => Page(i + 1, s, (s == SectionIds.TraineeRoster ? Rows(2) : Filler) + $"\n- {i + 1} -")).ToList(),
            SubsidyClaim, Jiaozuo, AsOf);
        Assert.Equal(Verdicts.Incomplete, report.Verdict);
        var finding = Assert.Single(report.Findings);
        Assert.Equal("R-JZ-8", finding.Rule);
        Assert.True(finding.Page is 5 or 6);
        Assert.Empty(report.Missing);
    }

    [Fact]
    public void SubsidyClaim_InOrder_WithoutOptionalInspectionRecord_IsComplete()
    {
        var sections = SubsidyClaim.Sections.Where(s => s.Required).Select(s => s.Id).ToList();
        var report = PackChecker.Assess(sections.Select((s, i) => Page(i + 1, s, s == SectionIds.TraineeRoster ? Rows(2) : Filler)).ToList(),
            SubsidyClaim, Jiaozuo, AsOf);
        Assert.Equal(Verdicts.Complete, report.Verdict);
        Assert.DoesNotContain(report.Findings, f => f.Severity == Severities.Error);
    }

    [Fact]
    public void MostlyBlankPages_MakeThePackUnreadable()
    {
        var blank = new ClassifiedPage(new PageText(2, TextSource.Ocr, 0, ""), SectionIds.Other, false);
        var black = new ClassifiedPage(new PageText(3, TextSource.Ocr, 0, "|"), SectionIds.Other, false);
        var report = PackChecker.Assess([Page(1, SectionIds.ClassOpeningApplication), blank, black], ClassOpening, Jiaozuo, AsOf);
        Assert.Equal(Verdicts.Unreadable, report.Verdict);
        Assert.Single(report.Findings);
    }

    [Theory]
    [InlineData("正文\n第 12 页", 12)]
    [InlineData("正文\n- 7 -", 7)]
    [InlineData("正文\n第3页 共16页", 3)]
    [InlineData("正文\n15\n", 15)]
    [InlineData("正文\n2026年11月25日", null)]
    public void PageNumber_IsReadFromTheFooter(string text, int? expected) => Assert.Equal(expected, PageNumbering.Read(text));

    [Fact]
    public void SubsidyClaim_WithoutPageNumbers_GetsAWarning_R_JZ_8()
    {
        var sections = SubsidyClaim.Sections.Where(s => s.Required).Select(s => s.Id).ToList();
        var unnumbered = PackChecker.Assess(sections.Select((s, i) => Page(i + 1, s, s == SectionIds.TraineeRoster ? Rows(2) : Filler)).ToList(),
            SubsidyClaim, Jiaozuo, AsOf);
        var warning = Assert.Single(unnumbered.Findings);
        Assert.Equal(("R-JZ-8", Severities.Warning), (warning.Rule, warning.Severity));
        Assert.Equal(Verdicts.Complete, unnumbered.Verdict);

        var numbered = PackChecker.Assess(sections.Select((s, i) => Page(i + 1, s, (s == SectionIds.TraineeRoster ? Rows(2) : Filler) + $"\n第 {i + 1} 页")).ToList(),
            SubsidyClaim, Jiaozuo, AsOf);
        Assert.Empty(numbered.Findings);
    }
}
