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
        _compounds = compounds;
        _maxCompoundDepth = compounds.Length == 0 ? 0 : compounds.Max(c => c.Program.Length);
    }

    /// <summary>Distinct tests of the grammar: atoms plus compound tests, one bit each.</summary>
    public int BitCount { get; private init; }

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
        int tags = PennTags.Count;
        Span<char> shape = stackalloc char[TokenShape.MaxLength];
        Span<bool> stack = stackalloc bool[Math.Max(1, _maxCompoundDepth)];
        for (int t = start; t < end; t++)
        {
            int local = t - start;
            var token = tokens[t];
            var (kindPosRow, entityFlagRow) = TableRows(tagged, quotes, flags, t, local, tags);
            var row = bits.Slice(local * w, w);
            var kindPos = _kindPosMasks.AsSpan(kindPosRow * w, w);
            var entityFlag = _entityFlagMasks.AsSpan(entityFlagRow * w, w);
            for (int i = 0; i < w; i++)
            {
                row[i] = kindPos[i] | entityFlag[i];
            }

            // As in the one-word path: one pass over the characters gives both the word-table hash and the shape.
            var span = text.Slice(token.Start, token.Length);
            uint hash = HashAndShape(span, shape, out int n);

            if (hasWords && _words.Find(span, LowercaseTable<WordEntry>.HashFinish(hash)) is { } entry)
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

            if (hasShapes && n > 0 && n <= shape.Length)
            {
                foreach (var (known, mask) in _shapes)
                {
                    if (shape[..n].SequenceEqual(known))
                    {
                        Or(row, mask);
                    }
                }
            }

            if (compoundCache is null)
            {
                EvaluateCompounds(row, stack);
                continue;
            }

            // As in the one-word path: compound bits depend only on the atom bits, which repeat a lot, so a
            // direct-mapped cache entry (atom row, compound bits, valid) replaces evaluating every compound.
            ulong key = 0;
            for (int i = 0; i < w; i++)
            {
                key = (key ^ row[i]) * 0x9E3779B97F4A7C15UL;
            }

            int entryLength = (2 * w) + 1;
            var cached = compoundCache.AsSpan((int)(key >> (64 - CompoundCacheBits)) * entryLength, entryLength);
            if (cached[2 * w] != 0 && cached[..w].SequenceEqual(row))
            {
                for (int i = 0; i < w; i++)
                {
                    row[i] |= cached[w + i];
                }
            }
            else
            {
                row.CopyTo(cached);
                EvaluateCompounds(row, stack);
                for (int i = 0; i < w; i++)
                {
                    cached[w + i] = row[i] & ~cached[i];
                }

                cached[2 * w] = 1;
            }
        }
    }

    /// <summary>The common case of at most 64 predicates: one word per token, kept in a register, two combined tables.</summary>
    private void ComputeOneWord(TaggedText tagged, ReadOnlySpan<QuoteState> quotes, int start, int end, Span<ulong> bits, Span<byte> flags, ulong[]? compoundCache)
    {
        var tokens = tagged.Analysis.Tokens;
        var text = tagged.Analysis.Text.AsSpan();
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
            var (kindPosRow, entityFlagRow) = TableRows(tagged, quotes, flags, t, local, tags);
            ulong row = kindPos[kindPosRow] | entityFlag[entityFlagRow];

            // One pass over the characters gives both the word-table hash and the collapsed shape.
            var span = text.Slice(token.Start, token.Length);
            uint hash = HashAndShape(span, shape, out int n);

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
    private const int CompoundCacheBits = 10;

    /// <summary>Scratch for <see cref="Compute"/>: a direct-mapped cache from atom bits to compound bits (entries of 2 × words + 1).</summary>
    public ulong[]? CreateCompoundCache() => _compounds.Length > 0 ? new ulong[((2 * Words) + 1) << CompoundCacheBits] : null;

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

    /// <summary>
    /// One pass over a token's characters: the word-table hash (before <see cref="LowercaseTable{T}.HashFinish"/>) and
    /// the collapsed shape, written to <paramref name="shape"/> as far as it fits; <paramref name="length"/> is the full
    /// shape length.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static uint HashAndShape(ReadOnlySpan<char> span, Span<char> shape, out int length)
    {
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

        length = n;
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
