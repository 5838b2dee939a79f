using System.Runtime.CompilerServices;
using QuoteExtract.Tagging;

namespace QuoteExtract.Attribution;

/// <summary>
/// The names of an enum's values as <see cref="Enum.ToString()"/> gives them, looked up without boxing the value:
/// the scorer names tags, kinds and categories in about twenty features of every candidate. The names sit in an
/// array indexed by the value's bits read as an unsigned number, which costs a bounds check where a dictionary
/// lookup hashed and compared.
/// </summary>
/// <typeparam name="TEnum">The enum.</typeparam>
internal static class EnumNames<TEnum>
    where TEnum : struct, Enum
{
    // Enums whose values spread wider than this keep the rest to ToString, which gives the same text.
    private const int MaxTable = 4096;

    private static readonly string?[] Names = Build();

    // FeatureHash.Raw of each name in Names (0 where there is none).
    private static readonly ulong[] Hashes = [.. Names.Select(name => name is null ? 0 : FeatureHash.Raw(name))];

    /// <summary>The value's name; a value outside the table (undefined, or unusually large) takes <see cref="Enum.ToString()"/>.</summary>
    public static string Of(TEnum value)
    {
        ulong index = Index(value);
        return index < (ulong)Names.Length && Names[index] is { } name ? name : value.ToString();
    }

    /// <summary><see cref="FeatureHash.Raw"/> of the value's name (<see cref="Of"/>), which the scorer's features hash: looked up, not hashed again.</summary>
    public static ulong Hash(TEnum value)
    {
        ulong index = Index(value);
        return index < (ulong)Hashes.Length && Hashes[index] != 0 ? Hashes[index] : FeatureHash.Raw(Of(value));
    }

    private static string?[] Build()
    {
        var values = Enum.GetValues<TEnum>().Where(value => Index(value) < MaxTable).ToArray();
        var names = new string?[values.Length == 0 ? 0 : (int)values.Max(Index) + 1];
        foreach (var value in values)
        {
            names[Index(value)] = value.ToString();
        }

        return names;
    }

    /// <summary>The value's bits as an unsigned number: one-to-one, so distinct values never share a slot.</summary>
    private static ulong Index(TEnum value) => Unsafe.SizeOf<TEnum>() switch
    {
        1 => Unsafe.As<TEnum, byte>(ref value),
        2 => Unsafe.As<TEnum, ushort>(ref value),
        4 => Unsafe.As<TEnum, uint>(ref value),
        _ => Unsafe.As<TEnum, ulong>(ref value),
    };
}
