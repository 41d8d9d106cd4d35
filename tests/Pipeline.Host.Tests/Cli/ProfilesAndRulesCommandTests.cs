namespace Pipeline.Host.Tests.Cli;

/// <summary><c>pipeline profiles</c> and <c>pipeline rules</c>.</summary>
public class ProfilesAndRulesCommandTests
{
    [Fact]
    public async Task Rules_AccountsForEveryRule()
    {
        var (exit, stdout, _) = await CliRun.RunAsync("rules");
        Assert.Equal(0, exit);
        Assert.EndsWith("0 unaccounted for.", stdout.TrimEnd());
        Assert.Contains("R-WS-14", stdout);
        Assert.Contains("why:", stdout);
        Assert.Contains("tests: R_WS_14_PassRateBelow80_CutsHeadcountByShortfallTimesVerified", stdout);
    }

    [Fact]
    public async Task Rules_ForQujing_AreQujingsAndYunnans()
    {
        var (exit, stdout, _) = await CliRun.RunAsync("rules", "--profile", "qujing");
        Assert.Equal(0, exit);
        Assert.Contains("R-QJ-8", stdout);
        Assert.Contains("R-YN-9b", stdout);
        Assert.DoesNotContain("R-GL-", stdout);
        Assert.Equal(2, (await CliRun.RunAsync("rules", "--profile", "shanghai")).Exit);
    }

    [Fact]
    public async Task ProfilesShow_PrintsTheEffectiveRulesWithTheirSources()
    {
        var (exit, stdout, _) = await CliRun.RunAsync("profiles", "show", "qujing");
        Assert.Equal(0, exit);
        Assert.Contains("qujing 曲人社办〔2018〕18号", stdout);
        Assert.Matches(@"classOpening\.coSigners\s+2 persons\s+R-QJ-8\s+qujing", stdout);
        Assert.Matches(@"attendance\.minRate\s+80 percent\s+R-YN-9c\s+yunnan", stdout);
        Assert.Contains("checklists: class-opening → qj-class-opening, subsidy-claim → yn-subsidy-claim", stdout);
    }

    [Fact]
    public async Task ProfilesSet_FillsInASetting_ButNeverARegulationNumber()
    {
        var (exit, stdout, _) = await CliRun.RunAsync("profiles", "set", "yunnan", "subsidy.publicityDays", "7");
        Assert.Equal(0, exit);
        Assert.Contains("subsidy.publicityDays = 7 calendar-days (R-YN-12b)", stdout);
        var (_, shown, _) = await CliRun.RunAsync("profiles", "show", "qujing");
        Assert.Matches(@"subsidy\.publicityDays\s+7 calendar-days\s+R-YN-12b\s+yunnan, set by", shown);

        var (refused, _, stderr) = await CliRun.RunAsync("profiles", "set", "yunnan", "attendance.minRate", "70");
        Assert.Equal(2, refused);
        Assert.Contains("is not a setting", stderr);
        Assert.Equal(2, (await CliRun.RunAsync("profiles", "set", "yunnan", "subsidy.publicityDays", "seven")).Exit);
        Assert.Equal(2, (await CliRun.RunAsync("profiles", "set", "yunnan", "subsidy.publicityDays", "true")).Exit);
        Assert.Equal(2, (await CliRun.RunAsync("profiles", "set", "yunnan", "subsidy.publicityDays", "-3")).Exit);
    }
}
