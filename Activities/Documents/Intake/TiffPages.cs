using System.Buffers.Binary;

namespace Pipeline.Activities.Documents.Intake;

/// <summary>Counts the pages (image file directories) of a TIFF and reads their declared sizes, without decoding any image.</summary>
public static class TiffPages
{
    /// <summary>Page count, or 0 when the IFD chain is broken.</summary>
    public static int Count(ReadOnlySpan<byte> data) => Sizes(data).Count;

    /// <summary>Declared width and height of each page (tags 256 and 257, SHORT or LONG); empty when the chain is broken.</summary>
    public static IReadOnlyList<(long Width, long Height)> Sizes(ReadOnlySpan<byte> data)
    {
        if (data.Length < 8) return [];
        var little = data[0] == (byte)'I';
        uint U32(ReadOnlySpan<byte> d, long at) => little ? BinaryPrimitives.ReadUInt32LittleEndian(d[(int)at..]) : BinaryPrimitives.ReadUInt32BigEndian(d[(int)at..]);
        ushort U16(ReadOnlySpan<byte> d, long at) => little ? BinaryPrimitives.ReadUInt16LittleEndian(d[(int)at..]) : BinaryPrimitives.ReadUInt16BigEndian(d[(int)at..]);

        var seen = new HashSet<uint>();
        var sizes = new List<(long, long)>();
        var offset = U32(data, 4);
        while (offset != 0)
        {
            if (offset + 2 > data.Length || !seen.Add(offset)) return [];
            var entries = U16(data, offset);
            var next = offset + 2 + 12L * entries;
            if (next + 4 > data.Length) return [];
            long width = 0, height = 0;
            for (var i = 0; i < entries; i++)
            {
                var entry = offset + 2 + 12L * i;
                var tag = U16(data, entry);
                if (tag is not (256 or 257)) continue;
                // Type 3 = SHORT, 4 = LONG; the value sits in the entry itself.
                long value = U16(data, entry + 2) == 3 ? U16(data, entry + 8) : U32(data, entry + 8);
                if (tag == 256) width = value; else height = value;
            }
            sizes.Add((width, height));
            offset = U32(data, next);
        }
        return sizes;
    }
}
