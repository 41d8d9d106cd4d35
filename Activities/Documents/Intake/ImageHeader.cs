using System.Buffers.Binary;

namespace Pipeline.Activities.Documents.Intake;

/// <summary>
/// Width and height in pixels as an image's header declares them, read before anything is decoded, so an image that
/// would decode to gigabytes (a "pixel bomb") is refused while it is still a few bytes: PNG (IHDR), JPEG (the first
/// SOFn frame header), BMP (BITMAPINFOHEADER) and every page of a TIFF (tags 256 ImageWidth, 257 ImageLength).
/// </summary>
public static class ImageHeader
{
    /// <summary>The declared size of each image (one for PNG, JPEG, BMP; one per page for TIFF); empty when the header cannot be read.</summary>
    public static IReadOnlyList<(long Width, long Height)> Sizes(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]))
            return data.Length >= 24 ? [(BinaryPrimitives.ReadUInt32BigEndian(data[16..]), BinaryPrimitives.ReadUInt32BigEndian(data[20..]))] : [];
        if (data.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8])) return Jpeg(data) is { } size ? [size] : [];
        if (data.StartsWith("BM"u8))
            return data.Length >= 26 ? [(Math.Abs((long)BinaryPrimitives.ReadInt32LittleEndian(data[18..])), Math.Abs((long)BinaryPrimitives.ReadInt32LittleEndian(data[22..])))] : [];
        if (data.StartsWith("II*\0"u8) || data.StartsWith("MM\0*"u8)) return TiffPages.Sizes(data);
        return [];
    }

    private static (long, long)? Jpeg(ReadOnlySpan<byte> data)
    {
        var at = 2;
        while (at + 9 < data.Length)
        {
            if (data[at] != 0xFF) return null;
            var marker = data[at + 1];
            if (marker == 0xFF) { at++; continue; }
            if (marker is 0xD8 or 0x01 or (>= 0xD0 and <= 0xD7)) { at += 2; continue; }
            var length = BinaryPrimitives.ReadUInt16BigEndian(data[(at + 2)..]);
            // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC): height, then width.
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
                return (BinaryPrimitives.ReadUInt16BigEndian(data[(at + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(data[(at + 5)..]));
            if (marker == 0xDA || length < 2) return null;
            at += 2 + length;
        }
        return null;
    }
}
