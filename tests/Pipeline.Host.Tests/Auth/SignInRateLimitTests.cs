using System.Net;
using Pipeline.Host.Tests.Http;

namespace Pipeline.Host.Tests.Auth;

/// <summary>Sign-ins are rate-limited per client address (a Host of its own, so no other test spends its allowance).</summary>
public sealed class SignInRateLimitTests(SignInRateLimitTests.FiveAMinute host) : IClassFixture<SignInRateLimitTests.FiveAMinute>
{
    public sealed class FiveAMinute : HostFixture
    {
        protected override Hosting.PipelineOptions Tune(Hosting.PipelineOptions options) => options with { SignInAttemptsPerMinute = 5 };
    }

    [Fact]
    public async Task Sign_ins_past_the_limit_get_429_with_Retry_After()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            var response = await host.Anonymous.PostAsync("/api/auth/token", ApiTests.JsonContent($$"""{ "userName": "nobody-{{i}}", "password": "whatever-password" }"""));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) Assert.Equal("60", response.Headers.RetryAfter?.ToString());
        }
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 5), HttpStatusCode.TooManyRequests], statuses);
    }
}
