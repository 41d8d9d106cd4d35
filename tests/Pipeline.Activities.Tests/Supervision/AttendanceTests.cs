using System.Text.Json;
using Pipeline.Activities.Documents;
using Pipeline.Activities.Documents.Intake;
using Pipeline.Activities.Documents.Storage;
using Pipeline.Activities.Packs;
using Pipeline.Activities.Profiles;
using Pipeline.Activities.Supervision.Attendance;

namespace Pipeline.Activities.Tests.Supervision;

/// <summary>Attendance from an XLSX sign-in sheet: R-YN-9 (half-day marks), R-GL-4 / R-YN-9c (least rate), the layout and its refusals.</summary>
public sealed class AttendanceTests : IDisposable
{
    private static readonly ProfileCatalog Profiles = ProfileCatalog.LoadEmbedded();
    private static readonly string ZhangId = SignInSheetXlsx.Id("53010219851112456");
    private static readonly string LiId = SignInSheetXlsx.Id("41080219900307123");
    private static readonly DateOnly Day1 = new(2024, 3, 4), Day2 = new(2024, 3, 5);
    private static readonly AttendanceSchedule TwoDays = new(MorningHours: 4, AfternoonHours: 4, PlannedHours: 16);

    private readonly string _folder = Directory.CreateTempSubdirectory("pipeline-attendance-").FullName;

    private string Path_(string name) => Path.Combine(_folder, name);

    private static AttendanceReport Check(string path, string profile, AttendanceSchedule? schedule = null) =>
        AttendanceRules.Check(SignInSheetReader.Read(path), schedule ?? TwoDays, Profiles.Get(profile));

    [Fact]
    public void R_YN_9_MissingAfternoonSignOut_HalfDayNotAttended()
    {
        var path = new SignInSheetXlsx().Row(SignInSheetXlsx.TemplateHeader)
            .FullDay(1, "张三", ZhangId, Day1)
            .Day(2, "张三", ZhangId, Day2, "8:30", "11:30", "14:00", null)
            .Save(Path_("yn.xlsx"));

        var report = Check(path, "yunnan");

        var zhang = Assert.Single(report.Trainees);
        Assert.Equal((12m, 3, 2), (zhang.AttendedHours, zhang.HalfDaysAttended, zhang.Days));
        var missing = Assert.Single(report.Findings, f => f.Rule == "R-YN-9");
        Assert.Equal(Severities.Error, missing.Severity);
        Assert.Contains("第 3 行", missing.Message);
        Assert.Contains("2024-03-05 下午缺少签退", missing.Message);
        Assert.Contains("530102********", missing.Message);
        Assert.DoesNotContain(ZhangId, JsonSerializer.Serialize(report));
    }

    [Fact]
    public void R_YN_9c_BelowEightyPercent_IsFlagged_InYunnanAndQujing()
    {
        var path = new SignInSheetXlsx().Row(SignInSheetXlsx.TemplateHeader)
            .FullDay(1, "张三", ZhangId, Day1)
            .Day(2, "张三", ZhangId, Day2, "8:30", "11:30", null, null)
            .Save(Path_("qj.xlsx"));
        foreach (var profile in new[] { "yunnan", "qujing" })
        {
            var report = Check(path, profile);
            Assert.Equal((75m, true), (report.Trainees[0].RatePercent, report.Trainees[0].BelowMinRate));
            Assert.Equal(("R-YN-9c", 80m), (report.MinRateRule, report.MinRatePercent));
            Assert.Contains(report.Findings, f => f.Rule == "R-YN-9c" && f.Message.Contains("出勤率 75%"));
            // Absent all afternoon: no marks at all is an absence, not a missing sign-out.
            Assert.DoesNotContain(report.Findings, f => f.Rule == "R-YN-9");
        }
    }

