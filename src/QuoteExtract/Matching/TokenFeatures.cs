using QuoteExtract.Tagging;
using QuoteExtract.Text;

namespace QuoteExtract.Matching;

/// <summary>
/// Evaluates, once per token, every distinct token test of a compiled grammar into a row of bits, so that a
/// step of the automaton is one bit test. Atoms (single tests such as <c>pos=NN*</c>) are folded into lookup
/// tables indexed by token kind, POS tag, entity tag and flags, plus one case-insensitive dictionary probe for
/// all text, lowercase and lexicon atoms together; compound tests (<c>!</c>, <c>&amp;</c>, <c>|</c>) get their own
/// bit, computed from the atom bits.
/// </summary>
internal sealed class TokenFeatures
{
    /// <summary>Flag bits of the per-token flag byte.</summary>
    public const byte SentenceStartFlag = 1, SentenceEndFlag = 2, InQuoteFlag = 4, OpeningFlag = 8, ClosingFlag = 16;

    private const int FlagCombinations = 32;
    private const int EntityStride = 5;

    private readonly ulong[] _kindMasks;
    private readonly ulong[] _posMasks;
    private readonly ulong[] _entityMasks;
    private readonly ulong[] _flagMasks;
    private readonly ulong[] _kindPosMasks;
    private readonly ulong[] _entityFlagMasks;
    private readonly LowercaseTable<WordEntry> _words;
    private readonly (string Shape, ulong[] Mask)[] _shapes;
    private readonly CompoundTest[] _compounds;
    private readonly int _maxCompoundDepth;

    private TokenFeatures(int words, ulong[] kindMasks, ulong[] posMasks, ulong[] entityMasks, ulong[] flagMasks,
        Dictionary<string, WordEntry> wordEntries, Dictionary<string, ulong[]> shapes, CompoundTest[] compounds)
    {
        Words = words;
        _kindMasks = kindMasks;
        _posMasks = posMasks;
        _entityMasks = entityMasks;
        _flagMasks = flagMasks;
        if (words == 1)
        {
            // Kind × tag and entity × flags products: two loads per token instead of four.
            int kinds = kindMasks.Length, tags = posMasks.Length;
            _kindPosMasks = new ulong[kinds * tags];
            for (int k = 0; k < kinds; k++)
            {
                for (int t = 0; t < tags; t++)
                {
                    _kindPosMasks[(k * tags) + t] = kindMasks[k] | posMasks[t];
                }
            }

            _entityFlagMasks = new ulong[entityMasks.Length * FlagCombinations];
            for (int e = 0; e < entityMasks.Length; e++)
            {
                for (int f = 0; f < FlagCombinations; f++)
                {
                    _entityFlagMasks[(e * FlagCombinations) + f] = entityMasks[e] | flagMasks[f];
                }
            }
        }
        else
        {
            _kindPosMasks = [];
            _entityFlagMasks = [];
        }
        _words = new LowercaseTable<WordEntry>(wordEntries);
        _shapes = shapes.Select(p => (p.Key, p.Value)).ToArray(); // few per grammar: a scan beats hashing
        _compounds = compounds;
        _maxCompoundDepth = compounds.Length == 0 ? 0 : compounds.Max(c => c.Program.Length);
    }

    /// <summary>64-bit words per token row.</summary>
    public int Words { get; }

