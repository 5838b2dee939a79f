namespace QuoteExtract.Tagging;

/// <summary>Penn Treebank part-of-speech tags, as produced by Stanford CoreNLP (the silver layer we train on).</summary>
internal enum PosTag : byte
{
    /// <summary>No tag assigned.</summary>
    None = 0,
    CC, CD, DT, EX, FW, IN, JJ, JJR, JJS, LS, MD, NN, NNS, NNP, NNPS, PDT, POS, PRP, PRP_S, RB, RBR, RBS, RP,
    SYM, TO, UH, VB, VBD, VBG, VBN, VBP, VBZ, WDT, WP, WP_S, WRB,
    /// <summary>$ (currency).</summary>
    Dollar,
    /// <summary># (pound sign).</summary>
    Pound,
    /// <summary>`` (opening quote).</summary>
    OpenQuote,
    /// <summary>'' (closing quote).</summary>
    CloseQuote,
    /// <summary>-LRB-</summary>
    LeftBracket,
    /// <summary>-RRB-</summary>
    RightBracket,
    /// <summary>, (comma).</summary>
    Comma,
    /// <summary>. ! ? (sentence final).</summary>
    Period,
    /// <summary>: ; ... -- (mid-sentence).</summary>
    Colon,
    /// <summary>ADD (e-mail, URL).</summary>
    ADD,
    /// <summary>GW, NFP, XX, AFX and anything else.</summary>
    Other,
}
