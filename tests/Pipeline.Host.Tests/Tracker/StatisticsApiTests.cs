using System.Net;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using Pipeline.Host.Tests.Http;
using static Pipeline.Host.Tests.Http.HostFixture;
using S = DocumentFormat.OpenXml.Spreadsheet;

namespace Pipeline.Host.Tests.Tracker;

/// <summary>
/// <c>/api/statistics/quarterly</c> (R-QJ-6, QJ 附件1): the figures of 2026 Q4 in Qujing from seeded class cases:
/// classes by the quarter of their first day, counted once opened; passed from the assessment; subsidy as paid; what
/// is not known said in the notes; a province reaches its prefectures, another city is 404, institutions 403; the XLSX.
/// On SQLite and PostgreSQL.
/// </summary>
public abstract class StatisticsApiTests(StatisticsApiTests.World world)
{
    public class World : HostFixture
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            if (!Available) return;
            var qj = await TrackerSeed.InstitutionAsync(Services, "曲靖市技能培训中心", "qujing");
            var jz = await TrackerSeed.InstitutionAsync(Services, "焦作市华信职业培训学校", "jiaozuo");
            var filed = new DateTimeOffset(2026, 9, 1, 9, 0, 0, TimeSpan.FromHours(8));
            object Class(string kind, string start, int headcount) => new { occupation = "电工", kind, startDate = start, headcount };
            Dictionary<string, object?> Vars(bool? opened, int? failed = null, decimal? paid = null)
            {
                var v = new Dictionary<string, object?> { ["opened"] = opened };
                if (failed is { } f) v["assessment"] = new Dictionary<string, object?> { ["failed"] = Enumerable.Range(1, f).Select(i => (object?)$"学员{i}").ToList() };
                if (paid is { } p) v["paidAmount"] = p;
                return v;
            }
            await TrackerSeed.AddClassAsync(Services, "S1", "qujing", qj, Class("skills", "2026-10-10", 20), Vars(true, failed: 2, paid: 12000m), filed);
            await TrackerSeed.AddClassAsync(Services, "S2", "qujing", qj, Class("entrepreneurship", "2026-11-01", 10), Vars(true), filed);
            await TrackerSeed.AddClassAsync(Services, "S3", "qujing", qj, Class("work-based", "2026-12-01", 30), Vars(true, failed: 0, paid: 30000m), filed);
            await TrackerSeed.AddClassAsync(Services, "S4", "qujing", qj, Class("skills", "2026-11-15", 25), Vars(null), filed);
            await TrackerSeed.AddClassAsync(Services, "S5", "qujing", qj, Class("skills", "2026-11-20", 25), Vars(false), filed);
            await TrackerSeed.AddClassAsync(Services, "S6", "qujing", qj, Class("skills", "2026-09-30", 25), Vars(true, failed: 0, paid: 5000m), filed);
            await TrackerSeed.AddClassAsync(Services, "S7", "jiaozuo", jz, Class("skills", "2026-10-05", 25), Vars(true, failed: 0, paid: 5000m), filed);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(string url, string user, string roles, string jurisdiction)
    {
        await TestAccounts.EnsureAsync(world.Services, user, roles, jurisdiction);
        return await world.Client.SendAsync(As(HttpMethod.Get, url, user, roles));
    }

    public sealed class Postgres : World
    {
        protected override bool Available => TestDatabases.Server is not null;

        protected override async Task<string?> DatabaseAsync() => await TestDatabases.CreateAsync();
    }

    protected async Task Counts_the_quarter_by_category_and_says_what_is_not_known()
    {
        var response = await SendAsync("/api/statistics/quarterly?year=2026&quarter=4&jurisdiction=qujing", "qj.reviewer", "reviewer", "qujing");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        var figures = body["figures"]!;
        var skills = figures["categories"]![0]!;
        Assert.Equal("就业技能培训", skills["name"]!.GetValue<string>());
        Assert.Equal(2, skills["classes"]!.GetValue<int>());
        Assert.Equal(50, skills["trainees"]!.GetValue<int>());
        Assert.Equal(48, skills["passed"]!.GetValue<int>());
        Assert.Equal(0.96m, skills["passRate"]!.GetValue<decimal>());
        Assert.Equal(42000m, skills["subsidy"]!.GetValue<decimal>());
        Assert.Equal(["曲靖市技能培训中心"], skills["institutions"]!.AsArray().Select(i => i!.GetValue<string>()));
        var basics = figures["categories"]![1]!;
        Assert.Equal(1, basics["classes"]!.GetValue<int>());
        Assert.Equal(10, basics["trainees"]!.GetValue<int>());
        Assert.Null(basics["passRate"]);
        Assert.Equal(0, figures["categories"]![2]!["classes"]!.GetValue<int>());
        Assert.Equal(3, figures["total"]!["classes"]!.GetValue<int>());
        Assert.Equal(1, figures["pendingOpening"]!.GetValue<int>());
        Assert.Equal(1, figures["notOpened"]!.GetValue<int>());
        Assert.Equal(1, figures["withoutResults"]!.GetValue<int>());
        Assert.Equal(1, figures["withoutPayment"]!.GetValue<int>());
        Assert.Contains(figures["notes"]!.AsArray(), n => n!.GetValue<string>().StartsWith("1 个班尚无结业考核结果", StringComparison.Ordinal));
    }

