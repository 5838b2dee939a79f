namespace QuoteExtract.Resolution;

/// <summary>
/// Small hand-written word tables for speaker resolution. Keys are lower case, without a final period,
/// so that <c>Sen.</c>, <c>Sen</c> + <c>.</c> and <c>sen</c> all look the same.
/// </summary>
internal static class Lexicon
{
    /// <summary>Honorifics: kept out of names; some state gender.</summary>
    public static readonly WordMap<Gender> Honorifics = new(new Dictionary<string, Gender>
    {
        ["mr"] = Gender.Male, ["mrs"] = Gender.Female, ["ms"] = Gender.Female, ["miss"] = Gender.Female,
        ["sir"] = Gender.Male, ["dame"] = Gender.Female, ["lord"] = Gender.Male, ["lady"] = Gender.Female,
        ["dr"] = Gender.Unknown, ["prof"] = Gender.Unknown, ["rev"] = Gender.Unknown, ["hon"] = Gender.Unknown,
    });

    /// <summary>Title and role nouns: words that introduce a person (<c>President</c>, <c>spokesman</c>) and that role nominals reuse.</summary>
    public static readonly WordSet Roles = new(
    [
        "president", "vice", "prime", "minister", "premier", "chancellor", "secretary", "senator", "sen",
        "representative", "rep", "congressman", "congresswoman", "governor", "gov", "mayor", "king", "queen",
        "prince", "princess", "pope", "emperor", "judge", "justice", "chairman", "chairwoman", "chair", "ceo",
        "director", "spokesman", "spokeswoman", "spokesperson", "ambassador", "envoy", "general", "gen", "admiral",
        "adm", "colonel", "col", "lt", "capt", "sgt", "commissioner", "attorney", "speaker", "leader", "chief",
        "candidate", "nominee", "adviser", "advisor", "aide", "officer", "analyst", "economist", "professor",
        "lawyer", "founder", "executive", "manager", "head", "sheriff", "councilman", "councilwoman",
        "assemblyman", "delegate", "diplomat", "negotiator", "strategist", "pollster", "commander", "president-elect",
        "deputy", "lawmaker", "official", "author", "editor", "correspondent", "reporter", "economist", "founder",
    ]);

    /// <summary>Titles that make someone a leader, so that the generic head <c>leader</c> can refer to them.</summary>
    public static readonly WordSet LeaderTitles = new(
    [
        "president", "premier", "chancellor", "king", "queen", "emperor", "leader", "chairman", "head",
        "sultan", "ayatollah", "dictator", "president-elect",
    ]);

    /// <summary>Role words that a different spelling of the same role may replace (<c>sen</c> for <c>senator</c>).</summary>
    public static readonly WordMap<string> RoleSynonyms = new(new Dictionary<string, string>
    {
        ["sen"] = "senator", ["rep"] = "representative", ["congressman"] = "representative",
        ["congresswoman"] = "representative", ["gov"] = "governor", ["gen"] = "general", ["adm"] = "admiral",
        ["col"] = "colonel", ["advisor"] = "adviser", ["spokeswoman"] = "spokesperson", ["spokesman"] = "spokesperson",
        ["chairwoman"] = "chairman", ["chair"] = "chairman", ["premier"] = "prime", ["lawmaker"] = "representative",
    });

    /// <summary>Role words that state a gender (the text says it, not a first name).</summary>
    public static readonly WordMap<Gender> GenderedRoles = new(new Dictionary<string, Gender>
    {
        ["congressman"] = Gender.Male, ["congresswoman"] = Gender.Female, ["spokeswoman"] = Gender.Female,
        ["chairwoman"] = Gender.Female, ["councilwoman"] = Gender.Female, ["king"] = Gender.Male,
        ["queen"] = Gender.Female, ["prince"] = Gender.Male, ["princess"] = Gender.Female,
        ["businesswoman"] = Gender.Female, ["businessman"] = Gender.Male,
    });

    /// <summary>Lower-case premodifiers a title chain may contain (<c>former</c> Secretary, <c>foreign policy</c> adviser).</summary>
    public static readonly WordSet RoleModifiers = new(
    [
        "former", "acting", "then", "deputy", "senior", "chief", "top", "foreign", "policy", "campaign",
        "press", "national", "security", "interim", "incoming", "outgoing", "democratic", "republican", "of",
        "state", "defense", "finance", "white", "house", "minority", "majority", "general", "vice", "prime",
        "executive", "assistant", "communications", "longtime", "presidential", "party", "economic",
    ]);