    [Fact]
    public void R_GL_4_AttendanceBelow80_IsFlagged()
    {
        var path = new SignInSheetXlsx().Row(SignInSheetXlsx.TemplateHeader)
            .FullDay(1, "张三", ZhangId, Day1).FullDay(2, "张三", ZhangId, Day2)
            .FullDay(3, "李四", LiId, Day1)
            .Day(4, "李四", LiId, Day2, "8:30", "11:30", "14:00", null)
            .Save(Path_("gl.xlsx"));

        var report = Check(path, "guilin");

        Assert.Equal(1, report.BelowThreshold);
        var zhang = report.Trainees.Single(t => t.Name == "张三");
        Assert.Equal((16m, 16m, 100m, false), (zhang.AttendedHours, zhang.PlannedHours, zhang.RatePercent, zhang.BelowMinRate));
        var li = report.Trainees.Single(t => t.Name == "李四");
        Assert.Equal((12m, 75m, true), (li.AttendedHours, li.RatePercent, li.BelowMinRate));
        Assert.StartsWith("410802********", li.IdNumberMasked);
        var flagged = Assert.Single(report.Findings, f => f.Rule == "R-GL-4");
        Assert.Contains("李四", flagged.Message);
        Assert.Contains("不得结业", flagged.Message); // GL Art.4's own consequence, from the profile
        // Guilin sets no half-day sign-in rule: the half-day is not counted, and no R-YN-9 finding is made.
        Assert.DoesNotContain(report.Findings, f => f.Rule == "R-YN-9");
    }

    [Fact]
    public void R_GL_4_RateOfExactlyEighty_IsNotFlagged()
    {
        var path = new SignInSheetXlsx().Row(SignInSheetXlsx.TemplateHeader)
            .FullDay(1, "张三", ZhangId, Day1).FullDay(2, "张三", ZhangId, Day2)
            .Save(Path_("eighty.xlsx"));
        var report = Check(path, "guilin", new AttendanceSchedule(4, 4, 20));
        Assert.Equal((80m, false, 0), (report.Trainees[0].RatePercent, report.Trainees[0].BelowMinRate, report.BelowThreshold));
    }

    [Fact]
    public void A_jurisdiction_without_a_least_rate_reports_rates_and_flags_nobody()
    {
        var path = new SignInSheetXlsx().Row(SignInSheetXlsx.TemplateHeader)
            .Day(1, "张三", ZhangId, Day1, "8:30", null, null, null)
            .Save(Path_("jz.xlsx"));
        var report = Check(path, "jiaozuo");
        Assert.Equal((0m, false, null), (report.Trainees[0].RatePercent, report.Trainees[0].BelowMinRate, report.MinRatePercent));
        Assert.Empty(report.Findings);
    }

    [Fact]
    public void Headers_in_any_order_with_spaces_and_full_width_characters_and_a_title_row_are_read()
    {
        var path = new SignInSheetXlsx()
            .Row("2024年第3期 家政服务员培训班 签到表")
            .Row("下午签退", "日 期", "姓\u3000名", "上午 签到", "身份证号码", "上午签退", "下午签到")
            .Row("17:00", 45355.0 /* 2024-03-04 */, "张三", "８：３０", ZhangId.ToLowerInvariant(), 0.4791666666666667 /* 11:30 */, "14:00:00")
            .Row("17:00", "2024年3月5日", "张三", "08:30", ZhangId, "11:30", "14:00")
            .Save(Path_("shuffled.xlsx"));

        var sheet = SignInSheetReader.Read(path);

        Assert.Equal(2, sheet.HeaderRow);
        Assert.Empty(sheet.Problems);
        Assert.Equal([Day1, Day2], sheet.Rows.Select(r => r.Date));
        Assert.All(sheet.Rows, r => Assert.Equal(ZhangId, r.IdNumber));
        Assert.Equal(new HalfDayMarks(new TimeOnly(8, 30), new TimeOnly(11, 30)), sheet.Rows[0].Morning);
        Assert.Equal(new HalfDayMarks(new TimeOnly(14, 0), new TimeOnly(17, 0)), sheet.Rows[0].Afternoon);
        Assert.Equal(16m, AttendanceRules.Check(sheet, TwoDays, Profiles.Get("yunnan")).Trainees[0].AttendedHours);
    }

