using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pipeline.Activities.Rosters;
using Pipeline.Workflows.Calendar;

namespace Pipeline.Host.Cli;

/// <summary>
/// The demo's second case: a Jiaozuo class run through the whole <c>class-case</c> definition over the HTTP API, each
/// step by the person whose job it is: the institution files the opening (pack and class data), the reviewer and the
/// approver approve, the inspector records an inspection, the institution uploads its sign-in sheet and its subsidy
/// claim, the reviewer accepts the class with the contract's daily rate, the subsidy is computed, handler and approver
/// approve the payment and finance records it, the institution reports its follow-up calls.
/// </summary>
public static class DemoClassCase
{
    private static readonly (string Name, DateOnly Birth)[] People =
        [("刘洋", new(1995, 3, 12)), ("陈静", new(1998, 7, 1)), ("杨帆", new(1990, 11, 23)), ("赵磊", new(2001, 2, 5))];

    public static async Task RunAsync(HttpClient http, string packs, IReadOnlyDictionary<string, string> passwords, TextWriter stdout, CancellationToken cancellationToken)
    {
        var institution = await DemoCaseCommand.SignInAsync(http, "huaxin.staff", passwords, cancellationToken);
        var reviewer = await DemoCaseCommand.SignInAsync(http, "wang.reviewer", passwords, cancellationToken);
        var approver = await DemoCaseCommand.SignInAsync(http, "li.approver", passwords, cancellationToken);
        var inspector = await DemoCaseCommand.SignInAsync(http, "zhao.inspector", passwords, cancellationToken);
        var finance = await DemoCaseCommand.SignInAsync(http, "qian.finance", passwords, cancellationToken);
        var key = $"JZ-CLASS-{DateTime.Now:yyyyMMdd-HHmmss}";
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var start = WorkingDayCalendar.China.AddWorkingDays(today, 7);
        var trainees = People.Select((p, i) => (p.Name, Id: Id(p.Birth, 101 + 2 * i))).ToList();
        var days = Enumerable.Range(0, 40).Select(start.AddDays).Where(WorkingDayCalendar.China.IsWorkingDay).Take(10).ToList();
        var classData = new JsonObject
        {
            ["occupation"] = "电工", ["kind"] = "skills", ["trainingMode"] = "general",
            ["startDate"] = start.ToString("yyyy-MM-dd"), ["endDate"] = days[^1].ToString("yyyy-MM-dd"),
            ["plannedHours"] = 80, ["trainingDays"] = 10, ["headcount"] = trainees.Count, ["place"] = "焦作市解放区民主路 18 号实训楼",
            ["teachers"] = new JsonArray(new JsonObject { ["name"] = "张老师", ["teaches"] = "theory" }, new JsonObject { ["name"] = "李师傅", ["teaches"] = "practical" }),
            ["trainees"] = new JsonArray(trainees.Select(t => (JsonNode)new JsonObject { ["name"] = t.Name, ["idNumber"] = t.Id, ["targetGroup"] = "城镇登记失业人员" }).ToArray()),
        };
        stdout.WriteLine($"class case {key}: 电工 class of {trainees.Count}, {start:yyyy-MM-dd} to {days[^1]:yyyy-MM-dd} (process class-case, profile jiaozuo)");

        Step(stdout, "A1", "institution files the class opening: pack and class data");
        await UploadAsync(http, institution, key, Path.Combine(packs, "class-opening-complete.pdf"), cancellationToken, classData.ToJsonString());
        await CompleteAsync(http, reviewer, key, "Task_Review", "approve", "开班条件符合，同意", null, stdout, cancellationToken);
        await CompleteAsync(http, approver, key, "Task_SignOff", "approve", "同意开班", null, stdout, cancellationToken);

        Step(stdout, "A2", "training: the inspector's on-site check (R-GL-10 items), then the sign-in sheet");
        await CompleteAsync(http, inspector, key, "Task_Inspect", "done", "现场检查正常", new JsonObject
        {
            ["inspection"] = new JsonObject
            {
                ["date"] = days[2].ToString("yyyy-MM-dd"), ["inspectors"] = new JsonArray("赵督查", "孙督查"), ["leader"] = "赵督查",
                ["items"] = new JsonObject
                {
                    ["syllabusFollowed"] = Ok(), ["progressMatchesPlan"] = Ok(), ["teacherPrepared"] = Ok(), ["practicalHoursMet"] = Ok(),
                    ["attendance"] = new JsonObject { ["ok"] = true, ["expected"] = trainees.Count, ["present"] = trainees.Count },
                },
                ["confirmedByInstitution"] = "张校长", ["confirmedByInspectors"] = true,
            },
        }, stdout, cancellationToken);
        var sheet = Path.Combine(Path.GetTempPath(), $"{key}-签到表.xlsx");
        DemoSignInSheet.Write(sheet, trainees.Select(t => (t.Name, t.Id)).ToList(), days);
        await UploadAsync(http, institution, key, sheet, cancellationToken);
        File.Delete(sheet);
        await CompleteAsync(http, reviewer, key, "Task_ReviewAttendance", "done", "考勤核查无异常",
            new JsonObject { ["impersonations"] = new JsonArray(), ["videoGaps"] = new JsonArray() }, stdout, cancellationToken);

        Step(stdout, "A3", "acceptance: the subsidy-claim pack (JZ 附件10), then the reviewer's assessment with the contract's rate");
        await UploadAsync(http, institution, key, Path.Combine(packs, "subsidy-claim-complete.pdf"), cancellationToken);
        await CompleteAsync(http, reviewer, key, "Task_AcceptanceReview", "approve", "验收合格", new JsonObject
        {
            ["assessment"] = new JsonObject { ["failed"] = new JsonArray(), ["notEmployed"] = new JsonArray(), ["unverified"] = new JsonArray(), ["dailyRates"] = new JsonObject { ["general"] = 60 } },
        }, stdout, cancellationToken);

        Step(stdout, "A4", "subsidy and payment: handler, approver, finance");
        await CompleteAsync(http, reviewer, key, "Task_Handle", "approve", "核算无误", null, stdout, cancellationToken);
        var view = await DemoCaseCommand.WaitForAsync(http, approver, key, _ => true, cancellationToken);
        var payment = await ChildAsync(http, approver, view, "subsidy-payment", cancellationToken);
        stdout.WriteLine($"   subsidy: {payment["variables"]?["amount"]} yuan  ({trainees.Count} trainees × 10 days × 60 yuan)");
        await CompleteAsync(http, approver, key, "Task_Approve", "approve", "同意拨付", null, stdout, cancellationToken);
        await CompleteAsync(http, finance, key, "Task_RecordPayment", "done", "已拨付", new JsonObject
        {
            ["paidAmount"] = payment["variables"]?["amount"]?.DeepClone(), ["paidOn"] = today.ToString("yyyy-MM-dd"), ["voucher"] = "焦人社拨〔2026〕1号",
        }, stdout, cancellationToken);

        Step(stdout, "A5", "employment follow-up (due within 6 months of the end, R-JZ-6)");
        await CompleteAsync(http, institution, key, "Task_FollowUp", "done", "回访完成", new JsonObject
        {
            ["records"] = new JsonArray(trainees.Take(2).Select(t => (JsonNode)new JsonObject
            {
                ["trainee"] = t.Name, ["date"] = today.ToString("yyyy-MM-dd"), ["reached"] = true, ["employed"] = true, ["employer"] = "焦作市某电力安装公司",
            }).ToArray()),
            ["startUps"] = new JsonArray(),
        }, stdout, cancellationToken);
        view = await DemoCaseCommand.WaitForAsync(http, reviewer, key, v => v["status"]?.GetValue<string>() == "Completed", cancellationToken);
        stdout.WriteLine();
        stdout.WriteLine($"class case {key}: {view["status"]}; stages:");
        foreach (var child in view["children"]?.AsArray() ?? [])
            stdout.WriteLine($"  {child!["processId"],-22} {child["status"],-10} {child["startedAt"]?.GetValue<DateTimeOffset>().ToLocalTime():HH:mm:ss}–{child["endedAt"]?.GetValue<DateTimeOffset?>()?.ToLocalTime():HH:mm:ss}");
        stdout.WriteLine($"case page: {http.BaseAddress}cases/{key}");
    }

