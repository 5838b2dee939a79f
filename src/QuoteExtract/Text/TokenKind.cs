namespace QuoteExtract.Text;

/// <summary>The coarse class of a token, decided by the tokenizer from its characters alone.</summary>
internal enum TokenKind : byte
{
    /// <summary>Letters, possibly with inner apostrophes, hyphens or periods (words, abbreviations, initials).</summary>
    Word,
    /// <summary>Digits with separators, decimals, ordinals.</summary>
    Number,
    /// <summary>Sentence and clause punctuation: . , ; : ! ? and brackets.</summary>
    Punctuation,
    /// <summary>A quotation mark of any style: " “ ” ‘ ’ ' `` '' « ».</summary>
    QuoteMark,
    /// <summary>A dash used as punctuation: - – — ― or --.</summary>
    Dash,
    /// <summary>An ellipsis: … or ... or . . .</summary>
    Ellipsis,
    /// <summary>Currency, percent, and other symbols.</summary>
    Symbol,
    /// <summary>A URL.</summary>
    Url,
    /// <summary>An e-mail address.</summary>
    Email,
    /// <summary>A social-media handle (@name).</summary>
    Handle,
    /// <summary>A hashtag (#tag).</summary>
    Hashtag,
    /// <summary>An HTML-like tag left in scraped text (&lt;tweet id=…&gt;).</summary>
    Markup,
    /// <summary>An emoji or pictograph.</summary>
    Emoji,
    /// <summary>Anything else.</summary>
    Other,
}
