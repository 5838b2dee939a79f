namespace QuoteExtract.Training.Silver;

/// <summary>One CoreNLP token of the silver layer (see the PolNeAR export README for the columns).</summary>
/// <param name="Start">Character offset of the token in the document text.</param>
/// <param name="End">Exclusive end offset.</param>
/// <param name="Word">CoreNLP's PTB-normalised form (use the text slice for the surface).</param>
/// <param name="Lemma">Lemma.</param>
/// <param name="Pos">Penn Treebank tag as a string.</param>
/// <param name="Ner">Entity label without BIO prefix, or <c>O</c>.</param>
/// <param name="Head">1-based head index within the sentence, 0 for the root.</param>
/// <param name="DepRel">Basic dependency label.</param>
internal sealed record SilverToken(int Start, int End, string Word, string Lemma, string Pos, string Ner, int Head, string DepRel);
