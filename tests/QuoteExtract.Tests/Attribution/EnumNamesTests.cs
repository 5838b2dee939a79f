using QuoteExtract.Attribution;
using QuoteExtract.Tagging;

namespace QuoteExtract.Tests.Attribution;

/// <summary>
/// Feature names come from <see cref="EnumNames{TEnum}"/>, which must spell every value exactly as
/// <see cref="Enum.ToString()"/> does: a different spelling would hash to features the model never learned.
/// </summary>
public sealed class EnumNamesTests
{
    [Fact]
    public void Every_defined_tag_kind_and_category_is_named_as_ToString_names_it()
    {
        Enum.GetValues<PosTag>().Should().OnlyContain(v => EnumNames<PosTag>.Of(v) == v.ToString());
        Enum.GetValues<EntityType>().Should().OnlyContain(v => EnumNames<EntityType>.Of(v) == v.ToString());
        Enum.GetValues<QuoteKind>().Should().OnlyContain(v => EnumNames<QuoteKind>.Of(v) == v.ToString());
        Enum.GetValues<QuoteCategory>().Should().OnlyContain(v => EnumNames<QuoteCategory>.Of(v) == v.ToString());
    }

    [Fact]
    public void Hashes_are_the_feature_hashes_of_the_names_undefined_values_included()
    {
        Enum.GetValues<PosTag>().Append((PosTag)byte.MaxValue).Should().OnlyContain(v => EnumNames<PosTag>.Hash(v) == FeatureHash.Raw(v.ToString()));
        Enum.GetValues<EntityType>().Should().OnlyContain(v => EnumNames<EntityType>.Hash(v) == FeatureHash.Raw(v.ToString()));
        Enum.GetValues<QuoteKind>().Append((QuoteKind)1000).Should().OnlyContain(v => EnumNames<QuoteKind>.Hash(v) == FeatureHash.Raw(v.ToString()));
        Enum.GetValues<QuoteCategory>().Should().OnlyContain(v => EnumNames<QuoteCategory>.Hash(v) == FeatureHash.Raw(v.ToString()));
    }

    [Fact]
    public void An_undefined_value_takes_its_number_as_ToString_gives_it()
    {
        var undefined = (PosTag)byte.MaxValue;
        Enum.IsDefined(undefined).Should().BeFalse();
        EnumNames<PosTag>.Of(undefined).Should().Be("255");
        EnumNames<QuoteKind>.Of((QuoteKind)(-1)).Should().Be("-1");
        EnumNames<QuoteKind>.Of((QuoteKind)1000).Should().Be("1000");
    }
}
