using QuoteExtract.Tagging;
using QuoteExtract.Text;

namespace QuoteExtract.Matching;

/// <summary>Compile-time half of <see cref="TokenFeatures"/>: assigns bits to tests and builds the lookup tables.</summary>
internal sealed partial class TokenFeatures
{
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
            return new TokenFeatures(w, kindMasks, posMasks, entityMasks, flagMasks, words, shapes, compounds) { BitCount = _next };
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
