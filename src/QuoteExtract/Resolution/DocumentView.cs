using System.Buffers;
using QuoteExtract.Tagging;
using QuoteExtract.Text;

namespace QuoteExtract.Resolution;

/// <summary>
/// Read-only helpers over a tagged document: normalised word keys, sentence and paragraph of each token,
/// possessive markers. Tolerant of tokenizers that split <c>Mr.</c> or <c>Putin’s</c> into several tokens.
/// </summary>
/// <remarks>
/// The per-token arrays are rented from <see cref="ArrayPool{T}"/> and go back on <see cref="Dispose"/>, and the keys
/// live in one character buffer: a view allocates nothing per token. Strings of keys are made only for the few
/// tokens a caller keeps (<see cref="KeyString"/>), once per distinct key.
/// </remarks>
internal sealed class DocumentView : IDisposable
{
    private char[] _keyChars;
    private int[] _keyStart;
    private int[] _keyLength;
    private int[] _keyId;
    private KeyClasses[] _keyClasses;
    private bool[] _lowerCase;
    private string?[] _keyStrings;
    private string[]?[] _nameKeys = [];
    private int[] _sentence;
    private int[] _paragraph;
    private Traits[] _traits;

    public DocumentView(TaggedText tagged)
    {
        Tagged = tagged;
        var analysis = tagged.Analysis;
        var tokens = analysis.Tokens;
        var text = analysis.Text.AsSpan();
        Count = tokens.Length;
        int chars = 0;
        foreach (var token in tokens)
        {
            chars += token.Length;
        }

        _keyChars = ArrayPool<char>.Shared.Rent(Math.Max(1, chars));
        _keyStart = ArrayPool<int>.Shared.Rent(Count);
        _keyLength = ArrayPool<int>.Shared.Rent(Count);
        _keyId = ArrayPool<int>.Shared.Rent(Count);
        _keyClasses = ArrayPool<KeyClasses>.Shared.Rent(Count);
        _lowerCase = ArrayPool<bool>.Shared.Rent(Count);
        _keyStrings = ArrayPool<string?>.Shared.Rent(Count);
        _sentence = ArrayPool<int>.Shared.Rent(Count);
        _paragraph = ArrayPool<int>.Shared.Rent(Count);
        _traits = ArrayPool<Traits>.Shared.Rent(Count);
        Array.Clear(_lowerCase, 0, Count);
        Array.Clear(_keyStrings, 0, Count);

        // One pass over the tokens reads each token's characters once: its key, what its first character is, its
        // sentence and paragraph, and whether it is quoted. The later scans of the resolver read these flags
        // instead of slicing the text again at every question.
        // Tokens outside every sentence (should not happen) keep the previous sentence's index.
        // Word keys get their ids in the same pass (open addressing over the key buffer, in a rented table of at least
        // twice the token count): equal keys have equal ids, the id of a key being the first token that has it.
        int size = (int)Math.Min(1u << 30, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(4, 2 * Count)));
        var table = ArrayPool<int>.Shared.Rent(size);
        Array.Clear(table, 0, size);
        var sentences = analysis.Sentences;
        int s = 0;
        int at = 0;
        bool open = false;
        for (int i = 0; i < Count; i++)
        {
            var w = tokens[i].Slice(text);
            _keyStart[i] = at;
            int length = MakeKey(w, _keyChars.AsSpan(at));
            _keyLength[i] = length;
            at += length;

            while (s + 1 < sentences.Length && sentences[s].EndToken <= i)
            {
                s++;
            }

            int paragraph = sentences.Length > 0 ? sentences[s].Paragraph : 0;
            _sentence[i] = s;
            _paragraph[i] = paragraph;
            if (i > 0 && paragraph != _paragraph[i - 1])
            {
                open = false; // an unclosed quote ends with its paragraph, as in news style
            }

            var traits = Traits.None;
            if (w.Length > 0)
            {
                traits |= char.IsLetter(w[0]) ? Traits.Word : Traits.None;
                traits |= char.IsUpper(w[0]) ? Traits.Capitalized : Traits.None;
            }

            traits |= Quoted(w, ref open) ? Traits.Quoted : Traits.None;
            if (w is "." && i > 0 && tokens[i - 1].End == tokens[i].Start && (_traits[i - 1] & Traits.Word) != 0 && _keyLength[i - 1] <= 4)
            {
                traits |= Traits.AttachedPeriod;
            }

            _traits[i] = traits;
            AssignKeyId(i, table, size - 1);
        }

