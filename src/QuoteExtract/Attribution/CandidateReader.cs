using QuoteExtract.Matching;
using QuoteExtract.Tagging;
using QuoteExtract.Text;

namespace QuoteExtract.Attribution;

/// <summary>
/// Reads grammar matches into candidates and gives the content the gold's exact ends: an indirect content stops
/// before the final period, a quotation keeps its marks and runs to its closing mark even past the sentence,
/// a split quotation <c>“A,” he said, “B.”</c> gets its second fragment, and "pointed" + "out" become one cue.
/// </summary>
internal sealed class CandidateReader
{
    /// <summary>The longest transcript turn read past its first sentence, in tokens.</summary>
    private const int MaxTurnTokens = 300;

    private readonly AttributionGrammar _grammar;
    private readonly TaggedText _text;
    private readonly AnalyzedText _analysis;
    private readonly int[] _quotationByOpen;
    private readonly int[] _quotationByClose;

    public CandidateReader(AttributionGrammar grammar, TaggedText text)
        : this(grammar, text, new int[text.Analysis.Tokens.Length], new int[text.Analysis.Tokens.Length])
    {
    }

    /// <summary>A reader that indexes the quotations in the caller's buffers (at least one entry per token; overwritten).</summary>
    public CandidateReader(AttributionGrammar grammar, TaggedText text, int[] quotationByOpen, int[] quotationByClose)
    {
        _grammar = grammar;
        _text = text;
        _analysis = text.Analysis;
        int n = _analysis.Tokens.Length;
        _quotationByOpen = quotationByOpen;
        _quotationByClose = quotationByClose;
        Array.Fill(_quotationByOpen, -1, 0, n);
        Array.Fill(_quotationByClose, -1, 0, n);
        var quotations = _analysis.Quotations;
        WorkMeter.Add(n + quotations.Length);
        for (int q = 0; q < quotations.Length; q++)
        {
            if (quotations[q].Depth != 0)
            {
                continue;
            }

            _quotationByOpen[quotations[q].OpenToken] = q;
            if (quotations[q].IsClosed)
            {
                _quotationByClose[quotations[q].CloseToken] = q;
            }
        }
    }

    /// <summary>Outermost quotations only get open/close flags, so rules anchor on the marks a reader sees as the quote's ends.</summary>
    public QuoteState[] QuoteStates()
    {
        var states = new QuoteState[_analysis.Tokens.Length];
        QuoteStates(states);
        return states;
    }

    /// <summary>Writes the states of <see cref="QuoteStates()"/> to the first entries of <paramref name="states"/>, one per token.</summary>
    public void QuoteStates(Span<QuoteState> states)
    {
        states[.._analysis.Tokens.Length].Clear();
        foreach (var q in _analysis.Quotations)
        {
            WorkMeter.Add(q.EndInnerToken - q.FirstInnerToken + 1);
            for (int t = q.FirstInnerToken; t < q.EndInnerToken; t++)
            {
                states[t] |= QuoteState.Inside;
            }

            if (q.Depth == 0)
            {
                states[q.OpenToken] |= QuoteState.Opening;
                if (q.IsClosed)
                {
                    states[q.CloseToken] |= QuoteState.Closing;
                }
            }
        }
    }

