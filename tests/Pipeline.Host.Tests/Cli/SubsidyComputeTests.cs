using System.Text.Json.Nodes;
using Pipeline.Activities.Rosters;

namespace Pipeline.Host.Tests.Cli;

/// <summary><c>pipeline subsidy compute FILE.json --profile NAME [--json]</c>.</summary>
public class SubsidyComputeTests
{
    private static string Id(int n)
    {
        var first17 = $"41080219900307{n:000}";
        return first17 + IdNumber.CheckCharacter(first17);
    }

    /// <summary>Wenshui order-based class: approved 50, 45 verified trainees of whom 36 passed, all employed, 10 days.</summary>
    private static string Settlement(string? rates = """{ "order-based": 100, "general": 60 }""", string mode = "order-based")
    {
        var trainees = Enumerable.Range(1, 45).Select(n =>
            $$"""{ "name": "学员{{n}}", "idNumber": "{{Id(n)}}", "targetGroup": "失业人员", "attendedHours": 96, "verified": true, "passed": {{(n > 9 ? "true" : "false")}}, "employed": true }""");
        var dailyRates = rates is null ? "" : $"\"dailyRates\": {rates},";
        return $$"""
            { "trainingMode": "{{mode}}", "approvedHeadcount": 50, "plannedHours": 120, "trainingDays": 10, {{dailyRates}}
              "trainees": [ {{string.Join(",\n", trainees)}} ],
              "videoGaps": [ { "date": "2026-05-20", "portion": "half-day" } ] }
            """;
    }

    private static string File(string json) => CliRun.TempFile("settlement.json", System.Text.Encoding.UTF8.GetBytes(json));

    private static async Task<string> AssertOneLineExit2(params string[] args)
    {
        var (exit, stdout, stderr) = await CliRun.RunAsync(["subsidy", "compute", .. args]);
        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("Exception", stderr);
        return line;
    }

    [Fact]
    public async Task Json_PrintsTheComputation_CamelCase_WithChineseReadable()
    {
        // Pass rate 36 ÷ 50 = 72 %: headcount 45 − 8 % × 45 = 41.4; days 10 − 0.5 = 9.5; 41.4 × 9.5 × 100 = 39,330.00
        var (exit, stdout, stderr) = await CliRun.RunAsync("subsidy", "compute", File(Settlement()), "--profile", "wenshui", "--json");
        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        var result = JsonNode.Parse(stdout)!.AsObject();
        Assert.Equal(["amount", "subsidisedHeadcount", "creditedDays", "dailyRate", "advance", "eligibleTrainees", "findings"], result.Select(p => p.Key));
        Assert.Equal(39_330.00m, result["amount"]!.GetValue<decimal>());
        Assert.Contains("\"amount\": 39330.00,", stdout);
        Assert.Equal(41.4m, result["subsidisedHeadcount"]!.GetValue<decimal>());
        Assert.Equal(9.5m, result["creditedDays"]!.GetValue<decimal>());
        Assert.Equal(100m, result["dailyRate"]!.GetValue<decimal>());
        Assert.Null(result["advance"]);
        Assert.Equal(45, result["eligibleTrainees"]!.AsArray().Count);
        var finding = result["findings"]!.AsArray()[0]!.AsObject();
        Assert.Equal(["rule", "message"], finding.Select(p => p.Key));
        Assert.Equal("R-WS-14", finding["rule"]!.GetValue<string>());
        Assert.Contains("培训合格率 72%", stdout); // not \uXXXX escapes
    }

    [Fact]
    public async Task Json_MasksEveryIdNumber()
    {
        var (exit, stdout, _) = await CliRun.RunAsync("subsidy", "compute", File(Settlement()), "--profile", "wenshui", "--json");
        Assert.Equal(0, exit);
        for (var n = 1; n <= 45; n++) Assert.DoesNotContain(Id(n), stdout);
        var first = JsonNode.Parse(stdout)!["eligibleTrainees"]![0]!;
        Assert.Equal("学员1", first["name"]!.GetValue<string>());
        Assert.Equal("410802********" + Id(1)[^4..], first["idNumber"]!.GetValue<string>());
    }

