using QuoteExtract.Tagging;
using QuoteExtract.Text;

namespace QuoteExtract.Matching;

/// <summary>
/// Recursive-descent parser of the rule language (see docs/patterns.md). Works on characters directly
/// because values such as <c>PRP$</c>, <c>VB*</c> or <c>X.X.</c> would not survive a generic tokenizer.
/// </summary>
internal sealed class PatternParser
{
    private const int MaxRepeat = 200;

    /// <summary>Deepest nesting of groups, token-test parentheses and negations: parsing and compiling recurse, so a bound keeps any input from exhausting the stack.</summary>
    private const int MaxNesting = 64;

    /// <summary>Most tests joined by &amp; and | in one token test, which compile to a chain as deep as it is long.</summary>
    private const int MaxTestTerms = 256;

    private readonly string _text;
    private readonly string _source;
    private readonly LexiconSet? _lexicons;
    private int _pos;
    private int _nesting;
    private int _testTerms;

    private PatternParser(string text, string source, LexiconSet? lexicons)
    {
        _text = text;
        _source = source;
        _lexicons = lexicons;
    }

    /// <summary>Parses every rule of <paramref name="text"/>; unknown lexicon classes are errors when <paramref name="lexicons"/> is given.</summary>
    public static List<RuleSyntax> Parse(string text, string source = "patterns", LexiconSet? lexicons = null)
    {
        var parser = new PatternParser(text, source, lexicons);
        var rules = new List<RuleSyntax>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            parser.SkipTrivia();
            if (parser.AtEnd)
            {
                return rules;
            }

            int start = parser._pos;
            var rule = parser.ParseRule();
            if (!names.Add(rule.Name))
            {
                throw parser.Error(start, $"Duplicate rule name '{rule.Name}'.");
            }

            rules.Add(rule);
        }
    }

    private bool AtEnd => _pos >= _text.Length;

    private char Current => _pos < _text.Length ? _text[_pos] : '\0';

    private RuleSyntax ParseRule()
    {
        int start = _pos;
        var keyword = ReadIdentifier("'rule'");
        if (keyword != "rule")
        {
            throw Error(start, $"Expected 'rule' but found '{keyword}'.");
        }

        SkipTrivia();
        var name = ReadIdentifier("a rule name");
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        while (true)
        {
            SkipTrivia();
            if (Current == ':')
            {
                _pos++;
                break;
            }

            int keyAt = _pos;
            var key = ReadIdentifier("metadata 'key=value' or ':'");
            SkipTrivia();
            Expect('=');
            SkipTrivia();
            var value = Current == '"' ? ReadString() : ReadBare(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' or '+', "a metadata value");
            if (!metadata.TryAdd(key, value))
            {
                throw Error(keyAt, $"Duplicate metadata key '{key}'.");
            }
        }

        var pattern = ParseAlternation();
        SkipTrivia();
        if (Current == ';')
        {
            _pos++;
        }
        else if (!AtEnd && !AtRuleKeyword())
        {
            throw Error(_pos, Current == ')' ? "Unbalanced ')'." : $"Unexpected '{Current}'.");
        }

        if (pattern.IsNullable)
        {
            throw Error(start, $"Rule '{name}' can match zero tokens; every rule must consume at least one token.");
        }

        return new RuleSyntax(name, metadata, pattern, start);
    }

    private PatternNode ParseAlternation()
    {
        SkipTrivia();
        int start = _pos;
        var first = ParseSequence();
        SkipTrivia();
        if (Current != '|')
        {
            return first;
        }

        var alternatives = new List<PatternNode> { first };
        while (Current == '|')
        {
            _pos++;
            alternatives.Add(ParseSequence());
            SkipTrivia();
        }

        return new AlternationNode(start, alternatives);
    }

    private PatternNode ParseSequence()
    {
        SkipTrivia();
        int start = _pos;
        var items = new List<PatternNode>();
        while (true)
        {
            SkipTrivia();
            if (AtEnd || Current is '|' or ')' or ';' || AtRuleKeyword())
            {
                break;
            }

            items.Add(ParseQuantified());
        }

        return items.Count == 1 ? items[0] : new SequenceNode(start, items);
    }

    private PatternNode ParseQuantified()
    {
        var atom = ParsePrimary();
        while (true)
        {
            SkipTrivia();
            int at = _pos;
            int min, max;
            switch (Current)
            {
                case '?':
                    (min, max) = (0, 1);
                    _pos++;
                    break;
                case '*':
                    (min, max) = (0, -1);
                    _pos++;
                    break;
                case '+':
                    (min, max) = (1, -1);
                    _pos++;
                    break;
                case '{':
                    _pos++;
                    (min, max) = ParseBounds(at);
                    break;
                default:
                    return atom;
            }

            if (atom is AnchorNode)
            {
                throw Error(at, "Nothing to repeat: an anchor matches no token.");
            }

            if (atom is RepeatNode)
            {
                throw Error(at, "Nested quantifier; put the inner one in a group: ( ... )*.");
            }

            bool greedy = true;
            if (Current == '?')
            {
                greedy = false;
                _pos++;
            }

            atom = new RepeatNode(at, atom, min, max, greedy);
        }
    }

    private (int Min, int Max) ParseBounds(int at)
    {
        SkipTrivia();
        int min = ReadInt();
        int max = min;
        SkipTrivia();
        if (Current == ',')
        {
            _pos++;
            SkipTrivia();
            max = char.IsAsciiDigit(Current) ? ReadInt() : -1;
            SkipTrivia();
        }

        Expect('}');
        if (max != -1 && max < min)
        {
            throw Error(at, $"Quantifier {{{min},{max}}} has its maximum below its minimum.");
        }

        if (min > MaxRepeat || max > MaxRepeat)
        {
            throw Error(at, $"Quantifier bounds above {MaxRepeat} are not supported; use * or +.");
        }

        return (min, max);
    }

    private PatternNode ParsePrimary()
    {
        int start = _pos;
        switch (Current)
        {
            case '[':
                {
                    _pos++;
                    SkipTrivia();
                    TokenTest test;
                    if (Current == ']')
                    {
                        test = new AtomTest(new TokenAtom(AtomKind.Any, string.Empty, 0));
                    }
                    else
                    {
                        _testTerms = 0;
                        test = ParseOr();
                        SkipTrivia();
                    }

                    if (Current != ']')
                    {
                        throw AtEnd ? Error(start, "Unclosed '['.") : Error(_pos, $"Expected ']' but found '{Current}'.");
                    }

                    _pos++;
                    return new TokenNode(start, test);
                }

            case '(':
                {
                    _pos++;
                    string? name = null;
                    if (Current == '?')
                    {
                        _pos++;
                        if (Current == ':')
                        {
                            _pos++;
                        }
                        else if (Current == '<')
                        {
                            _pos++;
                            name = ReadIdentifier("a capture name");
                            Expect('>');
                        }
                        else
                        {
                            throw Error(_pos, "Expected '<name>' or ':' after '(?'.");
                        }
                    }

                    Nest(start);
                    var body = ParseAlternation();
                    _nesting--;
                    SkipTrivia();
                    if (Current != ')')
                    {
                        throw Error(start, "Unclosed '('.");
                    }

                    _pos++;
                    if (name is null && body is SequenceNode { Items.Count: 0 })
                    {
                        throw Error(start, "Empty group.");
                    }

                    return new GroupNode(start, name, body);
                }

            case '.':
                _pos++;
                return new TokenNode(start, new AtomTest(new TokenAtom(AtomKind.Any, string.Empty, 0)));
            case '"':
                {
                    var word = ReadString();
                    return new TokenNode(start, new AtomTest(new TokenAtom(AtomKind.Lower, word.ToLowerInvariant(), 0)));
                }

            case '@':
                {
                    _pos++;
                    var name = ReadIdentifier("a lexicon class after '@'");
                    return new TokenNode(start, new AtomTest(LexiconAtom(name, start)));
                }

            case '^':
                _pos++;
                return new AnchorNode(start, AnchorKind.SentenceStart);
            case '$':
                _pos++;
                return new AnchorNode(start, AnchorKind.SentenceEnd);
            case '?' or '*' or '+' or '{':
                throw Error(start, $"Nothing to repeat before '{Current}'.");
            case ']':
                throw Error(start, "Unbalanced ']'.");
            default:
                throw Error(start, char.IsAsciiLetter(Current)
                    ? $"Unexpected word '{PeekWord()}'; token tests go in brackets, e.g. [lower=\"{PeekWord()}\"] or \"{PeekWord()}\"."
                    : $"Unexpected '{Current}'.");
        }
    }

    /// <summary>Enters one more level of nesting, or fails past <see cref="MaxNesting"/>.</summary>
    private void Nest(int at)
    {
        if (++_nesting > MaxNesting)
        {
            throw Error(at, $"Groups, parentheses and negations may nest at most {MaxNesting} deep.");
        }
    }

    private TokenTest ParseOr()
    {
        var left = ParseAnd();
        SkipTrivia();
        while (Current == '|')
        {
            _pos++;
            left = new OrTest(left, ParseAnd());
            SkipTrivia();
        }

        return left;
    }

    private TokenTest ParseAnd()
    {
        var left = ParseUnary();
        SkipTrivia();
        while (Current == '&')
        {
            _pos++;
            left = new AndTest(left, ParseUnary());
            SkipTrivia();
        }

        return left;
    }

    private TokenTest ParseUnary()
    {
        SkipTrivia();
        if (Current == '!')
        {
            Nest(_pos);
            _pos++;
            var operand = ParseUnary();
            _nesting--;
            return new NotTest(operand);
        }

        if (Current == '(')
        {
            int start = _pos;
            Nest(start);
            _pos++;
            var inner = ParseOr();
            _nesting--;
            SkipTrivia();
            if (Current != ')')
            {
                throw Error(start, "Unclosed '(' in token test.");
            }

            _pos++;
            return inner;
        }

        return ParseAtom();
    }

    private TokenTest ParseAtom()
    {
        int start = _pos;
        if (++_testTerms > MaxTestTerms)
        {
            throw Error(start, $"A token test may join at most {MaxTestTerms} tests with & and |.");
        }

        var key = ReadIdentifier("a token test such as lower=\"said\", pos=VB* or sent_end").ToLowerInvariant();
        SkipTrivia();
        bool negate = false;
        if (Current == '!' && _pos + 1 < _text.Length && _text[_pos + 1] == '=')
        {
            negate = true;
            _pos++;
        }

        if (Current != '=')
        {
            if (negate)
            {
                throw Error(_pos, "Expected '=' after '!'.");
            }

            return new AtomTest(Flag(key, start));
        }

        _pos++;
        SkipTrivia();
        int valueAt = _pos;
        var value = Current == '"' ? ReadString() : ReadBare(c => !char.IsWhiteSpace(c) && c is not (']' or '&' or '|' or '(' or ')' or '!' or '"'), "a value");
        TokenTest test = new AtomTest(Keyed(key, value, start, valueAt));
        return negate ? new NotTest(test) : test;
    }

    private TokenAtom Flag(string key, int at) => key switch
    {
        "any" => new TokenAtom(AtomKind.Any, string.Empty, 0),
        "sent_start" => new TokenAtom(AtomKind.SentenceStart, string.Empty, 0),
        "sent_end" => new TokenAtom(AtomKind.SentenceEnd, string.Empty, 0),
        "in_quote" => new TokenAtom(AtomKind.InQuote, string.Empty, 0),
        "open_quote" => new TokenAtom(AtomKind.OpeningQuote, string.Empty, 0),
        "close_quote" => new TokenAtom(AtomKind.ClosingQuote, string.Empty, 0),
        "punct" => new TokenAtom(AtomKind.Kind, string.Empty, (int)TokenKind.Punctuation),
        "quote_mark" => new TokenAtom(AtomKind.Kind, string.Empty, (int)TokenKind.QuoteMark),
        "dash" => new TokenAtom(AtomKind.Kind, string.Empty, (int)TokenKind.Dash),
        "word" => new TokenAtom(AtomKind.Kind, string.Empty, (int)TokenKind.Word),
        "number" => new TokenAtom(AtomKind.Kind, string.Empty, (int)TokenKind.Number),
        _ => throw Error(at, $"Unknown token flag '{key}'. Flags: any, sent_start, sent_end, in_quote, open_quote, close_quote, punct, quote_mark, dash, word, number; keys: text, lower, lex, pos, ent, bilou, shape, kind."),
    };

    private TokenAtom Keyed(string key, string value, int keyAt, int valueAt)
    {
        switch (key)
        {
            case "text":
                return new TokenAtom(AtomKind.Text, value, 0);
            case "lower":
                return new TokenAtom(AtomKind.Lower, value.ToLowerInvariant(), 0);
            case "lex":
                return LexiconAtom(value, valueAt);
            case "pos" or "tag":
                if (value.Length > 1 && value.EndsWith('*'))
                {
                    var prefix = value[..^1];
                    if (!Enumerable.Range(1, PennTags.Count - 1).Any(i => PennTags.Name((PosTag)i).StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
                    {
                        throw Error(valueAt, $"No part-of-speech tag starts with '{prefix}'.");
                    }

                    return new TokenAtom(AtomKind.PosPrefix, prefix.ToUpperInvariant(), 0);
                }

                return PennTags.TryParse(value, out var tag)
                    ? new TokenAtom(AtomKind.Pos, string.Empty, (int)tag)
                    : throw Error(valueAt, $"Unknown part-of-speech tag '{value}'.");
            case "ent":
                return new TokenAtom(AtomKind.Entity, string.Empty, (int)(value.ToUpperInvariant() switch
                {
                    "PERSON" or "PER" => EntityType.Person,
                    "ORG" or "ORGANIZATION" => EntityType.Organization,
                    "LOC" or "LOCATION" => EntityType.Location,
                    "MISC" => EntityType.Misc,
                    "O" or "NONE" => EntityType.None,
                    _ => throw Error(valueAt, $"Unknown entity type '{value}'. Types: PERSON, ORG, LOC, MISC, NONE."),
                }));
            case "bilou" or "iob":
                return new TokenAtom(AtomKind.Bilou, string.Empty, (int)(value.ToUpperInvariant() switch
                {
                    "B" or "BEGIN" => BilouPosition.Begin,
                    "I" or "INSIDE" => BilouPosition.Inside,
                    "L" or "LAST" => BilouPosition.Last,
                    "U" or "UNIT" => BilouPosition.Unit,
                    "O" or "OUTSIDE" => BilouPosition.Outside,
                    _ => throw Error(valueAt, $"Unknown BILOU position '{value}'. Positions: B, I, L, U, O."),
                }));
            case "shape":
                if (value.Length > TokenShape.MaxLength)
                {
                    throw Error(valueAt, $"Shapes longer than {TokenShape.MaxLength} characters never match.");
                }

                return new TokenAtom(AtomKind.Shape, TokenShape.CollapsePattern(value), 0);
            case "kind":
                return new TokenAtom(AtomKind.Kind, string.Empty, (int)(value.ToLowerInvariant() switch
                {
                    "word" => TokenKind.Word,
                    "number" => TokenKind.Number,
                    "punct" or "punctuation" => TokenKind.Punctuation,
                    "quote" or "quote_mark" or "quotemark" => TokenKind.QuoteMark,
                    "dash" => TokenKind.Dash,
                    "ellipsis" => TokenKind.Ellipsis,
                    "symbol" => TokenKind.Symbol,
                    "url" => TokenKind.Url,
                    "email" => TokenKind.Email,
                    "handle" => TokenKind.Handle,
                    "hashtag" => TokenKind.Hashtag,
                    "markup" => TokenKind.Markup,
                    "emoji" => TokenKind.Emoji,
                    "other" => TokenKind.Other,
                    _ => throw Error(valueAt, $"Unknown token kind '{value}'."),
                }));
            default:
                throw Error(keyAt, $"Unknown token attribute '{key}'. Keys: text, lower, lex, pos, ent, bilou, shape, kind.");
        }
    }

    private TokenAtom LexiconAtom(string name, int at)
    {
        if (_lexicons is not null && !_lexicons.Contains(name))
        {
            throw Error(at, $"Unknown lexicon class '{name}'.");
        }

        return new TokenAtom(AtomKind.Lexicon, name, 0);
    }

    private bool AtRuleKeyword() =>
        string.CompareOrdinal(_text, _pos, "rule", 0, 4) == 0
        && (_pos + 4 >= _text.Length || !IsIdentifierChar(_text[_pos + 4]))
        && (_pos == 0 || !IsIdentifierChar(_text[_pos - 1]));

    private static bool IsIdentifierChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private string PeekWord()
    {
        int end = _pos;
        while (end < _text.Length && IsIdentifierChar(_text[end]))
        {
            end++;
        }

        return _text[_pos..end];
    }

    private string ReadIdentifier(string expected)
    {
        if (!(char.IsAsciiLetter(Current) || Current == '_'))
        {
            throw Error(_pos, AtEnd ? $"Expected {expected} but reached the end." : $"Expected {expected} but found '{Current}'.");
        }

        int start = _pos;
        while (!AtEnd && IsIdentifierChar(Current))
        {
            _pos++;
        }

        return _text[start.._pos];
    }

    private string ReadBare(Func<char, bool> allowed, string expected)
    {
        int start = _pos;
        while (!AtEnd && allowed(Current))
        {
            _pos++;
        }

        return _pos > start ? _text[start.._pos] : throw Error(start, AtEnd ? $"Expected {expected} but reached the end." : $"Expected {expected} but found '{Current}'.");
    }

    private string ReadString()
    {
        int start = _pos;
        _pos++;
        var builder = new System.Text.StringBuilder();
        while (true)
        {
            if (AtEnd || Current == '\n')
            {
                throw Error(start, "Unterminated string.");
            }

            char c = _text[_pos++];
            if (c == '"')
            {
                break;
            }

            if (c == '\\' && !AtEnd)
            {
                c = _text[_pos++];
            }

            builder.Append(c);
        }

        return builder.Length > 0 ? builder.ToString() : throw Error(start, "Empty string.");
    }

    private int ReadInt()
    {
        int start = _pos;
        while (char.IsAsciiDigit(Current))
        {
            _pos++;
        }

        return _pos > start && _pos - start <= 6 ? int.Parse(_text.AsSpan(start, _pos - start)) : throw Error(start, "Expected a number.");
    }

    private void Expect(char c)
    {
        if (Current != c)
        {
            throw Error(_pos, AtEnd ? $"Expected '{c}' but reached the end." : $"Expected '{c}' but found '{Current}'.");
        }

        _pos++;
    }

    private void SkipTrivia()
    {
        while (!AtEnd)
        {
            if (char.IsWhiteSpace(Current))
            {
                _pos++;
            }
            else if (Current == '#')
            {
                while (!AtEnd && Current != '\n')
                {
                    _pos++;
                }
            }
            else
            {
                return;
            }
        }
    }

    private PatternSyntaxException Error(int offset, string reason)
    {
        var (line, column) = LineAndColumn(_text, offset);
        return new PatternSyntaxException(_source, line, column, reason);
    }

    /// <summary>1-based line and column of <paramref name="offset"/> in <paramref name="text"/>.</summary>
    public static (int Line, int Column) LineAndColumn(string text, int offset)
    {
        int line = 1, column = 1;
        for (int i = 0; i < offset && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return (line, column);
    }
}
