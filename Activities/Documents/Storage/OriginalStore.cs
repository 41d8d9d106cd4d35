using System.Security.Cryptography;

namespace Pipeline.Activities.Documents.Storage;

/// <summary>An upload's original as kept by the store.</summary>
/// <param name="Sha256">Lower-case hex SHA-256 of the bytes.</param>
/// <param name="Path">Where the unmodified original lies.</param>
/// <param name="Length">Size in bytes.</param>
public sealed record StoredOriginal(string Sha256, string Path, long Length);

/// <summary>
/// Content-addressed store of uploaded originals: each file kept once, unmodified and read-only, at
/// <c>{root}/{sha[0..2]}/{sha}</c>. Storing the same bytes twice is one file.
/// </summary>
public interface IOriginalStore
{
    /// <summary>Copies <paramref name="sourcePath"/> into the store (if not already there) and returns its address.</summary>
    Task<StoredOriginal> StoreAsync(string sourcePath, CancellationToken cancellationToken);

    /// <summary>
    /// Keeps <paramref name="content"/> (if not already there) and returns its address: documents the product makes
    /// itself (rendered forms) are kept and addressed exactly as uploads are, so equal bytes are one file.
    /// </summary>
    Task<StoredOriginal> StoreAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>
    /// The stored original with SHA-256 <paramref name="sha256"/> (64 lower-case hex digits), or null when the text is
    /// not such a hash or no such original is stored. Never resolves anything outside the store (a path, <c>..</c>).
    /// </summary>
    StoredOriginal? Find(string sha256);
}

/// <summary><see cref="IOriginalStore"/> on a local (or shared-volume) folder.</summary>
public sealed class FolderOriginalStore(string root) : IOriginalStore
{
    public string Root { get; } = root;

    public StoredOriginal? Find(string sha256)
    {
        if (sha256 is not { Length: 64 } || sha256.AsSpan().ContainsAnyExcept("0123456789abcdef")) return null;
        var path = System.IO.Path.Combine(Root, sha256[..2], sha256);
        var file = new FileInfo(path);
        return file.Exists ? new StoredOriginal(sha256, file.FullName, file.Length) : null;
    }

    public async Task<StoredOriginal> StoreAsync(string sourcePath, CancellationToken cancellationToken)
    {
        // One pass: the bytes hashed are exactly the bytes kept.
        Directory.CreateDirectory(Root);
        var temp = System.IO.Path.Combine(Root, Guid.NewGuid().ToString("N") + ".part");
        string sha;
        long length;
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var source = File.OpenRead(sourcePath))
            await using (var copy = File.Create(temp))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await copy.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                }
                length = copy.Length;
            }
            sha = Convert.ToHexStringLower(hash.GetHashAndReset());
            return Keep(temp, sha, length);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    public async Task<StoredOriginal> StoreAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(content.Span));
        if (Find(sha) is { } kept) return kept;
        Directory.CreateDirectory(Root);
        var temp = System.IO.Path.Combine(Root, Guid.NewGuid().ToString("N") + ".part");
        try
        {
            await using (var copy = File.Create(temp))
                await copy.WriteAsync(content, cancellationToken).ConfigureAwait(false);
            return Keep(temp, sha, content.Length);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>Moves the written <paramref name="temp"/> file to its address, read-only, unless the same bytes are kept already.</summary>
    private StoredOriginal Keep(string temp, string sha, long length)
    {
        var folder = System.IO.Path.Combine(Root, sha[..2]);
        var target = System.IO.Path.Combine(folder, sha);
        if (!File.Exists(target))
        {
            Directory.CreateDirectory(folder);
            try
            {
                File.Move(temp, target, overwrite: false);
                File.SetAttributes(target, FileAttributes.ReadOnly);
            }
            catch (IOException) when (File.Exists(target))
            {
                // another writer stored the same bytes first
            }
        }
        return new StoredOriginal(sha, target, length);
    }
}

/// <summary>Looking up an activity's document input in the store.</summary>
public static class OriginalStoreLookup
{
    /// <summary>
    /// The stored original <paramref name="sha256"/> names: an activity reads only what an upload stored, never a path.
    /// </summary>
    /// <param name="activity">The activity's task type, for the message (<c>pack.check</c>).</param>
    /// <param name="what">What the upload should be, for the message (<c>an uploaded pack</c>).</param>
    /// <exception cref="KeyNotFoundException">Not the SHA-256 of a stored original (a server path, say); the message quotes at most 80 characters of it.</exception>
    public static StoredOriginal Require(this IOriginalStore store, string sha256, string activity, string what) =>
        store.Find(sha256) ?? throw new KeyNotFoundException(
            $"{activity}: document '{(sha256.Length <= 80 ? sha256 : sha256[..80] + "…")}' is not a stored original (give the SHA-256 of {what})");
}
