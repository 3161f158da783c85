using System.Text.RegularExpressions;

namespace KzRights.Parsing.Indicators;

/// <summary>Where a quota applies and who it is for, as controlled labels (<see cref="Quota.Where"/>,
/// <see cref="Quota.AppliesTo"/>), read from the wording of the corpus in English and Russian.</summary>
public static class QuotaVocabulary
{
    public const string PartyLists = "party lists";
    public const string ParliamentarySeats = "parliamentary seats";
    public const string CompanyBoards = "boards of companies with State participation";
    public const string PoliticalParties = "political parties";
    public const string Jobs = "jobs";
    public const string EducationPlaces = "education places";
    public const string Governance = "governance and decision-making";
    public const string SenateSeats = "Senate seats";
    public const string LabourMigration = "labour migration";

    private static readonly (Regex Pattern, string Label)[] WherePatterns =
    [
        (new Regex(
            @"party\s+(?:electoral\s+)?lists|electoral\s+party\s+lists|(?:electoral\s+and\s+)?party\s+legislation|партийн\p{L}*\s+списк",
            RegexOptions.IgnoreCase | RegexOptions.Compiled), PartyLists),
        (new Regex(@"(?:parliamentary|deputy|deputies')\s+(?:seats|mandates)|seats\s+in\s+the\s+(?:Majilis|Mazhilis|Parliament)|in\s+parliament\b|" +
            @"депутатск\p{L}*\s+мандат", RegexOptions.IgnoreCase | RegexOptions.Compiled), ParliamentarySeats),
        (new Regex(
            @"boards?\s+of\s+(?:directors|companies)|governing\s+bodies\s+of\s+companies|руководящих\s+органах\s+компаний",
            RegexOptions.IgnoreCase | RegexOptions.Compiled), CompanyBoards),
        (new Regex(@"(?<!electoral\s+and\s+)political\s+parties(?!\s+act)", RegexOptions.IgnoreCase | RegexOptions.Compiled), PoliticalParties),
        (new Regex(@"\bjob\s+quota|\bjobs\b|\bemployment\b|рабочих\s+мест", RegexOptions.IgnoreCase | RegexOptions.Compiled), Jobs),
        (new Regex(@"places\s+(?:requisitioned|for\s+students)|educational\s+institutions|education\s+grants|vocational\s+(?:higher\s+)?education|admission|" +
            @"universit\p{L}*|образовательн\p{L}*", RegexOptions.IgnoreCase | RegexOptions.Compiled), EducationPlaces),
        (new Regex(@"\bgovernance\b|decision-making|руководств\p{L}*\s+государственных", RegexOptions.IgnoreCase | RegexOptions.Compiled), Governance),
        (new Regex(@"\bsenators?\b|presidential\s+quota", RegexOptions.IgnoreCase | RegexOptions.Compiled), SenateSeats),
        (new Regex(@"foreign\s+specialists|labour\s+migra", RegexOptions.IgnoreCase | RegexOptions.Compiled), LabourMigration),
    ];

    private static readonly (Regex Pattern, string Population)[] WhoPatterns =
    [
        (new Regex(@"\b(?:women|woman|female)\b|женщин", RegexOptions.IgnoreCase | RegexOptions.Compiled), IndicatorPopulation.Women),
        (new Regex(@"\byoung\s+(?:people|persons)|\byouth\b|молодеж", RegexOptions.IgnoreCase | RegexOptions.Compiled), IndicatorPopulation.YoungPeople),
        (new Regex(@"disabilit\p{L}*|инвалидност", RegexOptions.IgnoreCase | RegexOptions.Compiled), IndicatorPopulation.PersonsWithDisabilities),
        (new Regex(@"\bchildren\b(?!\s+with\s+disabilit)|детей|дети", RegexOptions.IgnoreCase | RegexOptions.Compiled), IndicatorPopulation.Children),
        (new Regex(@"socially\s+vulnerable|vulnerable\s+groups|социально\s+уязвим", RegexOptions.IgnoreCase | RegexOptions.Compiled), IndicatorPopulation
            .VulnerableGroups),
        (new Regex(@"\brural\b|сельск", RegexOptions.IgnoreCase | RegexOptions.Compiled), IndicatorPopulation.RuralPopulation),
        (new Regex(@"foreign\s+specialists|иностранн\p{L}*\s+специалист", RegexOptions.IgnoreCase | RegexOptions.Compiled), IndicatorPopulation
            .ForeignSpecialists),
    ];

    /// <summary>Where a quota applies, in order of first mention.</summary>
    public static IReadOnlyList<string> Where(string text) => Find(text, WherePatterns);

    /// <summary>Who a quota is for, in order of first mention.</summary>
    public static IReadOnlyList<string> AppliesTo(string text) => Find(text, WhoPatterns);

    private static List<string> Find(string text, (Regex Pattern, string Label)[] patterns) =>
    [
        .. patterns.Select(p => (p.Label, Match: p.Pattern.Match(text)))
            .Where(x => x.Match.Success)
            .OrderBy(x => x.Match.Index)
            .Select(x => x.Label),
    ];
}
