using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Pipeline.Host.Tests.Http;
using static Pipeline.Host.Tests.Http.HostFixture;
using static Pipeline.Host.Tests.Http.Processes;

namespace Pipeline.Host.Tests.Forms;

/// <summary>Task forms: the shipped forms deployed at start-up, deploying versions, who reads them, and completion data checked against a task's form.</summary>
public sealed class FormsHttpTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary><see cref="Processes.SingleTask"/> whose task is worked with the form <paramref name="formId"/>.</summary>
    public static string WithForm(string processId, string formId, string role = "reviewer") =>
        SingleTask(processId, role).Replace("<bpmn:extensionElements>", $"""<bpmn:extensionElements><zeebe:formDefinition formId="{formId}" />""", StringComparison.Ordinal);

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task<(string InstanceId, string BookmarkId)> CaseAtTaskAsync(string processId, string formId, string key, string role = "reviewer", string institution = "institution-a")
    {
        await DeployAsync(host.Client, WithForm(processId, formId, role));
        var instanceId = await StartAsync(host.Client, processId, key, institution);
        var view = await PollAsync(host.Client, key, v => Waits(v, "UserTask", "Review"), Patience);
        return (instanceId, view["waiting"]![0]!["bookmarkId"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheShippedForms_AreDeployedAtStartUp_AndStaffReadThem()
    {
        var list = (await JsonAsync(await host.Client.SendAsync(As(HttpMethod.Get, "/api/forms", "王经办", "reviewer")))).AsArray();
        var ids = list.Select(f => f!["latest"]!["formId"]!.GetValue<string>()).ToList();
        Assert.Superset(new HashSet<string> { "inspection-record", "acceptance-review", "payment-approval", "payment-record" }, ids.ToHashSet());
        var record = list.Single(f => f!["latest"]!["formId"]!.GetValue<string>() == "payment-record")!;
        Assert.Equal(("拨付登记", "system"), (record["latest"]!["name"]!.GetValue<string>(), record["latest"]!["deployedBy"]!.GetValue<string>()));

        var form = await JsonAsync(await host.Client.SendAsync(As(HttpMethod.Get, "/api/forms/payment-record", "王经办", "reviewer")));
        Assert.Equal("payment-record", form["schema"]!["id"]!.GetValue<string>());
        Assert.Contains(form["schema"]!["components"]!.AsArray(), c => c!["key"]?.GetValue<string>() == "voucher");
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.SendAsync(As(HttpMethod.Get, "/api/forms/no-such-form", "王经办", "reviewer"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Client.SendAsync(As(HttpMethod.Get, "/api/forms", "institution-a", "institution"))).StatusCode);
    }

    [Fact]
    public async Task Deploying_MakesVersions_TheSameBytesKeepTheirs()
    {
        const string v1 = """{ "id": "test-deploy", "type": "default", "components": [ { "type": "text", "text": "# 测试表单" }, { "type": "textfield", "key": "note", "label": "备注" } ] }""";
        var first = await host.Client.SendAsync(As(HttpMethod.Post, "/api/forms", "admin", "admin", Json(v1)));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal((1, "测试表单"), ((await JsonAsync(first))["version"]!.GetValue<int>(), (await JsonAsync(first))["name"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, (await host.Client.SendAsync(As(HttpMethod.Post, "/api/forms", "admin", "admin", Json(v1)))).StatusCode);
        var second = await host.Client.SendAsync(As(HttpMethod.Post, "/api/forms", "admin", "admin", Json(v1.Replace("备注", "说明", StringComparison.Ordinal))));
        Assert.Equal((HttpStatusCode.Created, 2), (second.StatusCode, (await JsonAsync(second))["version"]!.GetValue<int>()));

        var old = await JsonAsync(await host.Client.SendAsync(As(HttpMethod.Get, "/api/forms/test-deploy/1", "王经办", "reviewer")));
        Assert.Equal("备注", old["schema"]!["components"]![1]!["label"]!.GetValue<string>());
        var latest = await JsonAsync(await host.Client.SendAsync(As(HttpMethod.Get, "/api/forms/test-deploy", "王经办", "reviewer")));
        Assert.Equal((2, "说明"), (latest["version"]!.GetValue<int>(), latest["schema"]!["components"]![1]!["label"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Client.SendAsync(As(HttpMethod.Post, "/api/forms", "王经办", "reviewer", Json(v1)))).StatusCode);
    }

    [Theory]
    [InlineData("not json", "不是有效的 JSON")]
    [InlineData("[1, 2]", "必须是 JSON 对象")]
    [InlineData("""{ "components": [] }""", "缺少 id")]
    [InlineData("""{ "id": "9 bad", "components": [] }""", "不合格式")]
    [InlineData("""{ "id": "no-components" }""", "缺少 components")]
    [InlineData("""{ "id": "untyped", "components": [ { "key": "a" } ] }""", "带 type 的对象")]
    public async Task AnInvalidSchema_IsRefusedWith400_SayingWhyInChinese(string body, string why)
    {
        var response = await host.Client.SendAsync(As(HttpMethod.Post, "/api/forms", "admin", "admin", Json(body)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(why, (await JsonAsync(response))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOversizedSchema_IsRefused()
    {
        var big = $$"""{ "id": "big", "components": [ { "type": "text", "text": "{{new string('字', 100_000)}}" } ] }""";
        var response = await host.Client.SendAsync(As(HttpMethod.Post, "/api/forms", "admin", "admin", Json(big)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("256 KiB", (await JsonAsync(response))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InstitutionStaff_ReadAForm_OnlyWhileATaskOfTheirsUsesIt()
    {
        await CaseAtTaskAsync("form-inst-task", "payment-approval", "FORM-INST-1", role: "institution");
        Assert.Equal(HttpStatusCode.OK, (await host.Client.SendAsync(As(HttpMethod.Get, "/api/forms/payment-approval", "institution-a", "institution"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.SendAsync(As(HttpMethod.Get, "/api/forms/payment-approval/1", "institution-a", "institution"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.SendAsync(As(HttpMethod.Get, "/api/forms/payment-approval", "institution-b", "institution"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.SendAsync(As(HttpMethod.Get, "/api/forms/payment-record", "institution-a", "institution"))).StatusCode);
    }

    [Fact]
    public async Task CompletionData_IsCheckedAgainstTheTasksForm_WithAChineseMessage()
    {
        var (instanceId, bookmarkId) = await CaseAtTaskAsync("form-payment", "payment-record", "FORM-PAY-1");
        var url = $"/api/tasks/{instanceId}/{bookmarkId}/complete";
        var tasks = (await JsonAsync(await host.Client.SendAsync(As(HttpMethod.Get, "/api/tasks", "王经办", "reviewer")))).AsArray();
        Assert.Equal("payment-record", tasks.Single(t => t!["businessKey"]!.GetValue<string>() == "FORM-PAY-1")!["formId"]!.GetValue<string>());

        var wrong = await host.Client.SendAsync(As(HttpMethod.Post, url, "王经办", "reviewer",
            Json("""{ "outcome": "done", "variables": { "paidAmount": "一万", "paidOn": "2026-13-01" } }""")));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var problem = await JsonAsync(wrong);
        var detail = problem["detail"]!.GetValue<string>();
        Assert.Contains("「拨付金额（元）」须为数字", detail, StringComparison.Ordinal);
        Assert.Contains("「拨付日期」须为日期", detail, StringComparison.Ordinal);
        Assert.Contains("「拨付凭证号」为必填项", detail, StringComparison.Ordinal);
        Assert.Equal(3, problem["problems"]!.AsArray().Count);

        var negative = await host.Client.SendAsync(As(HttpMethod.Post, url, "王经办", "reviewer",
            Json("""{ "outcome": "done", "variables": { "paidAmount": -5, "paidOn": "2026-12-01", "voucher": "焦人社拨〔2026〕1号" } }""")));
        Assert.Contains("不能小于 0", (await JsonAsync(negative))["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        var done = await host.Client.SendAsync(As(HttpMethod.Post, url, "王经办", "reviewer",
            Json("""{ "outcome": "done", "variables": { "paidAmount": 12000, "paidOn": "2026-12-01", "voucher": "焦人社拨〔2026〕1号" } }""")));
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var view = await JsonAsync(await host.Client.GetAsync("/api/cases/FORM-PAY-1"));
        Assert.Equal(12000, view["variables"]!["paidAmount"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task AListField_TakesNamesSeparatedByTheEnumerationComma()
    {
        var (instanceId, bookmarkId) = await CaseAtTaskAsync("form-inspect", "inspection-record", "FORM-INSP-1", role: "inspector");
        var missing = await host.Client.SendAsync(As(HttpMethod.Post, $"/api/tasks/{instanceId}/{bookmarkId}/complete", "赵督查", "inspector",
            Json("""{ "outcome": "done", "variables": { "inspection": { "date": "2026-06-17" } } }""")));
        Assert.Contains("「检查人员」为必填项", (await JsonAsync(missing))["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        var done = await host.Client.SendAsync(As(HttpMethod.Post, $"/api/tasks/{instanceId}/{bookmarkId}/complete", "赵督查", "inspector",
            Json("""{ "outcome": "done", "variables": { "inspection": { "date": "2026-06-17", "inspectors": "赵督查、孙督查", "items": { "attendance": { "ok": true, "expected": 30, "present": 28 } } } } }""")));
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var inspection = (await JsonAsync(await host.Client.GetAsync("/api/cases/FORM-INSP-1")))["variables"]!["inspection"]!;
        Assert.Equal(["赵督查", "孙督查"], inspection["inspectors"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(28, inspection["items"]!["attendance"]!["present"]!.GetValue<int>());
    }
}
