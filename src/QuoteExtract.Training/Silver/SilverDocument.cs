namespace QuoteExtract.Training.Silver;

/// <summary>A document of the silver layer: its name and its sentences of tokens.</summary>
/// <param name="Name">Document name, the text file's name without <c>.txt</c>.</param>
/// <param name="Sentences">Sentences in order, each a list of tokens.</param>
internal sealed record SilverDocument(string Name, IReadOnlyList<IReadOnlyList<SilverToken>> Sentences);
