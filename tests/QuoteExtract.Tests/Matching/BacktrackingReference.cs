using System.Collections.Immutable;
using QuoteExtract.Matching;

namespace QuoteExtract.Tests.Matching;

/// <summary>
/// A deliberately naive backtracking matcher over the pattern syntax tree (exponential in the worst case):
/// the executable definition of leftmost-first, non-overlapping semantics that the Pike VM must reproduce.
/// Supports literal, any-token and the structural operators; no anchors.
/// </summary>
internal static class BacktrackingReference
{
    public sealed record Found(int Start, int End, ImmutableDictionary<string, (int Start, int End)> Captures);

    public static List<Found> FindAll(PatternNode pattern, string[] words)
    {
        var found = new List<Found>();
        int pos = 0;
        while (pos <= words.Length)
        {
            Found? first = null;
            for (int s = pos; s <= words.Length && first is null; s++)
            {
                int start = s;
                Match(pattern, words, s, ImmutableDictionary<string, (int, int)>.Empty, (end, caps) =>
                {
                    first = new Found(start, end, caps);
                    return true;
                });
            }

            if (first is null)
            {
                break;
            }

            found.Add(first);
            pos = first.End;
        }

        return found;
    }

    private static bool Match(PatternNode node, string[] words, int pos, ImmutableDictionary<string, (int, int)> caps, Func<int, ImmutableDictionary<string, (int, int)>, bool> k)
    {
        switch (node)
        {
            case TokenNode t:
                return pos < words.Length && Holds(t.Test, words[pos]) && k(pos + 1, caps);
            case SequenceNode s:
                return Seq(s.Items, 0, words, pos, caps, k);
            case AlternationNode a:
                return a.Alternatives.Any(alt => Match(alt, words, pos, caps, k));
            case GroupNode g:
                return Match(g.Body, words, pos, caps, (end, c) => k(end, g.Name is null ? c : c.SetItem(g.Name, (pos, end))));
            case RepeatNode r:
                return Repeat(r, 0, words, pos, caps, k);
            default:
                throw new NotSupportedException(node.GetType().Name);
        }
    }

    private static bool Seq(IReadOnlyList<PatternNode> items, int i, string[] words, int pos, ImmutableDictionary<string, (int, int)> caps, Func<int, ImmutableDictionary<string, (int, int)>, bool> k) =>
        i == items.Count ? k(pos, caps) : Match(items[i], words, pos, caps, (end, c) => Seq(items, i + 1, words, end, c, k));

    private static bool Repeat(RepeatNode r, int count, string[] words, int pos, ImmutableDictionary<string, (int, int)> caps, Func<int, ImmutableDictionary<string, (int, int)>, bool> k)
    {
        bool more() => (r.Max < 0 || count < r.Max) && Match(r.Body, words, pos, caps, (end, c) => end > pos && Repeat(r, count + 1, words, end, c, k));
        bool stop() => count >= r.Min && k(pos, caps);
        return r.Greedy ? more() || stop() : stop() || more();
    }

    private static bool Holds(TokenTest test, string word) => test switch
    {
        AtomTest { Atom.Kind: AtomKind.Any } => true,
        AtomTest { Atom.Kind: AtomKind.Lower } a => a.Atom.Value == word,
        NotTest n => !Holds(n.Operand, word),
        AndTest a => Holds(a.Left, word) && Holds(a.Right, word),
        OrTest o => Holds(o.Left, word) || Holds(o.Right, word),
        _ => throw new NotSupportedException(test.ToString()),
    };
}