    /// <summary>
    /// Fills <paramref name="bits"/> (<see cref="Words"/> per token) and <paramref name="flags"/> (one per token) for
    /// tokens <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/>.
    /// </summary>
    public void Compute(TaggedText tagged, ReadOnlySpan<QuoteState> quotes, int start, int count, Span<ulong> bits, Span<byte> flags, ulong[]? compoundCache = null)
    {
        var analysis = tagged.Analysis;
        var tokens = analysis.Tokens;
        var text = analysis.Text.AsSpan();
        var pos = tagged.Pos;
        var entities = tagged.EntityTags;
        int w = Words;
        int end = start + count;

        flags = flags[..count];
        flags.Clear();
        foreach (var sentence in analysis.Sentences)
        {
            if (sentence.TokenCount == 0 || sentence.EndToken <= start || sentence.FirstToken >= end)
            {
                continue;
            }

            if (sentence.FirstToken >= start)
            {
                flags[sentence.FirstToken - start] |= SentenceStartFlag;
            }

            if (sentence.EndToken <= end)
            {
                flags[sentence.EndToken - 1 - start] |= SentenceEndFlag;
            }
        }

        if (w == 1)
        {
            ComputeOneWord(tagged, quotes, start, end, bits, flags, compoundCache);
            return;
        }

        bool hasWords = _words.Count > 0, hasShapes = _shapes.Length > 0;
        Span<char> shape = stackalloc char[TokenShape.MaxLength];
        Span<bool> stack = stackalloc bool[Math.Max(1, _maxCompoundDepth)];
        for (int t = start; t < end; t++)
        {
            int local = t - start;
            var token = tokens[t];
            int flag = flags[local];
            if ((uint)t < (uint)quotes.Length)
            {
                var q = quotes[t];
                flag |= ((q & QuoteState.Inside) != 0 ? InQuoteFlag : 0)
                    | ((q & QuoteState.Opening) != 0 ? OpeningFlag : 0)
                    | ((q & QuoteState.Closing) != 0 ? ClosingFlag : 0);
                flags[local] = (byte)flag;
            }

            int kind = (int)token.Kind;
            int tag = (uint)t < (uint)pos.Length ? (int)pos[t] : 0;
            var entityTag = (uint)t < (uint)entities.Length ? entities[t] : default;
            int entity = ((int)entityTag.Position * EntityStride) + (int)entityTag.Type;
            var row = bits.Slice(local * w, w);
            if (w == 1)
            {
                row[0] = _kindMasks[kind] | _posMasks[tag] | _entityMasks[entity] | _flagMasks[flag];
            }
            else
            {
                for (int i = 0; i < w; i++)
                {
                    row[i] = _kindMasks[(kind * w) + i] | _posMasks[(tag * w) + i] | _entityMasks[(entity * w) + i] | _flagMasks[(flag * w) + i];
                }
            }

            var span = text.Slice(token.Start, token.Length);
            if (hasWords && _words.Find(span) is { } entry)
            {
                Or(row, entry.Lower);
                foreach (var (exact, mask) in entry.Exact)
                {
                    if (span.SequenceEqual(exact))
                    {
                        Or(row, mask);
                    }
                }
            }

            if (hasShapes)
            {
                int n = TokenShape.Collapse(span, shape);
                if (n > 0)
                {
                    foreach (var (known, mask) in _shapes)
                    {
                        if (shape[..n].SequenceEqual(known))
                        {
                            Or(row, mask);
                        }
                    }
                }
            }

            EvaluateCompounds(row, stack);
        }
    }

    /// <summary>The common case of at most 64 predicates: one word per token, kept in a register, two combined tables.</summary>
    private void ComputeOneWord(TaggedText tagged, ReadOnlySpan<QuoteState> quotes, int start, int end, Span<ulong> bits, Span<byte> flags, ulong[]? compoundCache)
    {
        var tokens = tagged.Analysis.Tokens;
        var text = tagged.Analysis.Text.AsSpan();
        var pos = tagged.Pos;
        var entities = tagged.EntityTags;
        var kindPos = _kindPosMasks;
        var entityFlag = _entityFlagMasks;
        int tags = PennTags.Count;
        bool hasWords = _words.Count > 0, hasShapes = _shapes.Length > 0, hasCompounds = _compounds.Length > 0;
        Span<char> shape = stackalloc char[TokenShape.MaxLength];
        Span<bool> stack = stackalloc bool[Math.Max(1, _maxCompoundDepth)];
        Span<ulong> one = stackalloc ulong[1];
        for (int t = start; t < end; t++)
        {
            int local = t - start;
            var token = tokens[t];
            int flag = flags[local];
            if ((uint)t < (uint)quotes.Length)
            {
                flag |= ((int)quotes[t] & 7) << 2; // Inside, Opening, Closing line up with the flag bits
                flags[local] = (byte)flag;
            }

            int tag = (uint)t < (uint)pos.Length ? (int)pos[t] : 0;
            var entityTag = (uint)t < (uint)entities.Length ? entities[t] : default;
            int entity = ((int)entityTag.Position * EntityStride) + (int)entityTag.Type;
            ulong row = kindPos[((int)token.Kind * tags) + tag] | entityFlag[(entity * FlagCombinations) + flag];

            // One pass over the characters gives both the word-table hash and the collapsed shape.
            var span = text.Slice(token.Start, token.Length);
            uint hash = LowercaseTable<WordEntry>.HashSeed;
            int n = 0;
            char last = '\0';
            foreach (var c in span)
            {
                hash = LowercaseTable<WordEntry>.HashStep(hash, c);
                char symbol = TokenShape.Symbol(c);
                if (symbol != last)
                {
                    if (n < shape.Length)
                    {
                        shape[n] = symbol;
                    }

                    n++;
                    last = symbol;
                }
            }

            if (hasWords && _words.Find(span, LowercaseTable<WordEntry>.HashFinish(hash)) is { } entry)
            {
                row |= entry.Lower[0];
                foreach (var (exact, mask) in entry.Exact)
                {
                    if (span.SequenceEqual(exact))
                    {
                        row |= mask[0];
                    }
                }
            }

            if (hasShapes && n > 0 && n <= shape.Length)
            {
                foreach (var (known, mask) in _shapes)
                {
                    if (shape[..n].SequenceEqual(known))
                    {
                        row |= mask[0];
                    }
                }
            }

            if (hasCompounds)
            {
                if (compoundCache is not null)
                {
                    // Atom rows repeat a lot (most tokens are ordinary words), so remember each row's compound bits.
                    int slot = (int)((row * 0x9E3779B97F4A7C15UL) >> (64 - CompoundCacheBits)) * 3;
                    if (compoundCache[slot + 2] != 0 && compoundCache[slot] == row)
                    {
                        row |= compoundCache[slot + 1];
                    }
                    else
                    {
                        one[0] = row;
                        EvaluateCompounds(one, stack);
                        compoundCache[slot] = row;
                        compoundCache[slot + 1] = one[0] & ~row;
                        compoundCache[slot + 2] = 1;
                        row = one[0];
                    }
                }
                else
                {
                    one[0] = row;
                    EvaluateCompounds(one, stack);
                    row = one[0];
                }
            }

            bits[local] = row;
        }
    }

