using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Host.Tests.Http;
using static Pipeline.Host.Tests.Http.HostFixture;

namespace Pipeline.Host.Tests.Auth;

/// <summary>
/// Every mapped endpoint, enumerated from the app's endpoint data source, × {anonymous, institution A, institution B,
/// reviewer, approver, finance, inspector, admin} → the status each must get. A new endpoint fails here until it
/// declares its policy and gets a row.
/// </summary>
public sealed class AuthorizationMatrixTests(AuthorizationMatrixTests.World world) : IClassFixture<AuthorizationMatrixTests.World>
{
    public static readonly string[] Callers = ["anonymous", "institution-a", "institution-b", "reviewer", "approver", "finance", "inspector", "admin"];

    // Columns:                       anon  instA instB  rev  appr   fin  insp admin
    private static readonly Dictionary<string, int[]> Expected = new()
    {
        ["GET /health"] = [200, 200, 200, 200, 200, 200, 200, 200],
        ["GET /login"] = [200, 200, 200, 200, 200, 200, 200, 200],
        ["GET /cases/{**path}"] = [302, 200, 200, 200, 200, 200, 200, 200],
        ["GET /instances/{**path}"] = [302, 200, 200, 200, 200, 200, 200, 200],
        ["GET /tasks"] = [302, 200, 200, 200, 200, 200, 200, 200],
        ["HEAD /login"] = [200, 200, 200, 200, 200, 200, 200, 200],
        ["HEAD /cases/{**path}"] = [401, 200, 200, 200, 200, 200, 200, 200],
        ["HEAD /instances/{**path}"] = [401, 200, 200, 200, 200, 200, 200, 200],
        ["HEAD /tasks"] = [401, 200, 200, 200, 200, 200, 200, 200],
        ["GET /hangfire/{**path}"] = [302, 403, 403, 200, 200, 200, 200, 200],
        ["GET /openapi/{documentName}.json"] = [401, 200, 200, 200, 200, 200, 200, 200],
        ["POST /api/auth/token"] = [400, 400, 400, 400, 400, 400, 400, 400],
        ["POST /api/auth/login"] = [400, 400, 400, 400, 400, 400, 400, 400],
        ["POST /api/auth/logout"] = [401, 204, 204, 204, 204, 204, 204, 204],
        ["GET /api/auth/me"] = [401, 200, 200, 200, 200, 200, 200, 200],
        ["GET /api/auth/antiforgery"] = [200, 200, 200, 200, 200, 200, 200, 200],
        ["GET /api/activities"] = [401, 200, 200, 200, 200, 200, 200, 200],
        ["GET /api/activities/templates"] = [401, 403, 403, 403, 403, 403, 403, 200],
        ["POST /api/definitions/validate"] = [401, 403, 403, 403, 403, 403, 403, 200],
        ["GET /designer"] = [302, 403, 403, 403, 403, 403, 403, 200],
        ["GET /designer/{**path}"] = [302, 403, 403, 403, 403, 403, 403, 200],
        ["HEAD /designer"] = [401, 403, 403, 403, 403, 403, 403, 200],
        ["HEAD /designer/{**path}"] = [401, 403, 403, 403, 403, 403, 403, 200],
        ["GET /api/definitions/"] = [401, 200, 200, 200, 200, 200, 200, 200],
        ["GET /api/definitions/{processId}/{version:int}/xml"] = [401, 200, 200, 200, 200, 200, 200, 200],
        ["GET /api/definitions/{processId}/{version:int}/instances"] = [401, 403, 403, 403, 403, 403, 403, 200],
        ["POST /api/definitions/"] = [401, 403, 403, 403, 403, 403, 403, 422],
        ["GET /api/cases/"] = [401, 200, 200, 200, 200, 200, 200, 200],
        ["GET /api/cases/{businessKey}"] = [401, 200, 404, 200, 200, 200, 200, 200],
        ["POST /api/cases/{businessKey}/packs"] = [401, 409, 404, 403, 403, 403, 403, 403],
        ["GET /api/cases/{businessKey}/report"] = [401, 404, 404, 404, 404, 404, 404, 404],
        ["GET /api/cases/{businessKey}/packs/{sha256}/pages/{page:int}"] = [401, 404, 404, 404, 404, 404, 404, 404],
        ["GET /api/cases/{businessKey}/documents"] = [401, 200, 404, 200, 200, 200, 200, 200],
        ["GET /api/cases/{businessKey}/documents/{sha256}"] = [401, 404, 404, 404, 404, 404, 404, 404],
        ["OPTIONS /api/uploads/"] = [401, 204, 204, 403, 403, 403, 403, 403],
        ["POST /api/uploads/"] = [401, 412, 412, 403, 403, 403, 403, 403],
        ["HEAD /api/uploads/{id}"] = [401, 404, 404, 403, 403, 403, 403, 403],
        ["PATCH /api/uploads/{id}"] = [401, 412, 412, 403, 403, 403, 403, 403],
        ["DELETE /api/uploads/{id}"] = [401, 412, 412, 403, 403, 403, 403, 403],
        ["GET /api/tasks/"] = [401, 200, 200, 200, 200, 200, 200, 200],
        ["POST /api/tasks/{instanceId:guid}/{bookmarkId:guid}/complete"] = [401, 404, 404, 404, 404, 404, 404, 404],
        // The case tracker and statistics (issue 13): bureau staff only.
        ["GET /tracker"] = [302, 403, 403, 200, 200, 200, 200, 200],
        ["HEAD /tracker"] = [401, 403, 403, 200, 200, 200, 200, 200],
        ["GET /statistics"] = [302, 403, 403, 200, 200, 200, 200, 200],
        ["HEAD /statistics"] = [401, 403, 403, 200, 200, 200, 200, 200],
        ["GET /api/tracker/cases"] = [401, 403, 403, 200, 200, 200, 200, 200],
        ["GET /api/tracker/cases.xlsx"] = [401, 403, 403, 200, 200, 200, 200, 200],
        ["GET /api/tracker/stages"] = [401, 403, 403, 200, 200, 200, 200, 200],
        ["GET /api/tracker/options"] = [401, 403, 403, 200, 200, 200, 200, 200],
        ["GET /api/statistics/quarterly"] = [401, 403, 403, 200, 200, 200, 200, 200],
        ["GET /api/statistics/quarterly.xlsx"] = [401, 403, 403, 200, 200, 200, 200, 200],
        // Task forms and claims (issue 13)
        ["GET /tasks/{**path}"] = [302, 200, 200, 200, 200, 200, 200, 200],
        ["HEAD /tasks/{**path}"] = [401, 200, 200, 200, 200, 200, 200, 200],
        ["POST /api/tasks/{instanceId:guid}/{bookmarkId:guid}/claim"] = [401, 404, 404, 404, 404, 404, 404, 404],
        ["POST /api/tasks/{instanceId:guid}/{bookmarkId:guid}/unclaim"] = [401, 404, 404, 404, 404, 404, 404, 404],
        ["GET /api/forms/"] = [401, 403, 403, 200, 200, 200, 200, 200],
        ["GET /api/forms/{formId}"] = [401, 404, 404, 200, 200, 200, 200, 200],
        ["GET /api/forms/{formId}/{version:int}"] = [401, 404, 404, 200, 200, 200, 200, 200],
        ["POST /api/forms/"] = [401, 403, 403, 403, 403, 403, 403, 400],
        ["GET /api/jobs/"] = [401, 403, 403, 403, 403, 403, 403, 200],
        ["GET /api/jobs/{bookmarkId:guid}"] = [401, 403, 403, 403, 403, 403, 403, 404],
        ["GET /api/incidents/"] = [401, 403, 403, 403, 403, 403, 403, 200],
        ["GET /api/incidents/{instanceId:guid}/{tokenId:guid}"] = [401, 403, 403, 403, 403, 403, 403, 404],
        ["POST /api/incidents/{instanceId:guid}/{tokenId:guid}/retry"] = [401, 403, 403, 403, 403, 403, 403, 409],
        ["GET /api/instances/{instanceId:guid}"] = [401, 200, 404, 200, 200, 200, 200, 200],
        ["PUT /api/instances/{instanceId:guid}/variables"] = [401, 403, 403, 403, 403, 403, 403, 400],
        ["POST /api/instances/{instanceId:guid}/migrate"] = [401, 403, 403, 403, 403, 403, 403, 400],
        ["POST /api/messages/"] = [401, 403, 403, 403, 403, 403, 403, 400],
        ["GET /api/admin/users"] = [401, 403, 403, 403, 403, 403, 403, 200],
        ["POST /api/admin/users"] = [401, 403, 403, 403, 403, 403, 403, 400],
        ["PUT /api/admin/users/{userId}/roles"] = [401, 403, 403, 403, 403, 403, 403, 404],
        ["PUT /api/admin/users/{userId}/recusals"] = [401, 403, 403, 403, 403, 403, 403, 404],
        ["GET /api/admin/organisations"] = [401, 403, 403, 403, 403, 403, 403, 200],
        ["GET /api/admin/roles"] = [401, 403, 403, 403, 403, 403, 403, 200],
        ["POST /api/admin/institutions"] = [401, 403, 403, 403, 403, 403, 403, 400],
        ["GET /api/admin/security-log"] = [401, 403, 403, 403, 403, 403, 403, 200],
        // Institutions and contracts registry (issue 14): reviewers and administrators record; institutions read their own.
        ["GET /institutions"] = [302, 403, 403, 200, 200, 200, 200, 200],
        ["HEAD /institutions"] = [401, 403, 403, 200, 200, 200, 200, 200],
        ["GET /my/standing"] = [302, 200, 200, 403, 403, 403, 403, 403],
        ["HEAD /my/standing"] = [401, 200, 200, 403, 403, 403, 403, 403],
        ["GET /tenders"] = [302, 200, 200, 200, 200, 200, 200, 200],
        ["HEAD /tenders"] = [401, 200, 200, 200, 200, 200, 200, 200],
        ["GET /api/tenders/"] = [401, 200, 200, 200, 200, 200, 200, 200],
        ["POST /api/tenders/"] = [401, 403, 403, 400, 403, 403, 403, 400],
        ["POST /api/tenders/{key}/objections"] = [401, 404, 404, 404, 404, 404, 404, 404],
        ["GET /api/plans/"] = [401, 403, 403, 200, 200, 200, 200, 200],
        ["POST /api/plans/"] = [401, 403, 403, 400, 403, 403, 403, 400],
        ["GET /api/contracts/"] = [401, 200, 200, 200, 200, 200, 200, 200],
        ["GET /api/contracts/{contractId}"] = [401, 404, 404, 404, 404, 404, 404, 404],
        ["POST /api/contracts/"] = [401, 403, 403, 400, 403, 403, 403, 400],
        ["POST /api/contracts/{contractId}/renewals"] = [401, 403, 403, 404, 403, 403, 403, 404],
        ["POST /api/contracts/{contractId}/termination"] = [401, 403, 403, 404, 403, 403, 403, 404],
        ["GET /api/institutions/"] = [401, 403, 403, 200, 200, 200, 200, 200],
        ["GET /api/institutions/{institutionId}/standing"] = [401, 200, 404, 200, 200, 200, 200, 200],
        ["PUT /api/institutions/{institutionId}/registration"] = [401, 403, 403, 400, 403, 403, 403, 400],
        ["POST /api/institutions/{institutionId}/reviews"] = [401, 403, 403, 400, 403, 403, 403, 400],
        ["POST /api/institutions/{institutionId}/blacklist"] = [401, 403, 403, 400, 403, 403, 403, 400],
        ["GET /api/institutions/{institutionId}/blacklist/{entryId}/evidence"] = [401, 403, 403, 404, 404, 404, 404, 404],
        ["GET /api/institutions/{institutionId}/eligibility"] = [401, 400, 404, 400, 400, 400, 400, 400],
        // Teacher pool (YN §九, R-QJ-2): the institution maintains its own, reviewers record checks and exclusions.
        ["GET /api/institutions/{institutionId}/teachers/"] = [401, 200, 404, 200, 200, 200, 200, 200],
        ["POST /api/institutions/{institutionId}/teachers/"] = [401, 400, 404, 403, 403, 403, 403, 400],
        ["PUT /api/institutions/{institutionId}/teachers/{teacherId}"] = [401, 400, 404, 403, 403, 403, 403, 400],
        ["POST /api/institutions/{institutionId}/teachers/{teacherId}/checks"] = [401, 403, 403, 400, 403, 403, 403, 400],
        ["POST /api/institutions/{institutionId}/teachers/{teacherId}/exclusion"] = [401, 403, 403, 400, 403, 403, 403, 400],
        ["GET /api/institutions/{institutionId}/teachers/{teacherId}/exclusions/{exclusionId}/evidence"] = [401, 403, 403, 404, 404, 404, 404, 404],
    };