    [Fact]
    public void Unknown_headers_unreadable_rows_and_duplicate_rows_are_findings_with_their_row_numbers()
    {
        var path = new SignInSheetXlsx()
            .Row("序号", "姓名", "身份证号", "日期", "上午签到", "上午签退", "下午签到", "下午签退", "联系电话")
            .Row(1, "张三", ZhangId, Day1, "8:30", "11:30", "14:00", "17:00", "13812345678")
            .Row(2, "张三", ZhangId, "三月五日", "8:30", "11:30", "14:00", "17:00")
            .Row(3, "张三", ZhangId, Day1, "8:30", "11:30", "14:00", "17:00")
            .Row(4, "李四", LiId, Day2, "8:30", "缺", "14:00", "17:00")
            .Row(5, "", "", Day2)
            .Sheet("说明", ["本表由培训机构填写"])
            .Save(Path_("problems.xlsx"));

        var report = Check(path, "guilin");

        string Message(string contains) => Assert.Single(report.Findings, f => f.Message.Contains(contains)).Message;
        Assert.Contains("I 列表头「联系电话」不是签到表的列", Message("联系电话"));
        Assert.StartsWith("第 3 行无法读取（日期「三月五日」无法识别）", Message("三月五日"));
        Assert.StartsWith("第 4 行与第 2 行重复", Message("重复"));
        Assert.StartsWith("第 5 行「上午签退」的「缺」不是时间", Message("不是时间"));
        Assert.StartsWith("第 6 行无法读取（姓名为空，身份证号为空）", Message("姓名为空"));
        Assert.Contains("只读取第一个「签到表」", Message("工作表"));
        Assert.DoesNotContain(report.Findings, f => f.Message.Contains("序号"));
        Assert.All(report.Findings, f => Assert.Equal("R-GL-4", f.Rule));
        // The duplicate counts once; 李四's unreadable morning does not count, the afternoon does.
        Assert.Equal(8m, report.Trainees.Single(t => t.Name == "张三").AttendedHours);
        Assert.Equal(4m, report.Trainees.Single(t => t.Name == "李四").AttendedHours);
    }

    [Fact]
    public void A_sign_out_not_after_the_sign_in_does_not_count()
    {
        var path = new SignInSheetXlsx().Row(SignInSheetXlsx.TemplateHeader)
            .Day(1, "张三", ZhangId, Day1, "11:30", "8:30", "14:00", "17:00")
            .Save(Path_("reversed.xlsx"));
        var report = Check(path, "yunnan");
        Assert.Equal(4m, report.Trainees[0].AttendedHours);
        Assert.Contains(report.Findings, f => f.Rule == "R-YN-9" && f.Message.Contains("上午签退 08:30 不晚于签到 11:30"));
    }

    [Fact]
    public void An_invalid_ID_number_and_a_second_name_for_one_ID_are_warnings()
    {
        var wrongCheck = ZhangId[..17] + (ZhangId[17] == '1' ? "2" : "1");
        var path = new SignInSheetXlsx().Row(SignInSheetXlsx.TemplateHeader)
            .FullDay(1, "王五", wrongCheck, Day1)
            .FullDay(2, "张三", LiId, Day1)
            .FullDay(3, "张叁", LiId, Day2)
            .Save(Path_("ids.xlsx"));
        var report = Check(path, "guilin");
        Assert.Contains(report.Findings, f => f.Severity == Severities.Warning && f.Message.Contains("身份证号无效（校验码不符）"));
        Assert.Contains(report.Findings, f => f.Severity == Severities.Warning && f.Message.Contains("请核对是否冒名"));
        Assert.DoesNotContain(wrongCheck, JsonSerializer.Serialize(report));
    }

    [Fact]
    public void A_file_that_is_not_an_XLSX_is_refused()
    {
        var pdf = Path_("sheet.pdf");
        File.WriteAllText(pdf, "%PDF-1.4\n%%EOF\n");
        Assert.Equal(RejectionReason.NotASpreadsheet, Assert.Throws<DocumentRejectedException>(() => SignInSheetReader.Read(pdf)).Reason);

        var zip = Path_("photos.zip");
        using (var archive = System.IO.Compression.ZipFile.Open(zip, System.IO.Compression.ZipArchiveMode.Create))
            using (var s = archive.CreateEntry("p1.png").Open()) s.WriteByte(0);
        Assert.Equal(RejectionReason.NotASpreadsheet, Assert.Throws<DocumentRejectedException>(() => SignInSheetReader.Read(zip)).Reason);

        var empty = Path_("empty.xlsx");
        File.WriteAllBytes(empty, []);
        Assert.Equal(RejectionReason.Empty, Assert.Throws<DocumentRejectedException>(() => SignInSheetReader.Read(empty)).Reason);
    }

    [Fact]
    public void A_sheet_without_a_header_row_or_lacking_a_column_is_refused_naming_it()
    {
        var noHeader = new SignInSheetXlsx().FullDay(1, "张三", ZhangId, Day1).Save(Path_("noheader.xlsx"));
        var refused = Assert.Throws<DocumentRejectedException>(() => SignInSheetReader.Read(noHeader));
        Assert.Equal(RejectionReason.NoHeaderRow, refused.Reason);
        Assert.StartsWith("表格中找不到规定的表头行", refused.Message);

        var lacking = new SignInSheetXlsx().Row("姓名", "身份证号", "日期", "上午签到", "上午签退", "下午签到").Save(Path_("lacking.xlsx"));
        refused = Assert.Throws<DocumentRejectedException>(() => SignInSheetReader.Read(lacking));
        Assert.Equal(RejectionReason.NoHeaderRow, refused.Reason);
        Assert.Contains("下午签退", refused.Detail);
    }

