using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Activities.Packs;

/// <summary>One file of a material pack: the SHA-256 of its stored original and the name it was uploaded under.</summary>
public sealed record PackFile(string Sha256, string FileName);

/// <summary>
/// A material pack of several files (材料包，多个文件), kept in the original store like any upload: a small JSON document
/// naming each file's original by SHA-256, in pack order. The pack's own SHA-256 is the manifest's, so the same files
/// in the same order are the same pack (an upload repeated is recognised), and each file stays addressable by its own.
/// A pack of one file is that file itself, never a manifest.
/// </summary>
public static class PackManifest
{
    /// <summary>The <c>format</c> value that marks a manifest.</summary>
    public const string Format = "pipeline-pack/1";

    /// <summary>Largest manifest read, in bytes (a thousand files fit in far less).</summary>
    private const int MaxBytes = 256 * 1024;

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>The manifest's bytes (UTF-8 JSON, deterministic: the same files give the same bytes).</summary>
    /// <exception cref="ArgumentException">Fewer than two files, or a file that is not a lower-case SHA-256.</exception>
    public static byte[] Serialize(IReadOnlyList<PackFile> files)
    {
        if (files.Count < 2) throw new ArgumentException("a manifest lists two files or more; a pack of one file is the file", nameof(files));
        if (files.FirstOrDefault(f => f.Sha256 is not { Length: 64 } || f.Sha256.AsSpan().ContainsAnyExcept("0123456789abcdef")) is { } bad)
            throw new ArgumentException($"'{bad.Sha256}' is not a SHA-256", nameof(files));
        return JsonSerializer.SerializeToUtf8Bytes(new Document(Format, files), Json);
    }

    /// <summary>The files of the manifest at <paramref name="path"/>, or null when the file is not a pack manifest.</summary>
    public static IReadOnlyList<PackFile>? TryRead(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists || info.Length is < 2 or > MaxBytes) return null;
        var bytes = File.ReadAllBytes(path);
        if (bytes[0] != (byte)'{' || !Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 64)).Contains($"\"{Format}\"", StringComparison.Ordinal)) return null;
        try
        {
            var document = JsonSerializer.Deserialize<Document>(bytes, Json);
            return document is { Format: Format, Files.Count: >= 2 } ? document.Files : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record Document(
        [property: JsonPropertyOrder(0)] string Format,
        [property: JsonPropertyOrder(1)] IReadOnlyList<PackFile> Files);
}
