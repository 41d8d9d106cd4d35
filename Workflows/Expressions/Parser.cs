namespace Pipeline.Workflows.Expressions;

/// <summary>
/// Recursive-descent parser for the FEEL subset (DMN 1.5 §10.3.1.2), one method per precedence level,
/// lowest first (the "additional syntax rules" after rule 67): <c>or</c>, <c>and</c>, comparison
/// (<c>= != &lt; &lt;= &gt; &gt;= between in</c>), <c>+ -</c>, <c>* /</c>, <c>**</c>, unary minus, path
/// <c>.name</c>, primary. All binary operators are left-associative, and unary minus binds tighter than
/// <c>**</c> as the specification requires (<c>-4 ** 2</c> is 16). <c>if</c> is parsed as a primary whose
/// else-branch extends as far right as possible.
/// </summary>
/// <remarks>
/// <code>
/// expression     = disjunction ;
/// disjunction    = conjunction , { "or" , conjunction } ;
/// conjunction    = comparison , { "and" , comparison } ;
/// comparison     = additive , { ( "=" | "!=" | "&lt;" | "&lt;=" | "&gt;" | "&gt;=" ) , additive
///                             | "between" , additive , "and" , additive
///                             | "in" , ( "(" , test , { "," , test } , ")" | test ) } ;
/// test           = ( "&lt;" | "&lt;=" | "&gt;" | "&gt;=" | "=" | "!=" ) , additive | interval | additive ;
/// interval       = ( "[" | "(" | "]" ) , additive , ".." , additive , ( "]" | ")" | "[" ) ;
/// additive       = multiplicative , { ( "+" | "-" ) , multiplicative } ;
/// multiplicative = power , { ( "*" | "/" ) , power } ;
/// power          = unary , { "**" , unary } ;
/// unary          = "-" , unary | postfix ;
/// postfix        = primary , { "." , name } ;
/// primary        = number | string | "true" | "false" | "null" | name
///                | "@" , string
///                | function name , "(" , [ expression , { "," , expression } ] , ")"
///                | "if" , expression , "then" , expression , "else" , expression
///                | "(" , expression , ")"
///                | "[" , [ expression , { "," , expression } ] , "]"
///                | "{" , [ key , ":" , expression , { "," , key , ":" , expression } ] , "}" ;
/// key            = name | string ;
/// </code>
/// <c>@"..."</c> is a temporal "at literal" (DMN 1.5 §10.3.1.2): a date, date and time, time or duration in ISO 8601, read
/// when the expression is parsed, so a malformed one is a syntax error. A multi-word function name may contain the
/// keyword <c>and</c> (<c>date and time(...)</c>, <c>years and months duration(...)</c>): those names are matched
/// before <c>and</c> is taken as the operator.
/// Not supported, and reported as syntax errors: filters and indexes (<c>x[...]</c>), <c>for</c>, <c>some</c>,
/// <c>every</c>, function definitions, named arguments, <c>instance of</c>, names with spaces
/// (except the multi-word built-in function names).
/// </remarks>
internal sealed class Parser
{
    private const int MaxDepth = 200;

    /// <summary>
    /// Most tokens an expression may have. Evaluation walks the syntax tree recursively and a chain of n binary
    /// operators is n levels deep, so a bound on size is a bound on stack: a 200,000-term sum is refused here instead
    /// of overflowing the stack (which no .NET code can catch). BPMN conditions and mappings are a few dozen tokens.
    /// </summary>
    public const int MaxTokens = 1000;

    private static readonly HashSet<string> Keywords =
        new(["true", "false", "null", "and", "or", "if", "then", "else", "between", "in"], StringComparer.Ordinal);

    private readonly string _text;
    private readonly List<Token> _tokens;
    private int _index;
    private int _depth;
    private bool _readingRangeEnd;

    private Parser(string text, List<Token> tokens)
    {
        _text = text;
        _tokens = tokens;
    }

    private Token Current => _tokens[_index];

    /// <summary>Parses a whole expression; a leading <c>=</c> (after optional white space) is skipped as the Zeebe expression marker.</summary>
    /// <exception cref="FeelSyntaxException">The text is not an expression of the subset.</exception>
    public static FeelNode Parse(string text)
    {
        var start = 0;
        while (start < text.Length && char.IsWhiteSpace(text[start])) start++;
        if (start < text.Length && text[start] == '=') start++;

        var tokens = Lexer.Tokenize(text, start);
        if (tokens.Count > MaxTokens)
            throw new FeelSyntaxException($"expression is too long ({tokens.Count - 1} tokens; at most {MaxTokens})", start, text);
        var parser = new Parser(text, tokens);
        var root = parser.ParseExpression();
        if (parser.Current.Kind != TokenKind.End) throw parser.Unexpected();
        return root;
    }

