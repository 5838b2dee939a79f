namespace QuoteExtract.Resolution;

/// <summary>
/// The best-scoring candidate so far and the runner-up's score: the gap between the two is what the
/// resolution confidence is made of.
/// </summary>
internal struct BestCandidate<T>
    where T : class
{
    public T? Best { get; private set; }

    public double BestScore { get; private set; }

    public double Second { get; private set; }

    public void Offer(T candidate, double score)
    {
        if (score > BestScore)
        {
            Second = BestScore;
            BestScore = score;
            Best = candidate;
        }
        else if (score > Second)
        {
            Second = score;
        }
    }
}