    /// <summary>log2 of the entries of the per-VM compound cache (see <see cref="CreateCompoundCache"/>).</summary>
    private const int CompoundCacheBits = 12;

    /// <summary>Scratch for <see cref="Compute"/>: a direct-mapped cache from atom bits to compound bits (one-word rows only).</summary>
    public ulong[]? CreateCompoundCache() => Words == 1 && _compounds.Length > 0 ? new ulong[3 << CompoundCacheBits] : null;

    private void EvaluateCompounds(Span<ulong> row, Span<bool> stack)
    {
        foreach (var compound in _compounds)
        {
            if (compound.Evaluate(row, stack))
            {
                row[compound.Bit >> 6] |= 1UL << compound.Bit;
            }
        }
    }

    private static void Or(Span<ulong> row, ulong[] mask)
    {
        for (int i = 0; i < mask.Length; i++)
        {
            row[i] |= mask[i];
        }
    }

    /// <summary>The masks for one (case-insensitive) spelling: lowercase and lexicon atoms, and case-sensitive text atoms.</summary>
    private sealed class WordEntry(ulong[] lower)
    {
        public ulong[] Lower { get; } = lower;

        public List<(string Text, ulong[] Mask)> Exact { get; } = [];
    }

    /// <summary>
    /// A compound test, as disjunctive normal form when small (each term: bits that must be set, bits that must be
    /// clear — two mask tests per term), else as postfix code: a bit index pushes that atom; <see cref="Not"/>,
    /// <see cref="And"/>, <see cref="Or"/> combine.
    /// </summary>
    private sealed class CompoundTest(int bit, int[] program, ulong[]? terms, int words)
    {
        public const int Not = -1, And = -2, Or = -3;

        public int Bit { get; } = bit;

        public int[] Program { get; } = program;

        public bool Evaluate(ReadOnlySpan<ulong> row, Span<bool> stack)
        {
            if (terms is not null)
            {
                if (words == 1)
                {
                    ulong r = row[0];
                    for (int t = 0; t < terms.Length; t += 2)
                    {
                        if ((r & terms[t]) == terms[t] && (r & terms[t + 1]) == 0)
                        {
                            return true;
                        }
                    }

                    return false;
                }

                for (int t = 0; t < terms.Length; t += 2 * words)
                {
                    bool holds = true;
                    for (int w = 0; w < words && holds; w++)
                    {
                        holds = (row[w] & terms[t + w]) == terms[t + w] && (row[w] & terms[t + words + w]) == 0;
                    }

                    if (holds)
                    {
                        return true;
                    }
                }

                return false;
            }

            int top = 0;
            foreach (int op in Program)
            {
                switch (op)
                {
                    case Not:
                        stack[top - 1] = !stack[top - 1];
                        break;
                    case And:
                        top--;
                        stack[top - 1] &= stack[top];
                        break;
                    case Or:
                        top--;
                        stack[top - 1] |= stack[top];
                        break;
                    default:
                        stack[top++] = ((row[op >> 6] >> op) & 1) != 0;
                        break;
                }
            }

            return stack[0];
        }
    }

