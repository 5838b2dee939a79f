namespace QuoteExtract.Matching;

/// <summary>A boolean formula over atoms: the contents of one <c>[...]</c> token test.</summary>
internal abstract record TokenTest
{
    /// <summary>A canonical text, used to give identical tests one predicate bit.</summary>
    public abstract string Canonical { get; }
}

internal sealed record AtomTest(TokenAtom Atom) : TokenTest
{
    public override string Canonical => Atom.ToString();
}

internal sealed record NotTest(TokenTest Operand) : TokenTest
{
    public override string Canonical => $"!({Operand.Canonical})";
}

internal sealed record AndTest(TokenTest Left, TokenTest Right) : TokenTest
{
    public override string Canonical => $"({Left.Canonical}&{Right.Canonical})";
}

internal sealed record OrTest(TokenTest Left, TokenTest Right) : TokenTest
{
    public override string Canonical => $"({Left.Canonical}|{Right.Canonical})";
}
