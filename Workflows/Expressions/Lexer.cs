using System.Globalization;
using System.Text;

namespace Pipeline.Workflows.Expressions;

/// <summary>
/// Splits FEEL text into <see cref="Token"/>s (DMN 1.5 §10.3.1.2 rules 25–37, 61–64; §10.3.1.4).
/// Supports numbers with optional fraction and exponent, double-quoted strings with the escapes
/// <c>\" \' \\ \n \r \t \uXXXX \UXXXXXX</c>, names (letters of any script including CJK, digits,
/// <c>_</c>, <c>?</c>), back-tick quoted names, Java-style comments, and the punctuation of the subset
/// (including the <c>@</c> of temporal literals such as <c>@"2025-10-01"</c>).
/// Names never contain spaces here: <c>string length</c> is two name tokens joined by the parser.
/// </summary>
internal static class Lexer
{
    /// <summary>Tokenizes <paramref name="text"/> from <paramref name="start"/>; the list always ends with an <see cref="TokenKind.End"/> token.</summary>
    /// <exception cref="FeelSyntaxException">An unexpected character, bad escape or unterminated string or comment.</exception>
    public static List<Token> Tokenize(string text, int start)
    {
        var tokens = new List<Token>();
        var i = start;
        while (true)
        {
            i = SkipWhitespaceAndComments(text, i);
            if (i >= text.Length)
            {
                tokens.Add(new Token(TokenKind.End, "", text.Length));
                return tokens;
            }

            var c = text[i];
            if (char.IsAsciiDigit(c) || (c == '.' && NextIsDigit(text, i) && !EndsOperand(tokens)))
            {
                tokens.Add(ReadNumber(text, ref i));
            }
            else if (c == '"')
            {
                tokens.Add(ReadString(text, ref i));
            }
            else if (c == '`')
            {
                tokens.Add(ReadQuotedName(text, ref i));
            }
            else if (IsNameStart(text, i, out _))
            {
                tokens.Add(ReadName(text, ref i));
            }
            else
            {
                tokens.Add(ReadPunctuation(text, ref i));
            }
        }
    }