    public Candidate? Read(MatchSet matches, in PatternMatch match)
    {
        var rule = matches.Rule(match);
        var settings = _grammar.Settings(rule);
        var role = settings.Role;
        var speaker = Capture(matches, match, settings.Speaker);
        var cue = Capture(matches, match, settings.Cue);
        if (cue.IsNone)
        {
            return null;
        }

        speaker = SpeakerInsideAppositive(AfterMarkup(speaker), cue);
        TokenRange content, content2 = TokenRange.None;
        bool restOfSentence = false;
        switch (role)
        {
            case "after":
                {
                    int q = _quotationByClose[match.Start];
                    if (q < 0)
                    {
                        return null;
                    }

                    var quotation = _analysis.Quotations[q];
                    content = new TokenRange(quotation.OpenToken, quotation.CloseToken + 1);
                    content2 = SecondFragment(match.End);
                    break;
                }

            case "before":
                {
                    int q = _quotationByOpen[match.End - 1];
                    if (q < 0)
                    {
                        // "Caddell continued: (paragraph break) “…”": the colon ends the match and its sentence.
                        var colonSentence = _analysis.Sentences[AttributionExtractor.SentenceOf(_analysis, match.End - 1)];
                        q = colonSentence.EndToken == match.End ? QuotationAfter(colonSentence) : -1;
                        if (q < 0)
                        {
                            return null;
                        }
                    }

                    var quotation = _analysis.Quotations[q];
                    content = new TokenRange(quotation.OpenToken, quotation.LastToken + 1);
                    break;
                }

            default:
                {
                    var raw = Capture(matches, match, settings.Content);
                    if (raw.IsNone)
                    {
                        if (settings.Content >= 0)
                        {
                            return null;
                        }

                        // The rule ends at the cue: the content is the rest of the sentence.
                        var sentence = _analysis.Sentences[AttributionExtractor.SentenceOf(_analysis, match.End - 1)];
                        if (OnlyPunctuation(match.End, sentence.EndToken))
                        {
                            // "He added: (sentence break) “…”": the quotation opening the next sentence is the content.
                            int q = QuotationAfter(sentence);
                            if (q < 0)
                            {
                                return null;
                            }

                            raw = QuotationRange(q);
                        }
                        else
                        {
                            raw = new TokenRange(match.End, sentence.EndToken);
                            restOfSentence = true;
                        }
                    }

                    if (settings.WholeParagraph)
                    {
                        raw = new TokenRange(raw.Start, TurnEnd(raw.Start));
                    }

                    (cue, raw) = ExtendPhrase(cue, raw);
                    var trimmed = Trim(raw, quotationOnly: restOfSentence);
                    if (trimmed.IsNone)
                    {
                        return null;
                    }

                    content = trimmed;
                    break;
                }
        }

        var candidate = new Candidate
        {
            Rule = rule.Name,
            Speaker = speaker,
            Cue = cue,
            Content = content,
            Content2 = content2,
            RestOfSentence = restOfSentence,
            Prior = settings.Prior,
        };
        candidate.Kind = KindOf(candidate);
        candidate.Category = settings.Category ?? CategoryOf(cue);

        // A title in quotation marks after a verb that is not one of speech ("watched “Big Sky”", "sings “Hallelujah”")
        // names a work; nobody is quoted.
        if (candidate.Category != QuoteCategory.Speech && AttributionFeatures.QuotationShape(_analysis, candidate) == "title")
        {
            return null;
        }

        return candidate;
    }

    /// <summary>
    /// "In October, Mr. Paulson told …": leftmost-first matching reads "October" as the speaker and "Mr. Paulson" as
    /// its appositive. A speaker that ends a prepositional phrase or is a bare time expression is not the subject;
    /// the name between the commas is.
    /// </summary>
    private TokenRange SpeakerInsideAppositive(TokenRange speaker, TokenRange cue)
    {
        if (speaker.IsNone || speaker.End >= cue.Start || _analysis.TokenText(speaker.End) is not ",")
        {
            return speaker;
        }

        bool afterPreposition = speaker.Start > 0 && _text.Pos[speaker.Start - 1] is PosTag.IN or PosTag.TO && _analysis.TokenText(speaker.Start - 1) is not "that";
        if (!afterPreposition && !AttributionFeatures.IsTemporalPhrase(_text, speaker))
        {
            return speaker;
        }

        // The noun phrase after the comma, ending before the cue ("At that moment, David Axelrod, …, said", "In an
        // interview, the union's president, Mary Kay Henry, said"), or a personal pronoun there ("In my early 20s, I
        // laughed and said …").
        int start = speaker.End + 1;
        if (start < cue.Start && _text.Pos[start] == PosTag.PRP && IsPersonalPronoun(_analysis.TokenText(start)))
        {
            return new TokenRange(start, start + 1);
        }

        int end = start;
        while (end < cue.Start && (_text.Pos[end] is PosTag.DT or PosTag.PDT or PosTag.JJ or PosTag.JJR or PosTag.JJS or PosTag.CD or PosTag.PRP_S or PosTag.POS
            or PosTag.NN or PosTag.NNS or PosTag.NNP or PosTag.NNPS || _text.EntityTags[end].Type == EntityType.Person))
        {
            end++;
        }

        while (end > start && _text.Pos[end - 1] is not (PosTag.NN or PosTag.NNS or PosTag.NNP or PosTag.NNPS) && _text.EntityTags[end - 1].Type != EntityType.Person)
        {
            end--;
        }

        return end > start ? new TokenRange(start, end) : speaker;
    }

