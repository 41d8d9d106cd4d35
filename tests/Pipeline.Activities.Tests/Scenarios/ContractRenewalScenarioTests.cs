using Pipeline.Activities.Procurement.Contracts;
using Pipeline.Workflows.Runtime;

namespace Pipeline.Activities.Tests.Scenarios;

/// <summary>
/// The shipped <c>contract-renewal</c> definition (WS "合同一年一订", R-WS-1): at the start of each contract year after the
/// first a reviewer decides; a renewal is recorded in the registry and the next year awaited until the term has none left.
/// </summary>
public class ContractRenewalScenarioTests
{
    private static readonly DateTimeOffset Signed = new(2027, 1, 1, 9, 0, 0, TimeSpan.FromHours(8));

    private static async Task<(CaseDriver Driver, TrainingContract Contract)> StartAsync(DateOnly to)
    {
        var driver = new CaseDriver(Signed);
        await driver.DeployAllAsync();
        var contract = driver.Contracts.Add(new TrainingContract
        {
            Id = "HT-WS-1", Institution = "institution:HX", Occupations = ["中式烹调师"], From = new DateOnly(2027, 1, 1), To = to, RenewedYearly = true,
        });
        // The Host publishes contract-renewal when it records a contract renewed yearly (ContractRenewalStarter).
        await driver.Engine.PublishMessageAsync("contract-renewal", "CONTRACT-HT-WS-1",
            new Dictionary<string, object?> { ["contract"] = contract.Id, ["profile"] = "wenshui" }, "system", CaseDriver.None);
        await driver.RunJobsAsync();
        return (driver, contract);
    }

    [Fact]
    public async Task R_WS_1_Each_contract_year_opens_a_renewal_task_and_a_renewal_is_recorded_until_the_term_ends()
    {
        var (driver, contract) = await StartAsync(new DateOnly(2029, 12, 31));
        Assert.Equal(["Timer_YearBegins"], await driver.WaitingAsync("CONTRACT-HT-WS-1"));

        await driver.AdvanceToAsync("CONTRACT-HT-WS-1", new DateTimeOffset(2028, 1, 1, 0, 0, 1, TimeSpan.FromHours(8)));
        var (_, task) = Assert.Single(await driver.TasksAsync("CONTRACT-HT-WS-1"));
        Assert.Equal("Task_Renew", task.NodeId);
        Assert.Equal(new DateOnly(2028, 1, 1), DateOnly.FromDateTime(task.DueAt!.Value.ToOffset(TimeSpan.FromHours(8)).DateTime));
        await driver.CompleteAsync("CONTRACT-HT-WS-1", "Task_Renew", "王经办", "reviewer", new() { ["outcome"] = "approve", ["comment"] = "年度考核合格，续签" });
        Assert.Equal([new DateOnly(2028, 1, 1)], driver.Contracts.Renewals[contract.Id]);
        Assert.Equal(["Timer_YearBegins"], await driver.WaitingAsync("CONTRACT-HT-WS-1"));

        await driver.AdvanceToAsync("CONTRACT-HT-WS-1", new DateTimeOffset(2029, 1, 1, 0, 0, 1, TimeSpan.FromHours(8)));
        await driver.CompleteAsync("CONTRACT-HT-WS-1", "Task_Renew", "王经办", "reviewer", new() { ["outcome"] = "approve" });
        // Three years, two renewals: the term has no year left.
        Assert.Equal([new DateOnly(2028, 1, 1), new DateOnly(2029, 1, 1)], driver.Contracts.Renewals[contract.Id]);
        var done = Assert.Single(await driver.InstancesAsync("CONTRACT-HT-WS-1"));
        Assert.Equal(InstanceStatus.Completed, done.Status);
        Assert.Contains(await driver.HistoryAsync("CONTRACT-HT-WS-1"), h => h.NodeId == "End_TermEnds");
    }

    [Fact]
    public async Task R_WS_1_A_year_not_renewed_ends_the_renewals_and_the_contract_lapses()
    {
        var (driver, contract) = await StartAsync(new DateOnly(2029, 12, 31));
        await driver.AdvanceToAsync("CONTRACT-HT-WS-1", new DateTimeOffset(2028, 1, 1, 0, 0, 1, TimeSpan.FromHours(8)));
        await driver.CompleteAsync("CONTRACT-HT-WS-1", "Task_Renew", "王经办", "reviewer", new() { ["outcome"] = "reject", ["comment"] = "年度考核不合格" });
        Assert.False(driver.Contracts.Renewals.ContainsKey(contract.Id));
        Assert.Contains(await driver.HistoryAsync("CONTRACT-HT-WS-1"), h => h.NodeId == "End_NotRenewed");
        Assert.Equal(ContractTerm.RenewalDue, ContractTerm.StatusOn(driver.Contracts.All.Single(), new DateOnly(2028, 3, 1), null));
    }
}