    private static int SkipWhitespaceAndComments(string text, int i)
    {
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || c == '\uFEFF' || c == '\u200B')
            {
                i++;
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                while (i < text.Length && text[i] != '\n') i++;
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                var close = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                if (close < 0) throw new FeelSyntaxException("unterminated comment", i, text);
                i = close + 2;
            }
            else
            {
                break;
            }
        }
        return i;
    }

    private static bool NextIsDigit(string text, int i) => i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]);

    // A '.' directly after a name, number or closing bracket is a path step, not the start of ".5".
    private static bool EndsOperand(List<Token> tokens) =>
        tokens.Count > 0 && tokens[^1].Kind is TokenKind.Name or TokenKind.Number or TokenKind.String
            or TokenKind.RightParen or TokenKind.RightBracket or TokenKind.RightBrace;

    private static Token ReadNumber(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        if (i < text.Length && text[i] == '.' && NextIsDigit(text, i))
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        }
        if (i < text.Length && text[i] is 'e' or 'E')
        {
            var j = i + 1;
            if (j < text.Length && text[j] is '+' or '-') j++;
            if (j < text.Length && char.IsAsciiDigit(text[j]))
            {
                i = j;
                while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
            }
        }

        var literal = text[start..i];
        if (!decimal.TryParse(literal, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                CultureInfo.InvariantCulture, out var value))
        {
            throw new FeelSyntaxException(
                $"number {literal} is outside the supported range (about ±7.9e28, 28 significant digits)", start, text);
        }
        return new Token(TokenKind.Number, literal, start, value);
    }

    private static Token ReadString(string text, ref int i)
    {
        var start = i;
        var builder = new StringBuilder();
        i++;
        while (true)
        {
            if (i >= text.Length) throw new FeelSyntaxException("unterminated string literal", start, text);
            var c = text[i];
            if (c == '"')
            {
                i++;
                return new Token(TokenKind.String, text[start..i], start, builder.ToString());
            }
            if (c != '\\')
            {
                builder.Append(c);
                i++;
                continue;
            }

            if (i + 1 >= text.Length) throw new FeelSyntaxException("unterminated string literal", start, text);
            var escape = text[i + 1];
            switch (escape)
            {
                case '"': builder.Append('"'); i += 2; break;
                case '\'': builder.Append('\''); i += 2; break;
                case '\\': builder.Append('\\'); i += 2; break;
                case 'n': builder.Append('\n'); i += 2; break;
                case 'r': builder.Append('\r'); i += 2; break;
                case 't': builder.Append('\t'); i += 2; break;
                case 'u': builder.Append(ReadCodePoint(text, i, 4)); i += 6; break;
                case 'U': builder.Append(ReadCodePoint(text, i, 6)); i += 8; break;
                default:
                    throw new FeelSyntaxException($"unknown escape sequence '\\{escape}' in string literal", i, text);
            }
        }
    }

    private static string ReadCodePoint(string text, int escapeStart, int digits)
    {
        var hexStart = escapeStart + 2;
        if (hexStart + digits > text.Length
            || !int.TryParse(text.AsSpan(hexStart, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
        {
            throw new FeelSyntaxException(
                $"escape sequence '\\{text[escapeStart + 1]}' needs {digits} hexadecimal digits", escapeStart, text);
        }
        // \uXXXX may be half of a surrogate pair spelled as two escapes, so it is appended as a UTF-16 unit.
        if (digits == 4) return ((char)code).ToString();
        if (!Rune.IsValid(code)) throw new FeelSyntaxException($"'\\U{text.Substring(hexStart, digits)}' is not a Unicode code point", escapeStart, text);
        return new Rune(code).ToString();
    }

    private static Token ReadQuotedName(string text, ref int i)
    {
        var start = i;
        var close = text.IndexOf('`', i + 1);
        if (close < 0) throw new FeelSyntaxException("unterminated back-tick name", start, text);
        if (close == i + 1) throw new FeelSyntaxException("empty back-tick name", start, text);
        var name = text[(i + 1)..close];
        i = close + 1;
        return new Token(TokenKind.Name, text[start..i], start, name, Quoted: true);
    }

    private static Token ReadName(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && IsNamePart(text, i, out var width)) i += width;
        var name = text[start..i];
        return new Token(TokenKind.Name, name, start, name);
    }

    /// <summary>DMN rule 28 "name start char": a letter of any script, '_' or '?'.</summary>
    private static bool IsNameStart(string text, int i, out int width)
    {
        width = 1;
        var c = text[i];
        if (c is '_' or '?') return true;
        if (Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out width) != System.Buffers.OperationStatus.Done) return false;
        return Rune.IsLetter(rune) || Rune.GetUnicodeCategory(rune) == UnicodeCategory.LetterNumber;
    }

    /// <summary>DMN rule 29 "name part char": a name start char, a digit, a combining mark, '·' or a connector.</summary>
    private static bool IsNamePart(string text, int i, out int width)
    {
        if (IsNameStart(text, i, out width)) return true;
        if (Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out width) != System.Buffers.OperationStatus.Done) return false;
        return Rune.IsDigit(rune)
            || rune.Value == 0xB7
            || Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                or UnicodeCategory.ConnectorPunctuation;
    }

    private static Token ReadPunctuation(string text, ref int i)
    {
        var start = i;
        var c = text[i];
        var next = i + 1 < text.Length ? text[i + 1] : '\0';
        (TokenKind kind, int length) = c switch
        {
            '(' => (TokenKind.LeftParen, 1),
            ')' => (TokenKind.RightParen, 1),
            '[' => (TokenKind.LeftBracket, 1),
            ']' => (TokenKind.RightBracket, 1),
            '{' => (TokenKind.LeftBrace, 1),
            '}' => (TokenKind.RightBrace, 1),
            ',' => (TokenKind.Comma, 1),
            ':' => (TokenKind.Colon, 1),
            '.' when next == '.' => (TokenKind.DotDot, 2),
            '.' => (TokenKind.Dot, 1),
            '+' => (TokenKind.Plus, 1),
            '-' => (TokenKind.Minus, 1),
            '*' when next == '*' => (TokenKind.StarStar, 2),
            '*' => (TokenKind.Star, 1),
            '/' => (TokenKind.Slash, 1),
            '=' => (TokenKind.Equal, 1),
            '!' when next == '=' => (TokenKind.NotEqual, 2),
            '<' when next == '=' => (TokenKind.LessOrEqual, 2),
            '<' => (TokenKind.Less, 1),
            '>' when next == '=' => (TokenKind.GreaterOrEqual, 2),
            '>' => (TokenKind.Greater, 1),
            '@' => (TokenKind.At, 1),
            _ => throw new FeelSyntaxException($"unexpected character {ShowCharacter(text, i)}", i, text),
        };
        i += length;
        return new Token(kind, text.Substring(start, length), start);
    }

    private static string ShowCharacter(string text, int i)
    {
        var c = text[i];
        if (c == '!') return "'!' (use != for 'not equal' and not(x) for negation)";
        if (c == '\'') return "''' (strings are written in double quotes)";
        if (c == '&' || c == '|') return $"'{c}' (use 'and' / 'or')";
        return char.IsControl(c) ? $"U+{(int)c:X4}" : $"'{c}'";
    }
}
