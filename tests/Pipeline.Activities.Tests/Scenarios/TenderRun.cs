using System.Text.Json;
using Pipeline.Activities.Profiles;
using Pipeline.Activities.Tests.Procurement;
using Pipeline.Workflows.Expressions;
using Pipeline.Workflows.Runtime;

namespace Pipeline.Activities.Tests.Scenarios;

/// <summary>Drives the shipped <c>tender</c> (and <c>annual-plan</c>) definitions on the in-memory engine for one jurisdiction.</summary>
public sealed class TenderRun
{
    public static readonly DateTimeOffset Start = new(2027, 1, 2, 9, 0, 0, TimeSpan.FromHours(8));
    public static readonly string[] Pool = BidEvaluationTests.Pool;

    public TenderRun(ProfileCatalog? profiles = null)
    {
        Driver = new CaseDriver(Start, profiles ?? ProcurementTestData.Configured());
    }

    public CaseDriver Driver { get; }

    /// <summary>The contracts the tender records (the driver's in-memory registry).</summary>
    public InMemoryContractRegistry Registry => Driver.Contracts;

    /// <summary>A FEEL value from plain .NET data (anonymous objects, arrays, numbers as decimals).</summary>
    public static object? Feel(object? value) => FeelValues.FromJson(JsonSerializer.SerializeToElement(value));

    public static Dictionary<string, object?> Vars(object values) =>
        JsonSerializer.SerializeToElement(values).EnumerateObject().ToDictionary(p => p.Name, p => FeelValues.FromJson(p.Value));

    /// <summary>Starts a tender by the message tender-requested.</summary>
    public async Task<ProcessInstance> RequestAsync(string key, object variables)
    {
        await Driver.DeployAllAsync();
        var started = Assert.Single((await Driver.Engine.PublishMessageAsync("tender-requested", key, Vars(variables), "reviewer", CaseDriver.None)).Started);
        await Driver.RunJobsAsync();
        return (await Driver.Instances.GetAsync(started.Id, CaseDriver.None))!;
    }

    public Task CompleteAsync(string key, string node, object? variables = null, string actor = "经办人甲", string role = "reviewer") =>
        Driver.CompleteAsync(key, node, actor, role, variables is null ? [] : Vars(variables));

    public async Task<object?> VariableAsync(string key, string name) =>
        (await Driver.InstancesAsync(key)).Select(i => i.Variables.GetValueOrDefault(name)).FirstOrDefault(v => v is not null);

    public async Task<string> JsonAsync(string key, string name) =>
        JsonSerializer.Serialize(Pipeline.Activities.Catalogue.ActivityInvoker.Plain(await VariableAsync(key, name)),
            new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    /// <summary>Publishes the notice (bids due <paramref name="bidDeadline"/>), passes the deadline, records the bids, and fills every
    /// drawn evaluator's sheet with <paramref name="points"/>(evaluator, institution).</summary>
    public async Task PublishBidAndScoreAsync(string key, DateTimeOffset bidDeadline, (string Institution, string Lot)[] bids, Func<string, string, decimal> points)
    {
        await CompleteAsync(key, "Task_Publish", new { publishedOn = "2027-01-10", bidDeadline = bidDeadline.ToString("yyyy-MM-ddTHH:mm:sszzz"), sites = "市人社局网站、曲靖公共就业服务网" });
        Assert.Equal(["Timer_BidDeadline"], await Driver.WaitingAsync(key));
        await Driver.AdvanceToAsync(key, bidDeadline.AddMinutes(1));
        await CompleteAsync(key, "Task_RecordBids", new { bids = bids.Select(b => new { institution = b.Institution, lot = b.Lot }) });
        var evaluators = ((IReadOnlyList<object?>)(await VariableAsync(key, "evaluators"))!).Cast<string>().ToList();
        foreach (var evaluator in evaluators)
        {
            var scores = bids.Select(b =>
            {
                var row = new Dictionary<string, object?> { ["institution"] = b.Institution, ["lot"] = b.Lot };
                foreach (var criterion in ProcurementTestData.QujingWeights.Keys) row[criterion] = points(evaluator, b.Institution);
                return row;
            }).ToList();
            await CompleteAsync(key, "Task_Score", new { scores }, actor: "录入员" + evaluator);
        }
    }
}