    [Fact]
    public void A_sheet_over_the_upload_limits_is_refused_as_too_large()
    {
        var sheet = new SignInSheetXlsx().Row(SignInSheetXlsx.TemplateHeader);
        for (var i = 0; i < 200; i++) sheet.FullDay(i, "张三", ZhangId, Day1.AddDays(i));
        var path = sheet.Save(Path_("big.xlsx"));
        Assert.Equal(RejectionReason.TooLarge, Assert.Throws<DocumentRejectedException>(() =>
            SignInSheetReader.Read(path, new IntakeOptions { MaxBytes = 1024 })).Reason);
        Assert.Equal(RejectionReason.TooLarge, Assert.Throws<DocumentRejectedException>(() =>
            SignInSheetReader.Read(path, new IntakeOptions { MaxOfficePartCharacters = 2_000 })).Reason);
        Assert.Equal(200, SignInSheetReader.Read(path).Rows.Count);
    }

    [Fact]
    public async Task The_attendance_import_activity_reads_a_stored_sheet_and_ends_below_threshold()
    {
        var store = new FolderOriginalStore(Path_("store"));
        var upload = new SignInSheetXlsx().Row(SignInSheetXlsx.TemplateHeader)
            .FullDay(1, "张三", ZhangId, Day1).FullDay(2, "张三", ZhangId, Day2)
            .Day(3, "李四", LiId, Day1, "8:30", "11:30", null, null)
            .Save(Path_("upload.xlsx"));
        var stored = await store.StoreAsync(upload, CancellationToken.None);
        var input = JsonSerializer.Deserialize<ImportAttendanceInput>(
            $$"""{ "document": "{{stored.Sha256}}", "profile": "guilin", "morningHours": 4, "afternoonHours": 4, "plannedHours": 16 }""",
            JsonSerializerOptions.Web)!;

        var done = await new ImportAttendanceActivity(store, Profiles).ExecuteAsync(input, null, CancellationToken.None);

        Assert.Equal(ImportAttendanceActivity.BelowThreshold, done.Outcome);
        Assert.Equal((2, 1, 80m), (done.Output.Trainees.Count, done.Output.BelowThreshold, done.Output.MinRatePercent));
        var json = JsonSerializer.Serialize(done.Output, JsonSerializerOptions.Web);
        Assert.Contains("\"idNumberMasked\":\"410802********", json);
        Assert.Contains("\"belowThreshold\":1", json);
        Assert.DoesNotContain(LiId, json);

        var missing = await Assert.ThrowsAsync<KeyNotFoundException>(() => new ImportAttendanceActivity(store, Profiles)
            .ExecuteAsync(input with { Document = "/etc/passwd" }, null, CancellationToken.None));
        Assert.Contains("not a stored original", missing.Message);
    }

    [Fact]
    public async Task The_attendance_import_activity_ends_ok_when_everybody_attended_enough()
    {
        var store = new FolderOriginalStore(Path_("store"));
        var stored = await store.StoreAsync(new SignInSheetXlsx().Row(SignInSheetXlsx.TemplateHeader)
            .FullDay(1, "张三", ZhangId, Day1).FullDay(2, "张三", ZhangId, Day2).Save(Path_("ok.xlsx")), CancellationToken.None);
        var done = await new ImportAttendanceActivity(store, Profiles).ExecuteAsync(new ImportAttendanceInput
        {
            Document = stored.Sha256, Profile = "yunnan", MorningHours = 4, AfternoonHours = 4, PlannedHours = 16,
        }, null, CancellationToken.None);
        Assert.Equal((ImportAttendanceActivity.Ok, 0), (done.Outcome, done.Output.BelowThreshold));
    }

    [Theory]
    [InlineData(4, 4, 0)]
    [InlineData(-1, 4, 16)]
    [InlineData(0, 0, 16)]
    public void Hours_that_cannot_be_a_teaching_plans_are_refused(double morning, double afternoon, double planned) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new AttendanceSchedule((decimal)morning, (decimal)afternoon, (decimal)planned).Validate());

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
