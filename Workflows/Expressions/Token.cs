namespace Pipeline.Workflows.Expressions;

/// <summary>Kinds of lexical tokens of the FEEL subset (DMN 1.5 §10.3.1.4).</summary>
internal enum TokenKind
{
    Number,
    String,
    Name,
    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    LeftBrace,
    RightBrace,
    Comma,
    Colon,
    Dot,
    DotDot,
    Plus,
    Minus,
    Star,
    StarStar,
    Slash,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    At,
    End,
}

/// <summary>
/// One token: its kind, the source text it was read from, its 0-based position, and for numbers (decimal),
/// strings (unescaped string) and names (the name) the decoded value. <see cref="Quoted"/> marks a
/// back-tick name, which is never a keyword.
/// </summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Position, object? Value = null, bool Quoted = false)
{
    /// <summary>True for an unquoted name spelled exactly <paramref name="keyword"/>.</summary>
    public bool IsKeyword(string keyword) => Kind == TokenKind.Name && !Quoted && Text == keyword;

    /// <summary>How the token is shown in an error message, e.g. <c>')'</c> or <c>end of expression</c>.</summary>
    public string Describe() => Kind switch
    {
        TokenKind.End => "end of expression",
        TokenKind.String => $"string {Text}",
        _ => $"'{Text}'",
    };
}