    private FeelNode ParseExpression()
    {
        if (++_depth > MaxDepth) throw Error("expression is nested too deeply", Current.Position);
        var node = ParseDisjunction();
        _depth--;
        return node;
    }

    private FeelNode ParseDisjunction()
    {
        var left = ParseConjunction();
        while (Current.IsKeyword("or"))
        {
            var op = Advance();
            left = new BinaryNode(op.Position, BinaryOperator.Or, left, ParseConjunction());
        }
        return left;
    }

    private FeelNode ParseConjunction()
    {
        var left = ParseComparison();
        while (Current.IsKeyword("and"))
        {
            var op = Advance();
            left = new BinaryNode(op.Position, BinaryOperator.And, left, ParseComparison());
        }
        return left;
    }

    private FeelNode ParseComparison()
    {
        var left = ParseAdditive();
        while (true)
        {
            if (ComparisonOperator(Current.Kind) is { } op)
            {
                var token = Advance();
                left = new BinaryNode(token.Position, op, left, ParseAdditive());
            }
            else if (Current.IsKeyword("between"))
            {
                var token = Advance();
                var low = ParseAdditive();
                if (!Current.IsKeyword("and")) throw Expected("'and' after the lower bound of 'between'");
                Advance();
                left = new BetweenNode(token.Position, left, low, ParseAdditive());
            }
            else if (Current.IsKeyword("in"))
            {
                var token = Advance();
                left = new InNode(token.Position, left, ParsePositiveUnaryTests());
            }
            else
            {
                return left;
            }
        }
    }

