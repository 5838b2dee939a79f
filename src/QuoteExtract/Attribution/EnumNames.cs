using System.Collections.Frozen;

namespace QuoteExtract.Attribution;

/// <summary>
/// The names of an enum's values as <see cref="Enum.ToString()"/> gives them, looked up without boxing the value:
/// the scorer names tags, kinds and categories in about twenty features of every candidate.
/// </summary>
/// <typeparam name="TEnum">The enum.</typeparam>
internal static class EnumNames<TEnum>
    where TEnum : struct, Enum
{
    private static readonly FrozenDictionary<TEnum, string> Names =
        Enum.GetValues<TEnum>().Distinct().ToFrozenDictionary(value => value, value => value.ToString());

    /// <summary>The value's name; an undefined value takes <see cref="Enum.ToString()"/>.</summary>
    public static string Of(TEnum value) => Names.TryGetValue(value, out var name) ? name : value.ToString();
}