    [Fact]
    public async Task Table_ShowsAmountHeadcountDaysRateAdvanceAndFindings()
    {
        var (exit, stdout, _) = await CliRun.RunAsync("subsidy", "compute", File(Settlement()), "--profile", "wenshui");
        Assert.Equal(0, exit);
        Assert.Contains("39,330.00 yuan", stdout);
        Assert.Contains("41.4 persons", stdout);
        Assert.Contains("9.5 days", stdout);
        Assert.Contains("100.00 yuan per trainee per day", stdout);
        Assert.Contains("先行拨付  —", stdout);
        Assert.Contains("R-WS-14", stdout);
    }

    [Fact]
    public async Task ARateNotConfigured_IsComputedWithAFinding_Exit0()
    {
        var (exit, stdout, _) = await CliRun.RunAsync("subsidy", "compute", File(Settlement(rates: null)), "--profile", "wenshui", "--json");
        Assert.Equal(0, exit);
        var result = JsonNode.Parse(stdout)!;
        Assert.Null(result["amount"]);
        Assert.Contains(result["findings"]!.AsArray(), f => f!["rule"]!.GetValue<string>() == "R-WS-13" && f["message"]!.GetValue<string>().Contains("未配置"));
    }

    [Fact]
    public async Task ARateSetInTheProfileSettingsOfTheDataFolder_IsUsed()
    {
        Directory.CreateDirectory(CliRun.DataDir);
        var settings = Path.Combine(CliRun.DataDir, "profile-settings.json");
        System.IO.File.WriteAllText(settings, """{ "wenshui": { "subsidy.dailyRate.employer": { "value": 40, "by": "admin", "at": "2026-12-05T10:00:00+08:00" } } }""");
        try
        {
            // 41.4 × 9.5 × 40 = 15,732.00
            var (exit, stdout, _) = await CliRun.RunAsync("subsidy", "compute", File(Settlement(rates: null, mode: "employer")), "--profile", "wenshui", "--json");
            Assert.Equal(0, exit);
            Assert.Equal(15_732.00m, JsonNode.Parse(stdout)!["amount"]!.GetValue<decimal>());
        }
        finally
        {
            System.IO.File.Delete(settings);
        }
    }

    [Fact]
    public async Task AMalformedFile_Exits2_WithOneLineNamingTheField()
    {
        var line = await AssertOneLineExit2(File(Settlement().Replace("\"attendedHours\": 96", "\"attendedHours\": \"96\"")), "--profile", "wenshui");
        Assert.Contains("settlement.json: $.trainees[0].attendedHours：应为数字 ($.trainees[0].attendedHours: must be a number)", line);
    }

    [Fact]
    public async Task AFileThatIsNotJson_Exits2_WithOneLine() =>
        Assert.Contains("不是有效的 JSON", await AssertOneLineExit2(File("trainingMode: general"), "--profile", "wenshui"));

    [Fact]
    public async Task AMissingFile_Exits2_WithOneLine() =>
        Assert.Contains("找不到文件", await AssertOneLineExit2("/nonexistent/settlement.json", "--profile", "wenshui"));

    [Fact]
    public async Task AnUnknownProfile_Exits2_ListingTheKnownOnes() =>
        Assert.Contains("wenshui", await AssertOneLineExit2(File(Settlement()), "--profile", "atlantis"));

    [Fact]
    public async Task NoProfile_IsAUsageError() =>
        Assert.Contains("--profile", await AssertOneLineExit2(File(Settlement())));

    [Fact]
    public async Task AnUnexpectedArgument_IsAUsageError_AndAnIdNumberInItIsMasked()
    {
        var line = await AssertOneLineExit2(File(Settlement()), "--profile", "wenshui", Id(1));
        Assert.DoesNotContain(Id(1), line);
    }

    [Fact]
    public async Task TheVerbIsInTheUsage()
    {
        var (_, stdout, _) = await CliRun.RunAsync("--help");
        Assert.Contains("pipeline subsidy compute FILE.json --profile NAME [--json]", stdout);
    }
}