    [Fact]
    public async Task Every_endpoint_answers_every_caller_as_the_matrix_says()
    {
        var endpoints = world.Endpoints();
        var missing = endpoints.Select(e => e.Key).Where(k => !Expected.ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0, $"endpoints without a row in the authorization matrix: {string.Join("; ", missing)}");
        // The web app's pages are mapped only when its build exists (./pipeline builds it before the tests).
        var stale = Expected.Keys.Except(endpoints.Select(e => e.Key))
            .Where(k => !(k.Contains(" /login", StringComparison.Ordinal) || k.Contains(" /cases/", StringComparison.Ordinal) || k.Contains(" /instances/", StringComparison.Ordinal) || k.EndsWith(" /tasks", StringComparison.Ordinal) || k.Contains(" /tasks/", StringComparison.Ordinal)
                         || k.Contains(" /designer", StringComparison.Ordinal))).ToList();
        Assert.True(stale.Count == 0, $"rows for endpoints that no longer exist: {string.Join("; ", stale)}");

        var wrong = new List<string>();
        foreach (var (key, method, url) in endpoints)
            for (var c = 0; c < Callers.Length; c++)
            {
                var status = (int)(await world.SendAsync(Callers[c], method, url, key)).StatusCode;
                if (status != Expected[key][c]) wrong.Add($"{key} as {Callers[c]}: {status}, expected {Expected[key][c]}");
            }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        // The size of the matrix, for the record.
        Assert.True(endpoints.Count * Callers.Length >= 200, $"{endpoints.Count} endpoints × {Callers.Length} callers");
    }

