using System.IO.Compression;
using System.Text;

namespace Pipeline.Activities.Tests.Documents.Pdf;

/// <summary>One-page PDFs written byte by byte (with a correct cross-reference table), for tests of page shapes.</summary>
internal static class HandMadePdf
{
    /// <summary>An image XObject named <c>/Name</c>: its dictionary entries (without <c>/Length</c>) and stream bytes.</summary>
    public sealed record Image(string Name, string Dictionary, byte[] Data);

    /// <summary>An A4 page (595.2 × 841.92 pt) drawing <paramref name="content"/> with <paramref name="images"/> as resources.</summary>
    public static byte[] Page(string content, params Image[] images)
    {
        var xobjects = string.Join(" ", images.Select((image, i) => $"/{image.Name} {5 + i} 0 R"));
        var objects = new List<byte[]>
        {
            Ascii("<</Type/Catalog/Pages 2 0 R>>"),
            Ascii("<</Type/Pages/Kids[3 0 R]/Count 1>>"),
            Ascii($"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595.2 841.92]/Resources<</XObject<<{xobjects}>>>>/Contents 4 0 R>>"),
            Stream("", Ascii(content)),
        };
        objects.AddRange(images.Select(image => Stream("/Type/XObject/Subtype/Image" + image.Dictionary, image.Data)));

        using var pdf = new MemoryStream();
        pdf.Write(Ascii("%PDF-1.4\n"));
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Position);
            pdf.Write(Ascii($"{i + 1} 0 obj\n"));
            pdf.Write(objects[i]);
            pdf.Write(Ascii("\nendobj\n"));
        }
        var xref = pdf.Position;
        var table = new StringBuilder($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) table.Append($"{offset:D10} 00000 n \n");
        table.Append($"trailer\n<</Size {objects.Count + 1}/Root 1 0 R>>\nstartxref\n{xref}\n%%EOF\n");
        pdf.Write(Ascii(table.ToString()));
        return pdf.ToArray();
    }

    /// <summary>A Flate-compressed 8-bit grey image of <paramref name="width"/> × <paramref name="height"/>, mid-grey.</summary>
    public static Image GreyImage(string name, int width, int height)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            zlib.Write(Enumerable.Repeat((byte)128, width * height).ToArray());
        return new Image(name, $"/Width {width}/Height {height}/ColorSpace/DeviceGray/BitsPerComponent 8/Filter/FlateDecode", compressed.ToArray());
    }

    /// <summary>Content drawing image <paramref name="name"/> over the whole page.</summary>
    public static string FullPage(string name) => $"q 595.2 0 0 841.92 0 0 cm /{name} Do Q\n";

    private static byte[] Stream(string dictionary, byte[] data) =>
        [.. Ascii($"<<{dictionary}/Length {data.Length}>>\nstream\n"), .. data, .. Ascii("\nendstream")];

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);
}
