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

    private readonly List<Candidate>?[] _buckets;
    private readonly HashSet<Candidate> _seen = new(ReferenceEqualityComparer.Instance);
    private readonly List<Candidate> _found = [];

    public TokenBuckets(int tokenCount) => _buckets = new List<Candidate>?[(tokenCount >> Shift) + 2];

    public int BucketCount => _buckets.Length;

    public static int BucketOf(int token) => token >> Shift;

    /// <summary>Files <paramref name="candidate"/> under every bucket of tokens [start, end], the end included so that an empty range or one ending at a token is found too.</summary>
    public void Add(Candidate candidate, int start, int end)
    {
        if (start < 0)
        {
            return;
        }

        int last = Math.Min(BucketOf(Math.Max(start, end)), _buckets.Length - 1);
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
        int last = Math.Min(BucketOf(Math.Max(start, end)), _buckets.Length - 1);
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
        var found = bucket >= 0 && bucket < _buckets.Length ? _buckets[bucket] : null;
        WorkMeter.Add(1 + (found?.Count ?? 0));
        return found ?? (IReadOnlyList<Candidate>)[];
    }
}