    private FeelNode ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (Current.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var token = Advance();
            var op = token.Kind == TokenKind.Plus ? BinaryOperator.Add : BinaryOperator.Subtract;
            left = new BinaryNode(token.Position, op, left, ParseMultiplicative());
        }
        return left;
    }

    private FeelNode ParseMultiplicative()
    {
        var left = ParsePower();
        while (Current.Kind is TokenKind.Star or TokenKind.Slash)
        {
            var token = Advance();
            var op = token.Kind == TokenKind.Star ? BinaryOperator.Multiply : BinaryOperator.Divide;
            left = new BinaryNode(token.Position, op, left, ParsePower());
        }
        return left;
    }

    private FeelNode ParsePower()
    {
        var left = ParseUnary();
        while (Current.Kind == TokenKind.StarStar)
        {
            var token = Advance();
            left = new BinaryNode(token.Position, BinaryOperator.Power, left, ParseUnary());
        }
        return left;
    }

    private FeelNode ParseUnary()
    {
        if (Current.Kind != TokenKind.Minus) return ParsePostfix();
        var token = Advance();
        if (++_depth > MaxDepth) throw Error("expression is nested too deeply", token.Position);
        var operand = ParseUnary();
        _depth--;
        return new NegationNode(token.Position, operand);
    }

    private FeelNode ParsePostfix()
    {
        var node = ParsePrimary();
        while (true)
        {
            if (Current.Kind == TokenKind.Dot)
            {
                Advance();
                if (Current.Kind != TokenKind.Name) throw Expected("a name after '.'");
                var member = Advance();
                node = new PathNode(member.Position, node, (string)member.Value!);
            }
            else if (Current.Kind == TokenKind.LeftBracket && !_readingRangeEnd)
            {
                throw Error("filters and indexes such as x[1] or x[item > 2] are not supported", Current.Position);
            }
            else
            {
                return node;
            }
        }
    }

    private FeelNode ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number:
            case TokenKind.String:
                Advance();
                return new LiteralNode(token.Position, token.Value);
            case TokenKind.Name:
                return ParseNameOrCall();
            case TokenKind.At:
                return ParseTemporalLiteral();
            case TokenKind.LeftParen:
                Advance();
                var inner = ParseExpression();
                Expect(TokenKind.RightParen, "')'");
                return inner;
            case TokenKind.LeftBracket:
                return ParseList();
            case TokenKind.LeftBrace:
                return ParseContext();
            default:
                throw Unexpected();
        }
    }

    private FeelNode ParseNameOrCall()
    {
        var token = Current;
        if (!token.Quoted)
        {
            switch (token.Text)
            {
                case "true": Advance(); return new LiteralNode(token.Position, true);
                case "false": Advance(); return new LiteralNode(token.Position, false);
                case "null": Advance(); return new LiteralNode(token.Position, null);
                case "if": return ParseIf();
                case "for" or "some" or "every" when Peek(1).Kind == TokenKind.Name:
                    throw Error($"'{token.Text}' expressions are not supported", token.Position);
            }
            if (Keywords.Contains(token.Text)) throw Unexpected();
        }

        if (!token.Quoted && MatchNameWithKeyword() is { } keywordName) return ParseCall(string.Join(' ', keywordName), keywordName.Length);

        // A function name may be several words ("string length"): take the run of plain names before '('.
        var words = 1;
        while (IsPlainName(Peek(words))) words++;
        if (!token.Quoted && Peek(words).Kind == TokenKind.LeftParen)
        {
            var name = string.Join(' ', _tokens.Skip(_index).Take(words).Select(t => t.Text));
            return ParseCall(name, words);
        }

        Advance();
        return new NameNode(token.Position, (string)token.Value!);
    }

    /// <summary>The words of a built-in name containing <c>and</c> spelled from the current token and followed by '(', or null.</summary>
    private string[]? MatchNameWithKeyword()
    {
        foreach (var words in Builtins.NamesWithKeywords)
        {
            var matches = true;
            for (var i = 0; i < words.Length && matches; i++)
            {
                var token = Peek(i);
                matches = token.Kind == TokenKind.Name && !token.Quoted && token.Text == words[i];
            }
            if (matches && Peek(words.Length).Kind == TokenKind.LeftParen) return words;
        }
        return null;
    }

    /// <summary><c>@"..."</c>: the string read as a date, date and time, time or duration now, at parse time.</summary>
    private FeelNode ParseTemporalLiteral()
    {
        var at = Advance();
        if (Current.Kind != TokenKind.String) throw Expected("a string after '@', e.g. @\"2025-10-01\"");
        var literal = Advance();
        if (!TemporalLexical.TryParseAny((string)literal.Value!, out var value, out var error)) throw Error(error, literal.Position);
        return new LiteralNode(at.Position, value);
    }

    private bool IsPlainName(Token token) => token.Kind == TokenKind.Name && !token.Quoted && !Keywords.Contains(token.Text);

    private FeelNode ParseCall(string name, int words)
    {
        var nameToken = Current;
        if (!Builtins.TryGet(name, out var function))
        {
            throw Error(
                $"unknown function '{name}' (available: {string.Join(", ", Builtins.Names.Order(StringComparer.Ordinal))})",
                nameToken.Position);
        }
        _index += words;
        Expect(TokenKind.LeftParen, "'('");

        var arguments = new List<FeelNode>();
        if (Current.Kind != TokenKind.RightParen)
        {
            do
            {
                if (Current.Kind == TokenKind.Name && Peek(1).Kind == TokenKind.Colon)
                    throw Error("named arguments are not supported; pass arguments by position", Current.Position);
                arguments.Add(ParseExpression());
            }
            while (TryAdvance(TokenKind.Comma));
        }
        Expect(TokenKind.RightParen, "',' or ')'");

        if (!function.Accepts(arguments.Count))
        {
            throw Error(
                $"function '{name}' takes {function.ArityText()} but was given {arguments.Count}", nameToken.Position);
        }
        return name == Builtins.IsDefined
            ? new IsDefinedNode(nameToken.Position, arguments[0])
            : new FunctionCallNode(nameToken.Position, function, arguments.ToArray());
    }

    private FeelNode ParseIf()
    {
        var token = Advance();
        var condition = ParseExpression();
        if (!Current.IsKeyword("then")) throw Expected("'then'");
        Advance();
        var then = ParseExpression();
        if (!Current.IsKeyword("else")) throw Expected("'else'");
        Advance();
        return new IfNode(token.Position, condition, then, ParseExpression());
    }

    private FeelNode ParseList()
    {
        var open = Advance();
        var items = new List<FeelNode>();
        if (Current.Kind != TokenKind.RightBracket)
        {
            do
            {
                items.Add(ParseExpression());
                if (Current.Kind == TokenKind.DotDot)
                    throw Error("a range such as [1..5] is only allowed after 'in'", Current.Position);
            }
            while (TryAdvance(TokenKind.Comma));
        }
        Expect(TokenKind.RightBracket, "',' or ']'");
        return new ListNode(open.Position, items.ToArray());
    }

    private FeelNode ParseContext()
    {
        var open = Advance();
        var entries = new List<ContextEntryNode>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        if (Current.Kind != TokenKind.RightBrace)
        {
            do
            {
                var keyToken = Current;
                if (keyToken.Kind is not (TokenKind.Name or TokenKind.String)) throw Expected("a context key (a name or a string)");
                Advance();
                var key = (string)keyToken.Value!;
                if (!keys.Add(key)) throw Error($"duplicate context key '{key}'", keyToken.Position);
                Expect(TokenKind.Colon, "':' after the context key");
                entries.Add(new ContextEntryNode(keyToken.Position, key, ParseExpression()));
            }
            while (TryAdvance(TokenKind.Comma));
        }
        Expect(TokenKind.RightBrace, "',' or '}'");
        return new ContextNode(open.Position, entries.ToArray());
    }

    /// <summary>After <c>in</c>: one positive unary test, or a parenthesised comma-separated list of them (rule 49c/d).</summary>
    private UnaryTest[] ParsePositiveUnaryTests()
    {
        if (Current.Kind != TokenKind.LeftParen || IsIntervalAhead()) return [ParsePositiveUnaryTest()];

        Advance();
        var tests = new List<UnaryTest>();
        do
        {
            tests.Add(ParsePositiveUnaryTest());
        }
        while (TryAdvance(TokenKind.Comma));
        Expect(TokenKind.RightParen, "',' or ')'");
        return tests.ToArray();
    }

    private UnaryTest ParsePositiveUnaryTest()
    {
        var token = Current;
        var op = token.Kind switch
        {
            TokenKind.Less => BinaryOperator.Less,
            TokenKind.LessOrEqual => BinaryOperator.LessOrEqual,
            TokenKind.Greater => BinaryOperator.Greater,
            TokenKind.GreaterOrEqual => BinaryOperator.GreaterOrEqual,
            TokenKind.Equal => BinaryOperator.Equal,
            TokenKind.NotEqual => BinaryOperator.NotEqual,
            _ => (BinaryOperator?)null,
        };
        if (op is { } comparison)
        {
            Advance();
            return new ComparisonTest(token.Position, comparison, ParseAdditive());
        }
        if ((token.Kind is TokenKind.LeftBracket or TokenKind.LeftParen or TokenKind.RightBracket) && IsIntervalAhead())
        {
            return ParseInterval();
        }
        return new ExpressionTest(token.Position, ParseAdditive());
    }

    /// <summary>Rule 8: <c>( "[" | "(" | "]" ) endpoint ".." endpoint ( "]" | ")" | "[" )</c>.</summary>
    private IntervalTest ParseInterval()
    {
        var open = Advance();
        var start = ParseAdditive();
        Expect(TokenKind.DotDot, "'..'");
        _readingRangeEnd = true; // in "[1..5[" the '[' after the end point closes the range
        var end = ParseAdditive();
        _readingRangeEnd = false;
        var close = Current;
        if (close.Kind is not (TokenKind.RightBracket or TokenKind.RightParen or TokenKind.LeftBracket))
            throw Expected("']' or ')' to close the range");
        Advance();
        return new IntervalTest(open.Position, open.Kind == TokenKind.LeftBracket, start, end, close.Kind == TokenKind.RightBracket);
    }

    /// <summary>Looks past the opening bracket for a '..' at the same nesting level before any ',' or closing bracket.</summary>
    private bool IsIntervalAhead()
    {
        var depth = 0;
        for (var i = _index + 1; i < _tokens.Count; i++)
        {
            switch (_tokens[i].Kind)
            {
                case TokenKind.LeftParen or TokenKind.LeftBracket or TokenKind.LeftBrace:
                    depth++;
                    break;
                case TokenKind.RightParen or TokenKind.RightBracket or TokenKind.RightBrace:
                    if (depth == 0) return false;
                    depth--;
                    break;
                case TokenKind.DotDot when depth == 0:
                    return true;
                case TokenKind.Comma when depth == 0:
                case TokenKind.End:
                    return false;
            }
        }
        return false;
    }

    private static BinaryOperator? ComparisonOperator(TokenKind kind) => kind switch
    {
        TokenKind.Equal => BinaryOperator.Equal,
        TokenKind.NotEqual => BinaryOperator.NotEqual,
        TokenKind.Less => BinaryOperator.Less,
        TokenKind.LessOrEqual => BinaryOperator.LessOrEqual,
        TokenKind.Greater => BinaryOperator.Greater,
        TokenKind.GreaterOrEqual => BinaryOperator.GreaterOrEqual,
        _ => null,
    };

    private Token Peek(int offset) => _tokens[Math.Min(_index + offset, _tokens.Count - 1)];

    private Token Advance()
    {
        var token = Current;
        if (_index < _tokens.Count - 1) _index++;
        return token;
    }

    private bool TryAdvance(TokenKind kind)
    {
        if (Current.Kind != kind) return false;
        Advance();
        return true;
    }

    private void Expect(TokenKind kind, string what)
    {
        if (Current.Kind != kind) throw Expected(what);
        Advance();
    }

    private FeelSyntaxException Unexpected() =>
        Error(Current.Kind == TokenKind.End ? "unexpected end of expression" : $"unexpected {Current.Describe()}", Current.Position);

    private FeelSyntaxException Expected(string what) =>
        Error($"expected {what} but found {Current.Describe()}", Current.Position);

    private FeelSyntaxException Error(string reason, int position) => new(reason, position, _text);
}
