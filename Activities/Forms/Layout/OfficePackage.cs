using System.Globalization;
using System.IO.Compression;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;

namespace Pipeline.Activities.Forms.Layout;

/// <summary>
/// What DOCX and XLSX outputs share: core properties written from the record's date, and a package whose bytes depend
/// on its content only. System.IO.Packaging stamps every ZIP entry with the clock and the SDK names parts and
/// relationships with random ids; the builders give fixed ids and <see cref="Seal"/> re-stamps the entries.
/// </summary>
internal static class OfficePackage
{
    /// <summary>Relationship id of the main part (document or workbook) at package level.</summary>
    public const string MainId = "rId1";

    private const string CoreId = "rId2";
    private const string CoreContentType = "application/vnd.openxmlformats-package.core-properties+xml";

    /// <summary>
    /// Adds <c>docProps/core.xml</c> with <paramref name="title"/> and creation/modification at midnight of
    /// <paramref name="date"/> (UTC, so the date reads the same everywhere). Never the PackageProperties API: it
    /// names its part with a random GUID.
    /// </summary>
    public static void WriteCoreProperties(OpenXmlPackage package, string title, DateOnly date)
    {
        const string cp = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
        const string dc = "http://purl.org/dc/elements/1.1/";
        const string dcterms = "http://purl.org/dc/terms/";
        const string xsi = "http://www.w3.org/2001/XMLSchema-instance";
        var part = package.AddNewPart<CoreFilePropertiesPart>(CoreContentType, CoreId);
        var stamp = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z";
        using var stream = part.GetStream(FileMode.Create);
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false) });
        xml.WriteStartElement("cp", "coreProperties", cp);
        xml.WriteAttributeString("xmlns", "dc", null, dc);
        xml.WriteAttributeString("xmlns", "dcterms", null, dcterms);
        xml.WriteAttributeString("xmlns", "xsi", null, xsi);
        xml.WriteElementString("title", dc, title);
        xml.WriteElementString("creator", dc, "Pipeline");
        xml.WriteElementString("language", dc, "zh-CN");
        foreach (var name in (string[])["created", "modified"])
        {
            xml.WriteStartElement(name, dcterms);
            xml.WriteAttributeString("type", xsi, "dcterms:W3CDTF");
            xml.WriteString(stamp);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    /// <summary>
    /// The package in <paramref name="package"/> re-zipped in the same entry order with every entry dated
    /// <paramref name="date"/>: rendering the same record twice gives the same bytes (and the same SHA-256 in the store).
    /// </summary>
    public static byte[] Seal(MemoryStream package, DateOnly date)
    {
        // ZIP (DOS) dates start in 1980.
        var day = date.Year < 1980 ? new DateOnly(1980, 1, 1) : date;
        var stamp = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        package.Position = 0;
        using var source = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
        using var output = new MemoryStream();
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                var copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = stamp;
                using var from = entry.Open();
                using var to = copy.Open();
                from.CopyTo(to);
            }
        }
        return output.ToArray();
    }
}
