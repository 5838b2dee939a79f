using System.Buffers;
using System.Runtime.InteropServices;

namespace QuoteExtract.Resolution;

/// <summary>
/// A document entity while it is being built: its fullest name, type, gender votes, roles and mentions.
/// Lives inside one <see cref="SpeakerResolver.Resolve"/> call only.
/// </summary>
internal sealed class EntityCluster
{
    /// <summary>Mentions up to this many are checked for a repeated span by a scan; beyond, by a set (linear work either way).</summary>
    internal const int ScannedMentions = 8;

    // Rented from the pool and given back by Release at the end of the Resolve call: growing a list per entity was the
    // resolver's largest allocation. ClusterMention holds no references, so the arrays need no clearing.
    private ClusterMention[] _mentions = [];
    private int _mentionCount;

    // The character spans of _mentions, built only once a cluster has more than ScannedMentions mentions: most have a
    // few, and a set per cluster was a good part of the resolver's allocation. Rented, like _mentions.
    private SpanSet _spans;

    // Made at the first role: most entities (places, organisations, people named without a title) never get one, and
    // a set per entity was a good part of the resolver's allocation. The roles are few, so a scan finds repeats.
    private List<string>? _roles;
    private int _maleVotes;
    private int _femaleVotes;

    public EntityCluster(EntityKind kind, string name, string[] nameKeys)
    {
        Kind = kind;
        Name = name;
        NameKeys = nameKeys;
        NameSignature = KeyArrays.Signature(nameKeys);
    }

    public EntityKind Kind { get; set; }

    /// <summary>Canonical name: the fullest name seen, or the description of an unnamed source.</summary>
    public string Name { get; private set; }

    /// <summary>Keys of <see cref="Name"/> (see <see cref="NameMention.Keys"/>).</summary>
    public string[] NameKeys { get; private set; }

    /// <summary><see cref="KeyArrays.Signature"/> of <see cref="NameKeys"/>.</summary>
    public ulong NameSignature { get; private set; }

    /// <summary>Gender stated by an honorific or a gendered title; wins over pronoun votes.</summary>
    public Gender StatedGender { get; set; }

    /// <summary>The distinct role words given to the entity's names, in the order first given (see <see cref="AddRole"/>).</summary>
    public ReadOnlySpan<string> Roles => CollectionsMarshal.AsSpan(_roles);

    /// <summary>Plural (an unnamed group of analysts, a named group).</summary>
    public bool Plural { get; set; }

    /// <summary>Whether the entity is reported: persons and organisations always, others once a speaker resolves to them.</summary>
    public bool Reported { get; set; }

    /// <summary>Head word of an unnamed source's description (singular), for matching <c>the analysts</c> to <c>some analysts</c>.</summary>
    public string? Head { get; init; }

    /// <summary>The mentions in the order they were added; read them before adding more (a span over pooled storage that an addition may give back).</summary>
    public ReadOnlySpan<ClusterMention> Mentions => _mentions.AsSpan(0, _mentionCount);

    /// <summary>The entity's index among the reported entities of the result, once they are built (-1 before, or if not reported).</summary>
    public int ReportedIndex { get; set; } = -1;

    public Gender Gender => StatedGender != Gender.Unknown ? StatedGender
        : _maleVotes > _femaleVotes ? Gender.Male
        : _femaleVotes > _maleVotes ? Gender.Female
        : Kind is EntityKind.Organization or EntityKind.Location ? Gender.Neuter
        : Gender.Unknown;

    /// <summary>Whether the gender is stated, or votes for it clearly outnumber votes against.</summary>
    public bool GenderIsClear => StatedGender != Gender.Unknown
        || Math.Max(_maleVotes, _femaleVotes) >= 2 * Math.Min(_maleVotes, _femaleVotes) + 1;

    public int FirstStart
    {
        get
        {
            int first = int.MaxValue;
            foreach (var m in Mentions)
            {
                first = Math.Min(first, m.Start);
            }

            return first;
        }
    }

    /// <summary>Adds a mention unless one with the same characters is there already (the first one stays).</summary>
    public void Add(ClusterMention mention)
    {
        WorkMeter.Add(1);
        if (!_spans.IsCreated && _mentionCount < ScannedMentions)
        {
            foreach (var m in Mentions)
            {
                if (m.Start == mention.Start && m.End == mention.End)
                {
                    return;
                }
            }

            Append(mention);
            return;
        }

        if (!_spans.IsCreated)
        {
            foreach (var m in Mentions)
            {
                _spans.Add(m.Start, m.End);
            }
        }

        if (_spans.Add(mention.Start, mention.End))
        {
            Append(mention);
        }
    }

    /// <summary>Sorts the mentions by character range (their order of addition is lost).</summary>
    public void SortMentionsByOffset() =>
        _mentions.AsSpan(0, _mentionCount).Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));

    /// <summary>Gives the mentions' storage (and the span set's) back to the pool; the cluster must not be used after.</summary>
    public void Release()
    {
        if (_mentions.Length > 0)
        {
            ArrayPool<ClusterMention>.Shared.Return(_mentions);
        }

        _mentions = [];
        _mentionCount = 0;
        _spans.Release();
    }

    private void Append(ClusterMention mention)
    {
        if (_mentionCount == _mentions.Length)
        {
            var larger = ArrayPool<ClusterMention>.Shared.Rent(Math.Max(ScannedMentions, 2 * _mentionCount));
            Mentions.CopyTo(larger);
            if (_mentions.Length > 0)
            {
                ArrayPool<ClusterMention>.Shared.Return(_mentions);
            }

            _mentions = larger;
        }

        _mentions[_mentionCount++] = mention;
    }

    /// <summary>Adds a role word unless the entity has it already.</summary>
    public void AddRole(string role)
    {
        _roles ??= [];
        foreach (var r in _roles)
        {
            if (string.Equals(r, role, StringComparison.Ordinal))
            {
                return;
            }
        }

        _roles.Add(role);
    }

    /// <summary>Whether a mention lies within tokens [first, end).</summary>
    public bool HasMentionWithin(int first, int end)
    {
        foreach (var m in Mentions)
        {
            if (m.FirstToken >= first && m.EndToken <= end)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the fullest name so far has fewer name tokens than <paramref name="keys"/>, so <see cref="Rename"/> would take it.</summary>
    public bool WouldRename(string[] keys) => keys.Length > NameKeys.Length;

    /// <summary>Keeps the fullest name: more name tokens win, the earlier one on ties (see <see cref="WouldRename"/>).</summary>
    public void Rename(string name, string[] keys)
    {
        if (WouldRename(keys))
        {
            Name = name;
            NameKeys = keys;
            NameSignature = KeyArrays.Signature(keys);
        }
    }

    public void VoteGender(Gender gender, int weight)
    {
        if (gender == Gender.Male)
        {
            _maleVotes += weight;
        }
        else if (gender == Gender.Female)
        {
            _femaleVotes += weight;
        }
    }
}

/// <summary>One mention of a cluster: token range, character range and form.</summary>
/// <param name="FirstToken">First token.</param>
/// <param name="EndToken">One past the last token.</param>
/// <param name="Start">Start offset.</param>
/// <param name="End">End offset.</param>
/// <param name="Form">Name, nominal, pronoun or unnamed description.</param>
/// <param name="Subject">Whether the mention opens its clause or is a speaker (more salient).</param>
internal readonly record struct ClusterMention(int FirstToken, int EndToken, int Start, int End, MentionForm Form, bool Subject);

/// <summary>How an entity is mentioned.</summary>
internal enum MentionForm
{
    Name,
    Nominal,
    Pronoun,
    Description,
}
