using Pipeline.Activities.Classification;
using Pipeline.Activities.Documents.Pages;
using Pipeline.Activities.Packs;
using Pipeline.Activities.Packs.Checks;
using Pipeline.Activities.Profiles;
using Pipeline.Activities.Tests.Rosters;

namespace Pipeline.Activities.Tests.Packs;

/// <summary>Each jurisdiction's pack is checked against its own checklist, and a finding cites its own rule.</summary>
public class JurisdictionChecklistTests
{
    private static readonly ProfileCatalog Profiles = ProfileCatalog.LoadEmbedded();
    private static readonly DateOnly AsOf = new(2026, 11, 21);
    private const string Filler = "本页内容清晰可读，包含足够多的汉字用于判断可读性，培训机构盖章签字日期。";

    private static ClassifiedPage Page(int number, string section, string text = Filler) =>
        new(new PageText(number, TextSource.Ocr, 88, text), section, true);

    private static PackReport Check(string profile, string pack, params ClassifiedPage[] pages)
    {
        var jurisdiction = Profiles.Get(profile);
        return PackChecker.Assess(pages, PackChecklist.LoadEmbedded(jurisdiction.Checklists[pack]), jurisdiction, AsOf);
    }

    private static string Roster => string.Join('\n', Enumerable.Range(0, 3)
        .Select(i => $"{i + 1} 学员{(char)('甲' + i)} 男 {IdNumberTests.WithCheck($"41080219900101{i:000}")}"));

    [Fact]
    public void GuilinOpeningPack_WithoutJiaozuosVacancyList_IsComplete()
    {
        var report = Check("guilin", "class-opening",
            Page(1, SectionIds.ClassOpeningApplication), Page(2, SectionIds.TeachingPlan), Page(3, SectionIds.TraineeRoster, Roster));
        Assert.Equal(Verdicts.Complete, report.Verdict);
        Assert.DoesNotContain(report.Findings, f => f.Rule.StartsWith("R-JZ", StringComparison.Ordinal));
    }

    [Fact]
    public void R_GL_9b_GuilinClaimWithoutTheInspectionRecord_IsIncomplete()
    {
        var report = Check("guilin", "subsidy-claim",
            Page(1, SectionIds.SubsidyApplicationForm), Page(2, SectionIds.TraineeRoster, Roster),
            Page(3, SectionIds.IdentityProof), Page(4, SectionIds.Certificate));
        Assert.Equal(Verdicts.Incomplete, report.Verdict);
        var finding = Assert.Single(report.Findings);
        Assert.Equal("R-GL-9b", finding.Rule);
        Assert.Contains("现场督查情况表", finding.Message);
    }

    [Fact]
    public void R_YN_9b_YunnanClaimWithOneInspectionTable_IsIncomplete_TwoAreEnough()
    {
        ClassifiedPage[] Pages(int inspections) =>
        [
            Page(1, SectionIds.SubsidyApplicationForm), Page(2, SectionIds.TraineeRoster, Roster), Page(3, SectionIds.Certificate),
            .. Enumerable.Range(4, inspections).Select(n => Page(n, SectionIds.InspectionRecord)),
        ];
        var one = Check("qujing", "subsidy-claim", Pages(1));
        var finding = Assert.Single(one.Findings);
        Assert.Equal(("R-YN-9b", 4), (finding.Rule, finding.Page));
        Assert.Equal(Verdicts.Complete, Check("yunnan", "subsidy-claim", Pages(2)).Verdict);
    }

    [Fact]
    public void R_WS_16_WenshuiClaimWithoutEmploymentProofs_IsIncomplete()
    {
        var report = Check("wenshui", "subsidy-claim",
            Page(1, SectionIds.SubsidyApplicationForm, "1\n" + Filler), Page(2, SectionIds.ClassOpeningApplication, "2\n" + Filler),
            Page(3, SectionIds.TraineeRoster, "3\n" + Roster), Page(4, SectionIds.Certificate, "4\n" + Filler));
        Assert.Equal("R-WS-16", Assert.Single(report.Findings).Rule);
    }

    [Fact]
    public void R_WS_11_WenshuiArchiveWithoutTopRightPageNumbers_GetsAWarning_WithThemNone()
    {
        ClassifiedPage[] Pages(Func<int, string> header) =>
        [
            Page(1, SectionIds.SubsidyApplicationForm, header(1) + Filler), Page(2, SectionIds.ClassOpeningApplication, header(2) + Filler),
            Page(3, SectionIds.TraineeRoster, header(3) + Roster), Page(4, SectionIds.Certificate, header(4) + Filler),
            Page(5, SectionIds.EmploymentProof, header(5) + Filler),
        ];
        var numbered = Check("wenshui", "subsidy-claim", Pages(n => $"培训档案                     {n}\n"));
        Assert.Equal(Verdicts.Complete, numbered.Verdict);
        Assert.Empty(numbered.Findings);
        var bare = Check("wenshui", "subsidy-claim", Pages(_ => ""));
        var warning = Assert.Single(bare.Findings);
        Assert.Equal(("R-WS-11", Severities.Warning), (warning.Rule, warning.Severity));
        Assert.Contains("右上角", warning.Message);
    }

    [Fact]
    public void EveryShippedChecklist_NamesKnownSections_AndEveryProfileNamesShippedChecklists()
    {
        var ids = PackChecklist.EmbeddedIds();
        Assert.All(ids, id => PackChecklist.LoadEmbedded(id));
        foreach (var name in Profiles.Names)
            Assert.All(Profiles.Get(name).Checklists.Values, id => Assert.Contains(id, ids));
    }
}
