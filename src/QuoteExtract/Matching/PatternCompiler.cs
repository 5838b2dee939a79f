namespace QuoteExtract.Matching;

/// <summary>A named rule text: the name appears in error messages (a file name, or <c>ExtraPatterns[0]</c>).</summary>
internal readonly record struct PatternSource(string Name, string Text);

/// <summary>
/// Compiles rule texts into one program that runs all rules at once (Thompson construction: every
/// quantifier and alternation becomes <see cref="OpCode.Split"/>/<see cref="OpCode.Jump"/>, captures become
/// <see cref="OpCode.Save"/>), plus the per-token feature tables of its token tests.
/// </summary>
internal static class PatternCompiler
{
    /// <summary>Largest program accepted; bounded repeats are unrolled, so this guards against <c>(x{200}){200}</c>.</summary>
    public const int MaxProgramSize = 1 << 20;

    public static CompiledPatterns Compile(string rulesText, LexiconSet lexicons, string sourceName = "patterns") =>
        Compile([new PatternSource(sourceName, rulesText)], lexicons);

    /// <summary>
    /// Compiles a built-in grammar together with the user's <see cref="QuoteExtractorOptions.ExtraPatterns"/> and
    /// adds <see cref="QuoteExtractorOptions.ExtraCueWords"/> to lexicon class <paramref name="cueClass"/>.
    /// </summary>
    public static CompiledPatterns Compile(PatternSource builtIn, LexiconSet lexicons, QuoteExtractorOptions options, string cueClass = "cue_verb")
    {
        var merged = lexicons.Clone();
        if (options.ExtraCueWords.Count > 0)
        {
            merged.Add(cueClass, options.ExtraCueWords);
        }

        var sources = new List<PatternSource> { builtIn };
        sources.AddRange(options.ExtraPatterns.Select((p, i) => new PatternSource($"ExtraPatterns[{i}]", p)));
        return Compile(sources, merged);
    }

    public static CompiledPatterns Compile(IEnumerable<PatternSource> sources, LexiconSet lexicons)
    {
        var parsed = new List<(PatternSource Source, RuleSyntax Rule)>();
        var names = new Dictionary<string, PatternSource>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            foreach (var rule in PatternParser.Parse(source.Text, source.Name, lexicons))
            {
                if (!names.TryAdd(rule.Name, source))
                {
                    var (line, column) = PatternParser.LineAndColumn(source.Text, rule.Offset);
                    throw new PatternSyntaxException(source.Name, line, column, $"Rule '{rule.Name}' is already defined in {names[rule.Name].Name}.");
                }

                parsed.Add((source, rule));
            }
        }

        var features = new TokenFeatures.Builder();
        var program = new List<Instruction>();
        var entries = new List<(RuleSyntax Rule, List<string> Captures, int StartPc)>();
        for (int r = 0; r < parsed.Count; r++)
        {
            var rule = parsed[r].Rule;
            var captures = new List<string>();
            int start = program.Count;
            var emitter = new Emitter(program, features, captures, r);
            emitter.Add(OpCode.Save, 0);
            emitter.Emit(rule.Pattern);
            emitter.Add(OpCode.Match, 0);
            if (program.Count > MaxProgramSize)
            {
                var (line, column) = PatternParser.LineAndColumn(parsed[r].Source.Text, rule.Offset);
                throw new PatternSyntaxException(parsed[r].Source.Name, line, column, $"Rule '{rule.Name}' makes the program larger than {MaxProgramSize} instructions.");
            }

            entries.Add((rule, captures, start));
        }

        // The DFA's copy of the program: no captures needed, and wide counted repeats relaxed to open loops so
        // that overlapping counters do not multiply DFA states. It accepts a superset, which is all the DFA needs.
        var relaxed = new List<Instruction>();
        var relaxedStarts = new int[parsed.Count];
        for (int r = 0; r < parsed.Count; r++)
        {
            relaxedStarts[r] = relaxed.Count;
            var emitter = new Emitter(relaxed, features, [], r) { Relaxed = true };
            emitter.Emit(parsed[r].Rule.Pattern);
            emitter.Add(OpCode.Match, 0);
        }

        // The same relaxed program for each rule's mirror image (PatternReverser): the automaton that walks a stretch
        // backwards to where matches can start (ReverseStarts). A superset too, as the backtracker checks each start.
        // Each rule has a program of its own (entry at 0), since each rule's backward walk is a DFA of its own.
        var reversed = new List<Instruction>[parsed.Count];
        for (int r = 0; r < parsed.Count; r++)
        {
            reversed[r] = [];
            var emitter = new Emitter(reversed[r], features, [], r) { Relaxed = true };
            emitter.Emit(PatternReverser.Reverse(parsed[r].Rule.Pattern));
            emitter.Add(OpCode.Match, 0);
        }

        var tables = features.Build(lexicons);

        // The automata read rows of the tested bits only (bits that only feed compound tests are left out), renumbered
        // densely in ascending order, as TokenAlphabet lays out a class's row: the shipped grammar's rows shrink from
        // four words to two.
        var tested = new ulong[tables.Words];
        foreach (var ins in program.Concat(relaxed).Concat(reversed.SelectMany(p => p)))
        {
            if (ins.Op == OpCode.Test)
            {
                tested[ins.X >> 6] |= 1UL << ins.X;
            }
        }

        var rank = new int[tables.BitCount];
        int testedCount = 0;
        for (int bit = 0; bit < tables.BitCount; bit++)
        {
            rank[bit] = ((tested[bit >> 6] >> bit) & 1) != 0 ? testedCount++ : -1;
        }