    /// <summary>Collects the grammar's distinct tests during compilation and assigns them bits.</summary>
    internal sealed class Builder
    {
        private readonly Dictionary<TokenAtom, int> _atoms = [];
        private readonly Dictionary<string, int> _compoundBits = new(StringComparer.Ordinal);
        private readonly List<(int Bit, TokenTest Test)> _compounds = [];
        private int _next;

        public int BitCount => _next;

        /// <summary>The bit that says whether <paramref name="test"/> holds for a token.</summary>
        public int BitFor(TokenTest test)
        {
            if (test is AtomTest atom)
            {
                return AtomBit(atom.Atom);
            }

            if (_compoundBits.TryGetValue(test.Canonical, out int bit))
            {
                return bit;
            }

            Register(test);
            bit = _next++;
            _compoundBits.Add(test.Canonical, bit);
            _compounds.Add((bit, test));
            return bit;
        }

        private void Register(TokenTest test)
        {
            switch (test)
            {
                case AtomTest a:
                    AtomBit(a.Atom);
                    break;
                case NotTest n:
                    Register(n.Operand);
                    break;
                case AndTest a:
                    Register(a.Left);
                    Register(a.Right);
                    break;
                case OrTest o:
                    Register(o.Left);
                    Register(o.Right);
                    break;
            }
        }

        private int AtomBit(TokenAtom atom)
        {
            if (!_atoms.TryGetValue(atom, out int bit))
            {
                bit = _next++;
                _atoms.Add(atom, bit);
            }

            return bit;
        }

        public TokenFeatures Build(LexiconSet lexicons)
        {
            int w = Math.Max(1, (_next + 63) / 64);
            int kinds = Enum.GetValues<TokenKind>().Max(k => (int)k) + 1;
            var kindMasks = new ulong[kinds * w];
            var posMasks = new ulong[PennTags.Count * w];
            var entityMasks = new ulong[EntityStride * EntityStride * w];
            var flagMasks = new ulong[FlagCombinations * w];
            var words = new Dictionary<string, WordEntry>(StringComparer.OrdinalIgnoreCase);
            var shapes = new Dictionary<string, ulong[]>(StringComparer.Ordinal);

            foreach (var (atom, bit) in _atoms)
            {
                switch (atom.Kind)
                {
                    case AtomKind.Any:
                        for (int k = 0; k < kinds; k++)
                        {
                            Set(kindMasks, k, w, bit);
                        }

                        break;
                    case AtomKind.Kind:
                        Set(kindMasks, atom.Code, w, bit);
                        break;
                    case AtomKind.Pos:
                        Set(posMasks, atom.Code, w, bit);
                        break;
                    case AtomKind.PosPrefix:
                        for (int t = 1; t < PennTags.Count; t++)
                        {
                            if (PennTags.Name((PosTag)t).StartsWith(atom.Value, StringComparison.OrdinalIgnoreCase))
                            {
                                Set(posMasks, t, w, bit);
                            }
                        }

                        break;
                    case AtomKind.Entity:
                    case AtomKind.Bilou:
                        for (int p = 0; p < EntityStride; p++)
                        {
                            for (int e = 0; e < EntityStride; e++)
                            {
                                bool outside = p == (int)BilouPosition.Outside || e == (int)EntityType.None;
                                bool holds = atom.Kind == AtomKind.Entity
                                    ? (atom.Code == (int)EntityType.None ? outside : !outside && e == atom.Code)
                                    : (atom.Code == (int)BilouPosition.Outside ? outside : !outside && p == atom.Code);
                                if (holds)
                                {
                                    Set(entityMasks, (p * EntityStride) + e, w, bit);
                                }
                            }
                        }

                        break;
                    case AtomKind.SentenceStart or AtomKind.SentenceEnd or AtomKind.InQuote or AtomKind.OpeningQuote or AtomKind.ClosingQuote:
                        int flag = atom.Kind switch
                        {
                            AtomKind.SentenceStart => SentenceStartFlag,
                            AtomKind.SentenceEnd => SentenceEndFlag,
                            AtomKind.InQuote => InQuoteFlag,
                            AtomKind.OpeningQuote => OpeningFlag,
                            _ => ClosingFlag,
                        };
                        for (int f = 0; f < FlagCombinations; f++)
                        {
                            if ((f & flag) != 0)
                            {
                                Set(flagMasks, f, w, bit);
                            }
                        }

                        break;
                    case AtomKind.Lower:
                        SetBit(Entry(words, atom.Value, w).Lower, bit);
                        break;
                    case AtomKind.Lexicon:
                        foreach (var word in lexicons.Words(atom.Value))
                        {
                            SetBit(Entry(words, word, w).Lower, bit);
                        }

                        break;
                    case AtomKind.Text:
                        {
                            var entry = Entry(words, atom.Value, w);
                            int i = entry.Exact.FindIndex(e => e.Text == atom.Value);
                            if (i < 0)
                            {
                                entry.Exact.Add((atom.Value, new ulong[w]));
                                i = entry.Exact.Count - 1;
                            }

                            SetBit(entry.Exact[i].Mask, bit);
                            break;
                        }

                    case AtomKind.Shape:
                        if (!shapes.TryGetValue(atom.Value, out var shapeMask))
                        {
                            shapeMask = new ulong[w];
                            shapes.Add(atom.Value, shapeMask);
                        }

                        SetBit(shapeMask, bit);
                        break;
                }
            }

            var compounds = _compounds.Select(c =>
            {
                var program = new List<int>();
                Emit(c.Test, program);
                var dnf = Dnf(c.Test, false, w);
                return new CompoundTest(c.Bit, [.. program], dnf?.SelectMany(t => t.Must.Concat(t.MustNot)).ToArray(), w);
            }).ToArray();
            return new TokenFeatures(w, kindMasks, posMasks, entityMasks, flagMasks, words, shapes, compounds);
        }

