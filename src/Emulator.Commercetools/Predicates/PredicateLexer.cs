using System.Globalization;
using System.Text;

namespace Emulator.Commercetools.Predicates;

internal enum TokenKind
{
    Identifier,
    String,
    Number,
    Variable,
    LParen,
    RParen,
    Comma,
    Operator,
    End,
}

internal readonly record struct Token(TokenKind Kind, string Text, int Position, decimal Number = 0);

internal static class PredicateLexer
{
    public static List<Token> Tokenize(string input)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < input.Length)
        {
            var c = input[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            switch (c)
            {
                case '(' or ')' or ',' or '=':
                    var kind = c switch { '(' => TokenKind.LParen, ')' => TokenKind.RParen, ',' => TokenKind.Comma, _ => TokenKind.Operator };
                    tokens.Add(new Token(kind, c.ToString(), start));
                    i++;
                    continue;
                case '!':
                    if (i + 1 < input.Length && input[i + 1] == '=')
                    {
                        tokens.Add(new Token(TokenKind.Operator, "!=", start));
                        i += 2;
                        continue;
                    }

                    throw new PredicateSyntaxException($"Invalid input '!' at position {start + 1}, expected '!='.");
                case '<':
                case '>':
                    if (i + 1 < input.Length && (input[i + 1] == '=' || (c == '<' && input[i + 1] == '>')))
                    {
                        tokens.Add(new Token(TokenKind.Operator, input.Substring(i, 2), start));
                        i += 2;
                    }
                    else
                    {
                        tokens.Add(new Token(TokenKind.Operator, c.ToString(), start));
                        i++;
                    }

                    continue;
                case '"':
                    tokens.Add(new Token(TokenKind.String, ReadString(input, ref i), start));
                    continue;
                case ':':
                    i++;
                    var nameStart = i;
                    while (i < input.Length && (char.IsAsciiLetterOrDigit(input[i]) || input[i] == '_'))
                    {
                        i++;
                    }

                    if (i == nameStart)
                    {
                        throw new PredicateSyntaxException($"Invalid input ':' at position {start + 1}, expected a variable name.");
                    }

                    tokens.Add(new Token(TokenKind.Variable, input[nameStart..i], start));
                    continue;
            }

            if (char.IsAsciiDigit(c) || (c == '-' && i + 1 < input.Length && char.IsAsciiDigit(input[i + 1])))
            {
                i++;
                while (i < input.Length && (char.IsAsciiDigit(input[i]) || input[i] == '.' || input[i] == 'e' || input[i] == 'E'
                    || ((input[i] == '-' || input[i] == '+') && (input[i - 1] == 'e' || input[i - 1] == 'E'))))
                {
                    i++;
                }

                var text = input[start..i];
                if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    throw new PredicateSyntaxException($"Invalid number '{text}' at position {start + 1}.");
                }

                tokens.Add(new Token(TokenKind.Number, text, start, number));
                continue;
            }

            if (char.IsAsciiLetter(c) || c == '_')
            {
                while (i < input.Length && (char.IsAsciiLetterOrDigit(input[i]) || input[i] == '_' || input[i] == '-'))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Identifier, input[start..i], start));
                continue;
            }

            throw new PredicateSyntaxException($"Invalid input '{c}' at position {start + 1}.");
        }

        tokens.Add(new Token(TokenKind.End, string.Empty, input.Length));
        return tokens;
    }

    private static string ReadString(string input, ref int i)
    {
        var start = i;
        i++;
        var sb = new StringBuilder();
        while (i < input.Length)
        {
            var c = input[i];
            if (c == '\\' && i + 1 < input.Length)
            {
                var next = input[i + 1];
                sb.Append(next switch
                {
                    'n' => '\n',
                    't' => '\t',
                    'r' => '\r',
                    _ => next,
                });
                i += 2;
                continue;
            }

            if (c == '"')
            {
                i++;
                return sb.ToString();
            }

            sb.Append(c);
            i++;
        }

        throw new PredicateSyntaxException($"Unterminated string starting at position {start + 1}.");
    }
}

internal sealed class PredicateSyntaxException(string message) : Exception(message);
