using Pipeline.Host.Tests.Http;

namespace Pipeline.Host.Tests.Forms;

/// <summary>The form store (<c>host_forms</c>) and claims (<c>wf_bookmarks.assignee</c>) on PostgreSQL, the same scenarios as on SQLite.</summary>
public sealed class FormsOnPostgresTests(HostFixture.OnPostgres host) : IClassFixture<HostFixture.OnPostgres>
{
    [PostgresFact]
    public Task ShippedForms_AndVersions_OnPostgreSQL() =>
        Task.WhenAll(new FormsHttpTests(host).TheShippedForms_AreDeployedAtStartUp_AndStaffReadThem(), new FormsHttpTests(host).Deploying_MakesVersions_TheSameBytesKeepTheirs());

    [PostgresFact]
    public Task CompletionData_IsChecked_OnPostgreSQL() => new FormsHttpTests(host).CompletionData_IsCheckedAgainstTheTasksForm_WithAChineseMessage();

    [PostgresFact]
    public Task Claims_OnPostgreSQL() => new ClaimHttpTests(host).AClaimedTask_IsRefusedToOthersNamingWhoHoldsIt_UntilReleased();
}
