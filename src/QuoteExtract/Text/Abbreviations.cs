namespace QuoteExtract.Text;

/// <summary>
/// Abbreviation classes as CoreNLP's PTB lexer uses them, looked up on spans with no allocation
/// (the compiler turns the span switches into length-and-character dispatch).
/// </summary>
internal static class Abbreviations
{
    /// <summary>
    /// Titles and forms that are never sentence-final in news (Mr. Sen. Gov. vs.): the period always stays on the word.
    /// </summary>
    public static bool IsAlwaysAbbreviation(ReadOnlySpan<char> word) => word switch
    {
        "Mr" or "Mrs" or "Ms" or "Messrs" or "Mmes" or "Mme" or "Mlle" or "Dr" or "Drs" or "Prof" or "Profs"
            or "Sen" or "Sens" or "Rep" or "Reps" or "Gov" or "Govs" or "Gen" or "Lt" or "Col" or "Maj" or "Capt"
            or "Cpl" or "Sgt" or "Pvt" or "Pfc" or "Spc" or "Adm" or "Cmdr" or "Comdr" or "Brig" or "Rev" or "Hon"
            or "Pres" or "Supt" or "Det" or "Atty" or "Attys" or "Insp" or "Gens" or "Lieut" or "Amb"
            or "St" or "ST" or "Ste" or "Ft" or "Mt" or "Ave" or "vs" or "v" or "Vs" or "Vol" or "vol"
            or "Fig" or "fig" or "pp" or "Op" or "ca" or "cf" or "approx" or "Ph" or "Mssrs" => true,
        _ => false,
    };

    /// <summary>
    /// Abbreviations that can end a sentence (months, days, states, company suffixes, Jr., etc.):
    /// CoreNLP splits the period off when blank space and an uppercase letter or a line break follow.
    /// </summary>
    public static bool IsSentenceFinalAbbreviation(ReadOnlySpan<char> word) => word switch
    {
        "Jan" or "Feb" or "Mar" or "Apr" or "Jun" or "Jul" or "Aug" or "Sep" or "Sept" or "Oct" or "Nov" or "Dec"
            or "Mon" or "Tue" or "Tues" or "Wed" or "Thu" or "Thurs" or "Fri" or "Sat" or "Sun"
            or "Ala" or "Ariz" or "Ark" or "Calif" or "Colo" or "Conn" or "Ct" or "Dak" or "Del" or "Fla" or "Ga"
            or "Ill" or "Ind" or "Kan" or "Kans" or "Ky" or "La" or "Mass" or "Md" or "Mich" or "Minn" or "Miss"
            or "Mo" or "Mont" or "Neb" or "Nev" or "Okla" or "Ore" or "Pa" or "Penn" or "Tenn" or "Tex" or "Va"
            or "Vt" or "Wash" or "Wis" or "Wisc" or "Wyo"
            or "Inc" or "Co" or "Cos" or "Corp" or "Ltd" or "Plc" or "Bancorp" or "Dept" or "Assn" or "Univ"
            or "Intl" or "Bros" or "Jr" or "Sr" or "Esq" or "Blvd" or "Rd" or "etc" or "al" or "est" or "ext"
            or "tel" or "sq" or "Bldg" or "incl" or "orig" or "EST" => true,
        _ => false,
    };

    /// <summary>
    /// Sentence-initial words after which CoreNLP ends a sentence at an acronym such as "U.S." or "p.m."
    /// (before most other capitalised words the acronym is part of a name: "U.S. Senate").
    /// </summary>
    public static bool IsCommonSentenceStart(ReadOnlySpan<char> word) => word switch
    {
        "The" or "A" or "An" or "He" or "She" or "It" or "We" or "They" or "This" or "About" or "You" or "More"
            or "While" or "Here" or "As" or "Now" or "In" or "But" or "During" or "However" or "If" or "Mr." => true,
        _ => false,
    };
}
