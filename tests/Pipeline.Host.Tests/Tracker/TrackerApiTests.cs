using System.Net;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using Pipeline.Host.Tests.Http;
using static Pipeline.Host.Tests.Http.HostFixture;
using S = DocumentFormat.OpenXml.Spreadsheet;

namespace Pipeline.Host.Tests.Tracker;

/// <summary>
/// The case tracker's API (<c>/api/tracker</c>) on a Host with 14 seeded cases in three jurisdictions: filters, paging
/// and totals, stage counts (a stage's own incidents count at the top-level element), reach (a bureau sees only its
/// jurisdictions, a province its prefectures, institutions 403), the XLSX read back.
/// </summary>
public abstract class TrackerApiTests(TrackerApiTests.World world)
{
    /// <summary>
    /// jiaozuo, institution 华信: J1–J6 (J1–J3 at opening, J1 overdue, J2 due later, J3 an incident; J4–J5 at training;
    /// J6 done); institution 育才 (jiaozuo): J7–J8 at payment, occupation 育婴员; qujing: Q1–Q4 at opening; yunnan: Y1–Y2 at training.
    /// Started one day apart, J1 newest (2026-11-30, UTC+8).
    /// </summary>
    public abstract class World : HostFixture
    {
        public static readonly DateTimeOffset Newest = new(2026, 11, 30, 10, 0, 0, TimeSpan.FromHours(8));

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            if (!Available) return;
            await TrackerSeed.DeployAsync(Services);
            var huaxin = await TrackerSeed.InstitutionAsync(Services, "焦作市华信职业培训学校", "jiaozuo");
            var yucai = await TrackerSeed.InstitutionAsync(Services, "焦作市育才培训学校", "jiaozuo");
            var qj = await TrackerSeed.InstitutionAsync(Services, "曲靖市技能培训中心", "qujing");
            var yn = await TrackerSeed.InstitutionAsync(Services, "云南省职业培训学院", "yunnan");
            var past = DateTimeOffset.UtcNow.AddDays(-2).ToString("O");
            var future = DateTimeOffset.UtcNow.AddDays(5).ToString("O");
            (string Key, string Jurisdiction, string Institution, string Occupation, string Stage, string? Due)[] cases =
            [
                ("J1", "jiaozuo", huaxin, "电工", "opening", past),
                ("J2", "jiaozuo", huaxin, "电工", "opening", future),
                ("J3", "jiaozuo", huaxin, "电工", "opening", "not a date"),
                ("J4", "jiaozuo", huaxin, "电工", "training", null),
                ("J5", "jiaozuo", huaxin, "中式烹调师", "training", future),
                ("J6", "jiaozuo", huaxin, "电工", "done", null),
                ("J7", "jiaozuo", yucai, "育婴员", "payment", null),
                ("J8", "jiaozuo", yucai, "育婴员", "payment", null),
                ("Q1", "qujing", qj, "电工", "opening", null),
                ("Q2", "qujing", qj, "电工", "opening", null),
                ("Q3", "qujing", qj, "电工", "opening", null),
                ("Q4", "qujing", qj, "电工", "opening", null),
                ("Y1", "yunnan", yn, "电工", "training", null),
                ("Y2", "yunnan", yn, "电工", "training", null),
            ];
            for (var i = 0; i < cases.Length; i++)
            {
                var c = cases[i];
                await TrackerSeed.AddAsync(Services, new SeedCase(c.Key, c.Jurisdiction, c.Institution, c.Occupation, c.Stage, Newest.AddDays(-i), c.Due));
            }
            Huaxin = huaxin;
        }

