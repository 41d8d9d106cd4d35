using Pipeline.Activities.ClassOpening;
using Pipeline.Activities.Tests.Supervision;
using Pipeline.Workflows.Runtime;

namespace Pipeline.Activities.Tests.Scenarios;

/// <summary>
/// One class case driven through the shipped <c>class-case</c> definition, step by step as the people of each stage
/// would: the institution files and uploads, reviewers, approvers, inspectors and finance staff work their tasks.
/// </summary>
public sealed class ClassCaseRun(CaseDriver driver, string key, ClassApplication application, string profile)
{
    public static readonly DateTimeOffset Filed = new(2026, 6, 1, 9, 0, 0, TimeSpan.FromHours(8));
    public static readonly DateOnly Start = new(2026, 6, 15);

    /// <summary>The school's organisation id.</summary>
    public const string Institution = "institution:HX";

    public CaseDriver Driver => driver;
    public string Profile => profile;
    public string Key => key;
    public ClassApplication Class => application;

    /// <summary>The verdict the (replaced) pack check gives for each pack kind; the next claim pack's verdict may be set per upload.</summary>
    public Queue<string> ClaimVerdicts { get; } = new();

    /// <summary>A class run on a driver whose pack check answers <c>complete</c> (opening) or the queued claim verdict.</summary>
    public static async Task<ClassCaseRun> StartAsync(string profile, string key, ClassApplication application, CaseDriver? driver = null)
    {
        driver ??= new CaseDriver(Filed);
        var run = new ClassCaseRun(driver, key, application, profile);
        driver.Replaced["pack.check"] = inputs => new()
        {
            ["verdict"] = inputs["pack"] as string == "subsidy-claim" && run.ClaimVerdicts.TryDequeue(out var v) ? v : "complete",
            ["missing"] = new List<object?>(),
            ["findings"] = new List<object?>
            {
                new Dictionary<string, object?> { ["rule"] = "R-WS-16", ["severity"] = "error", ["message"] = "缺少「就业证明材料」。", ["page"] = null },
            },
        };
        await driver.DeployAllAsync();
        // Where the profile asks a current contract (R-WS-1, R-YN-2, R-QJ-4), the school holds one for the occupation.
        driver.Contracts.Sign(Institution, application.Occupation, application.StartDate);
        await driver.StartAsync("class-case", key, new()
        {
            ["document"] = new string('a', 64), ["fileName"] = "开班材料.pdf", ["profile"] = profile, ["institution"] = "华信职业培训学校",
            ["institutionId"] = Institution,
            ["class"] = ClassData.Variable(application), ["licensedOccupations"] = new List<object?> { application.Occupation },
        });
        return run;
    }

    public Task<IReadOnlyList<string>> WaitingAsync() => driver.WaitingAsync(key);

    public Task CompleteAsync(string node, string actor, string role, Dictionary<string, object?>? variables = null) =>
        driver.CompleteAsync(key, node, actor, role, variables);

    /// <summary>The reviewer approves, <paramref name="coSigners"/> distinct approvers co-sign, and a filing task if any is done.</summary>
    public async Task OpenAsync(int coSigners = 1)
    {
        await CompleteAsync("Task_Review", "王经办", "reviewer", new() { ["outcome"] = "approve", ["comment"] = "材料齐全" });
        for (var i = 1; i <= coSigners; i++)
            await CompleteAsync("Task_SignOff", $"签批人{i}", "approver", new() { ["outcome"] = "approve" });
        var waiting = await WaitingAsync();
        if (waiting.Contains("Task_FinanceFiling")) await CompleteAsync("Task_FinanceFiling", "王经办", "reviewer", new() { ["filingReference"] = "财备〔2026〕8号" });
        if ((await WaitingAsync()).Contains("Task_CityFiling")) await CompleteAsync("Task_CityFiling", "王经办", "reviewer", new() { ["filingReference"] = "市备〔2026〕3号" });
    }

    /// <summary>An inspection record as the inspector's form sends it (items of R-GL-10, both sides confirming).</summary>
    public static Dictionary<string, object?> Inspection(DateOnly date, int present, params string[] inspectors) => new()
    {
        ["date"] = date.ToString("yyyy-MM-dd"),
        ["inspectors"] = inspectors.Cast<object?>().ToList(),
        ["leader"] = inspectors.FirstOrDefault(),
        ["items"] = new Dictionary<string, object?>
        {
            ["syllabusFollowed"] = Ok(), ["progressMatchesPlan"] = Ok(), ["teacherPrepared"] = Ok(), ["practicalHoursMet"] = Ok(),
            ["attendance"] = new Dictionary<string, object?> { ["ok"] = true, ["expected"] = 20m, ["present"] = (decimal)present },
        },
        ["phoneChecks"] = new List<object?>(),
        ["confirmedByInstitution"] = "赵校长",
        ["confirmedByInspectors"] = true,
    };

    private static Dictionary<string, object?> Ok() => new() { ["ok"] = true };

    /// <summary>Each open inspection task is completed in turn with the record <paramref name="record"/> gives for its number.</summary>
    public async Task InspectAsync(int count, Func<int, Dictionary<string, object?>> record)
    {
        for (var i = 1; i <= count; i++)
            await CompleteAsync("Task_Inspect", $"督查员{i}", "inspector", new() { ["inspection"] = record(i) });
    }

    /// <summary>The training days: the first <see cref="ClassApplication.TrainingDays"/> working days from the start.</summary>
    public IReadOnlyList<DateOnly> TrainingDays() =>
        Enumerable.Range(0, 60).Select(i => application.StartDate.AddDays(i))
            .Where(d => Pipeline.Workflows.Calendar.WorkingDayCalendar.China.IsWorkingDay(d)).Take(application.TrainingDays).ToList();

