using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Host.Tests.Http;
using Pipeline.Workflows.EntityFramework;
using Pipeline.Workflows.Runtime;
using static Pipeline.Host.Tests.Http.HostFixture;
using static Pipeline.Host.Tests.Http.Processes;

namespace Pipeline.Host.Tests.Auth;

/// <summary>Fixes found in the security review, each pinned by a test that failed before it.</summary>
public sealed class ReviewFixesTests(ReviewFixesTests.CrashingHost host) : IClassFixture<ReviewFixesTests.CrashingHost>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 7, 7, 7];

    /// <summary>The Host whose instance store fails the first start of business key <see cref="CrashKey"/> (a crash between the case row and its instance).</summary>
    public sealed class CrashingHost : HostFixture
    {
        public const string CrashKey = "CRASH-0001";

        protected override void Configure(WebApplicationBuilder builder) =>
            builder.Services.AddSingleton<IInstanceStore>(sp => new CrashOnce(new EfInstanceStore(sp.GetRequiredService<IDbContextFactory<WorkflowDbContext>>())));
    }

    [Fact]
    public async Task A_crash_between_recording_the_case_and_starting_it_leaves_one_instance_after_the_retry()
    {
        await DeployAsync(host.Client, SingleTask("crash-review"));
        var form = () =>
        {
            var content = Pack(Png, "cover.png");
            content.Add(new StringContent("crash-review"), "process");
            return content;
        };
        var crashed = await host.Client.SendAsync(As(HttpMethod.Post, $"/api/cases/{CrashingHost.CrashKey}/packs", "inst-crash", "institution", form()));
        Assert.Equal(HttpStatusCode.InternalServerError, crashed.StatusCode);

        var retried = await host.Client.SendAsync(As(HttpMethod.Post, $"/api/cases/{CrashingHost.CrashKey}/packs", "inst-crash", "institution", form()));
        Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
        var instanceId = (await JsonAsync(retried))["instanceId"]!.GetValue<string>();
        var instances = await host.Services.GetRequiredService<IInstanceStore>().ByBusinessKeyAsync(CrashingHost.CrashKey, CancellationToken.None);
        Assert.Equal(instanceId, Assert.Single(instances).Id.ToString());
        var view = await PollAsync(host.Client, CrashingHost.CrashKey, v => Waits(v, "UserTask", "Review"), Patience);
        Assert.Equal(instanceId, view["instanceId"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_message_cannot_point_the_pack_check_at_a_server_file()
    {
        await DeployAsync(host.Client, SingleTask("msg-review"));
        await StartAsync(host.Client, "msg-review", "MSG-0001", "inst-msg");
        foreach (var variables in new[] { """{ "document": "/etc/hostname" }""", """{ "Document": "/dev/zero", "fileName": "x.pdf" }""" })
        {
            var sent = await host.Client.PostAsync("/api/messages", ApiTests.JsonContent(
                $$"""{ "name": "pack-resubmitted", "correlationKey": "MSG-0001", "variables": {{variables}} }"""));
            Assert.Equal(HttpStatusCode.BadRequest, sent.StatusCode);
            Assert.Contains("document", (await JsonAsync(sent))["detail"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        }
        var view = await JsonAsync(await host.Client.GetAsync("/api/cases/MSG-0001"));
        Assert.DoesNotContain("/etc/hostname", view.ToJsonString(), StringComparison.Ordinal);
        // The case's document is the stored original's hash, never a path.
        Assert.Matches("^[0-9a-f]{64}$", view["variables"]!["document"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("张三_410802199003071234_身份证.png", "410802199003071234")]
    [InlineData("联系人138-1234-5678.png", "138-1234-5678")]
    public async Task Identity_and_mobile_numbers_in_file_names_leave_the_api_masked(string fileName, string number)
    {
        var key = "MASK-" + Math.Abs(fileName.GetHashCode()) % 100000;
        await DeployAsync(host.Client, SingleTask("mask-review"));
        var form = Pack([.. Png, .. System.Text.Encoding.UTF8.GetBytes(fileName)], fileName);
        form.Add(new StringContent("mask-review"), "process");
        var upload = await host.Client.SendAsync(As(HttpMethod.Post, $"/api/cases/{key}/packs", "inst-mask", "institution", form));
        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        foreach (var who in new[] { (TestSignIn.DefaultUser, "admin"), ("inst-mask", "institution") })
        {
            var view = await (await host.Client.SendAsync(As(HttpMethod.Get, $"/api/cases/{key}", who.Item1, who.Item2))).Content.ReadAsStringAsync();
            Assert.DoesNotContain(number, view, StringComparison.Ordinal);
            Assert.DoesNotContain(new string(number.Where(char.IsAsciiDigit).ToArray()), view, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Numbers_written_in_other_ways_are_masked_in_variables_and_history()
    {
        await DeployAsync(host.Client, MessageStart("mask-message", "mask-received"));
        var published = await host.Client.PostAsync("/api/messages", ApiTests.JsonContent("""
            { "name": "mask-received", "correlationKey": "MASK-MSG",
              "variables": { "mobile": "+86 138-1234-5678", "fullWidth": "１３８１２３４５６７８", "id": "410802-19900307-1234", "note": "联系13812345678，身份证410802199003071234" } }
            """));
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var view = (await JsonAsync(await host.Client.GetAsync("/api/cases/MASK-MSG"))).ToJsonString();
        foreach (var raw in new[] { "1234-5678", "12345678", "１２３４５６７８", "19900307", "199003071234" })
            Assert.DoesNotContain(raw, view, StringComparison.Ordinal);
        Assert.Contains("138****5678", view, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_401_character_file_name_is_refused_before_anything_is_written()
        => await FileNameTooLongAsync(host);

    internal static async Task FileNameTooLongAsync(HostFixture host)
    {
        var name = new string('很', 397) + ".png";
        var upload = await host.Client.SendAsync(As(HttpMethod.Post, "/api/cases/LONG-NAME/packs", "inst-long", "institution", Pack(Png, name)));
        Assert.Equal(HttpStatusCode.BadRequest, upload.StatusCode);
        Assert.Contains("255", (await JsonAsync(upload))["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync("/api/cases/LONG-NAME")).StatusCode);
        Assert.Empty(await host.Services.GetRequiredService<IInstanceStore>().ByBusinessKeyAsync("LONG-NAME", CancellationToken.None));
        var longKey = new string('K', 201);
        var keyed = await host.Client.SendAsync(As(HttpMethod.Post, $"/api/cases/{longKey}/packs", "inst-long", "institution", Pack(Png, "a.png")));
        Assert.Equal(HttpStatusCode.BadRequest, keyed.StatusCode);
    }

    /// <summary>Fails the first insert of <see cref="CrashingHost.CrashKey"/>'s instance, as a crash after the case row was written.</summary>
    private sealed class CrashOnce(IInstanceStore inner) : IInstanceStore
    {
        private int _crashed;

        public Task InsertAsync(ProcessInstance instance, IReadOnlyList<HistoryEntry> history, CancellationToken cancellationToken) =>
            instance.BusinessKey == CrashingHost.CrashKey && Interlocked.Exchange(ref _crashed, 1) == 0
                ? throw new IOException("simulated crash before the instance was stored")
                : inner.InsertAsync(instance, history, cancellationToken);

        public Task<ProcessInstance?> GetAsync(Guid id, CancellationToken cancellationToken) => inner.GetAsync(id, cancellationToken);
        public Task UpdateAsync(ProcessInstance instance, long expectedRevision, IReadOnlyList<HistoryEntry> history, CancellationToken cancellationToken) =>
            inner.UpdateAsync(instance, expectedRevision, history, cancellationToken);
        public Task<IReadOnlyList<(ProcessInstance Instance, Bookmark Bookmark)>> FindBookmarksAsync(BookmarkQuery query, CancellationToken cancellationToken) =>
            inner.FindBookmarksAsync(query, cancellationToken);
        public Task<IReadOnlyList<ProcessInstance>> ChildrenAsync(Guid parentInstanceId, CancellationToken cancellationToken) => inner.ChildrenAsync(parentInstanceId, cancellationToken);
        public Task<IReadOnlyList<ProcessInstance>> WithIncidentsAsync(int limit, CancellationToken cancellationToken) => inner.WithIncidentsAsync(limit, cancellationToken);
        public Task<IReadOnlyList<ProcessInstance>> ByBusinessKeyAsync(string businessKey, CancellationToken cancellationToken) => inner.ByBusinessKeyAsync(businessKey, cancellationToken);
        public Task<IReadOnlyDictionary<(string ProcessId, int Version), int>> CountActiveByVersionAsync(CancellationToken cancellationToken) => inner.CountActiveByVersionAsync(cancellationToken);
        public Task<IReadOnlyList<ProcessInstance>> ActiveAsync(string processId, int version, int limit, CancellationToken cancellationToken) =>
            inner.ActiveAsync(processId, version, limit, cancellationToken);
        public Task<IReadOnlyList<HistoryEntry>> HistoryAsync(Guid instanceId, CancellationToken cancellationToken) => inner.HistoryAsync(instanceId, cancellationToken);
    }
}

/// <summary>The file-name limit on PostgreSQL, where the column's bound once turned it into a 500 after the instance started.</summary>
public sealed class FileNameLimitOnPostgresTests(HostFixture.OnPostgres host) : IClassFixture<HostFixture.OnPostgres>
{
    [Http.PostgresFact]
    public async Task A_401_character_file_name_is_refused_before_anything_is_written_on_PostgreSQL()
    {
        await ReviewFixesTests.FileNameTooLongAsync(host);
    }
}
