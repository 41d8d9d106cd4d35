using System.Net;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Host.Tests.Http;
using Pipeline.Host.Tests.Tracker;
using Pipeline.Workflows.Runtime;
using static Pipeline.Host.Tests.Http.HostFixture;
using static Pipeline.Host.Tests.Http.Processes;
using S = DocumentFormat.OpenXml.Spreadsheet;

namespace Pipeline.Host.Tests.Statistics;

/// <summary>
/// The statistics processes of <c>workflow-definitions/</c> started by their timers (the engine's next occurrence fired
/// as the scheduler would): <c>statistics.compile</c> counts the period before the due day from the class cases,
/// <c>form.render</c> keeps the XLSX as the case's document, the report is a case of its jurisdiction that its reviewer
/// reaches (another city's does not), and the reviewer checks and submits it.
/// </summary>
public abstract class StatisticsProcessTests(StatisticsProcessTests.World world)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public class World : HostFixture
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            if (!Available) return;
            var qj = await TrackerSeed.InstitutionAsync(Services, "曲靖市启航职业培训学校", "qujing");
            var filed = new DateTimeOffset(2026, 9, 1, 9, 0, 0, TimeSpan.FromHours(8));
            object Class(string kind, string start, string end, int headcount) => new { occupation = "电工", kind, startDate = start, endDate = end, headcount };
            var passedAndPaid = new Dictionary<string, object?>
            {
                ["opened"] = true, ["paidAmount"] = 8000m,
                ["assessment"] = new Dictionary<string, object?> { ["failed"] = new List<object?> { "学员1" } },
            };
            await TrackerSeed.AddClassAsync(Services, "SP-Q4-1", "qujing", qj, Class("skills", "2026-10-12", "2026-11-12", 20), passedAndPaid, filed);
            await TrackerSeed.AddClassAsync(Services, "SP-Q4-2", "qujing", qj, Class("entrepreneurship", "2026-11-02", "2026-11-20", 12), new Dictionary<string, object?> { ["opened"] = true }, filed);
            await TrackerSeed.AddClassAsync(Services, "SP-Q3-1", "qujing", qj, Class("skills", "2026-08-03", "2026-08-30", 30), passedAndPaid, filed);
        }
    }

    public sealed class Postgres : World
    {
        protected override bool Available => TestDatabases.Server is not null;

        protected override async Task<string?> DatabaseAsync() => await TestDatabases.CreateAsync();
    }

    /// <summary>Fires the next occurrence of <paramref name="processId"/>'s start timer; returns the new case's business key.</summary>
    private async Task<string> FireAsync(string processId, string startEventId)
    {
        var engine = world.Services.GetRequiredService<WorkflowEngine>();
        var pending = (await engine.PendingStartTimersAsync(DateTimeOffset.UtcNow, CancellationToken.None))
            .Single(p => p.Process.ProcessId == processId && p.StartEventId == startEventId);
        var fired = await engine.FireStartTimerAsync(processId, pending.Process.Version, startEventId, pending.DueAt, CancellationToken.None);
        Assert.NotNull(fired.Started);
        Assert.NotNull(fired.NextDueAt);
        return fired.Started!.BusinessKey!;
    }

    private async Task<HttpResponseMessage> GetAsync(string url, string user, string roles, string jurisdiction)
    {
        await TestAccounts.EnsureAsync(world.Services, user, roles, jurisdiction);
        return await world.Client.SendAsync(As(HttpMethod.Get, url, user, roles));
    }

    private static List<List<string>> Rows(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        using var doc = SpreadsheetDocument.Open(stream, false);
        var strings = doc.WorkbookPart!.SharedStringTablePart!.SharedStringTable.Elements<S.SharedStringItem>().Select(s => s.InnerText).ToList();
        string Text(S.Cell c) => c.DataType?.Value == S.CellValues.SharedString ? strings[int.Parse(c.CellValue!.Text)] : c.CellValue?.Text ?? "";
        return doc.WorkbookPart.WorksheetParts.Single().Worksheet.Descendants<S.Row>().Select(r => r.Elements<S.Cell>().Select(Text).ToList()).ToList();
    }

    protected async Task Quarterly_report_is_started_by_its_timer_compiled_rendered_and_submitted_R_QJ_6()
    {
        var key = await FireAsync("qj-quarterly-statistics", "Start_Quarterly");
        var escaped = Uri.EscapeDataString(key);
        var view = await PollAsync(world.Client, escaped, v => Waits(v, "UserTask", "审核报送"), Patience);
        // The next occurrence is on 1 January 2027: the report is of 2026's fourth quarter, whatever day the job ran.
        Assert.Equal(new DateOnly(2027, 1, 1), Pipeline.Activities.Statistics.CompileStatisticsActivity.DueDay(key));
        Assert.Equal("2026年第4季度", view["variables"]!["period"]!.GetValue<string>());
        Assert.Contains(view["variables"]!["notes"]!.AsArray(), n => n!.GetValue<string>().StartsWith("1 个班尚无结业考核结果", StringComparison.Ordinal));

        // The jurisdiction's reviewer reaches the report's case and its XLSX; another city's reviewer does not.
        var documents = await GetAsync($"/api/cases/{escaped}/documents", "qj.stat.reviewer", "reviewer", "qujing");
        Assert.Equal(HttpStatusCode.OK, documents.StatusCode);
        var document = (await JsonAsync(documents)).AsArray().Single()!;
        Assert.Equal("qj-quarterly-statistics", document["form"]!.GetValue<string>());
        Assert.Equal("曲靖市职业培训情况统计表-曲靖市-2026Q4.xlsx", document["fileName"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync($"/api/cases/{escaped}/documents", "jz.stat.reviewer", "reviewer", "jiaozuo")).StatusCode);
        var xlsx = await GetAsync($"/api/cases/{escaped}/documents/{document["sha256"]!.GetValue<string>()}", "qj.stat.reviewer", "reviewer", "qujing");
        var rows = Rows(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Contains(rows, r => r.Contains("（2026年第4季度）"));
        var skills = rows.Single(r => r.Contains("就业技能培训"));
        Assert.Equal(["1", "20", "19"], skills.SkipWhile(c => c != "就业技能培训").Skip(1).Take(3));
        var basics = rows.Single(r => r.Contains("创业基础能力培训"));
        Assert.Equal(["1", "12", "0"], basics.SkipWhile(c => c != "创业基础能力培训").Skip(1).Take(3));
        Assert.Contains(rows, r => r.Any(c => c.StartsWith("1 个班尚无结业考核结果", StringComparison.Ordinal)));

        // The reviewer of Qujing sees the task; 退回 compiles the report again, then it is submitted.
        await TestAccounts.EnsureAsync(world.Services, "qj.stat.reviewer", "reviewer", "qujing");
        async Task<HttpResponseMessage> CompleteAsync(string body)
        {
            var inbox = await JsonAsync(await world.Client.SendAsync(As(HttpMethod.Get, "/api/tasks", "qj.stat.reviewer", "reviewer")));
            var task = inbox.AsArray().Single(t => t!["businessKey"]?.GetValue<string>() == key)!;
            return await world.Client.SendAsync(As(HttpMethod.Post, $"/api/tasks/{task["instanceId"]}/{task["bookmarkId"]}/complete", "qj.stat.reviewer", "reviewer",
                ApiTests.JsonContent(body)));
        }
        var returned = await CompleteAsync("""{ "outcome": "reject", "comment": "S2 的考核结果待补录", "variables": { "figuresChecked": false } }""");
        Assert.True(returned.StatusCode == HttpStatusCode.OK, await returned.Content.ReadAsStringAsync());
        var again = await PollAsync(world.Client, escaped, v => Waits(v, "UserTask", "审核报送") && CountOf(v, "job-completed") >= 4, Patience);
        Assert.Equal(2, again["history"]!.AsArray().Count(h => h!["kind"]!.GetValue<string>() == "job-completed" && h["nodeId"]?.GetValue<string>() == "Task_Compile"));
        var done = await CompleteAsync("""{ "outcome": "done", "comment": "已核对", "variables": { "figuresChecked": true } }""");
        Assert.True(done.StatusCode == HttpStatusCode.OK, await done.Content.ReadAsStringAsync());
        var after = await PollAsync(world.Client, escaped, v => v["status"]!.GetValue<string>() == "Completed", Patience);
        Assert.True(after["variables"]!["figuresChecked"]!.GetValue<bool>());
    }

    protected async Task Yearly_and_half_yearly_reports_start_on_their_timers_and_keep_their_XLSX_R_JZ_6()
    {
        var annual = await FireAsync("yn-annual-summary", "Start_Yearly");
        var view = await PollAsync(world.Client, Uri.EscapeDataString(annual), v => Waits(v, "UserTask", "审核报送"), Patience);
        Assert.Equal("2026年度", view["variables"]!["period"]!.GetValue<string>());
        var documents = (await JsonAsync(await GetAsync($"/api/cases/{Uri.EscapeDataString(annual)}/documents", "yn.stat.reviewer", "reviewer", "yunnan"))).AsArray();
        var yearly = Rows(await (await GetAsync($"/api/cases/{Uri.EscapeDataString(annual)}/documents/{documents.Single()!["sha256"]}", "yn.stat.reviewer", "reviewer", "yunnan")).Content.ReadAsByteArrayAsync());
        // A province includes its prefectures: Qujing's classes, by the quarter of their first day.
        Assert.Equal(["1", "30", "30", "29"], yearly.Single(r => r.FirstOrDefault() == "第3季度").Skip(1).Take(4));
        Assert.Equal(["2", "32", "20", "19"], yearly.Single(r => r.FirstOrDefault() == "第4季度").Skip(1).Take(4));

        var employment = await FireAsync("jz-employment-statistics", "Start_HalfYearly");
        var jz = await PollAsync(world.Client, Uri.EscapeDataString(employment), v => Waits(v, "UserTask", "审核报送"), Patience);
        Assert.Equal("2026年全年", jz["variables"]!["period"]!.GetValue<string>());
        Assert.Contains(jz["variables"]!["notes"]!.AsArray(), n => n!.GetValue<string>().StartsWith("统计期内没有结业的培训班", StringComparison.Ordinal));
    }
}

public sealed class StatisticsProcessSqliteTests(StatisticsProcessTests.World world) : StatisticsProcessTests(world), IClassFixture<StatisticsProcessTests.World>
{
    [Fact] public Task Quarterly_R_QJ_6() => Quarterly_report_is_started_by_its_timer_compiled_rendered_and_submitted_R_QJ_6();
    [Fact] public Task Yearly_and_half_yearly_R_JZ_6() => Yearly_and_half_yearly_reports_start_on_their_timers_and_keep_their_XLSX_R_JZ_6();
}

public sealed class StatisticsProcessPostgresTests(StatisticsProcessTests.Postgres world) : StatisticsProcessTests(world), IClassFixture<StatisticsProcessTests.Postgres>
{
    [PostgresFact] public Task Quarterly_R_QJ_6() => Quarterly_report_is_started_by_its_timer_compiled_rendered_and_submitted_R_QJ_6();
    [PostgresFact] public Task Yearly_and_half_yearly_R_JZ_6() => Yearly_and_half_yearly_reports_start_on_their_timers_and_keep_their_XLSX_R_JZ_6();
}
