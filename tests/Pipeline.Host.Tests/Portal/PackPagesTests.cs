using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Pipeline.Host.Tests.Http;
using static Pipeline.Host.Tests.Http.HostFixture;

namespace Pipeline.Host.Tests.Portal;

/// <summary>
/// The portal's pack journey over HTTP: a pack of two files sent by resumable upload (tus), checked as one pack whose
/// pages run on across the files, its checklist (材料清单) and its pages as images; nobody else's.
/// </summary>
public sealed class PackPagesTests(HostFixture host) : IClassFixture<HostFixture>
{
    private const string Key = "JZ-2026-PAGES";
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task A_two_file_pack_sent_resumably_is_checked_as_one_with_its_checklist_and_page_images()
    {
        var client = host.Client;
        var pdf = await File.ReadAllBytesAsync(Fixture("packs", "class-opening-missing-vacancies.pdf"));
        var docx = await File.ReadAllBytesAsync(Fixture("packs", "teaching-plan.docx"));

        // The PDF in two PATCHes with the connection "dropped" in between: HEAD tells where to go on.
        var first = await CreateAsync("class-opening-missing-vacancies.pdf", pdf.Length);
        Assert.Equal(HttpStatusCode.NoContent, (await PatchAsync(first, 0, pdf[..5000])).StatusCode);
        var head = await client.SendAsync(Tus(HttpMethod.Head, first, "institution-a"));
        Assert.Equal("5000", head.Headers.GetValues("Upload-Offset").Single());
        Assert.Equal(HttpStatusCode.Conflict, (await PatchAsync(first, 0, pdf[..10])).StatusCode);
        var rest = await PatchAsync(first, 5000, pdf[5000..]);
        Assert.Equal(HttpStatusCode.NoContent, rest.StatusCode);
        Assert.Equal(pdf.Length.ToString(), rest.Headers.GetValues("Upload-Offset").Single());
        var second = await CreateAsync("teaching-plan.docx", docx.Length);
        Assert.Equal(HttpStatusCode.NoContent, (await PatchAsync(second, 0, docx)).StatusCode);

        // Another institution sees neither upload.
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(Tus(HttpMethod.Head, first, "institution-b"))).StatusCode);

        var started = await client.SendAsync(As(HttpMethod.Post, $"/api/cases/{Key}/packs", "institution-a", "institution",
            ApiTests.JsonContent($$"""{ "uploads": ["{{first}}", "{{second}}"] }""")));
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.Equal("class-opening-missing-vacancies.pdf、teaching-plan.docx", (await JsonAsync(started))["fileName"]!.GetValue<string>());
        // The uploads were handed over: they are gone.
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(Tus(HttpMethod.Head, first, "institution-a"))).StatusCode);

        var report = await ReportAsync("institution-a");
        var parts = report["parts"]!.AsArray();
        Assert.Equal(["class-opening-missing-vacancies.pdf", "teaching-plan.docx"], parts.Select(p => p!["fileName"]!.GetValue<string>()));
        var pdfPages = parts[0]!["pages"]!.GetValue<int>();
        var pages = report["pages"]!.AsArray();
        Assert.Equal(pdfPages + parts[1]!["pages"]!.GetValue<int>(), pages.Count);
        Assert.Equal("teaching-plan", pages[pdfPages]!["section"]!.GetValue<string>());
        Assert.Equal("incomplete", report["verdict"]!.GetValue<string>());
        var checklist = report["checklist"]!;
        Assert.Equal("R-JZ-3", checklist["rule"]!.GetValue<string>());
        var vacancies = Assert.Single(checklist["items"]!.AsArray(), i => i!["id"]!.GetValue<string>() == "job-vacancy-list")!;
        Assert.False(vacancies["found"]!.GetValue<bool>());
        Assert.Equal("R-JZ-3", vacancies["rule"]!.GetValue<string>());
        Assert.Contains(checklist["items"]!.AsArray(), i => i!["found"]!.GetValue<bool>() && i["pages"]!.AsArray().Count > 0);

        // Pages as images: the PDF's first page small and large; the Word page has none.
        var packSha = report["sha256"]!.GetValue<string>();
        var thumb = await client.SendAsync(As(HttpMethod.Get, $"/api/cases/{Key}/packs/{packSha}/pages/1?size=thumb", "institution-a", "institution"));
        Assert.Equal(HttpStatusCode.OK, thumb.StatusCode);
        Assert.Equal("image/png", thumb.Content.Headers.ContentType?.MediaType);
        Assert.Equal(240, PngWidth(await thumb.Content.ReadAsByteArrayAsync()));
        var large = await client.SendAsync(As(HttpMethod.Get, $"/api/cases/{Key}/packs/{packSha}/pages/1?size=large", "reviewer-pages", "reviewer"));
        Assert.Equal(HttpStatusCode.OK, large.StatusCode);
        Assert.InRange(PngWidth(await large.Content.ReadAsByteArrayAsync()), 600, 1240);
        var word = await client.SendAsync(As(HttpMethod.Get, $"/api/cases/{Key}/packs/{packSha}/pages/{pdfPages + 1}", "institution-a", "institution"));
        Assert.Equal(HttpStatusCode.NotFound, word.StatusCode);
        Assert.Contains("文字内容", (await JsonAsync(word))["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound,
            (await client.SendAsync(As(HttpMethod.Get, $"/api/cases/{Key}/packs/{packSha}/pages/{pages.Count + 1}", "institution-a", "institution"))).StatusCode);

        // Another institution: no such case, no pages; a file of the pack is not a pack of the case.
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(As(HttpMethod.Get, $"/api/cases/{Key}/report", "institution-b", "institution"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await client.SendAsync(As(HttpMethod.Get, $"/api/cases/{Key}/packs/{packSha}/pages/1", "institution-b", "institution"))).StatusCode);
        var fileSha = parts[0]!["sha256"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.NotFound,
            (await client.SendAsync(As(HttpMethod.Get, $"/api/cases/{Key}/packs/{fileSha}/pages/1", "institution-a", "institution"))).StatusCode);
    }

    [Fact]
    public async Task Bytes_of_no_pack_format_are_refused_after_the_first_kilobyte_and_the_upload_is_gone()
    {
        var id = await CreateAsync("notes.txt", 4096);
        var refused = await PatchAsync(id, 0, Enumerable.Repeat((byte)'x', 2048).ToArray());
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, refused.StatusCode);
        Assert.Contains("notes.txt", (await JsonAsync(refused))["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.SendAsync(Tus(HttpMethod.Head, id, "institution-a"))).StatusCode);
    }

    [Fact]
    public async Task A_pack_naming_an_unfinished_upload_is_refused_and_the_upload_kept()
    {
        var pdf = await File.ReadAllBytesAsync(Fixture("packs", "class-opening-complete.pdf"));
        var id = await CreateAsync("class-opening-complete.pdf", pdf.Length);
        Assert.Equal(HttpStatusCode.NoContent, (await PatchAsync(id, 0, pdf[..2048])).StatusCode);
        var refused = await host.Client.SendAsync(As(HttpMethod.Post, "/api/cases/JZ-2026-PARTIAL/packs", "institution-a", "institution",
            ApiTests.JsonContent($$"""{ "uploads": ["{{id}}"] }""")));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("尚未上传完成", (await JsonAsync(refused))["detail"]!.GetValue<string>());
        var head = await host.Client.SendAsync(Tus(HttpMethod.Head, id, "institution-a"));
        Assert.Equal("2048", head.Headers.GetValues("Upload-Offset").Single());
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync("/api/cases/JZ-2026-PARTIAL")).StatusCode);
    }

    [Fact]
    public async Task Several_files_in_one_multipart_upload_make_one_pack_and_a_bad_one_is_named()
    {
        var png = new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3 };
        var form = new MultipartFormDataContent();
        foreach (var (bytes, name) in new[] { (png, "page-1.png"), ("hello"u8.ToArray(), "readme.txt") })
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, "file", name);
        }
        var refused = await host.Client.SendAsync(As(HttpMethod.Post, "/api/cases/JZ-2026-MULTI/packs", "institution-a", "institution", form));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, refused.StatusCode);
        var body = await refused.Content.ReadAsStringAsync();
        Assert.True(body.Contains("readme.txt"), body);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync("/api/cases/JZ-2026-MULTI")).StatusCode);
    }

    [Fact]
    public async Task An_upload_posing_as_a_pack_manifest_is_refused()
    {
        // Sniffs as a PDF ("%PDF-" in its first KiB) but is a manifest naming an original by hash: only the server writes those.
        var forged = System.Text.Encoding.UTF8.GetBytes($$"""{"format":"pipeline-pack/1","files":[{"sha256":"{{new string('a', 64)}}","fileName":"%PDF-1.7"},{"sha256":"{{new string('b', 64)}}","fileName":"b.pdf"}]}""");
        var refused = await host.Client.SendAsync(As(HttpMethod.Post, "/api/cases/JZ-2026-FORGED/packs", "institution-a", "institution", Pack(forged, "pack.pdf")));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync("/api/cases/JZ-2026-FORGED")).StatusCode);
    }

    private async Task<string> CreateAsync(string fileName, long length)
    {
        var request = Tus(HttpMethod.Post, null, "institution-a");
        request.Headers.Add("Upload-Length", length.ToString());
        request.Headers.Add("Upload-Metadata", $"filename {Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(fileName))}");
        var response = await host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("1.0.0", response.Headers.GetValues("Tus-Resumable").Single());
        return response.Headers.Location!.OriginalString.Split('/').Last();
    }

    private Task<HttpResponseMessage> PatchAsync(string id, long offset, byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/offset+octet-stream");
        var request = Tus(HttpMethod.Patch, id, "institution-a", content);
        request.Headers.Add("Upload-Offset", offset.ToString());
        return host.Client.SendAsync(request);
    }

    private static HttpRequestMessage Tus(HttpMethod method, string? id, string user, HttpContent? content = null)
    {
        var request = As(method, id is null ? "/api/uploads" : $"/api/uploads/{id}", user, "institution", content);
        request.Headers.Add("Tus-Resumable", "1.0.0");
        return request;
    }

    private async Task<JsonNode> ReportAsync(string user)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            var response = await host.Client.SendAsync(As(HttpMethod.Get, $"/api/cases/{Key}/report", user, "institution"));
            if (response.StatusCode == HttpStatusCode.OK) return await JsonAsync(response);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            await Task.Delay(250);
        }
        throw new TimeoutException($"no report for {Key}");
    }

    /// <summary>The width in the PNG's IHDR chunk.</summary>
    private static int PngWidth(byte[] png) => BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4));
}
