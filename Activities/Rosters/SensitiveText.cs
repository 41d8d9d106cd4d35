using System.Text;
using System.Text.RegularExpressions;
using Pipeline.Activities.Organisations;

namespace Pipeline.Activities.Rosters;

/// <summary>
/// Masks identity numbers and mobile numbers inside free text (page text, log lines, API responses) before it leaves
/// the pipeline. Full numbers are only ever held in memory while a pack is being checked.
/// </summary>
public static partial class SensitiveText
{
    /// <summary>
    /// Returns <paramref name="text"/> with identity and mobile numbers masked and every other character unchanged
    /// (the same instance when nothing is masked). A masked number is written in half-width digits, without the
    /// spaces or hyphens it was split by: an identity number as <see cref="IdNumber.Mask"/> does
    /// (<c>410802********1234</c>), a mobile number as <see cref="PhoneNumber.Mask"/> does (<c>138****5678</c>).
    /// Digits may be half-width or full-width (<c>０</c>–<c>９</c>), mixed; the check character <c>X</c> may be
    /// <c>X x Ｘ ｘ ×</c> (kept as written, full-width made half-width). Masked shapes:
    /// <list type="bullet">
    /// <item>identity number: 17 digits and a check digit or <c>X</c>, unbroken; or split by spaces, hyphens
    /// (<c>- －</c> and dashes) or dots only between area code, year, month/day and sequence (<c>410802 19900307 1234</c>,
    /// <c>410802-1990-0307-123X</c>); or split anywhere by single spaces (OCR); or split anywhere by hyphens or dots
    /// when its area code and birth date are real (<c>4108-0219-9003-0712-34</c>);</item>
    /// <item>any other run of 15 or more digits (and a trailing <c>X</c>), unbroken or split by single spaces: an
    /// identity number OCR read with a digit too many or too few;</item>
    /// <item>mobile number: 11 digits starting with 1, unbroken; or split 3-4-4, 3-8 or 7-4 by spaces, hyphens or dots
    /// (<c>138-1234-5678</c>, <c>138.1234.5678</c>); or split anywhere by single spaces; a country prefix
    /// (<c>+86 </c>, <c>86-</c>, <c>(+86)</c>, <c>0086 </c>) stays as written, and one glued to the number
    /// (<c>+8613812345678</c>, <c>8613812345678</c>, <c>008613812345678</c>, for 1[3-9]…) is kept in front of the mask
    /// (<c>+86138****5678</c>).</item>
    /// </list>
    /// A number counts wherever it is not part of a longer digit run: between Chinese characters, punctuation,
    /// underscores, quotes, URL delimiters and percent escapes (<c>%2B</c>), with letters on one side
    /// (<c>Tel13812345678</c>) or both. Not masked: runs inside a longer alphanumeric token that holds other digits
    /// too (hex digests such as SHA-256, keys), runs inside a GUID, a run of 15 or more digits that is not exactly an
    /// identity number and has letters right after it, an 18-character unified social credit code
    /// (统一社会信用代码; letters mixed in, or all digits with a valid GB 32100 check character and a first pair that
    /// is no province code), and everything shorter: dates, amounts, timestamps, page numbers, short codes.
    /// </summary>
    public static string Mask(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        StringBuilder? output = null;
        var copied = 0;
        foreach (var match in DigitChain().EnumerateMatches(text))
        {
            if (match.Length < 11) continue; // cannot hold 11 digits: the usual date, amount or page number
            int start = match.Index, end = start + match.Length;
            // Digits that end a percent or \u escape (%E4%B8%89, \u53F7) are read as the escape's first, as the
            // number's (50%13812345678) only when that masks nothing.
            if (EscapeDigits(text, start) is var escaped && escaped > 0 && MaskChain(text, start + escaped, end, ref output, ref copied))
                continue;
            MaskChain(text, start, end, ref output, ref copied);
        }
        return output is null ? text : output.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>Digit groups (half- or full-width) joined by one space, or by a hyphen or dot with optional spaces around it.</summary>
    [GeneratedRegex(@"[0-9０-９]+(?:(?:[ \u00A0\u2009\u202F\u3000]|[ \u00A0\u2009\u202F\u3000]?[\-\u2010-\u2015\u2212\uFE63\uFF0D.\uFF0E][ \u00A0\u2009\u202F\u3000]?)[0-9０-９]+)*")]
    private static partial Regex DigitChain();

    private static bool IsDigit(char c) => c is >= '0' and <= '9' or >= '０' and <= '９';

    private static bool IsSpace(char c) => c is ' ' or '\u00A0' or '\u2009' or '\u202F' or '\u3000';

    private static bool IsCheckX(char c) => c is 'X' or 'x' or '×' or 'Ｘ' or 'ｘ';

    /// <summary>Full-width digits and X to half-width; everything else as is.</summary>
    private static char HalfWidth(char c) => c is >= '０' and <= '９' or 'Ｘ' or 'ｘ' ? (char)(c - 0xFEE0) : c;

    private enum Kind { Id, Phone }

    /// <summary>
    /// Groups <see cref="First"/>..<see cref="Last"/> of a chain (the first one without its <see cref="Prefix"/>
    /// digits, a glued country code), with the chain's trailing check character when <see cref="UsesX"/>.
    /// </summary>
    private readonly record struct Candidate(int First, int Last, int Prefix, bool UsesX, Kind Kind, bool Tolerant = false);

    private struct Group
    {
        public int Start, End;
        /// <summary>Separated from the previous group by exactly one space character (OCR split).</summary>
        public bool SpaceBefore;
        public readonly int Length => End - Start;
    }

    /// <summary>
    /// Masks the numbers in one match of <see cref="DigitChain"/>, [<paramref name="start"/>, <paramref name="end"/>)
    /// (or its part from the first digit on); whether it masked any.
    /// </summary>
    private static bool MaskChain(string text, int start, int end, ref StringBuilder? output, ref int copied)
    {
        while (start < end && !IsDigit(text[start])) start++;
        var span = text.AsSpan(start, end - start);
        int digits = 0, count = 0;
        for (var i = 0; i < span.Length; i++)
        {
            if (!IsDigit(span[i])) continue;
            digits++;
            if (i == 0 || !IsDigit(span[i - 1])) count++;
        }
        if (digits < 11) return false;

        Span<Group> groups = count <= 32 ? stackalloc Group[count] : new Group[count];
        var g = -1;
        for (var i = 0; i < span.Length; i++)
        {
            if (!IsDigit(span[i])) continue;
            if (i > 0 && IsDigit(span[i - 1]))
            {
                groups[g].End++;
                continue;
            }
            var spaceBefore = g >= 0 && start + i - groups[g].End == 1 && IsSpace(span[i - 1]);
            groups[++g] = new Group { Start = start + i, End = start + i + 1, SpaceBefore = spaceBefore };
        }

        // A check character right after the last group, or after one space (OCR), unless a digit follows it.
        var xPos = -1;
        if (end < text.Length && IsCheckX(text[end]) && !(end + 1 < text.Length && IsDigit(text[end + 1])))
            xPos = end;
        else if (end + 1 < text.Length && IsSpace(text[end]) && IsCheckX(text[end + 1]) && !(end + 2 < text.Length && IsDigit(text[end + 2])))
            xPos = end + 1;

        var before = copied;
        new Chain(text, groups, xPos).Mask(ref output, ref copied);
        return copied != before;
    }

    /// <summary>How many digits from <paramref name="at"/> on end a <c>%XX</c> or <c>\uXXXX</c> escape that begins before it.</summary>
    private static int EscapeDigits(string text, int at)
    {
        for (var skip = 1; skip <= 2; skip++)
            if (at + skip - 3 >= 0 && at + skip <= text.Length && text[at + skip - 3] == '%'
                && char.IsAsciiHexDigit(text[at + skip - 2]) && !text.AsSpan(at, skip).ContainsAnyExcept(HexDigits))
                return skip;
        for (var skip = 1; skip <= 4; skip++)
            if (at + skip - 6 >= 0 && at + skip <= text.Length && text[at + skip - 6] == '\\' && text[at + skip - 5] == 'u'
                && !text.AsSpan(at + skip - 4, 4).ContainsAnyExcept(HexDigits))
                return skip;
        return 0;
    }

    /// <summary>The digit groups of one match of <see cref="DigitChain"/> and the check character after it.</summary>
    private readonly ref struct Chain(string text, Span<Group> groups, int xPos)
    {
        private static readonly int[] IdSplits = [6, 10, 12, 14]; // area | year | month | day | sequence + check
        private readonly string text = text;
        private readonly Span<Group> groups = groups;
        private readonly int xPos = xPos;

        /// <summary>
        /// Left to right: a number of an exact shape wins; the groups between such numbers, as far as single spaces
        /// join them, are masked when long enough to be a misread identity number.
        /// </summary>
        public void Mask(ref StringBuilder? output, ref int copied)
        {
            int runStart = 0, at = 0, n = groups.Length;
            while (at < n)
            {
                if (TryExact(at, out var found))
                {
                    Tolerant(runStart, at - 1, ref output, ref copied);
                    Emit(found, ref output, ref copied);
                    at = runStart = found.Last + 1;
                    continue;
                }
                if (at + 1 < n && !groups[at + 1].SpaceBefore)
                {
                    Tolerant(runStart, at, ref output, ref copied);
                    runStart = at + 1;
                }
                at++;
            }
            Tolerant(runStart, n - 1, ref output, ref copied);
        }

        /// <summary>An identity or mobile number of an exact shape that starts at group <paramref name="first"/>.</summary>
        private bool TryExact(int first, out Candidate found)
        {
            var head = groups[first];
            var prefix = Starts(head, "0086") && head.Length > 4 ? 4 : Starts(head, "86") && head.Length > 2 ? 2 : 0;
            var phoneStart = head.Start + prefix;
            var phoneLike = HalfWidth(text[phoneStart]) == '1'
                && (prefix == 0 || phoneStart + 1 < head.End && HalfWidth(text[phoneStart + 1]) is >= '3' and <= '9');

            Candidate? idNatural = null, phoneNatural = null, idSpaced = null, phoneSpaced = null, idOther = null;
            bool spacesOnly = true, idSplits = true, phoneSplits = true;
            var total = 0;
            for (var j = first; j < groups.Length; j++)
            {
                if (j > first)
                {
                    spacesOnly &= groups[j].SpaceBefore;
                    idSplits &= Array.IndexOf(IdSplits, total) >= 0;
                    phoneSplits &= total - prefix is 3 or 7;
                }
                total += groups[j].Length;
                if (total > 22) break;
                var beforeX = j == groups.Length - 1 && xPos >= 0;
                var withX = beforeX && total == 17;
                if (total == 18 && !beforeX || withX) // 18 digits and an X: 19 characters, left to the misread rule
                {
                    var id = new Candidate(first, j, 0, withX, Kind.Id);
                    if (idSplits) idNatural ??= id;
                    else if (spacesOnly) idSpaced ??= id;
                    else idOther ??= id;
                }
                if (phoneLike && total - prefix == 11)
                {
                    var phone = new Candidate(first, j, prefix, false, Kind.Phone);
                    if (phoneSplits) phoneNatural ??= phone;
                    else if (spacesOnly && prefix == 0) phoneSpaced ??= phone;
                }
            }
            // An identity number split elsewhere by hyphens or dots (4108-0219-9003-0712-34) only with a real area
            // code and birth date, so that no date or timestamp (2026-12-04-102030-1234) is taken for one.
            if (idOther is { } other && IdNumber.Validate(Normalised(other), DateOnly.MaxValue)
                    is IdNumberProblem.Format or IdNumberProblem.AreaCode or IdNumberProblem.BirthDate)
                idOther = null;
            foreach (var candidate in (ReadOnlySpan<Candidate?>)[idNatural, phoneNatural, idSpaced, phoneSpaced, idOther])
                if (candidate is { } c && Accepts(c))
                {
                    found = c;
                    return true;
                }
            found = default;
            return false;
        }

        /// <summary>Groups <paramref name="first"/>..<paramref name="last"/>, joined by single spaces, masked when 15 characters or more.</summary>
        private void Tolerant(int first, int last, ref StringBuilder? output, ref int copied)
        {
            if (last < first) return;
            var usesX = last == groups.Length - 1 && xPos >= 0;
            var length = usesX ? 1 : 0;
            for (var i = first; i <= last; i++) length += groups[i].Length;
            if (length < 15) return;
            var candidate = new Candidate(first, last, 0, usesX, Kind.Id, Tolerant: true);
            if (Accepts(candidate)) Emit(candidate, ref output, ref copied);
        }

        private bool Accepts(Candidate c)
        {
            if (c.First == 0 && LeftGlue(groups[0].Start).HasDigits) return false;
            if (c.Last == groups.Length - 1)
            {
                var (glued, hasDigits) = RightGlue(c.UsesX ? xPos + 1 : groups[c.Last].End);
                // Letters right after a digit run of no exact shape: a code (a credit code's last letters), not an ID;
                // unless OCR split the check character off the digits (41080219900307 Xu).
                var spacedX = c.UsesX && xPos > groups[c.Last].End;
                if (hasDigits || glued && c.Tolerant && !spacedX) return false;
            }
            var from = groups[c.First].Start;
            var to = c.UsesX ? xPos + 1 : groups[c.Last].End;
            if (InsideGuid(from, to)) return false;
            if (c.Kind == Kind.Id && CharCount(c) == 18 && IsCreditCode(Normalised(c))) return false;
            return true;
        }

        /// <summary>The ASCII letters and digits glued to the left of <paramref name="at"/>, ignoring a percent or \u escape.</summary>
        private (bool Glued, bool HasDigits) LeftGlue(int at)
        {
            var k = at;
            while (k > 0 && char.IsAsciiLetterOrDigit(text[k - 1])) k--;
            if (k == at) return (false, false);
            var glue = text.AsSpan(k, at - k);
            if (k > 0 && text[k - 1] == '%' && glue.Length == 2 && !glue.ContainsAnyExcept(HexDigits))
                return (false, false); // %2B8613812345678, %E8%AF%9D13812345678
            if (k > 0 && text[k - 1] == '\\' && glue.Length == 5 && glue[0] == 'u' && !glue[1..].ContainsAnyExcept(HexDigits))
                return (false, false); // \u8BDD13812345678 (escaped JSON)
            return (true, glue.ContainsAnyInRange('0', '9'));
        }

        private (bool Glued, bool HasDigits) RightGlue(int at)
        {
            var k = at;
            while (k < text.Length && char.IsAsciiLetterOrDigit(text[k])) k++;
            return (k > at, text.AsSpan(at, k - at).ContainsAnyInRange('0', '9'));
        }

        /// <summary>Whether [from, to) lies inside a GUID (<c>3f2504e0-4f89-11d3-9a0c-0305e82c3301</c>).</summary>
        private bool InsideGuid(int from, int to)
        {
            static bool HexOrHyphen(char c) => c == '-' || char.IsAsciiHexDigit(c);
            if ((from == 0 || !HexOrHyphen(text[from - 1])) && (to == text.Length || !HexOrHyphen(text[to]))) return false;
            for (var o = Math.Max(0, to - 36); o <= from && o + 36 <= text.Length; o++)
                if (text[o + 8] == '-' && Guid.TryParseExact(text.AsSpan(o, 36), "D", out _)) return true;
            return false;
        }

        private bool Starts(Group g, string digits)
        {
            if (g.Length < digits.Length) return false;
            for (var i = 0; i < digits.Length; i++)
                if (HalfWidth(text[g.Start + i]) != digits[i]) return false;
            return true;
        }

        /// <summary>The number of the candidate's characters, without separators and without its prefix.</summary>
        private int CharCount(Candidate c)
        {
            var length = c.UsesX ? 1 - c.Prefix : -c.Prefix;
            for (var i = c.First; i <= c.Last; i++) length += groups[i].Length;
            return length;
        }

        /// <summary>The candidate's characters in half-width, without separators and without its prefix.</summary>
        private string Normalised(Candidate c)
        {
            var length = CharCount(c);
            Span<char> buffer = length <= 64 ? stackalloc char[length] : new char[length];
            var w = 0;
            for (var i = c.First; i <= c.Last; i++)
                for (var k = groups[i].Start + (i == c.First ? c.Prefix : 0); k < groups[i].End; k++)
                    buffer[w++] = HalfWidth(text[k]);
            if (c.UsesX) buffer[w] = HalfWidth(text[xPos]);
            return new string(buffer);
        }

        private void Emit(Candidate c, ref StringBuilder? output, ref int copied)
        {
            var from = groups[c.First].Start;
            var to = c.UsesX ? xPos + 1 : groups[c.Last].End;
            output ??= new StringBuilder(text.Length + 8);
            output.Append(text, copied, from - copied);
            for (var k = from; k < from + c.Prefix; k++) output.Append(HalfWidth(text[k]));
            var number = Normalised(c);
            output.Append(c.Kind == Kind.Phone ? PhoneNumber.Mask(number) : IdNumber.Mask(number));
            copied = to;
        }
    }

    private static readonly System.Buffers.SearchValues<char> HexDigits =
        System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

    /// <summary>
    /// An all-digit (but for an <c>X</c> check character) unified social credit code with a valid GB 32100 check
    /// character whose first two digits are no province code, so it cannot be an identity number. Codes with
    /// letters inside never come here.
    /// </summary>
    private static bool IsCreditCode(string code) =>
        IdNumber.Validate(code, DateOnly.MaxValue) == IdNumberProblem.AreaCode && UnifiedSocialCreditCode.IsValid(code);
}