    private static bool IsPersonalPronoun(ReadOnlySpan<char> word)
    {
        foreach (var pronoun in (ReadOnlySpan<string>)["he", "she", "they", "we", "i"])
        {
            if (word.Equals(pronoun, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Where a transcript turn starting at <paramref name="token"/> ends: the end of the last sentence of its paragraph
    /// within <see cref="MaxTurnTokens"/> tokens (at least the first sentence's end), or before the next turn
    /// (<c>HOST: … GUEST: …</c> in one paragraph). The bound keeps a paragraph of many turns from giving every turn
    /// the rest of the paragraph, which would cost quadratic work.
    /// </summary>
    private int TurnEnd(int token)
    {
        var sentences = _analysis.Sentences;
        int s = AttributionExtractor.SentenceOf(_analysis, token);
        int paragraph = sentences[s].Paragraph;
        int end = sentences[s].EndToken;
        WorkMeter.Add(1);
        while (s + 1 < sentences.Length && sentences[s + 1].Paragraph == paragraph && sentences[s + 1].EndToken - token <= MaxTurnTokens
               && !OpensTurn(sentences[s + 1]))
        {
            s++;
            end = sentences[s].EndToken;
            WorkMeter.Add(1);
        }

        return end;
    }

    /// <summary>True when a colon follows one to three capitalised words at the sentence start: <c>GUEST: …</c>.</summary>
    private bool OpensTurn(Sentence sentence)
    {
        int t = sentence.FirstToken;
        while (t < sentence.EndToken && _analysis.Tokens[t].Kind == TokenKind.QuoteMark)
        {
            t++;
        }

        int words = 0;
        while (t < sentence.EndToken && words < 3 && _analysis.Tokens[t].Kind == TokenKind.Word && char.IsUpper(_analysis.TokenText(t)[0]))
        {
            t++;
            words++;
        }

        return words > 0 && t < sentence.EndToken && _analysis.TokenText(t) is ":";
    }

    /// <summary>
    /// The same candidate with its content cut before <paramref name="stop"/> (where another attribution's speaker or
    /// cue starts), without the trailing punctuation and conjunction: "X said A, while Y argued B".
    /// </summary>
    public Candidate? CutBefore(Candidate c, int stop, string kind)
    {
        var tokens = _analysis.Tokens;
        int end = stop;
        while (end > c.Content.Start && (tokens[end - 1].Kind is TokenKind.Punctuation or TokenKind.Dash
                                         || _analysis.TokenText(end - 1) is "and" or "but" or "while" or "as" or "although" or "though" or "because" or "so" or "even" or "when" or "if"))
        {
            end--;
        }

        if (end - c.Content.Start < (kind == "object" ? 1 : 2))
        {
            return null;
        }

        var cut = c.Variant();
        cut.Content = new TokenRange(c.Content.Start, end);
        cut.Content2 = TokenRange.None;
        cut.RestOfSentence = true;
        cut.CutKind = kind;
        cut.Kind = KindOf(cut);
        return cut;
    }

    /// <summary>
    /// Places where an indirect content may end before the sentence does (at most four, first ones first): a comma
    /// before a relative pronoun, participle, apposition or subordinator, a semicolon or dash, or a coordinated verb
    /// phrase ("said X but did not say Y"). Each becomes a variant the scorer can prefer. Written to
    /// <paramref name="found"/>, which is cleared first.
    /// </summary>
    public void ClauseBoundaries(TokenRange content, int end, List<(int At, string Kind)> found)
    {
        found.Clear();
        var tokens = _analysis.Tokens;
        Span<char> buffer = stackalloc char[AttributionFeatures.MaxWord];
        WorkMeter.Add(end - content.Start);
        int depth = 0;
        for (int t = content.Start + 2; t < end - 1 && found.Count < 8; t++)
        {
            if (_quotationByOpen[t] >= 0)
            {
                depth++;
            }

            if (_quotationByClose[t] >= 0 && depth > 0)
            {
                depth--;
            }

            if (depth > 0)
            {
                continue;
            }

            if (_quotationByClose[t] >= 0)
            {
                // A partial quote may end the content: called the town the “Crossroads of America” by its citizens.
                found.Add((t + 1, "quote-end"));
                continue;
            }

            var w = _analysis.TokenText(t);
            var next = _text.Pos[t + 1];
            if (w is ";")
            {
                found.Add((t, "semicolon"));
            }
            else if (tokens[t].Kind == TokenKind.Dash)
            {
                found.Add((t, "dash"));
            }
            else if (w is ",")
            {
                string? kind = next switch
                {
                    PosTag.WDT or PosTag.WP or PosTag.WP_S => "relative",
                    PosTag.VBG or PosTag.VBN => "participle",
                    PosTag.DT or PosTag.PRP_S => "apposition",
                    _ => AttributionFeatures.Lower(_analysis.TokenText(t + 1), buffer) switch
                    {
                        "and" or "but" or "or" => "coordination",
                        "according" => "according",
                        "with" or "in" or "on" or "at" or "for" or "from" or "by" or "without" or "amid" => "preposition",
                        "as" or "while" or "although" or "though" or "because" or "since" or "after" or "before" or "when" or "if" or "despite" or "even" or "including" or "unless" or "until" => "subordinate",
                        _ => null,
                    },
                };
                if (kind is not null)
                {
                    found.Add((t, kind));
                }
            }
            else if (w is "and" or "but" && next is PosTag.VBD or PosTag.VBZ or PosTag.VBP or PosTag.MD or PosTag.RB)
            {
                found.Add((t, "verb-coordination"));
            }
            else if (t > content.Start + 2 && _analysis.TokenText(t - 1) is not ",")
            {
                // The same boundaries without a comma: "endorsed Clinton last week", "backed him while …", "the NRA in February".
                var lower = AttributionFeatures.Lower(w, buffer);
                string? kind = lower switch
                {
                    "who" or "which" => "relative",
                    "while" or "when" or "after" or "because" or "since" or "before" or "although" or "though" or "despite" or "amid" or "during" or "as" => "subordinate",
                    _ when (_text.Pos[t] == PosTag.IN || lower is "last" or "this" or "next" or "earlier") && AttributionFeatures.IsTemporal(_analysis.TokenText(t + 1)) => "time",
                    _ => null,
                };
                if (kind is not null)
                {
                    found.Add((t, kind));
                }
            }
        }

        // The object noun phrase alone ("criticized [the bill] in a speech"): stop at the first token outside it.
        int np = content.Start;
        while (np < end && _text.Pos[np] is PosTag.DT or PosTag.PRP_S or PosTag.JJ or PosTag.JJR or PosTag.JJS or PosTag.NN or PosTag.NNS
                   or PosTag.NNP or PosTag.NNPS or PosTag.CD or PosTag.POS or PosTag.PRP)
        {
            np++;
        }

        if (np > content.Start && np < end && !HasBoundaryAt(found, np))
        {
            found.Add((np, "object"));
        }
    }

    private static bool HasBoundaryAt(List<(int At, string Kind)> found, int at)
    {
        foreach (var (boundary, _) in found)
        {
            if (boundary == at)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Content of a quotation without a cue of its own: the quotation's tokens.</summary>
    public TokenRange QuotationRange(int quotation)
    {
        var q = _analysis.Quotations[quotation];
        return new TokenRange(q.OpenToken, q.LastToken + 1);
    }

    public QuoteKind KindOf(Candidate c)
    {
        WorkMeter.Add(c.ContentEnd - c.Content.Start);
        var tokens = _analysis.Tokens;
        // Direct: the content is a quotation (a quotation and the writer's words after it is mixed).
        if (_quotationByOpen[c.Content.Start] is >= 0 and var q && _analysis.Quotations[q].LastToken + 1 >= c.Content.End)
        {
            return QuoteKind.Direct;
        }

        for (int t = c.Content.Start; t < c.ContentEnd; t++)
        {
            if (tokens[t].Kind == TokenKind.QuoteMark && !tokens[t].Has(TokenFlags.Apostrophe))
            {
                return QuoteKind.Mixed;
            }
        }

        return QuoteKind.Indirect;
    }

    /// <summary>The category of the cue's last word that the lexicon lists, <see cref="QuoteCategory.Speech"/> when none.</summary>
    private QuoteCategory CategoryOf(TokenRange cue)
    {
        for (int t = cue.End - 1; t >= cue.Start; t--)
        {
            if (_grammar.CategoryOf(_analysis.TokenText(t)) is { } category)
            {
                return category;
            }
        }

        return QuoteCategory.Speech;
    }

    /// <summary>"pointed" + "out": the preposition belongs to the cue, the content starts after it.</summary>
    private (TokenRange Cue, TokenRange Content) ExtendPhrase(TokenRange cue, TokenRange content)
    {
        if (content.Start == cue.End && content.Length > 1
            && (_grammar.IsPhrase(_analysis.TokenText(cue.End - 1), _analysis.TokenText(content.Start))
                || (_analysis.TokenText(content.Start) is "about" or "of" or "against" && _text.Pos[cue.End - 1] is >= PosTag.VB and <= PosTag.VBZ)))
        {
            return (new TokenRange(cue.Start, cue.End + 1), new TokenRange(content.Start + 1, content.End));
        }

        return (cue, content);
    }

    /// <summary>
    /// Drops leading commas/colons; runs on to the closing mark of a quotation the content cuts; drops the final
    /// period of an indirect content but keeps everything up to a closing quote mark.
    /// </summary>
    private TokenRange Trim(TokenRange raw, bool quotationOnly)
    {
        var tokens = _analysis.Tokens;
        int start = raw.Start, end = raw.End;
        WorkMeter.Add(end - start);
        while (start < end && tokens[start].Kind is TokenKind.Punctuation or TokenKind.Dash && !IsBracketOpen(start))
        {
            start++;
        }

        // A sentence ending in ." has its closing mark as the last token, which [!sent_end] left out.
        if (end < tokens.Length && _quotationByClose[end] >= 0 && _analysis.Quotations[_quotationByClose[end]].OpenToken >= start)
        {
            end++;
        }

        // A rest of the sentence that opens with a quotation is that quotation: what follows its closing mark is the
        // writer's. A rule's own content capture says where the content ends ("“We won” in Ohio, she said").
        if (quotationOnly && start < end && _quotationByOpen[start] >= 0)
        {
            return QuotationRange(_quotationByOpen[start]);
        }

        // An opening mark left at the very end (the next sentence's quotation, split off with this one) is not ours.
        while (end > start && _quotationByOpen[end - 1] >= 0)
        {
            end--;
        }

        for (int t = start; t < end; t++)
        {
            int q = _quotationByOpen[t];
            if (q >= 0)
            {
                var quotation = _analysis.Quotations[q];
                if (quotation.LastToken + 1 > end)
                {
                    end = quotation.LastToken + 1;
                }

                t = quotation.LastToken;
            }
        }

        while (end > start && tokens[end - 1].Kind is TokenKind.Punctuation or TokenKind.Dash or TokenKind.Ellipsis && !IsBracketClose(end - 1))
        {
            end--;
        }

        return end > start ? new TokenRange(start, end) : TokenRange.None;
    }

    /// <summary>
    /// After <c>“A,” he said</c> (and an appositive of the speaker): a comma or colon then a quotation opening
    /// in the same sentence is the quote's second half.
    /// </summary>
    private TokenRange SecondFragment(int afterMatch)
    {
        var tokens = _analysis.Tokens;
        if (afterMatch >= tokens.Length)
        {
            return TokenRange.None;
        }

        var sentence = _analysis.Sentences[AttributionExtractor.SentenceOf(_analysis, afterMatch - 1)];
        for (int t = afterMatch; t < Math.Min(tokens.Length, afterMatch + 25); t++)
        {
            int q = _quotationByOpen[t];
            if (q >= 0)
            {
                bool ok = t > afterMatch && tokens[t - 1].Kind == TokenKind.Punctuation && !tokens[t].Has(TokenFlags.ParagraphBreakBefore)
                          && (t < sentence.EndToken || t == sentence.EndToken && _analysis.TokenText(t - 1) is "," or ":");
                return ok ? QuotationRange(q) : TokenRange.None;
            }

            if (tokens[t].Kind == TokenKind.QuoteMark || t >= sentence.EndToken)
            {
                return TokenRange.None;
            }
        }

        return TokenRange.None;
    }

    private bool OnlyPunctuation(int from, int to)
    {
        WorkMeter.Add(to - from);
        for (int t = from; t < to; t++)
        {
            if (_analysis.Tokens[t].Kind is not (TokenKind.Punctuation or TokenKind.Dash))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The range without the markup tokens that open it (<c>&lt;tweet author="…"&gt;Iron Mike Tyson</c>): the tagger reads a
    /// tag as a noun, but a speaker never starts with one.
    /// </summary>
    private TokenRange AfterMarkup(TokenRange range)
    {
        if (range.IsNone)
        {
            return range;
        }

        int start = range.Start;
        while (start < range.End && _analysis.Tokens[start].Kind == TokenKind.Markup)
        {
            start++;
        }

        return start == range.Start ? range : start < range.End ? new TokenRange(start, range.End) : TokenRange.None;
    }

    private bool EndsWithColon(Sentence sentence) => _analysis.TokenText(sentence.EndToken - 1) is ":";

    /// <summary>
    /// The quotation that opens the sentence after <paramref name="sentence"/> (a stray punctuation token or two may
    /// come first), or −1. Across a paragraph break only when the sentence ends with a colon, which announces it.
    /// </summary>
    private int QuotationAfter(Sentence sentence)
    {
        int next = sentence.EndToken;
        while (next < _analysis.Tokens.Length && next < sentence.EndToken + 2 && _quotationByOpen[next] < 0 && _analysis.Tokens[next].Kind == TokenKind.Punctuation)
        {
            next++;
        }

        if (next >= _analysis.Tokens.Length || _quotationByOpen[next] < 0 || _analysis.Tokens[next].Has(TokenFlags.ParagraphBreakBefore) && !EndsWithColon(sentence))
        {
            return -1;
        }

        return _quotationByOpen[next];
    }

    private bool IsBracketOpen(int t) => _analysis.TokenText(t) is "(" or "[";

    private bool IsBracketClose(int t) => _analysis.TokenText(t) is ")" or "]";

    public int QuotationOpenedAt(int token) => _quotationByOpen[token];

    private static TokenRange Capture(MatchSet matches, in PatternMatch match, int index) =>
        index < 0 ? TokenRange.None : matches.Capture(match, index);
}
