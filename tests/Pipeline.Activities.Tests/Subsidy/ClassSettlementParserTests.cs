using System.Text;
using Pipeline.Activities.Subsidy;
using static Pipeline.Activities.Tests.Subsidy.Classes;

namespace Pipeline.Activities.Tests.Subsidy;

/// <summary>The settlement file: the documented shape is read; anything else fails with one line naming the field.</summary>
public class ClassSettlementParserTests
{
    private static readonly string Valid = $$"""
        { "trainingMode": "order-based", "approvedHeadcount": 50, "plannedHours": 120, "trainingDays": 10,
          "dailyRates": { "order-based": 100, "general": 60 },
          "tendered": true, "approvedAmount": 80000,
          "trainees": [
            { "name": "张三", "idNumber": "{{Id(1)}}", "targetGroup": "失业人员", "attendedHours": 96, "verified": true, "passed": true, "employed": true },
            { "name": "李四", "idNumber": "{{Id(2)}}", "targetGroup": null, "attendedHours": 90.5, "verified": false, "passed": false, "employed": false } ],
          "videoGaps": [ { "date": "2026-05-20", "portion": "half-day" } ],
          "impersonations": [ { "idNumber": "{{Id(2)}}", "date": "2026-05-21" } ] }
        """;

    private const string Minimal = """
        { "trainingMode": "general", "approvedHeadcount": 1, "plannedHours": 8, "trainingDays": 1,
          "trainees": [ { "name": "王五", "idNumber": "410802199003070033", "attendedHours": 8, "verified": true, "passed": true, "employed": false } ] }
        """;

    [Fact]
    public void TheDocumentedShape_IsRead()
    {
        var s = ClassSettlementParser.Parse(Valid);
        Assert.Equal((TrainingModes.OrderBased, 50, 120m, 10m, true, (decimal?)80_000m), (s.TrainingMode, s.ApprovedHeadcount, s.PlannedHours, s.TrainingDays, s.Tendered, s.ApprovedAmount));
        Assert.Equal(60m, s.DailyRates[TrainingModes.General]);
        Assert.Equal(new SettlementTrainee("张三", Id(1), "失业人员", 96, true, true, true), s.Trainees[0]);
        Assert.Equal(new SettlementTrainee("李四", Id(2), null, 90.5m, false, false, false), s.Trainees[1]);
        Assert.Equal(new VideoGap(new DateOnly(2026, 5, 20), VideoGapPortions.HalfDay), Assert.Single(s.VideoGaps));
        Assert.Equal(new Impersonation(Id(2), new DateOnly(2026, 5, 21)), Assert.Single(s.Impersonations));
    }

    [Fact]
    public void OptionalFields_MayBeLeftOut()
    {
        var s = ClassSettlementParser.Parse(Minimal);
        Assert.Empty(s.DailyRates);
        Assert.False(s.Tendered);
        Assert.Null(s.ApprovedAmount);
        Assert.Null(s.Trainees[0].TargetGroup);
        Assert.Empty(s.VideoGaps);
        Assert.Empty(s.Impersonations);
    }

