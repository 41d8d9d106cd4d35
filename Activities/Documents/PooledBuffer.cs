using System.Buffers;

namespace Pipeline.Activities.Documents;

/// <summary>
/// Bytes read into an array rented from a pool that keeps page-sized buffers (a 300 dpi A4 grey page is ≈ 8.7 MB),
/// so rendering page after page reuses the same few arrays instead of leaving large-object garbage behind.
/// Dispose returns the array.
/// </summary>
public sealed class PooledBuffer : IDisposable
{
    /// <summary>Pool of buffers up to 64 MiB, a few per size class: enough for the pages in flight.</summary>
    private static readonly ArrayPool<byte> Pool = ArrayPool<byte>.Create(64 * 1024 * 1024, 4);

    private byte[]? _array;

    private PooledBuffer(byte[] array, int length)
    {
        _array = array;
        Length = length;
    }

    public int Length { get; }

    public ReadOnlySpan<byte> Span => _array is { } a ? a.AsSpan(0, Length) : throw new ObjectDisposedException(nameof(PooledBuffer));

    /// <summary>Reads <paramref name="stream"/> to its end.</summary>
    /// <param name="maxLength">Most bytes accepted (a hostile PDF page can ask for gigabytes of pixels).</param>
    /// <exception cref="DocumentRejectedException">More than <paramref name="maxLength"/> bytes (<see cref="RejectionReason.TooLarge"/>).</exception>
    public static async Task<PooledBuffer> ReadToEndAsync(Stream stream, int sizeHint, CancellationToken cancellationToken, int maxLength = int.MaxValue)
    {
        var array = Pool.Rent(Math.Max(sizeHint, 64 * 1024));
        var length = 0;
        try
        {
            while (true)
            {
                if (length == array.Length)
                {
                    if (array.Length >= maxLength) throw new DocumentRejectedException(RejectionReason.TooLarge, $"more than {maxLength} bytes");
                    var bigger = Pool.Rent(array.Length * 2);
                    array.AsSpan(0, length).CopyTo(bigger);
                    Pool.Return(array);
                    array = bigger;
                }
                var read = await stream.ReadAsync(array.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0) return new PooledBuffer(array, length);
                length += read;
            }
        }
        catch
        {
            Pool.Return(array);
            throw;
        }
    }

    public void Dispose()
    {
        if (_array is { } a) Pool.Return(a);
        _array = null;
    }
}