    /// <summary>The institution uploads the sign-in sheet: each trainee signs in and out on the days <paramref name="daysAttended"/> gives (all by default).</summary>
    public async Task UploadSignInSheetAsync(Func<Trainee, int>? daysAttended = null)
    {
        var sheet = new SignInSheetXlsx().Row([.. SignInSheetXlsx.TemplateHeader]);
        var days = TrainingDays();
        var number = 0;
        foreach (var trainee in application.Trainees)
            foreach (var day in days.Take(daysAttended?.Invoke(trainee) ?? days.Count))
                sheet.FullDay(++number, trainee.Name, trainee.IdNumber, day);
        var path = sheet.Save(Path.Combine(Path.GetTempPath(), $"sign-in-{Guid.NewGuid():N}.xlsx"));
        var stored = await driver.Originals.StoreAsync(path, CaseDriver.None);
        Assert.NotNull(await driver.UploadAsync(key, stored.Sha256, "签到表.xlsx"));
    }

    /// <summary>The reviewer confirms the attendance, recording impersonations and video gaps.</summary>
    public Task ReviewAttendanceAsync(IEnumerable<(string Name, DateOnly Date)>? impersonations = null, IEnumerable<(DateOnly Date, string Portion)>? videoGaps = null) =>
        CompleteAsync("Task_ReviewAttendance", "王经办", "reviewer", new()
        {
            ["impersonations"] = (impersonations ?? []).Select(i => (object?)new Dictionary<string, object?> { ["name"] = i.Name, ["date"] = i.Date.ToString("yyyy-MM-dd") }).ToList(),
            ["videoGaps"] = (videoGaps ?? []).Select(g => (object?)new Dictionary<string, object?> { ["date"] = g.Date.ToString("yyyy-MM-dd"), ["portion"] = g.Portion }).ToList(),
        });

    /// <summary>The institution files its subsidy-claim pack (its verdict from <see cref="ClaimVerdicts"/>, complete by default).</summary>
    public async Task FileClaimAsync(string? verdict = null)
    {
        if (verdict is not null) ClaimVerdicts.Enqueue(verdict);
        Assert.NotNull(await driver.UploadAsync(key, new string('c', 63) + ClaimVerdicts.Count, "补贴申请材料.pdf"));
    }

    /// <summary>The reviewer accepts the class with an assessment (names of failed, not employed, unverified trainees; contract rates).</summary>
    public Task AcceptAsync(string outcome = "approve", string[]? failed = null, string[]? notEmployed = null, string[]? unverified = null,
        Dictionary<string, object?>? dailyRates = null, bool tendered = false, decimal? approvedAmount = null) =>
        CompleteAsync("Task_AcceptanceReview", "王经办", "reviewer", new()
        {
            ["outcome"] = outcome,
            ["comment"] = outcome == "approve" ? "验收合格" : "就业证明不全，退回补正",
            ["assessment"] = new Dictionary<string, object?>
            {
                ["failed"] = (failed ?? []).Cast<object?>().ToList(), ["notEmployed"] = (notEmployed ?? []).Cast<object?>().ToList(),
                ["unverified"] = (unverified ?? []).Cast<object?>().ToList(), ["dailyRates"] = dailyRates,
                ["tendered"] = tendered, ["approvedAmount"] = approvedAmount,
            },
        });

    /// <summary>Handler, approver and (where the profile asks) a separate finance officer approve; finance records the payment.</summary>
    public async Task PayAsync(decimal amount)
    {
        await CompleteAsync("Task_Handle", "王经办", "reviewer", new() { ["outcome"] = "approve" });
        await CompleteAsync("Task_Approve", "李科长", "approver", new() { ["outcome"] = "approve" });
        if ((await WaitingAsync()).Contains("Task_FinanceApprove"))
            await CompleteAsync("Task_FinanceApprove", "钱会计", "finance", new() { ["outcome"] = "approve" });
        await CompleteAsync("Task_RecordPayment", "钱会计", "finance", new() { ["paidAmount"] = amount, ["paidOn"] = "2026-08-20", ["voucher"] = "拨字〔2026〕41号" });
    }

    /// <summary>The follow-up: every trainee named is reached and employed on <paramref name="on"/>.</summary>
    public Task FollowUpAsync(DateOnly on, IEnumerable<string> trainees, IEnumerable<(string Trainee, DateOnly Date)>? startUps = null) =>
        CompleteAsync("Task_FollowUp", "华信培训学校", "institution", new()
        {
            ["records"] = trainees.Select(t => (object?)new Dictionary<string, object?>
            {
                ["trainee"] = t, ["date"] = on.ToString("yyyy-MM-dd"), ["reached"] = true, ["employed"] = true, ["employer"] = "某餐饮公司",
            }).ToList(),
            ["startUps"] = (startUps ?? []).Select(s => (object?)new Dictionary<string, object?> { ["trainee"] = s.Trainee, ["date"] = s.Date.ToString("yyyy-MM-dd") }).ToList(),
        });

    /// <summary>The top instance of the case.</summary>
    public async Task<ProcessInstance> CaseAsync() => (await driver.InstancesAsync(key)).Single(i => i.ParentInstanceId is null);

    /// <summary>A variable of the top instance as JSON text (for contains checks).</summary>
    public async Task<string> VariableJsonAsync(string name) =>
        System.Text.Json.JsonSerializer.Serialize(Pipeline.Activities.Catalogue.ActivityInvoker.Plain((await CaseAsync()).Variables.GetValueOrDefault(name)));
}