    /// <summary>Heads of unnamed sources. Plural and singular both listed; <see cref="Singular"/> maps them together.</summary>
    public static readonly WordSet UnnamedHeads = new(
    [
        "source", "sources", "official", "officials", "observer", "observers", "expert", "experts", "critic",
        "critics", "analyst", "analysts", "aide", "aides", "diplomat", "diplomats", "insider", "insiders",
        "witness", "witnesses", "resident", "residents", "person", "people", "someone", "others",
        "supporter", "supporters", "opponent", "opponents", "economist", "economists", "scientist", "scientists",
        "researcher", "researchers", "lawmakers", "investigator", "investigators", "activist", "activists",
        "voter", "voters", "strategist", "strategists", "commentator", "commentators", "spokesman", "spokeswoman",
        "spokesperson", "observers", "pollster", "pollsters", "advocates", "skeptics", "members", "staffers",
    ]);

    /// <summary>Determiners and quantifiers that make a noun phrase indefinite: it introduces someone new.</summary>
    public static readonly WordSet Indefinites = new(
    [
        "a", "an", "some", "several", "many", "few", "other", "another", "one", "two", "three", "four", "most",
        "numerous", "various", "certain", "multiple", "countless",
    ]);

    /// <summary>Determiners that point back to someone already introduced.</summary>
    public static readonly WordSet Definites = new(["the", "this", "that", "these", "those"]);

    /// <summary>Heads that refer to an organisation or government already named (<c>the company</c>, <c>the ministry</c>).</summary>
    public static readonly WordSet OrganizationHeads = new(
    [
        "company", "firm", "campaign", "newspaper", "paper", "agency", "ministry", "department", "government",
        "administration", "committee", "organization", "organisation", "group", "party", "network", "union",
        "office", "council", "court", "bank", "board", "commission", "station", "magazine", "outlet", "team",
        "bureau", "foundation", "institute", "university", "country", "nation", "state", "kremlin", "regime",
    ]);

    /// <summary>Words of organisation names that never make a personal name (<c>Goldman Sachs Group</c>, <c>Fox News</c>).</summary>
    public static readonly WordSet OrganizationWords = new(
    [
        "inc", "corp", "co", "ltd", "llc", "plc", "corporation", "association", "society", "club", "league", "center",
        "centre", "fund", "news", "times", "post", "journal", "press", "media", "television", "tv", "radio", "airlines",
        "motors", "capital", "partners", "holdings", "systems", "services", "technologies", "labs", "industries",
        "international", "global", "national", "federal", "united", "republic", "democratic", "republican", "house",
        "senate", "congress", "parliament", "army", "navy", "police", "school", "college", "academy", "hospital",
        "church", "tower", "street", "energy", "oil", "health", "trust", "alliance", "coalition", "movement", "forum",
        "project", "review", "daily", "herald", "tribune", "gazette", "channel", "studios", "records",
        "organization", "organisation", "administration", "authority", "service", "institution", "federation",
    ]);

    /// <summary>Capitalised words that open a sentence before a name without being part of it (<c>Meanwhile Kashin said</c>).</summary>
    public static readonly WordSet SentenceOpeners = new(
    [
        "then", "now", "also", "meanwhile", "later", "earlier", "still", "yet", "yesterday", "today", "tonight",
        "tomorrow", "again", "finally", "ultimately", "perhaps", "maybe", "only", "even", "so", "not", "instead",
        "here", "there", "however", "moreover", "furthermore", "indeed", "thus", "hence", "likewise", "similarly",
        "separately", "previously", "recently", "currently", "afterwards", "afterward", "eventually", "nevertheless",
        "nonetheless", "otherwise", "initially", "first", "second", "next", "last", "soon", "once", "already", "both",
        "either", "neither", "when", "while", "after", "before", "since", "because", "although", "though", "unless",
        "until", "if", "whether", "where", "why", "how", "what", "said", "says", "asked", "according", "like", "unlike",
        "dear", "congratulations", "thanks", "sorry", "please", "yes", "no", "well", "oh", "sadly", "unfortunately",
        "fortunately", "clearly", "obviously", "certainly", "surely", "frankly", "honestly", "notably", "specifically",
        "especially", "importantly", "interestingly", "ironically", "overall", "anyway", "besides", "regardless",
    ]);