        ArrayPool<int>.Shared.Return(table);
    }

    /// <summary>What the resolver asks of every token, worked out once per token by the constructor.</summary>
    [Flags]
    private enum Traits : byte
    {
        None = 0,

        /// <summary>The first character is a letter (<see cref="IsWord"/>).</summary>
        Word = 1,

        /// <summary>The first character is upper case (<see cref="IsCapitalized"/>).</summary>
        Capitalized = 2,

        /// <summary>Inside quotation marks (<see cref="IsQuoted"/>).</summary>
        Quoted = 4,

        /// <summary>A period glued to a short word (<see cref="IsAttachedPeriod"/>).</summary>
        AttachedPeriod = 8,
    }

    public TaggedText Tagged { get; }

    public string Text => Tagged.Text;

    public int Count { get; }

    public int Start(int i) => Tagged.Analysis.TokenAt(i).Start;

    public int End(int i) => Tagged.Analysis.TokenAt(i).End;

    /// <summary>The token's characters.</summary>
    public ReadOnlySpan<char> Word(int i) => Tagged.Analysis.TokenText(i);

    /// <summary>Lower case, curly apostrophe made straight, final period and <c>'s</c> removed.</summary>
    public ReadOnlySpan<char> Key(int i) => _keyChars.AsSpan(_keyStart[i], _keyLength[i]);

    /// <summary>
    /// The first token with the same key as word token <paramref name="i"/>: equal keys of words have equal ids. Any
    /// other token (punctuation, numbers) is its own id, as no word has its key.
    /// </summary>
    public int KeyId(int i) => _keyId[i];

    /// <summary>
    /// <see cref="Key"/> as a string, for the callers that keep it (names, roles): the lexicon's own string for a word
    /// it holds, else one string per distinct key of the document (per token for a non-word, which callers do not keep).
    /// </summary>
    public string KeyString(int i)
    {
        int id = _keyId[i];
        return _keyStrings[id] ??= Lexicon.Known(Key(id)) ?? new string(Key(id));
    }

    /// <summary>
    /// The keys (<see cref="KeyString"/>) of the words of tokens [<paramref name="first"/>, <paramref name="end"/>), periods
    /// glued to a word left out: a name's keys. A document repeats its names, so the array is shared with the last name
    /// whose keys start with the same word and are the same (the arrays are never changed).
    /// </summary>
    public string[] NameKeys(int first, int end)
    {
        int count = 0;
        int firstWord = -1;
        for (int t = first; t < end; t++)
        {
            if (IsWord(t) && !IsAttachedPeriod(t))
            {
                firstWord = count++ == 0 ? t : firstWord;
            }
        }

        if (count == 0)
        {
            return [];
        }

        // Rented at the first name; the last name's keys per key id of its first word.
        if (_nameKeys.Length == 0)
        {
            _nameKeys = ArrayPool<string[]?>.Shared.Rent(Count);
            Array.Clear(_nameKeys, 0, Count);
        }

        int id = _keyId[firstWord];
        var last = _nameKeys[id];
        if (last is not null && last.Length == count && HasNameKeys(first, end, last))
        {
            return last;
        }

        var keys = new string[count];
        for (int t = first, k = 0; t < end; t++)
        {
            if (IsWord(t) && !IsAttachedPeriod(t))
            {
                keys[k++] = KeyString(t);
            }
        }

        _nameKeys[id] = keys;
        return keys;
    }

    /// <summary>The lexicon tables the token's key belongs to (of those in <see cref="KeyClasses"/>).</summary>
    public KeyClasses ClassesOf(int i) => _keyClasses[_keyId[i]];

    /// <summary>Whether the token's key is an honorific (<see cref="Lexicon.Honorifics"/>).</summary>
    public bool IsHonorific(int i) => (ClassesOf(i) & KeyClasses.Honorific) != 0;

    /// <summary>Whether the document writes the token's key as a lower-case word somewhere (so it is a common word, not only a name).</summary>
    public bool IsWrittenInLowerCase(int i) => _lowerCase[_keyId[i]];

    public PosTag Pos(int i) => i < Tagged.Pos.Length ? Tagged.Pos[i] : PosTag.None;

    public EntityType EntityTypeAt(int i) => i < Tagged.EntityTags.Length ? Tagged.EntityTags[i].Type : EntityType.None;

    public int SentenceOf(int i) => _sentence[i];

    public int ParagraphOf(int i) => _paragraph[i];

    /// <summary>Whether the token is inside quotation marks (people named in a quote are rarely its speaker).</summary>
    public bool IsQuoted(int i) => (_traits[i] & Traits.Quoted) != 0;

    /// <summary>Whether the token's first character is upper case.</summary>
    public bool IsCapitalized(int i) => (_traits[i] & Traits.Capitalized) != 0;

    /// <summary>Whether the token's first character is a letter.</summary>
    public bool IsWord(int i) => (_traits[i] & Traits.Word) != 0;

    /// <summary>A period glued to the word before it (<c>Mr</c> + <c>.</c>, <c>U</c> + <c>.</c>): part of an abbreviation, not punctuation.</summary>
    public bool IsAttachedPeriod(int i) => (_traits[i] & Traits.AttachedPeriod) != 0;

    /// <summary>Whether <paramref name="keys"/> are the keys of the words of tokens [first, end) (as many as there are).</summary>
    private bool HasNameKeys(int first, int end, string[] keys)
    {
        for (int t = first, k = 0; t < end; t++)
        {
            // Equal keys of words have the same id and so the same string: the reference tells.
            if (IsWord(t) && !IsAttachedPeriod(t) && !ReferenceEquals(keys[k++], KeyString(t)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Number of tokens of a possessive marker right after token <paramref name="last"/> (0 if none); -1 when the token itself ends in <c>'s</c>.</summary>
    public int PossessiveAfter(int last)
    {
        var w = Tagged.Analysis.TokenText(last);
        if (w.Length > 2 && (w.EndsWith("'s", StringComparison.Ordinal) || w.EndsWith("’s", StringComparison.Ordinal)))
        {
            return -1;
        }

        int n = last + 1;
        if (n >= Count || Start(n) != End(last))
        {
            return 0;
        }

        var next = Tagged.Analysis.TokenText(n);
        if (next is "'s" or "’s" or "'S" or "’S")
        {
            return 1;
        }

        if (next is "'" or "’")
        {
            return n + 1 < Count && Start(n + 1) == End(n) && Tagged.Analysis.TokenText(n + 1) is "s" or "S" ? 2 : 1;
        }

        return 0;
    }

    public bool IsPossessive(int last) => PossessiveAfter(last) != 0;

    /// <summary>Index of the first token that ends after <paramref name="offset"/>.</summary>
    public int TokenAtOrAfter(int offset)
    {
        var tokens = Tagged.Analysis.Tokens;
        int lo = 0, hi = tokens.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (tokens[mid].End <= offset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>Gives the rented arrays back; the view must not be used after.</summary>
    public void Dispose()
    {
        if (_keyChars.Length == 0)
        {
            return;
        }

        ArrayPool<char>.Shared.Return(_keyChars);
        ArrayPool<int>.Shared.Return(_keyStart);
        ArrayPool<int>.Shared.Return(_keyLength);
        ArrayPool<int>.Shared.Return(_keyId);
        ArrayPool<KeyClasses>.Shared.Return(_keyClasses);
        ArrayPool<bool>.Shared.Return(_lowerCase);

        // Cleared so that the pool does not keep the document's strings alive.
        ArrayPool<string?>.Shared.Return(_keyStrings, clearArray: true);
        if (_nameKeys.Length > 0)
        {
            ArrayPool<string[]?>.Shared.Return(_nameKeys, clearArray: true);
            _nameKeys = [];
        }

        ArrayPool<int>.Shared.Return(_sentence);
        ArrayPool<int>.Shared.Return(_paragraph);
        ArrayPool<Traits>.Shared.Return(_traits);
        _keyChars = [];
        _keyStart = _keyLength = _keyId = _sentence = _paragraph = [];
        _lowerCase = [];
        _traits = [];
        _keyClasses = [];
        _keyStrings = [];
    }

    /// <summary>
    /// Gives token <paramref name="i"/> the index of the first token with the same key (looked up in, or entered into,
    /// <paramref name="table"/>: token index + 1 per slot, 0 for free), classifies a new key, and marks the key as
    /// written as a lower-case word if the token is one.
    /// </summary>
    private void AssignKeyId(int i, int[] table, int mask)
    {
        var key = Key(i);
        if ((_traits[i] & Traits.Word) == 0)
        {
            // A word's key starts with a letter and no other token's does (lower-casing keeps a character a letter or
            // not), so punctuation and numbers never share a key with a word, and nothing compares their ids: each
            // is its own id, without a lookup. Their classes are still asked, though no listed word has one.
            _keyId[i] = i;
            _keyClasses[i] = KeyClassifier.Classify(key);
            return;
        }

        int slot = Hash(key) & mask;
        int id = i;
        while (table[slot] != 0)
        {
            int other = table[slot] - 1;
            if (key.SequenceEqual(Key(other)))
            {
                id = other;
                break;
            }

            slot = (slot + 1) & mask;
        }

        if (id == i)
        {
            table[slot] = i + 1;
            _keyClasses[i] = KeyClassifier.Classify(key);
        }

        _keyId[i] = id;
        if ((_traits[i] & (Traits.Word | Traits.Capitalized)) == Traits.Word)
        {
            _lowerCase[id] = true;
        }
    }

    /// <summary>
    /// A cheap hash of a key for the id table (FNV-1a, then the high bits folded down). Only equal keys must collide,
    /// so it need not be the randomised string hash, which costs more than the short keys it hashes.
    /// </summary>
    private static int Hash(ReadOnlySpan<char> key)
    {
        uint h = 2166136261;
        foreach (char c in key)
        {
            h = (h ^ c) * 16777619;
        }

        return (int)(h ^ (h >> 15));
    }

    /// <summary>
    /// Whether a token lies between an opening and a closing double quotation mark, given whether one is
    /// <paramref name="open"/> before it (updated past the token). Curly marks say which side they are; straight
    /// ones toggle.
    /// </summary>
    private static bool Quoted(ReadOnlySpan<char> w, ref bool open)
    {
        if (w.Length > 2)
        {
            // No quotation mark is longer than two characters.
            return open;
        }

        if (w is "“" or "``" or "«")
        {
            open = true;
            return false;
        }

        if (w is "”" or "''" or "»")
        {
            open = false;
            return false;
        }

        if (w is "\"")
        {
            open = !open;
            return false;
        }

        return open;
    }

    /// <summary>Writes the key of <paramref name="word"/> to <paramref name="key"/> and gives its length (at most the word's).</summary>
    private static int MakeKey(ReadOnlySpan<char> word, Span<char> key)
    {
        int length = InvariantLowerCase.Write(word, key, out bool ascii);
        if (!ascii)
        {
            key[..length].Replace('’', '\'');
        }

        if (length > 2 && key[length - 2] == '\'' && key[length - 1] == 's')
        {
            length -= 2;
        }

        if (length > 1 && key[length - 1] == '.')
        {
            length--;
        }

        return length;
    }
}