        private const int MaxTerms = 16;

        /// <summary>The test (or its negation) as OR of (must, must-not) mask terms; null when it needs more than <see cref="MaxTerms"/>.</summary>
        private List<(ulong[] Must, ulong[] MustNot)>? Dnf(TokenTest test, bool negate, int w)
        {
            switch (test)
            {
                case AtomTest a:
                    {
                        var mask = new ulong[w];
                        int bit = _atoms[a.Atom];
                        mask[bit >> 6] |= 1UL << bit;
                        return [negate ? (new ulong[w], mask) : (mask, new ulong[w])];
                    }

                case NotTest n:
                    return Dnf(n.Operand, !negate, w);
                case AndTest or OrTest:
                    {
                        var (left, right) = test is AndTest and ? (and.Left, and.Right) : (((OrTest)test).Left, ((OrTest)test).Right);
                        var l = Dnf(left, negate, w);
                        var r = Dnf(right, negate, w);
                        if (l is null || r is null)
                        {
                            return null;
                        }

                        // De Morgan: a negated AND is an OR of negations, and vice versa.
                        if ((test is OrTest) != negate)
                        {
                            l.AddRange(r);
                            return l.Count <= MaxTerms ? l : null;
                        }

                        var product = new List<(ulong[] Must, ulong[] MustNot)>();
                        foreach (var x in l)
                        {
                            foreach (var y in r)
                            {
                                var must = x.Must.Zip(y.Must, (p, q) => p | q).ToArray();
                                var mustNot = x.MustNot.Zip(y.MustNot, (p, q) => p | q).ToArray();
                                if (!must.Zip(mustNot, (p, q) => p & q).Any(z => z != 0))
                                {
                                    product.Add((must, mustNot));
                                }
                            }
                        }

                        return product.Count <= MaxTerms ? product : null;
                    }

                default:
                    return null;
            }
        }

        private void Emit(TokenTest test, List<int> program)
        {
            switch (test)
            {
                case AtomTest a:
                    program.Add(_atoms[a.Atom]);
                    break;
                case NotTest n:
                    Emit(n.Operand, program);
                    program.Add(CompoundTest.Not);
                    break;
                case AndTest a:
                    Emit(a.Left, program);
                    Emit(a.Right, program);
                    program.Add(CompoundTest.And);
                    break;
                case OrTest o:
                    Emit(o.Left, program);
                    Emit(o.Right, program);
                    program.Add(CompoundTest.Or);
                    break;
            }
        }

        private static WordEntry Entry(Dictionary<string, WordEntry> words, string key, int w)
        {
            if (!words.TryGetValue(key, out var entry))
            {
                entry = new WordEntry(new ulong[w]);
                words.Add(key, entry);
            }

            return entry;
        }

        private static void Set(ulong[] masks, int row, int w, int bit) => masks[(row * w) + (bit >> 6)] |= 1UL << bit;

        private static void SetBit(ulong[] mask, int bit) => mask[bit >> 6] |= 1UL << bit;
    }
}