        var instructions = Renumber(program, rank);
        int rowWords = Math.Max(1, (testedCount + 63) / 64);
        var rules = entries.Select((e, i) => new CompiledRule(i, e.Rule.Name, e.Rule.Metadata, e.Captures, e.StartPc, FirstMask(instructions, e.StartPc, rowWords))).ToArray();
        return new CompiledPatterns(instructions, rules, tables, Renumber(relaxed, rank), relaxedStarts,
            reversed.Select(p => Renumber(p, rank)).ToArray(), tested);
    }

    /// <summary>The program with each Test reading bit <c>rank[X]</c> of a row of tested bits.</summary>
    private static Instruction[] Renumber(List<Instruction> program, int[] rank) =>
        program.Select(ins => ins.Op == OpCode.Test ? ins with { X = rank[ins.X] } : ins).ToArray();

    /// <summary>Predicates reachable from <paramref name="startPc"/> without consuming a token (assertions assumed true).</summary>
    private static ulong[] FirstMask(Instruction[] program, int startPc, int words)
    {
        var mask = new ulong[words];
        var seen = new HashSet<int>();
        var stack = new Stack<int>();
        stack.Push(startPc);
        while (stack.Count > 0)
        {
            int pc = stack.Pop();
            if (!seen.Add(pc))
            {
                continue;
            }

            var ins = program[pc];
            switch (ins.Op)
            {
                case OpCode.Test:
                    mask[ins.X >> 6] |= 1UL << ins.X;
                    break;
                case OpCode.Split:
                    stack.Push(ins.X);
                    stack.Push(ins.Y);
                    break;
                case OpCode.Jump:
                    stack.Push(ins.X);
                    break;
                case OpCode.Save or OpCode.AssertSentenceStart or OpCode.AssertSentenceEnd:
                    stack.Push(pc + 1);
                    break;
            }
        }

        return mask;
    }

    /// <summary>Thompson construction of one rule.</summary>
    private sealed class Emitter(List<Instruction> program, TokenFeatures.Builder features, List<string> captures, int rule)
    {
        /// <summary>Widest counted repeat kept exact in the relaxed (DFA) program.</summary>
        private const int RelaxedSpan = 3;

        /// <summary>Emit for the DFA: no saves, and x{m,n} with n - m above <see cref="RelaxedSpan"/> becomes x{m,}.</summary>
        public bool Relaxed { get; init; }

        public int Add(OpCode op, int x, int y = 0)
        {
            program.Add(new Instruction(op, x, y, rule));
            return program.Count - 1;
        }

        private void Patch(int pc, int? x = null, int? y = null)
        {
            var ins = program[pc];
            program[pc] = ins with { X = x ?? ins.X, Y = y ?? ins.Y };
        }

        public void Emit(PatternNode node)
        {
            if (program.Count > MaxProgramSize)
            {
                return;
            }

            switch (node)
            {
                case TokenNode t:
                    Add(OpCode.Test, features.BitFor(t.Test));
                    break;
                case SequenceNode s:
                    foreach (var item in s.Items)
                    {
                        Emit(item);
                    }

                    break;
                case AlternationNode a:
                    {
                        var jumps = new List<int>();
                        for (int i = 0; i < a.Alternatives.Count; i++)
                        {
                            int split = i < a.Alternatives.Count - 1 ? Add(OpCode.Split, 0, 0) : -1;
                            if (split >= 0)
                            {
                                Patch(split, x: program.Count);
                            }

                            Emit(a.Alternatives[i]);
                            if (split >= 0)
                            {
                                jumps.Add(Add(OpCode.Jump, 0));
                                Patch(split, y: program.Count);
                            }
                        }

                        foreach (int j in jumps)
                        {
                            Patch(j, x: program.Count);
                        }

                        break;
                    }

                case RepeatNode r:
                    EmitRepeat(r);
                    break;
                case GroupNode g:
                    if (g.Name is null || Relaxed)
                    {
                        Emit(g.Body);
                        break;
                    }

                    int index = captures.IndexOf(g.Name);
                    if (index < 0)
                    {
                        captures.Add(g.Name);
                        index = captures.Count - 1;
                    }

                    Add(OpCode.Save, 2 * (index + 1));
                    Emit(g.Body);
                    Add(OpCode.Save, (2 * (index + 1)) + 1);
                    break;
                case AnchorNode anchor:
                    Add(anchor.Kind == AnchorKind.SentenceStart ? OpCode.AssertSentenceStart : OpCode.AssertSentenceEnd, 0);
                    break;
            }
        }

        private void EmitRepeat(RepeatNode r)
        {
            if (Relaxed && r.Max >= 0 && r.Max - r.Min > RelaxedSpan)
            {
                r = r with { Max = -1 };
            }

            for (int i = 0; i < r.Min; i++)
            {
                Emit(r.Body);
            }

            if (r.Max < 0)
            {
                // loop: split(body, exit); body; jump loop — lazy swaps the split's preference.
                int loop = Add(OpCode.Split, 0, 0);
                Emit(r.Body);
                Add(OpCode.Jump, loop);
                SetPreference(loop, program.Count, r.Greedy);
                return;
            }

            var optionals = new List<int>();
            for (int i = r.Min; i < r.Max; i++)
            {
                optionals.Add(Add(OpCode.Split, 0, 0));
                Emit(r.Body);
            }

            foreach (int split in optionals)
            {
                SetPreference(split, program.Count, r.Greedy);
            }
        }

        /// <summary>Makes <paramref name="split"/> prefer its body (greedy) or the exit (lazy).</summary>
        private void SetPreference(int split, int exit, bool greedy)
        {
            if (greedy)
            {
                Patch(split, x: split + 1, y: exit);
            }
            else
            {
                Patch(split, x: exit, y: split + 1);
            }
        }
    }
}
