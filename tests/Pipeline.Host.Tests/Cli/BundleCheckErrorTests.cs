namespace Pipeline.Host.Tests.Cli;

/// <summary>Bad input exits non-zero with one clear line on stderr and no stack trace.</summary>
public class BundleCheckErrorTests
{
    private static async Task AssertRejected(string file, string expectedWords)
    {
        var (exit, stdout, stderr) = await CliRun.RunAsync("bundle", "check", file, "--pack", "class-opening");
        Assert.Equal(3, exit);
        Assert.Equal("", stdout);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains(expectedWords, lines[0]);
        Assert.DoesNotContain("   at ", stderr);
        Assert.DoesNotContain("Exception", stderr);
    }

    [Fact]
    public Task ZeroBytes_IsRejected() => AssertRejected(CliRun.TempFile("empty.pdf", []), "0 字节");

    [Fact]
    public Task TextFileNamedPdf_IsRejectedAsUnsupported() => AssertRejected(CliRun.Fixture("inputs", "not-a-pdf.pdf"), "不支持的文件类型");

    [Fact]
    public Task EncryptedPdf_IsRejected() => AssertRejected(CliRun.Fixture("inputs", "encrypted.pdf"), "已加密");

    [Fact]
    public Task PdfWithoutPages_IsRejected() => AssertRejected(CliRun.Fixture("inputs", "zero-pages.pdf"), "没有任何页面");

    [Fact]
    public Task TruncatedPdf_IsRejected()
    {
        var whole = File.ReadAllBytes(CliRun.Fixture("inputs", "encrypted.pdf"));
        return AssertRejected(CliRun.TempFile("cut.pdf", whole[..(whole.Length / 2)]), "不完整");
    }

    [Fact]
    public Task PngDeclaringGigapixels_IsRejectedBeforeDecoding()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R',
            0x00, 0x01, 0x86, 0xA0, 0x00, 0x01, 0x86, 0xA0, 8, 0, 0, 0, 0, 0, 0, 0, 0];
        return AssertRejected(CliRun.TempFile("bomb.png", png), "像素过多");
    }

    [Fact]
    public Task RandomBytesAfterPngSignature_AreRejectedAsUndecodable() =>
        AssertRejected(CliRun.TempFile("scan.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[200]]), "图片无法解码");

    [Fact]
    public Task PageThatWouldRenderToGigabytes_IsRejectedAsTooLarge() =>
        AssertRejected(CliRun.TempFile("poster.pdf", System.Text.Encoding.ASCII.GetBytes(
            "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
            "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 3000 3000]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")), "文件过大");

    [Fact]
    public Task MissingFile_IsRejected() => AssertRejected("/nonexistent/pack.pdf", "找不到文件");

    [Fact]
    public async Task UnknownPack_IsAUsageError()
    {
        var (exit, _, stderr) = await CliRun.RunAsync("bundle", "check", CliRun.Fixture("inputs", "not-a-pdf.pdf"), "--pack", "tender");
        Assert.Equal(2, exit);
        Assert.Contains("--pack", stderr);
    }

    [Fact]
    public async Task UnknownProfile_IsAUsageErrorListingTheKnownOnes()
    {
        var (exit, _, stderr) = await CliRun.RunAsync("bundle", "check", CliRun.Fixture("inputs", "not-a-pdf.pdf"), "--pack", "class-opening", "--profile", "atlantis");
        Assert.Equal(2, exit);
        Assert.Contains("jiaozuo", stderr);
    }

    [Fact]
    public async Task UnknownOcrEngine_IsAUsageErrorNamingTheEngines()
    {
        var (exit, _, stderr) = await CliRun.RunAsync("bundle", "check", CliRun.Fixture("inputs", "not-a-pdf.pdf"), "--pack", "class-opening", "--ocr", "abbyy");
        Assert.Equal(2, exit);
        Assert.Contains("paddle or tesseract", stderr);
    }
}

/// <summary><c>bundle check</c> with several files reads them as one pack, as a web upload of several files is.</summary>
public class BundleCheckSeveralFilesTests
{
    [Fact]
    public async Task Several_files_are_one_pack_with_pages_numbered_on()
    {
        var (exit, stdout, stderr) = await CliRun.RunAsync("bundle", "check", CliRun.Fixture("packs", "class-opening-missing-vacancies.pdf"),
            CliRun.Fixture("packs", "teaching-plan.docx"), "--pack", "class-opening", "--json");
        Assert.True(exit == 0, stderr);
        var report = System.Text.Json.Nodes.JsonNode.Parse(stdout)!;
        var parts = report["parts"]!.AsArray();
        Assert.Equal(["class-opening-missing-vacancies.pdf", "teaching-plan.docx"], parts.Select(p => p!["fileName"]!.GetValue<string>()));
        var pages = report["pages"]!.AsArray();
        Assert.Equal(parts.Sum(p => p!["pages"]!.GetValue<int>()), pages.Count);
        Assert.Equal("teaching-plan", pages[^1]!["section"]!.GetValue<string>());
        Assert.Equal("class-opening-missing-vacancies.pdf、teaching-plan.docx", report["file"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_bad_file_among_several_is_named()
    {
        var (exit, _, stderr) = await CliRun.RunAsync("bundle", "check", CliRun.Fixture("packs", "teaching-plan.docx"),
            CliRun.Fixture("inputs", "encrypted.pdf"), "--pack", "class-opening");
        Assert.Equal(3, exit);
        Assert.Contains("「encrypted.pdf」", stderr);
        Assert.Contains("已加密", stderr);
    }
}
