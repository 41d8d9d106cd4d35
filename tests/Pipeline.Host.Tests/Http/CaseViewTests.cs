using System.Net;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Pipeline.Host.Hosting;

namespace Pipeline.Host.Tests.Http;

/// <summary>
/// What the case page needs from the Host: a process version's XML, and the Designer build served at <c>/</c>
/// with <c>/cases/*</c> falling back to its index.html (a stand-in build in a temporary folder).
/// </summary>
public sealed class CaseViewTests(CaseViewTests.DesignerHost host) : IClassFixture<CaseViewTests.DesignerHost>
{
    private HttpClient _client => host.Client;
    private string _root => host.Root;
    private string Dist => host.Dist;

    /// <summary>The Host serving a stand-in Designer build from a temporary folder.</summary>
    public sealed class DesignerHost : HostFixture
    {
        public string Root { get; } = Path.Combine(Path.GetTempPath(), "pipeline-caseview-tests-" + Guid.NewGuid().ToString("N"));
        public string Dist => Path.Combine(Root, "dist");

        protected override void Configure(WebApplicationBuilder builder)
        {
            Directory.CreateDirectory(Path.Combine(Dist, "assets"));
            File.WriteAllText(Path.Combine(Dist, "index.html"), "<!doctype html><title>designer-index</title>");
            File.WriteAllText(Path.Combine(Dist, "assets", "app.js"), "console.log('designer');");
            builder.Configuration[PipelineApp.DesignerVariable] = Dist;
        }
    }

    [Theory]
    [InlineData("/cases/JZ-2026-0001")]
    [InlineData("/instances/01a24268-1524-77bb-b35d-50a479e1ac21")]
    public async Task A_page_asked_for_without_signing_in_goes_to_the_sign_in_page(string path)
    {
        var response = await host.Anonymous.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/login?returnUrl={Uri.EscapeDataString(path)}", response.Headers.Location!.PathAndQuery);
        var login = await host.Anonymous.GetAsync("/login");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("designer-index", await login.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await host.Anonymous.GetAsync("/assets/app.js")).StatusCode);
    }

    [Fact]
    public async Task The_xml_of_a_deployed_version_is_returned()
    {
        var response = await _client.GetAsync("/api/definitions/class-opening/1/xml");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        XNamespace bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
        Assert.Contains(xml.Descendants(bpmn + "process"), p => (string?)p.Attribute("id") == "class-opening");
        XNamespace di = "http://www.omg.org/spec/BPMN/20100524/DI";
        Assert.NotEmpty(xml.Descendants(di + "BPMNDiagram"));
    }

    [Fact]
    public async Task An_unknown_version_is_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/definitions/class-opening/99/xml")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/definitions/no-such-process/1/xml")).StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/cases/JZ-2026-0001")]
    [InlineData("/cases/%E5%B8%82-1")]
    public async Task The_designer_is_served_with_a_fallback_for_case_pages(string path)
    {
        var response = await _client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("designer-index", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Assets_are_served_and_the_api_is_not_swallowed_by_the_fallback()
    {
        var asset = await _client.GetAsync("/assets/app.js");
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.Contains("designer", await asset.Content.ReadAsStringAsync());

        var missingCase = await _client.GetAsync("/api/cases/NO-SUCH-CASE");
        Assert.Equal(HttpStatusCode.NotFound, missingCase.StatusCode);
        Assert.Equal("application/problem+json", missingCase.Content.Headers.ContentType?.MediaType);

        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/no-such-page")).StatusCode);
    }

    [Fact]
    public void A_missing_build_is_not_found_rather_than_an_error()
    {
        Assert.Null(PipelineApp.FindDesignerFolder(Path.Combine(_root, "nowhere")));
        Assert.Equal(Dist, PipelineApp.FindDesignerFolder(_root));
    }
}
