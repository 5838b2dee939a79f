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
internal sealed partial class TokenFeatures
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

    // Each shape's symbols packed as HashAndShape packs a token's (16 bits each, at most PackedSymbols), or 0 when longer.
    private readonly ulong[] _shapeCodes;
    private const int PackedSymbols = 4;
    private readonly CompoundTest[] _compounds;
    private readonly int _maxCompoundDepth;

    // Layout of a feature key (see Compute): kind × tag row, entity × flag row, word entry id, one bit per spelling of
    // the entry, one bit per shape. When it needs more than 63 bits, tokens are not keyed (every row is built).
    private readonly int _entityFlagShift;
    private readonly int _entryShift;
    private readonly int _exactShift;
    private readonly int _shapeShift;
    private readonly bool _keyed;

    private TokenFeatures(int words, ulong[] kindMasks, ulong[] posMasks, ulong[] entityMasks, ulong[] flagMasks,
        Dictionary<string, WordEntry> wordEntries, Dictionary<string, ulong[]> shapes, CompoundTest[] compounds)
    {
        Words = words;
        _kindMasks = kindMasks;
        _posMasks = posMasks;
        _entityMasks = entityMasks;
        _flagMasks = flagMasks;
        // Kind × tag and entity × flags products: two table rows per token instead of four.
        int kinds = kindMasks.Length / words, tags = posMasks.Length / words, entityRows = entityMasks.Length / words;
        _kindPosMasks = new ulong[kinds * tags * words];
        for (int k = 0; k < kinds; k++)
        {
            for (int t = 0; t < tags; t++)
            {
                for (int i = 0; i < words; i++)
                {
                    _kindPosMasks[(((k * tags) + t) * words) + i] = kindMasks[(k * words) + i] | posMasks[(t * words) + i];
                }
            }
        }

        _entityFlagMasks = new ulong[entityRows * FlagCombinations * words];
        for (int e = 0; e < entityRows; e++)
        {
            for (int f = 0; f < FlagCombinations; f++)
            {
                for (int i = 0; i < words; i++)
                {
                    _entityFlagMasks[(((e * FlagCombinations) + f) * words) + i] = entityMasks[(e * words) + i] | flagMasks[(f * words) + i];
                }
            }
        }

        _words = new LowercaseTable<WordEntry>(wordEntries);
        _shapes = shapes.Select(p => (p.Key, p.Value)).ToArray(); // few per grammar: a scan beats hashing
        _shapeCodes = _shapes.Select(p => p.Shape.Length is > 0 and <= PackedSymbols ? p.Shape.Aggregate(0UL, (code, c) => (code << 16) | c) : 0).ToArray();
        _compounds = compounds;
        _maxCompoundDepth = compounds.Length == 0 ? 0 : compounds.Max(c => c.Program.Length);

        int id = 0;
        foreach (var entry in wordEntries.Values)
        {
            entry.Id = ++id;
        }

        _entityFlagShift = BitLength(kinds * tags);
        _entryShift = _entityFlagShift + BitLength(entityRows * FlagCombinations);
        _exactShift = _entryShift + BitLength(id + 1);
        _shapeShift = _exactShift + (wordEntries.Count == 0 ? 0 : wordEntries.Values.Max(e => e.Exact.Count));
        _keyed = _shapeShift + _shapes.Length <= 63;
    }

    /// <summary>Distinct tests of the grammar: atoms plus compound tests, one bit each.</summary>
    public int BitCount { get; private init; }

    /// <summary>64-bit words per token row.</summary>
    public int Words { get; }

    /// <summary>
    /// Fills <paramref name="classes"/> (the token class in <paramref name="alphabet"/>, one per token), <paramref name="bits"/>
    /// (the class's row of tested bits, <see cref="TokenAlphabet.Words"/> per token) and <paramref name="flags"/> (one per token) for tokens
    /// <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/>. With <paramref name="memo"/>, short
    /// tokens take the word part of their feature key from it (and leave it there).
    /// </summary>
    public void Compute(TaggedText tagged, ReadOnlySpan<QuoteState> quotes, int start, int count, Span<ulong> bits, Span<byte> flags,
        Span<int> classes, TokenAlphabet alphabet, WordMemo? memo = null)
    {
        var analysis = tagged.Analysis;
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

        Span<char> shape = stackalloc char[TokenShape.MaxLength];
        ComputeClasses(tagged, quotes, start, end, bits, flags, classes, alphabet, _keyed ? memo : null, shape);
    }

    /// <summary>The per-token loops of <see cref="Compute"/>, apart from its stack buffer so that the JIT tiers them up with profile data.</summary>
    /// <remarks>
    /// Two loops, each with few branches and no dependence between tokens: feature keys first (each row's first word holds
    /// its token's key meanwhile), then classes and rows. Both are bound by cache misses (the word memo, the alphabet's key
    /// map), and a short loop lets the processor run the misses of several tokens at once; one long loop body let it
    /// reach little past one token.
    /// </remarks>
    private void ComputeClasses(TaggedText tagged, ReadOnlySpan<QuoteState> quotes, int start, int end, Span<ulong> bits, Span<byte> flags,
        Span<int> classes, TokenAlphabet alphabet, WordMemo? memo, Span<char> shape)
    {
        var tokens = tagged.Analysis.Tokens;
        var text = tagged.Analysis.Text.AsSpan();
        int w = alphabet.Words;
        bool hasWords = _words.Count > 0, hasShapes = _shapes.Length > 0;
        int tags = PennTags.Count;
        for (int t = start; t < end; t++)
        {
            int local = t - start;
            var token = tokens[t];
            var (kindPosRow, entityFlagRow) = TableRows(tagged, quotes, flags, t, local, tags);

            // The feature key: everything the row depends on, as small numbers. A key seen before names its class without
            // building the row. The word part depends on the token's text alone, so a short token seen before takes it from
            // the memo.
            ulong key = (uint)kindPosRow | ((ulong)(uint)entityFlagRow << _entityFlagShift);
            if (memo is not null && WordMemo.TryPack(text, token.Start, token.Length, out ulong low, out ulong high))
            {
                if (!memo.TryGet(low, high, out ulong word))
                {
                    word = WordPart(text.Slice(token.Start, token.Length), shape, hasWords, hasShapes, out _);
                    memo.Set(low, high, word);
                }

                key |= word;
            }
            else if (memo is not null && WordMemo.TryPackLong(text, token.Start, token.Length, out var packed))
            {
                if (!memo.TryGet(packed, out ulong word))
                {
                    word = WordPart(text.Slice(token.Start, token.Length), shape, hasWords, hasShapes, out _);
                    memo.Set(packed, word);
                }

                key |= word;
            }
            else
            {
                key |= WordPart(text.Slice(token.Start, token.Length), shape, hasWords, hasShapes, out _);
            }

            bits[local * w] = key;
        }

        for (int t = start; t < end; t++)
        {
            int local = t - start;
            ulong key = bits[local * w];
            int cls = _keyed ? alphabet.Find(key) : -1;
            if (cls < 0)
            {
                // A class not seen yet (a few hundred a corpus): its word entry is looked up again.
                var token = tokens[t];
                cls = NewClass(key, hasWords ? _words.Find(text.Slice(token.Start, token.Length)) : null, alphabet);
            }

            classes[local] = cls;
            var classRow = alphabet.Row(cls);
            var tokenRow = bits.Slice(local * w, w);
            for (int i = 0; i < w; i++)
            {
                tokenRow[i] = classRow[i];
            }
        }
    }

    /// <summary>
    /// The word part of a token's feature key (word-table entry, exact spellings, shapes): one pass over the characters
    /// gives both the word-table hash and the collapsed shape.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private ulong WordPart(ReadOnlySpan<char> span, Span<char> shape, bool hasWords, bool hasShapes, out WordEntry? entry)
    {
        uint hash = HashAndShape(span, shape, out int n, out ulong packed);
        ulong key = 0;
        entry = hasWords ? _words.Find(span, LowercaseTable<WordEntry>.HashFinish(hash)) : null;
        if (entry is not null)
        {
            key |= (ulong)(uint)entry.Id << _entryShift;
            for (int e = 0; e < entry.Exact.Count; e++)
            {
                if (span.SequenceEqual(entry.Exact[e].Text))
                {
                    key |= 1UL << (_exactShift + e);
                }
            }
        }

        if (hasShapes && n > 0 && n <= shape.Length)
        {
            for (int s = 0; s < _shapes.Length; s++)
            {
                // Short shapes compare as one number (every token is checked against every shape).
                if (_shapeCodes[s] != 0 ? packed == _shapeCodes[s] && n == _shapes[s].Shape.Length : shape[..n].SequenceEqual(_shapes[s].Shape))
                {
                    key |= 1UL << (_shapeShift + s);
                }
            }
        }

        return key;
    }

    /// <summary>The class of a token with feature key <paramref name="key"/> seen for the first time: its row built and interned, the key remembered.</summary>
    private int NewClass(ulong key, WordEntry? entry, TokenAlphabet alphabet)
    {
        Span<ulong> row = stackalloc ulong[Words];
        Span<bool> stack = stackalloc bool[Math.Max(1, _maxCompoundDepth)];
        BuildRow(key, entry, row, stack);
        int cls = alphabet.Intern(row);
        if (_keyed)
        {
            alphabet.Remember(key, cls);
        }

        return cls;
    }

    /// <summary>The predicate row of a token with feature key <paramref name="key"/>: table rows, word and shape masks, then compound tests.</summary>
    private void BuildRow(ulong key, WordEntry? entry, Span<ulong> row, Span<bool> stack)
    {
        int w = Words;
        int kindPosRow = (int)(key & ((1UL << _entityFlagShift) - 1));
        int entityFlagRow = (int)((key >> _entityFlagShift) & ((1UL << (_entryShift - _entityFlagShift)) - 1));
        for (int i = 0; i < w; i++)
        {
            row[i] = _kindPosMasks[(kindPosRow * w) + i] | _entityFlagMasks[(entityFlagRow * w) + i];
        }

        if (entry is not null)
        {
            Or(row, entry.Lower);
            for (int e = 0; e < entry.Exact.Count; e++)
            {
                if (((key >> (_exactShift + e)) & 1) != 0)
                {
                    Or(row, entry.Exact[e].Mask);
                }
            }
        }

        for (int s = 0; s < _shapes.Length; s++)
        {
            if (((key >> (_shapeShift + s)) & 1) != 0)
            {
                Or(row, _shapes[s].Mask);
            }
        }

        EvaluateCompounds(row, stack);
    }

    /// <summary>Bits needed to write the numbers 0 to <paramref name="count"/> - 1.</summary>
    private static int BitLength(int count) => count <= 1 ? 0 : 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)(count - 1));

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

        /// <summary>Number of the entry (from 1) in feature keys.</summary>
        public int Id { get; set; }

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

    /// <summary>For each ASCII character, its lowercase form (low 16 bits) and its shape symbol (high 16 bits).</summary>
    private static readonly uint[] AsciiLowerAndSymbol = Enumerable.Range(0, 128)
        .Select(c => LowercaseTable<WordEntry>.Lower((char)c) | ((uint)TokenShape.Symbol((char)c) << 16))
        .ToArray();

    /// <summary>
    /// One pass over a token's characters: the word-table hash (before <see cref="LowercaseTable{T}.HashFinish"/>) and
    /// the collapsed shape, written to <paramref name="shape"/> as far as it fits; <paramref name="length"/> is the full
    /// shape length, and <paramref name="packed"/> its first <see cref="PackedSymbols"/> symbols, 16 bits each.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static uint HashAndShape(ReadOnlySpan<char> span, Span<char> shape, out int length, out ulong packed)
    {
        uint hash = LowercaseTable<WordEntry>.HashSeed;
        ulong code = 0;
        int n = 0;
        char last = '\0';
        foreach (var c in span)
        {
            char symbol;
            if (c < 128)
            {
                // One table read for both: the branches of the two functions mispredict on mixed-case words.
                uint both = AsciiLowerAndSymbol[c];
                hash = (hash ^ (both & 0xFFFF)) * LowercaseTable<WordEntry>.HashPrime;
                symbol = (char)(both >> 16);
            }
            else
            {
                hash = LowercaseTable<WordEntry>.HashStep(hash, c);
                symbol = TokenShape.Symbol(c);
            }

            if (symbol != last)
            {
                if (n < shape.Length)
                {
                    shape[n] = symbol;
                }

                if (n < PackedSymbols)
                {
                    code = (code << 16) | symbol;
                }

                n++;
                last = symbol;
            }
        }

        length = n;
        packed = code;
        return hash;
    }

    /// <summary>
    /// The rows of the kind × tag and entity × flag tables for token <paramref name="t"/>; adds its quote state to its
    /// flags first (Inside, Opening, Closing line up with the flag bits).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static (int KindPos, int EntityFlag) TableRows(TaggedText tagged, ReadOnlySpan<QuoteState> quotes, Span<byte> flags, int t, int local, int tags)
    {
        int flag = flags[local];
        if ((uint)t < (uint)quotes.Length)
        {
            flag |= ((int)quotes[t] & 7) << 2;
            flags[local] = (byte)flag;
        }

        var pos = tagged.Pos;
        var entities = tagged.EntityTags;
        int tag = (uint)t < (uint)pos.Length ? (int)pos[t] : 0;
        var entityTag = (uint)t < (uint)entities.Length ? entities[t] : default;
        int entity = ((int)entityTag.Position * EntityStride) + (int)entityTag.Type;
        return (((int)tagged.Analysis.Tokens[t].Kind * tags) + tag, (entity * FlagCombinations) + flag);
    }
}