    private static JsonObject Ok() => new() { ["ok"] = true };

    private static void Step(TextWriter stdout, string number, string what) => stdout.WriteLine($"{number}. {what}");

    private static string Id(DateOnly birth, int sequence)
    {
        var first17 = $"410802{birth:yyyyMMdd}{sequence:000}";
        return first17 + IdNumber.CheckCharacter(first17);
    }

    /// <summary>Waits for the task <paramref name="node"/> of the case to be open to the caller, then completes it.</summary>
    private static async Task CompleteAsync(HttpClient http, string token, string key, string node, string outcome, string comment,
        JsonObject? variables, TextWriter stdout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        JsonNode? task;
        while (true)
        {
            using var list = DemoCaseCommand.As(token, HttpMethod.Get, "/api/tasks");
            using var response = await http.SendAsync(list, cancellationToken);
            await DemoCaseCommand.EnsureAsync(response, cancellationToken);
            task = (await response.Content.ReadFromJsonAsync<JsonArray>(cancellationToken))?
                .FirstOrDefault(t => t?["businessKey"]?.GetValue<string>() == key && t["nodeId"]?.GetValue<string>() == node);
            if (task is not null) break;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"case {key}: task {node} did not open in 3 min");
            await Task.Delay(500, cancellationToken);
        }
        var body = new JsonObject { ["outcome"] = outcome, ["comment"] = comment, ["variables"] = variables };
        using var request = DemoCaseCommand.As(token, HttpMethod.Post, $"/api/tasks/{task["instanceId"]}/{task["bookmarkId"]}/complete",
            new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        using var done = await http.SendAsync(request, cancellationToken);
        await DemoCaseCommand.EnsureAsync(done, cancellationToken);
        stdout.WriteLine($"   {task["name"],-14} {outcome,-8} {comment}");
    }