    protected async Task A_province_reaches_its_prefectures_another_city_does_not_and_institutions_are_refused()
    {
        var yunnan = await JsonAsync(await SendAsync("/api/statistics/quarterly?year=2026&quarter=4&jurisdiction=yunnan", "yn.approver", "approver", "yunnan"));
        Assert.Equal(3, yunnan["figures"]!["total"]!["classes"]!.GetValue<int>());
        Assert.Contains(yunnan["jurisdictions"]!.AsArray(), j => j!["id"]!.GetValue<string>() == "qujing");
        Assert.Equal(HttpStatusCode.NotFound,
            (await SendAsync("/api/statistics/quarterly?year=2026&quarter=4&jurisdiction=qujing", "jz.reviewer", "reviewer", "jiaozuo")).StatusCode);
        var jiaozuo = await JsonAsync(await SendAsync("/api/statistics/quarterly?year=2026&quarter=4", "jz.reviewer", "reviewer", "jiaozuo"));
        Assert.Equal(1, jiaozuo["figures"]!["total"]!["classes"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync("/api/statistics/quarterly?year=2026&quarter=5", "jz.reviewer", "reviewer", "jiaozuo")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await world.Client.SendAsync(As(HttpMethod.Get, "/api/statistics/quarterly", "stat.institution", "institution"))).StatusCode);
    }

    protected async Task Downloads_the_quarter_as_the_QJ_form()
    {
        var response = await SendAsync("/api/statistics/quarterly.xlsx?year=2026&quarter=4&jurisdiction=qujing", "qj.reviewer", "reviewer", "qujing");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var doc = SpreadsheetDocument.Open(stream, false);
        var strings = doc.WorkbookPart!.SharedStringTablePart!.SharedStringTable.Elements<S.SharedStringItem>().Select(s => s.InnerText).ToList();
        string Text(S.Cell c) => c.DataType?.Value == S.CellValues.SharedString ? strings[int.Parse(c.CellValue!.Text)] : c.CellValue?.Text ?? "";
        var rows = doc.WorkbookPart.WorksheetParts.Single().Worksheet.Descendants<S.Row>().Select(r => r.Elements<S.Cell>().ToList()).ToList();
        Assert.Contains(rows, r => r.Any(c => Text(c) == "（2026年第4季度）"));
        var skills = rows.Single(r => r.Any(c => Text(c) == "就业技能培训"));
        var figures = skills.SkipWhile(c => Text(c) != "就业技能培训").Skip(1).Take(5).ToList();
        Assert.Equal(["2", "50", "48"], figures.Take(3).Select(Text));
        Assert.Null(figures[0].DataType);
        Assert.Equal(42000m, decimal.Parse(Text(figures[4]), System.Globalization.CultureInfo.InvariantCulture));
    }
}

public sealed class StatisticsApiSqliteTests(StatisticsApiTests.World world) : StatisticsApiTests(world), IClassFixture<StatisticsApiTests.World>
{
    [Fact] public Task Counts_the_quarter_by_category() => Counts_the_quarter_by_category_and_says_what_is_not_known();
    [Fact] public Task Reach() => A_province_reaches_its_prefectures_another_city_does_not_and_institutions_are_refused();
    [Fact] public Task Xlsx() => Downloads_the_quarter_as_the_QJ_form();
}

public sealed class StatisticsApiPostgresTests(StatisticsApiTests.Postgres world) : StatisticsApiTests(world), IClassFixture<StatisticsApiTests.Postgres>
{
    [PostgresFact] public Task Counts_the_quarter_by_category() => Counts_the_quarter_by_category_and_says_what_is_not_known();
    [PostgresFact] public Task Reach() => A_province_reaches_its_prefectures_another_city_does_not_and_institutions_are_refused();
    [PostgresFact] public Task Xlsx() => Downloads_the_quarter_as_the_QJ_form();
}
