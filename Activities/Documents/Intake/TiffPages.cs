using System.Buffers.Binary;

namespace Pipeline.Activities.Documents.Intake;

/// <summary>Counts the pages (image file directories) of a TIFF without decoding any image.</summary>
public static class TiffPages
{
    /// <summary>Page count, or 0 when the IFD chain is broken.</summary>
    public static int Count(ReadOnlySpan<byte> data)
    {
        if (data.Length < 8) return 0;
        var little = data[0] == (byte)'I';
        uint U32(ReadOnlySpan<byte> d, long at) => little ? BinaryPrimitives.ReadUInt32LittleEndian(d[(int)at..]) : BinaryPrimitives.ReadUInt32BigEndian(d[(int)at..]);
        ushort U16(ReadOnlySpan<byte> d, long at) => little ? BinaryPrimitives.ReadUInt16LittleEndian(d[(int)at..]) : BinaryPrimitives.ReadUInt16BigEndian(d[(int)at..]);

        var seen = new HashSet<uint>();
        var count = 0;
        var offset = U32(data, 4);
        while (offset != 0)
        {
            if (offset + 2 > data.Length || !seen.Add(offset)) return 0;
            var entries = U16(data, offset);
            var next = offset + 2 + 12L * entries;
            if (next + 4 > data.Length) return 0;
            count++;
            offset = U32(data, next);
        }
        return count;
    }
}