    [Theory]
    [InlineData("not json at all", "$", "JSON")]
    [InlineData("[1, 2]", "$", "must be an object")]
    [InlineData("""{ "approvedHeadcount": 1 }""", "$.trainingMode", "required field missing")]
    [InlineData("""{ "trainingMode": "weekly" }""", "$.trainingMode", "unknown training mode")]
    [InlineData("""{ "trainingMode": 3 }""", "$.trainingMode", "must be a string")]
    [InlineData("""{ "trainingMode": "general", "approvedHeadcount": "50" }""", "$.approvedHeadcount", "must be a number")]
    [InlineData("""{ "trainingMode": "general", "approvedHeadcount": 2.5 }""", "$.approvedHeadcount", "whole number")]
    [InlineData("""{ "trainingMode": "general", "approvedHeadcount": 0 }""", "$.approvedHeadcount", "at least 1")]
    [InlineData("""{ "trainingMode": "general", "approvedHeadcount": 1e40 }""", "$.approvedHeadcount", "must be a number")]
    [InlineData("""{ "trainingMode": "general", "approvedHeadcount": 1, "plannedHours": 0 }""", "$.plannedHours", "more than 0")]
    [InlineData("""{ "trainingMode": "general", "approvedHeadcount": 1, "plannedHours": 8, "trainingDays": -1 }""", "$.trainingDays", "must not be negative")]
    [InlineData("""{ "trainingMode": "general", "approvedHeadcount": 1, "plannedHours": 8, "trainingDays": 2000000000 }""", "$.trainingDays", "more than 1000000000")]
    [InlineData("""{ "trainingMode": "general", "approvedHeadcount": 1, "plannedHours": 8, "trainingDays": 1, "dailyRates": { "weekly": 5 } }""", "$.dailyRates['weekly']", "unknown training mode")]
    [InlineData("""{ "trainingMode": "general", "approvedHeadcount": 1, "plannedHours": 8, "trainingDays": 1, "dailyRates": { "general": -5 } }""", "$.dailyRates['general']", "must not be negative")]
    [InlineData("""{ "trainingMode": "general", "approvedHeadcount": 1, "plannedHours": 8, "trainingDays": 1, "tendered": "yes" }""", "$.tendered", "true or false")]
    [InlineData("""{ "trainingMode": "general", "approvedHeadcount": 1, "plannedHours": 8, "trainingDays": 1, "tenderd": true }""", "$.tenderd", "unknown field")]
    [InlineData("""{ "trainingMode": "general", "trainingMode": "project" }""", "$.trainingMode", "field given twice")]
    [InlineData("""{ "trainingMode": "general", "approvedHeadcount": 1, "plannedHours": 8, "trainingDays": 1 }""", "$.trainees", "required field missing")]
    [InlineData("""{ "trainingMode": "general", "approvedHeadcount": 1, "plannedHours": 8, "trainingDays": 1, "trainees": {} }""", "$.trainees", "must be an array")]
    [InlineData("""{ "trainingMode": "general", "approvedHeadcount": 1, "plannedHours": 8, "trainingDays": 1, "trainees": [ { "name": "a", "idNumber": "x", "attendedHours": 8, "passed": true, "employed": true } ] }""", "$.trainees[0].verified", "required field missing")]
    [InlineData("""{ "trainingMode": "general", "approvedHeadcount": 1, "plannedHours": 8, "trainingDays": 1, "trainees": [ { "name": "a", "idNumber": "x", "attendedHours": -8, "verified": true, "passed": true, "employed": true } ] }""", "$.trainees[0].attendedHours", "must not be negative")]
    [InlineData("""{ "trainingMode": "general", "approvedHeadcount": 1, "plannedHours": 8, "trainingDays": 1, "trainees": [ { "name": " ", "idNumber": "x", "attendedHours": 8, "verified": true, "passed": true, "employed": true } ] }""", "$.trainees[0].name", "must not be empty")]
    [InlineData("""{ "trainingMode": "general", "approvedHeadcount": 1, "plannedHours": 8, "trainingDays": 1, "trainees": [], "videoGaps": [ { "date": "2026-05-20", "portion": "morning" } ] }""", "$.videoGaps[0].portion", "unknown portion")]
    [InlineData("""{ "trainingMode": "general", "approvedHeadcount": 1, "plannedHours": 8, "trainingDays": 1, "trainees": [], "videoGaps": [ { "date": "2026-13-01", "portion": "day" } ] }""", "$.videoGaps[0].date", "yyyy-MM-dd")]
    [InlineData("""{ "trainingMode": "general", "approvedHeadcount": 1, "plannedHours": 8, "trainingDays": 1, "trainees": [], "impersonations": [ { "date": "2026-05-20" } ] }""", "$.impersonations[0].idNumber", "required field missing")]
    public void MalformedFiles_FailWithOneLineNamingTheField(string json, string path, string english)
    {
        var e = Assert.Throws<SettlementFormatException>(() => ClassSettlementParser.Parse(json));
        Assert.Equal(path, e.Path);
        Assert.StartsWith(path + "：", e.Message);
        Assert.Contains(english, e.Message);
        Assert.DoesNotContain('\n', e.Message);
        Assert.Contains(e.Message, c => c >= '\u4e00' && c <= '\u9fff'); // and in Chinese
    }

    [Fact]
    public void TheSameIdNumberTwice_IsRefused_WithoutPrintingIt()
    {
        var json = Valid.Replace($"\"idNumber\": \"{Id(2)}\", \"targetGroup\"", $"\"idNumber\": \"{Id(1)}\", \"targetGroup\"");
        var e = Assert.Throws<SettlementFormatException>(() => ClassSettlementParser.Parse(json));
        Assert.Equal("$.trainees[1].idNumber", e.Path);
        Assert.Contains("$.trainees[0].idNumber", e.Message);
        Assert.DoesNotContain(Id(1), e.Message);
    }

    [Fact]
    public void AnUnknownFieldHoldingAnIdNumber_IsQuotedMasked()
    {
        var e = Assert.Throws<SettlementFormatException>(() => ClassSettlementParser.Parse($$"""{ "{{Id(7)}}": 1 }"""));
        Assert.DoesNotContain(Id(7), e.Message);
        Assert.Contains("410802********", e.Message);
    }

    [Fact]
    public void MoreThan10000Trainees_AreRefused()
    {
        var trainee = """{ "name": "a", "idNumber": "x", "attendedHours": 8, "verified": true, "passed": true, "employed": true }""";
        var json = $$"""{ "trainingMode": "general", "approvedHeadcount": 1, "plannedHours": 8, "trainingDays": 1, "trainees": [{{string.Join(',', Enumerable.Repeat(trainee, 10_001))}}] }""";
        var e = Assert.Throws<SettlementFormatException>(() => ClassSettlementParser.Parse(json));
        Assert.Equal("$.trainees", e.Path);
        Assert.Contains("at most 10000", e.Message);
    }

    [Fact]
    public void AFileOver10MB_IsRefusedBeforeReading()
    {
        var path = Path.Combine(Path.GetTempPath(), "pipeline-settlement-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            using (var file = File.Create(path)) file.SetLength(ClassSettlementParser.MaxBytes + 1);
            var e = Assert.Throws<SettlementFormatException>(() => ClassSettlementParser.Load(path));
            Assert.Equal("$", e.Path);
            Assert.Contains("10 MB", e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AFileIsReadAsUtf8_WithOrWithoutAByteOrderMark()
    {
        var path = Path.Combine(Path.GetTempPath(), "pipeline-settlement-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            foreach (var bom in new[] { true, false })
            {
                File.WriteAllText(path, Minimal, new UTF8Encoding(encoderShouldEmitUTF8Identifier: bom));
                Assert.Equal("王五", ClassSettlementParser.Load(path).Trainees[0].Name);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }
}