    [Fact]
    public void Every_endpoint_declares_who_may_call_it()
    {
        var undeclared = world.RouteEndpoints()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && e.Metadata.GetOrderedMetadata<IAuthorizeData>().Count == 0)
            .Select(e => e.DisplayName ?? e.RoutePattern.RawText).ToList();
        Assert.True(undeclared.Count == 0, $"endpoints without RequireAuthorization or AllowAnonymous: {string.Join("; ", undeclared)}");
    }

    /// <summary>The Host with a case of institution A waiting at a reviewer task, and one account per caller.</summary>
    public sealed class World : HostFixture
    {
        private readonly Dictionary<string, string> _tokens = [];
        public string InstanceId { get; private set; } = "";

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await Processes.DeployAsync(Client, Processes.SingleTask("mx-review"));
            InstanceId = await Processes.StartAsync(Client, "mx-review", "MX-A");
            foreach (var caller in Callers.Skip(1))
            {
                var roles = caller.StartsWith("institution", StringComparison.Ordinal) ? "institution" : caller;
                await TestAccounts.EnsureAsync(Services, caller, roles);
                var response = await Anonymous.PostAsync("/api/auth/token", ApiTests.JsonContent(
                    $$"""{ "userName": "{{TestAccounts.UserName(caller, roles)}}", "password": "{{TestSignIn.Password}}" }"""));
                _tokens[caller] = (await JsonAsync(response))["accessToken"]!.GetValue<string>();
            }
        }

        public IReadOnlyList<RouteEndpoint> RouteEndpoints() =>
            Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        /// <summary>(matrix key, method, url with the world's ids) of every endpoint.</summary>
        public IReadOnlyList<(string Key, string Method, string Url)> Endpoints()
        {
            var list = new List<(string, string, string)>();
            foreach (var e in RouteEndpoints())
            {
                var pattern = "/" + e.RoutePattern.RawText!.TrimStart('/');
                var methods = e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
                foreach (var method in methods)
                    list.Add(($"{method} {pattern}", method, Url(e.RoutePattern)));
            }
            return list.Distinct().ToList();
        }

        private string Url(Microsoft.AspNetCore.Routing.Patterns.RoutePattern pattern)
        {
            var url = "/" + pattern.RawText!.TrimStart('/');
            var dashboard = url.StartsWith("/hangfire", StringComparison.Ordinal);
            foreach (var p in pattern.Parameters)
            {
                var value = p.Name switch
                {
                    "path" when dashboard => "",
                    "businessKey" or "path" => "MX-A",
                    "instanceId" => InstanceId,
                    "bookmarkId" or "tokenId" => Guid.NewGuid().ToString(),
                    "processId" => "mx-review",
                    "version" => "1",
                    "userId" => "nobody",
                    "documentName" => "v1",
                    "sha256" => new string('a', 64),
                    "page" => "1",
                    "id" => Guid.NewGuid().ToString("N"),
                    "formId" => "payment-record",
                    "contractId" or "entryId" => Guid.NewGuid().ToString("N"),
                    "key" => "TENDER-MX-NONE",
                    "teacherId" or "exclusionId" => Guid.NewGuid().ToString("N"),
                    "institutionId" => "institution:" + TestAccounts.CreditCode("institution-a"),
                    _ => throw new InvalidOperationException($"the matrix has no value for route parameter '{p.Name}' of {pattern.RawText}"),
                };
                url = System.Text.RegularExpressions.Regex.Replace(url, @"\{\**" + p.Name + @"(:[^}]*)?\}", value);
            }
            return url;
        }

        public async Task<HttpResponseMessage> SendAsync(string caller, string method, string url, string key)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = Body(key, method) };
            if (caller != "anonymous") request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _tokens[caller]);
            return await Anonymous.SendAsync(request);
        }

        /// <summary>A harmless body: an upload of a small new page, a BPMN that does not deploy, else an empty JSON object.</summary>
        private static HttpContent? Body(string key, string method)
        {
            if (method is "GET" or "HEAD") return null;
            if (key.EndsWith("/packs", StringComparison.Ordinal))
            {
                byte[] png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, .. Guid.NewGuid().ToByteArray()];
                return Pack(png, "page.png");
            }
            if (key is "POST /api/definitions/" or "POST /api/definitions/validate")
                return new StringContent("<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"x\" />", Encoding.UTF8, "application/xml");
            if (key.EndsWith("/complete", StringComparison.Ordinal)) return ApiTests.JsonContent("""{ "outcome": "approve" }""");
            return ApiTests.JsonContent("{}");
        }
    }
}