        public string Huaxin { get; private set; } = "";
    }

    public sealed class Sqlite : World;

    public sealed class Postgres : World
    {
        protected override bool Available => TestDatabases.Server is not null;

        protected override async Task<string?> DatabaseAsync() => await TestDatabases.CreateAsync();
    }

    private async Task<JsonNode> GetAsync(string url, string user = "admin", string roles = "admin")
    {
        var response = await world.Client.SendAsync(As(HttpMethod.Get, url, user, roles));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await JsonAsync(response);
    }

    private static string[] Keys(JsonNode page) => page["items"]!.AsArray().Select(i => i!["businessKey"]!.GetValue<string>()).ToArray();

    protected async Task Filters_page_and_count_in_the_database()
    {
        var all = await GetAsync($"/api/tracker/cases?process={TrackerSeed.ProcessId}&pageSize=5");
        Assert.Equal(14, all["total"]!.GetValue<int>());
        Assert.Equal(["J1", "J2", "J3", "J4", "J5"], Keys(all));
        var third = await GetAsync($"/api/tracker/cases?process={TrackerSeed.ProcessId}&pageSize=5&page=3");
        Assert.Equal(["Q3", "Q4", "Y1", "Y2"], Keys(third));
        Assert.Equal(14, third["total"]!.GetValue<int>());

        Assert.Equal(["J1", "J2", "J3", "J4", "J5", "J6", "J7", "J8"], Keys(await GetAsync("/api/tracker/cases?jurisdiction=jiaozuo")));
        Assert.Equal(["J7", "J8"], Keys(await GetAsync("/api/tracker/cases?occupation=育婴员")));
        Assert.Equal(["J1", "J2", "J3", "J4", "J5", "J6"], Keys(await GetAsync($"/api/tracker/cases?institution={Uri.EscapeDataString(world.Huaxin)}")));
        Assert.Equal(["J4", "J5", "Y1", "Y2"], Keys(await GetAsync("/api/tracker/cases?stage=Call_Training")));
        Assert.Equal(["J4", "J5"], Keys(await GetAsync("/api/tracker/cases?stage=Call_Training&jurisdiction=jiaozuo")));
        Assert.Equal(["J1"], Keys(await GetAsync("/api/tracker/cases?overdue=true")));
        Assert.Equal(["J3"], Keys(await GetAsync("/api/tracker/cases?status=incident")));
        Assert.Equal(["J6"], Keys(await GetAsync("/api/tracker/cases?status=completed")));
        Assert.Equal(13, (await GetAsync("/api/tracker/cases?status=active"))["total"]!.GetValue<int>());
        // Start dates, China time, both ends inclusive: J3 started 2026-11-28, J5 2026-11-26.
        Assert.Equal(["J3", "J4", "J5"], Keys(await GetAsync("/api/tracker/cases?from=2026-11-26&to=2026-11-28")));

        var j1 = (await GetAsync("/api/tracker/cases?overdue=true"))["items"]![0]!;
        Assert.Equal("焦作市华信职业培训学校", j1["institutionName"]!.GetValue<string>());
        Assert.Equal("电工", j1["occupation"]!.GetValue<string>());
        Assert.Equal("开班审批", j1["stages"]![0]!["name"]!.GetValue<string>());
        Assert.True(j1["overdue"]!.GetValue<bool>());
        Assert.NotNull(j1["dueAt"]);
        var j3 = (await GetAsync("/api/tracker/cases?status=incident"))["items"]![0]!;
        Assert.Equal("incident", j3["status"]!.GetValue<string>());
        Assert.Equal(1, j3["incidents"]!.GetValue<int>());
    }

    protected async Task Counts_cases_per_stage_where_the_top_level_case_stands()
    {
        var stages = await GetAsync($"/api/tracker/stages?process={TrackerSeed.ProcessId}");
        var counts = stages["stages"]!.AsArray().ToDictionary(s => s!["elementId"]!.GetValue<string>(), s => (s!["active"]!.GetValue<int>(), s["incidents"]!.GetValue<int>()));
        Assert.Equal((6, 1), counts["Call_Opening"]);
        Assert.Equal((4, 0), counts["Call_Training"]);
        Assert.Equal((2, 0), counts["Call_Payment"]);
        Assert.Equal(3, counts.Count);
        Assert.Equal("开班审批", stages["stages"]!.AsArray().First(s => s!["elementId"]!.GetValue<string>() == "Call_Opening")!["name"]!.GetValue<string>());

        // The badges follow the other filters.
        var jiaozuo = (await GetAsync($"/api/tracker/stages?process={TrackerSeed.ProcessId}&jurisdiction=jiaozuo"))["stages"]!.AsArray();
        Assert.Equal(2, jiaozuo.First(s => s!["elementId"]!.GetValue<string>() == "Call_Opening")!["active"]!.GetValue<int>());
    }

    protected async Task Drills_down_into_a_stage_sub_process()
    {
        var opening = await GetAsync($"/api/tracker/stages?process={TrackerSeed.ProcessId}&within=Call_Opening");
        Assert.Equal("trk-opening", opening["process"]!.GetValue<string>());
        Assert.Equal("开班审批", opening["within"]!["name"]!.GetValue<string>());
        var step = opening["stages"]!.AsArray().Single()!;
        Assert.Equal("trk-opening-task", step["elementId"]!.GetValue<string>());
        Assert.Equal("经办人审核", step["name"]!.GetValue<string>());
        // Six children wait at the task; J3's child holds its token there in an incident (a due date that is no date).
        Assert.Equal(6, step["active"]!.GetValue<int>());
        Assert.Equal(1, step["incidents"]!.GetValue<int>());
        Assert.Equal(["J1", "J2", "Q1", "Q2", "Q3", "Q4"], Keys(await GetAsync("/api/tracker/cases?step=trk-opening-task")));
        Assert.Equal(HttpStatusCode.BadRequest,
            (await world.Client.SendAsync(As(HttpMethod.Get, $"/api/tracker/stages?process={TrackerSeed.ProcessId}&within=Route", "admin", "admin"))).StatusCode);
    }

    protected async Task Bureaus_see_their_jurisdictions_and_institutions_are_refused()
    {
        Assert.Equal(["J1", "J2", "J3", "J4", "J5", "J6", "J7", "J8"], Keys(await GetAsync("/api/tracker/cases", "tracker.reviewer", "reviewer")));
        // A filter naming a jurisdiction out of reach finds nothing.
        Assert.Equal(0, (await GetAsync("/api/tracker/cases?jurisdiction=qujing", "tracker.reviewer", "reviewer"))["total"]!.GetValue<int>());
        var counts = (await GetAsync($"/api/tracker/stages?process={TrackerSeed.ProcessId}", "tracker.reviewer", "reviewer"))["stages"]!.AsArray();
        Assert.Equal(2, counts.First(s => s!["elementId"]!.GetValue<string>() == "Call_Opening")!["active"]!.GetValue<int>());

        await TestAccounts.EnsureAsync(world.Services, "yunnan.inspector", "inspector", "yunnan");
        Assert.Equal(["Q1", "Q2", "Q3", "Q4", "Y1", "Y2"], Keys(await GetAsync("/api/tracker/cases", "yunnan.inspector", "inspector")));
        await TestAccounts.EnsureAsync(world.Services, "qujing.finance", "finance", "qujing");
        Assert.Equal(["Q1", "Q2", "Q3", "Q4"], Keys(await GetAsync("/api/tracker/cases", "qujing.finance", "finance")));

        foreach (var url in new[] { "/api/tracker/cases", "/api/tracker/cases.xlsx", "/api/tracker/stages", "/api/tracker/options" })
            Assert.Equal(HttpStatusCode.Forbidden, (await world.Client.SendAsync(As(HttpMethod.Get, url, "tracker.institution", "institution"))).StatusCode);

        var options = await GetAsync("/api/tracker/options", "tracker.reviewer", "reviewer");
        Assert.Equal(["jiaozuo"], options["jurisdictions"]!.AsArray().Select(j => j!["id"]!.GetValue<string>()));
        Assert.Equal(["中式烹调师", "电工", "育婴员"], options["occupations"]!.AsArray().Select(o => o!.GetValue<string>()).Order(StringComparer.Ordinal));
    }

    protected async Task Refuses_bad_queries_in_Chinese_first()
    {
        foreach (var query in new[] { "page=0", "pageSize=1001", "status=lost", "from=2026-13-01", "from=2026-12-05&to=2026-12-01", "overdue=maybe" })
        {
            var response = await world.Client.SendAsync(As(HttpMethod.Get, "/api/tracker/cases?" + query, "admin", "admin"));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var detail = (await JsonAsync(response))["detail"]!.GetValue<string>();
            Assert.True(detail[0] > 0x2E80, $"{query}: {detail}");
        }
    }

    protected async Task Exports_the_filtered_list_as_a_workbook()
    {
        var response = await world.Client.SendAsync(As(HttpMethod.Get, "/api/tracker/cases.xlsx?jurisdiction=jiaozuo&stage=Call_Opening", "admin", "admin"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var doc = SpreadsheetDocument.Open(stream, false);
        var rows = doc.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<S.Row>().ToList();
        string Text(S.Cell c) => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "";
        Assert.Equal(["业务编号", "培训机构", "辖区", "职业（工种）", "当前环节", "状态", "开始日期", "最早到期", "是否逾期", "故障数"],
            rows[0].Elements<S.Cell>().Select(Text));
        Assert.Equal(4, rows.Count);
        var j1 = rows[1].Elements<S.Cell>().ToList();
        Assert.Equal("J1", Text(j1[0]));
        Assert.Equal("焦作市华信职业培训学校", Text(j1[1]));
        Assert.Equal("焦作市", Text(j1[2]));
        Assert.Equal("电工", Text(j1[3]));
        Assert.Equal("开班审批", Text(j1[4]));
        Assert.Equal("进行中", Text(j1[5]));
        // The start date is a date: a serial number with a date format, 2026-11-30.
        Assert.Null(j1[6].DataType);
        Assert.Equal(new DateTime(2026, 11, 30).ToOADate(), double.Parse(j1[6].CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture));
        var format = doc.WorkbookPart.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<S.CellFormat>().ElementAt((int)j1[6].StyleIndex!.Value);
        Assert.Equal(164u, format.NumberFormatId!.Value);
        Assert.Equal("已逾期", Text(j1[8]));
        var j3 = rows[3].Elements<S.Cell>().ToList();
        Assert.Equal("有故障", Text(j3[5]));
        Assert.Null(j3[9].DataType);
        Assert.Equal("1", j3[9].CellValue!.Text);
    }
}

public sealed class TrackerApiSqliteTests(TrackerApiTests.Sqlite world) : TrackerApiTests(world), IClassFixture<TrackerApiTests.Sqlite>
{
    [Fact] public Task Filters_page_and_count() => Filters_page_and_count_in_the_database();
    [Fact] public Task Stage_counts() => Counts_cases_per_stage_where_the_top_level_case_stands();
    [Fact] public Task Drill_down() => Drills_down_into_a_stage_sub_process();
    [Fact] public Task Reach() => Bureaus_see_their_jurisdictions_and_institutions_are_refused();
    [Fact] public Task Bad_queries() => Refuses_bad_queries_in_Chinese_first();
    [Fact] public Task Export() => Exports_the_filtered_list_as_a_workbook();
}

public sealed class TrackerApiPostgresTests(TrackerApiTests.Postgres world) : TrackerApiTests(world), IClassFixture<TrackerApiTests.Postgres>
{
    [PostgresFact] public Task Filters_page_and_count() => Filters_page_and_count_in_the_database();
    [PostgresFact] public Task Stage_counts() => Counts_cases_per_stage_where_the_top_level_case_stands();
    [PostgresFact] public Task Drill_down() => Drills_down_into_a_stage_sub_process();
    [PostgresFact] public Task Reach() => Bureaus_see_their_jurisdictions_and_institutions_are_refused();
    [PostgresFact] public Task Bad_queries() => Refuses_bad_queries_in_Chinese_first();
    [PostgresFact] public Task Export() => Exports_the_filtered_list_as_a_workbook();
}
