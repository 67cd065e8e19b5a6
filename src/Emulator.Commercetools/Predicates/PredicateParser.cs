namespace Emulator.Commercetools.Predicates;

/// <summary>
/// Recursive-descent parser for commercetools Query Predicates:
/// <c>expr := and (OR and)*; and := unary (AND unary)*; unary := NOT '(' expr ')' | '(' expr ')' | field suffix</c>.
/// Keywords are case-insensitive and contextual, so fields may be named like keywords (<c>key</c>, <c>type</c>).
/// </summary>
internal sealed class PredicateParser
{
    private readonly List<Token> _tokens;
    private int _pos;

    private PredicateParser(List<Token> tokens) => _tokens = tokens;

    public static Predicate Parse(string input)
    {
        var parser = new PredicateParser(PredicateLexer.Tokenize(input));
        if (parser.Peek.Kind == TokenKind.End)
        {
            throw new PredicateSyntaxException("Empty predicate.");
        }

        var result = parser.ParseOr();
        if (parser.Peek.Kind != TokenKind.End)
        {
            throw parser.Unexpected("'and', 'or' or end of input");
        }

        return result;
    }

    private Token Peek => _tokens[_pos];

    private Token PeekAt(int offset) => _tokens[Math.Min(_pos + offset, _tokens.Count - 1)];

    private Token Next() => _tokens[_pos++];

    private static bool IsKeyword(Token token, string keyword) =>
        token.Kind == TokenKind.Identifier && string.Equals(token.Text, keyword, StringComparison.OrdinalIgnoreCase);

    private PredicateSyntaxException Unexpected(string expected)
    {
        var token = Peek;
        var found = token.Kind == TokenKind.End ? "end of input" : $"'{token.Text}'";
        return new PredicateSyntaxException($"Invalid input {found} at position {token.Position + 1}, expected {expected}.");
    }

    private Predicate ParseOr() => ParseChain("or", ParseAnd, (left, right) => new OrPredicate(left, right));

    private Predicate ParseAnd() => ParseChain("and", ParseUnary, (left, right) => new AndPredicate(left, right));

    /// <summary>Operands joined by a left-associative keyword (<c>a or b or c</c>), each parsed by <paramref name="operand"/>.</summary>
    private Predicate ParseChain(string keyword, Func<Predicate> operand, Func<Predicate, Predicate, Predicate> join)
    {
        var left = operand();
        while (IsKeyword(Peek, keyword))
        {
            Next();
            left = join(left, operand());
        }

        return left;
    }

    private Predicate ParseUnary()
    {
        if (IsKeyword(Peek, "not") && PeekAt(1).Kind == TokenKind.LParen)
        {
            Next();
            Next();
            var inner = ParseOr();
            Expect(TokenKind.RParen, "')'");
            return new NotPredicate(inner);
        }

        if (Peek.Kind == TokenKind.LParen)
        {
            Next();
            var inner = ParseOr();
            Expect(TokenKind.RParen, "')'");
            return inner;
        }

        if (Peek.Kind != TokenKind.Identifier)
        {
            throw Unexpected("a field name, 'not' or '('");
        }

        var field = Next().Text;
        return ParseFieldSuffix(field);
    }

    private Predicate ParseFieldSuffix(string field)
    {
        var token = Peek;
        if (token.Kind == TokenKind.LParen)
        {
            Next();
            var inner = ParseOr();
            Expect(TokenKind.RParen, "')'");
            return new NestedPredicate(field, inner);
        }

        if (token.Kind == TokenKind.Operator)
        {
            Next();
            var op = token.Text switch
            {
                "=" => CompareOp.Eq,
                "!=" or "<>" => CompareOp.NotEq,
                "<" => CompareOp.Lt,
                "<=" => CompareOp.Le,
                ">" => CompareOp.Gt,
                ">=" => CompareOp.Ge,
                _ => throw new PredicateSyntaxException($"Unknown operator '{token.Text}'."),
            };
            return new ComparisonPredicate(field, op, ParseOperand());
        }

        if (IsKeyword(token, "in"))
        {
            Next();
            return new InPredicate(field, false, ParseOperandList());
        }

        if (IsKeyword(token, "not") && IsKeyword(PeekAt(1), "in"))
        {
            Next();
            Next();
            return new InPredicate(field, true, ParseOperandList());
        }

        if (IsKeyword(token, "contains"))
        {
            Next();
            var all = false;
            if (IsKeyword(Peek, "all"))
            {
                all = true;
                Next();
            }
            else if (IsKeyword(Peek, "any"))
            {
                Next();
            }

            return new ContainsPredicate(field, all, ParseOperandList());
        }

        if (IsKeyword(token, "is"))
        {
            Next();
            var negated = false;
            if (IsKeyword(Peek, "not"))
            {
                negated = true;
                Next();
            }

            if (IsKeyword(Peek, "defined"))
            {
                Next();
                return new DefinedPredicate(field, negated);
            }

            if (IsKeyword(Peek, "empty"))
            {
                Next();
                return new EmptyPredicate(field, negated);
            }

            throw Unexpected("'defined' or 'empty'");
        }

        if (IsKeyword(token, "within"))
        {
            Next();
            if (!IsKeyword(Peek, "circle"))
            {
                throw Unexpected("'circle'");
            }

            Next();
            var values = ParseOperandList();
            if (values.Count != 3 || values.Any(v => v.Kind != OperandKind.Number))
            {
                throw new PredicateSyntaxException("'within circle' expects (longitude, latitude, radius).");
            }

            return new WithinCirclePredicate(field, values[0].Number, values[1].Number, values[2].Number);
        }

        throw Unexpected("'(', a comparison operator, 'in', 'not in', 'contains', 'is' or 'within'");
    }

    private List<Operand> ParseOperandList()
    {
        if (Peek.Kind == TokenKind.Variable)
        {
            return [ParseOperand()];
        }

        Expect(TokenKind.LParen, "'('");
        var values = new List<Operand> { ParseOperand() };
        while (Peek.Kind == TokenKind.Comma)
        {
            Next();
            values.Add(ParseOperand());
        }

        Expect(TokenKind.RParen, "')'");
        return values;
    }

    private Operand ParseOperand()
    {
        var token = Peek;
        switch (token.Kind)
        {
            case TokenKind.String:
                Next();
                return Operand.Str(token.Text);
            case TokenKind.Number:
                Next();
                return Operand.Num(token.Number);
            case TokenKind.Variable:
                Next();
                return Operand.Var(token.Text);
            case TokenKind.Identifier when IsKeyword(token, "true") || IsKeyword(token, "false"):
                Next();
                return Operand.Bool(IsKeyword(token, "true"));
            default:
                throw Unexpected("a string, number, boolean or :variable");
        }
    }

    private void Expect(TokenKind kind, string description)
    {
        if (Peek.Kind != kind)
        {
            throw Unexpected(description);
        }

        Next();
    }
}