    /// <summary>Month and weekday names, which open capitalised runs that are no personal names (<c>June Trump rally</c>).</summary>
    public static readonly WordSet Calendar = new(
    [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ]);

    /// <summary>Named groups that speak (<c>the West</c>, <c>Democrats</c>).</summary>
    public static readonly WordSet GroupNames = new(
    [
        "west", "east", "democrats", "republicans", "conservatives", "liberals", "allies", "europeans",
        "americans", "palestinians", "israelis", "russians", "chinese", "muslims", "evangelicals", "progressives",
    ]);

    /// <summary>Words that end the head of a noun phrase (<c>secretary</c> of state, <c>spokesman</c> for …).</summary>
    public static readonly WordSet PhraseBreakers = new(
    [
        "of", "for", "at", "in", "with", "from", "on", "to", "who", "whom", "that", "which", "and", "or", "by",
        "familiar", "close", "said", "says", "told",
    ]);

    /// <summary>Function words left out of roles.</summary>
    public static readonly WordSet Stopwords = new(
    [
        "a", "an", "the", "of", "for", "to", "at", "in", "on", "and", "or", "'s", "s", "his", "her", "its",
        "their", "this", "that", "who", "is", "was", "has", "been", "with", "as", "by",
    ]);

    /// <summary>Personal pronouns that can be a speaker, and what they agree with.</summary>
    public static readonly WordMap<PronounKind> Pronouns = new(new Dictionary<string, PronounKind>
    {
        ["he"] = PronounKind.Male, ["him"] = PronounKind.Male, ["his"] = PronounKind.Male, ["himself"] = PronounKind.Male,
        ["she"] = PronounKind.Female, ["her"] = PronounKind.Female, ["hers"] = PronounKind.Female, ["herself"] = PronounKind.Female,
        ["it"] = PronounKind.Neuter, ["its"] = PronounKind.Neuter, ["itself"] = PronounKind.Neuter,
        ["they"] = PronounKind.Plural, ["them"] = PronounKind.Plural, ["their"] = PronounKind.Plural, ["themselves"] = PronounKind.Plural,
        ["i"] = PronounKind.First, ["me"] = PronounKind.First, ["my"] = PronounKind.First,
        ["we"] = PronounKind.FirstPlural, ["us"] = PronounKind.FirstPlural, ["our"] = PronounKind.FirstPlural,
    });

    /// <summary>
    /// Every word of the tables above, the roles honorifics stand for, the canonical spellings of role synonyms and the
    /// singulars <see cref="Singular"/> spells out: the strings that kept keys share instead of copying.
    /// </summary>
    private static readonly WordSet KnownWords = new(
        new[] { Roles, LeaderTitles, RoleModifiers, UnnamedHeads, Indefinites, Definites, OrganizationHeads, OrganizationWords,
            SentenceOpeners, Calendar, GroupNames, PhraseBreakers, Stopwords }.SelectMany(set => set.Words)
        .Concat(Honorifics.Words).Concat(RoleSynonyms.Words).Concat(GenderedRoles.Words).Concat(Pronouns.Words)
        .Concat(["doctor", "professor", "person", "witness", "senator", "representative", "governor", "admiral", "colonel", "adviser", "spokesperson"])
        .Distinct(StringComparer.Ordinal));

    /// <summary>Maps a plural head to its singular so that <c>analysts</c> and <c>analyst</c> compare equal.</summary>
    public static ReadOnlySpan<char> Singular(ReadOnlySpan<char> head) => head switch
    {
        "people" => "person",
        "witnesses" => "witness",
        _ when head.Length > 3 && head.EndsWith('s') && !head.EndsWith("ss", StringComparison.Ordinal) => head[..^1],
        _ => head,
    };

    /// <summary>Whether a head is plural (by its form; the lists hold regular plurals).</summary>
    public static bool IsPlural(ReadOnlySpan<char> head) => head is "people" or "others" || !Singular(head).SequenceEqual(head);

    /// <summary>A role word in its canonical spelling, for comparing roles.</summary>
    public static ReadOnlySpan<char> CanonicalRole(ReadOnlySpan<char> role) => RoleSynonyms.TryGetValue(role, out var canonical) ? canonical : role;

    /// <summary>The tables' own string for a word they hold, or null: words kept beyond a call then cost no allocation.</summary>
    public static string? Known(ReadOnlySpan<char> word) => KnownWords.TryGetWord(word, out var stored) ? stored : null;
}
