namespace QuoteExtract.Attribution;

/// <summary>
/// A candidate's place in selection order: higher score first, then earlier content start, then earlier in the
/// candidate list (<see cref="Index"/>), which makes the order total and the same as a stable sort's.
/// </summary>
internal readonly record struct ScoreOrder(Candidate Candidate, int Index) : IComparable<ScoreOrder>
{
    public int CompareTo(ScoreOrder other)
    {
        int byScore = other.Candidate.Score.CompareTo(Candidate.Score);
        if (byScore != 0)
        {
            return byScore;
        }

        int byStart = Candidate.ContentStart.CompareTo(other.Candidate.ContentStart);
        return byStart != 0 ? byStart : Index.CompareTo(other.Index);
    }
}
