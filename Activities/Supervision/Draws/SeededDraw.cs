using System.Security.Cryptography;
using System.Text;

namespace Pipeline.Activities.Supervision.Draws;

/// <summary>
/// A reproducible random draw (随机抽取, YN §七 双随机; R-QJ-7, R-GL-11, R-YN-9b): each candidate id is ranked by
/// SHA-256 of the UTF-8 bytes of <c>seed + ":" + id</c>, the candidates are ordered by that digest ascending (as unsigned
/// bytes, the same as its lower-case hex compared ordinally), and the first k are drawn. Anyone who has the seed and the
/// candidate ids can verify a draw with any SHA-256 tool (<c>printf '%s' 'seed:id' | sha256sum</c>), and the result is
/// the same on every machine and every .NET version: it depends only on SHA-256 (FIPS 180-4) and UTF-8, never on
/// <see cref="System.Random"/> (whose algorithm may change between versions) or <see cref="string.GetHashCode()"/>
/// (randomised per process). Ids are used exactly as given (case, spaces and full-width characters count). The seed
/// should be fixed before the candidates are known to whoever chooses it (announced in advance, or a public number).
/// </summary>
public static class SeededDraw
{
    /// <summary>The method in words, recorded with each draw.</summary>
    public const string Method = "SHA-256(UTF-8(seed + \":\" + id)) ascending, first k";

    /// <summary>The lower-case hex SHA-256 that ranks <paramref name="id"/> under <paramref name="seed"/>.</summary>
    public static string Key(string seed, string id) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed + ":" + id)));

    /// <summary>Every candidate in draw order.</summary>
    /// <exception cref="ArgumentException">An empty seed, an empty id, or an id given twice.</exception>
    public static IReadOnlyList<string> Order(string seed, IEnumerable<string> candidates)
    {
        if (string.IsNullOrWhiteSpace(seed)) throw new ArgumentException("抽取须给出种子 (a draw needs a seed)", nameof(seed));
        var ids = candidates.ToList();
        if (ids.Any(string.IsNullOrWhiteSpace)) throw new ArgumentException("候选对象的编号不能为空 (a candidate id is empty)", nameof(candidates));
        if (ids.GroupBy(id => id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new ArgumentException($"候选对象「{Rosters.SensitiveText.Mask(twice.Key)}」重复 (a candidate id is given twice)", nameof(candidates));
        return ids.Select(id => (Id: id, Key: Key(seed, id)))
            .OrderBy(c => c.Key, StringComparer.Ordinal)
            .ThenBy(c => c.Id, StringComparer.Ordinal)
            .Select(c => c.Id)
            .ToList();
    }

    /// <summary>The first <paramref name="count"/> candidates in draw order (all of them when there are fewer).</summary>
    /// <exception cref="ArgumentException">As <see cref="Order"/>; a negative count.</exception>
    public static IReadOnlyList<string> Take(string seed, IEnumerable<string> candidates, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return Order(seed, candidates).Take(count).ToList();
    }
}
