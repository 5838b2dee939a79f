using QuoteExtract.Matching;

namespace QuoteExtract.Attribution;

/// <summary>
/// Candidates filed by the tokens they cover, in buckets of 64 tokens, so that the ones that may touch a range are
/// found without looking at every candidate of the document: the pairwise checks of attribution selection stay
/// proportional to the candidates that are actually near each other. A lookup returns a superset (everything filed
/// in the buckets the range touches); callers keep their exact test. A candidate filed again after it grew is found
/// once per lookup.
/// </summary>
internal sealed class TokenBuckets
{
    private const int Shift = 6;

    // One spare per thread: selection, first fragments and uncued quotations each file a document's attributions in
    // turn, and reusing the buckets' lists keeps them from allocating a list per bucket for every document.
    [ThreadStatic]
    private static TokenBuckets? t_spare;

    private readonly HashSet<Candidate> _seen = new(ReferenceEqualityComparer.Instance);
    private readonly List<Candidate> _found = [];
    private List<Candidate>?[] _buckets = [];
    private int _count;

    public TokenBuckets(int tokenCount) => Reset(tokenCount);

    public int BucketCount => _count;

    public static int BucketOf(int token) => token >> Shift;

    /// <summary>Empty buckets for <paramref name="tokenCount"/> tokens: this thread's spare ones if free, else new ones. Give them back with <see cref="Return"/>.</summary>
    public static TokenBuckets Rent(int tokenCount)
    {
        var buckets = t_spare;
        if (buckets is null)
        {
            return new TokenBuckets(tokenCount);
        }

        t_spare = null;
        buckets.Reset(tokenCount);
        return buckets;
    }

    /// <summary>Makes these buckets this thread's spare; the caller no longer uses them (or what <see cref="Near"/> returned).</summary>
    public void Return()
    {
        Reset(0);
        t_spare = this;
    }

    /// <summary>Empties the buckets (keeping their lists) and sizes them for <paramref name="tokenCount"/> tokens.</summary>
    private void Reset(int tokenCount)
    {
        for (int b = 0; b < _count; b++)
        {
            _buckets[b]?.Clear();
        }

        _seen.Clear();
        _found.Clear();
        _count = (tokenCount >> Shift) + 2;
        if (_buckets.Length < _count)
        {
            Array.Resize(ref _buckets, Math.Max(_count, 2 * _buckets.Length));
        }
    }

    /// <summary>Files <paramref name="candidate"/> under every bucket of tokens [start, end], the end included so that an empty range or one ending at a token is found too.</summary>
    public void Add(Candidate candidate, int start, int end)
    {
        if (start < 0)
        {
            return;
        }

        int last = Math.Min(BucketOf(Math.Max(start, end)), _count - 1);
        for (int b = BucketOf(start); b <= last; b++)
        {
            (_buckets[b] ??= []).Add(candidate);
        }
    }

    /// <summary>Files <paramref name="candidate"/> under <paramref name="range"/> (nothing for <see cref="TokenRange.None"/>).</summary>
    public void Add(Candidate candidate, TokenRange range) => Add(candidate, range.Start, range.End);

    /// <summary>Everything filed under the buckets of tokens [start, end], each once. The list is reused by the next call.</summary>
    public List<Candidate> Near(int start, int end)
    {
        _seen.Clear();
        _found.Clear();
        int last = Math.Min(BucketOf(Math.Max(start, end)), _count - 1);
        for (int b = Math.Max(0, BucketOf(start)); b <= last; b++)
        {
            if (_buckets[b] is { } bucket)
            {
                WorkMeter.Add(bucket.Count);
                foreach (var c in bucket)
                {
                    if (_seen.Add(c))
                    {
                        _found.Add(c);
                    }
                }
            }
        }

        return _found;
    }

    /// <summary>What was filed under bucket <paramref name="bucket"/> (possibly twice).</summary>
    public IReadOnlyList<Candidate> InBucket(int bucket)
    {
        var found = bucket >= 0 && bucket < _count ? _buckets[bucket] : null;
        WorkMeter.Add(1 + (found?.Count ?? 0));
        return found ?? (IReadOnlyList<Candidate>)[];
    }
}