    /// <summary>Uploads a file to the case; while the case is still on its way to the step that takes it (409), tries again.</summary>
    private static async Task UploadAsync(HttpClient http, string token, string key, string file, CancellationToken cancellationToken, string? classData = null)
    {
        for (var deadline = DateTime.UtcNow.AddMinutes(2); ; await Task.Delay(500, cancellationToken))
        {
            using var form = new MultipartFormDataContent();
            var content = new ByteArrayContent(await File.ReadAllBytesAsync(file, cancellationToken));
            content.Headers.ContentType = new MediaTypeHeaderValue(file.EndsWith(".xlsx") ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "application/pdf");
            form.Add(content, "file", Path.GetFileName(file));
            if (classData is not null)
            {
                form.Add(new StringContent("class-case"), "process");
                form.Add(new StringContent(classData), "class");
            }
            using var request = DemoCaseCommand.As(token, HttpMethod.Post, $"/api/cases/{key}/packs", form);
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.StatusCode == System.Net.HttpStatusCode.Conflict && DateTime.UtcNow < deadline) continue;
            await DemoCaseCommand.EnsureAsync(response, cancellationToken);
            return;
        }
    }

    private static async Task<JsonNode> ChildAsync(HttpClient http, string token, JsonNode view, string processId, CancellationToken cancellationToken)
    {
        var child = view["children"]?.AsArray().LastOrDefault(c => c?["processId"]?.GetValue<string>() == processId)
            ?? throw new InvalidOperationException($"the case has no {processId} stage yet");
        using var request = DemoCaseCommand.As(token, HttpMethod.Get, $"/api/instances/{child["instanceId"]}");
        using var response = await http.SendAsync(request, cancellationToken);
        await DemoCaseCommand.EnsureAsync(response, cancellationToken);
        return (await response.Content.ReadFromJsonAsync<JsonNode>(cancellationToken))!;
    }
}
