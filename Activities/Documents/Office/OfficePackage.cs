using DocumentFormat.OpenXml.Packaging;

namespace Pipeline.Activities.Documents.Office;

/// <summary>
/// The one guard around reading an OpenXml package (DOCX, XLSX): parts are opened with a character limit, and what
/// OpenXml throws on a damaged or oversized package becomes a <see cref="DocumentRejectedException"/>.
/// </summary>
internal static class OfficePackage
{
    /// <summary>Runs <paramref name="read"/> with open settings that cap each part at <paramref name="maxPartCharacters"/>.</summary>
    /// <exception cref="DocumentRejectedException"><see cref="RejectionReason.TooLarge"/> for a part over the limit (a part
    /// bomb is refused, not read); <see cref="RejectionReason.Damaged"/> for a package OpenXml cannot read. Refusals thrown
    /// by <paramref name="read"/> itself pass through.</exception>
    public static T Read<T>(long maxPartCharacters, Func<OpenSettings, T> read)
    {
        try
        {
            return read(new OpenSettings { MaxCharactersInPart = maxPartCharacters });
        }
        catch (System.Xml.XmlException e) when (e.Message.Contains("MaxCharacters", StringComparison.Ordinal))
        {
            throw new DocumentRejectedException(RejectionReason.TooLarge, $"a part holds more than {maxPartCharacters} characters");
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException)
        {
            throw new DocumentRejectedException(RejectionReason.Damaged, e.Message);
        }
    }
}
