using System.Collections.Frozen;

namespace QuoteExtract.Tagging;

/// <summary>
/// Short hand-written word lists that the recognizer uses as features. They only have to be indicative:
/// the perceptron learns how much to trust each list.
/// </summary>
internal static class Gazetteer
{
    [Flags]
    public enum Flags : byte
    {
        None = 0,
        /// <summary>A title or honorific that precedes a name (President, Sen., Mr.).</summary>
        Title = 1,
        /// <summary>A common given name.</summary>
        FirstName = 2,
        /// <summary>A word that ends organisation names (Inc., Party, Department).</summary>
        OrganizationWord = 4,
        /// <summary>A word inside place names (County, River, Street) or a compass word.</summary>
        LocationWord = 8,
        /// <summary>A speech or reporting verb (said, told), which often follows a person.</summary>
        SpeechVerb = 16,
    }

    private static readonly FrozenDictionary<string, Flags> Words = Build();

    private static readonly FrozenDictionary<string, Flags>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Words.GetAlternateLookup<ReadOnlySpan<char>>();

    public static Flags Of(ReadOnlySpan<char> word) => Lookup.TryGetValue(word, out var flags) ? flags : Flags.None;

    private static FrozenDictionary<string, Flags> Build()
    {
        var map = new Dictionary<string, Flags>(StringComparer.OrdinalIgnoreCase);
        Add(map, Flags.Title, """
            President Vice Sen Sen. Senator Rep Rep. Representative Gov Gov. Governor Mayor Mr Mr. Mrs Mrs. Ms Ms.
            Dr Dr. Prof Prof. Professor Gen Gen. General Lt Lt. Col Col. Capt Capt. Sgt Sgt. Adm Adm. Judge Justice
            Secretary Minister Chancellor Chairman Chairwoman Chair Speaker Leader Attorney Commissioner Director
            Rev Rev. Reverend Pope King Queen Prince Princess Sir Lord Lady Ambassador Spokesman Spokeswoman
            Spokesperson CEO Chief Officer Candidate Nominee Premier Sheriff Pastor Father Sister Brother Coach
            Treasurer Councilman Councilwoman Congressman Congresswoman Lawmaker Director Founder Host Anchor
            Strategist Adviser Advisor Aide Pollster Economist Analyst Delegate Superintendent Detective Officer
            """);
        Add(map, Flags.FirstName, """
            James John Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel Matthew Anthony
            Mark Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy Ronald Edward Jason Jeffrey Ryan
            Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin Scott Brandon Benjamin Samuel Gregory Frank
            Alexander Raymond Patrick Jack Dennis Jerry Tyler Aaron Jose Adam Nathan Henry Douglas Zachary Peter Kyle
            Walter Ethan Jeremy Harold Keith Christian Roger Noah Gerald Carl Terry Sean Austin Arthur Lawrence
            Jesse Dylan Bryan Joe Jordan Billy Bruce Albert Willie Gabriel Logan Alan Juan Wayne Roy Ralph Randy
            Eugene Vincent Russell Elijah Louis Bobby Philip Johnny Bill Mike Jim Tom Bob Dick Ted Chris Tim Jeb
            Marco Rand Ben Newt Rick Hillary Bernie Barack Mitt Rudy Mitch Harry Nancy Chuck Lindsey Ted Marco
            Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Betty Margaret Sandra
            Ashley Kimberly Emily Donna Michelle Carol Amanda Dorothy Melissa Deborah Stephanie Rebecca Sharon Laura
            Cynthia Kathleen Amy Angela Shirley Anna Brenda Pamela Emma Nicole Helen Samantha Katherine Christine
            Debra Rachel Carolyn Janet Catherine Maria Heather Diane Ruth Julie Olivia Joyce Virginia Victoria Kelly
            Lauren Christina Joan Evelyn Judith Megan Andrea Cheryl Hannah Jacqueline Martha Gloria Teresa Ann Sara
            Madison Frances Kathryn Janice Jean Abigail Alice Judy Sophia Grace Denise Amber Doris Marilyn Danielle
            Beverly Isabella Theresa Diana Natalie Brittany Charlotte Marie Kayla Alexis Lori Kellyanne Huma Melania
            Ivanka Chelsea Michele Carly Condoleezza Sheryl Elizabeth Debbie Kamala Tim Mike Vladimir Angela Xi
            Bashar Recep Benjamin Nicolas Francois Emmanuel Theresa Boris Justin Shinzo Kim Hassan Ali Mohammed
            Muhammad Ahmed Omar Khizr Ghazala Reince Sean Steve Paul Corey Chris Jeff Loretta Eric Debbie Jill Gary
            """);
        Add(map, Flags.OrganizationWord, """
            Inc Inc. Corp Corp. Corporation Co Co. Company Ltd Ltd. LLC Group Holdings Party Association Department
            Dept. Agency Administration Committee Commission Council Congress Senate House Court Bureau Institute
            University College School Foundation Fund Bank Board Union Federation Organization Organisation Society
            Center Centre Network News Times Post Journal Press Review Magazine Club League Alliance Coalition
            Campaign Ministry Office Service Services Authority Police Army Navy Force Guard Church Hospital
            Airlines Motors Industries Technologies Partners Caucus PAC Project Institution Network Reuters
            """);
        Add(map, Flags.LocationWord, """
            County City State States Province Republic Kingdom Island Islands River Lake Mountain Mountains Valley
            Street St. Avenue Ave. Road Boulevard Square Park Bay Beach Coast Gulf Ocean Sea North South East West
            Northern Southern Eastern Western Middle Central Capitol Hill Township Village Borough District Region
            """);
        Add(map, Flags.SpeechVerb, """
            said says say told tells asked asks added adds wrote writes stated states argued argues explained
            explains noted notes warned warns insisted insists claimed claims according announced declared replied
            tweeted acknowledged admitted suggested recalled continued
            """);
        return map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private static void Add(Dictionary<string, Flags> map, Flags flag, string words)
    {
        foreach (var word in words.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            map[word] = map.GetValueOrDefault(word) | flag;
        }
    }
}
