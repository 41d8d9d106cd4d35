namespace Pipeline.Host.Tests.Http;

/// <summary>Keeps cookies between requests, as a browser does (the test server's handler has no cookie container).</summary>
public sealed class CookieJar(System.Net.CookieContainer cookies) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var header = cookies.GetCookieHeader(request.RequestUri!);
        if (header.Length > 0) request.Headers.Add("Cookie", header);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var set))
            foreach (var cookie in set) cookies.SetCookies(request.RequestUri!, cookie);
        return response;
    }
}
