namespace KzRights.Parsing.Indicators;

/// <summary>The controlled vocabulary of <see cref="Indicator.Unit"/>. Dashboards aggregate by unit, so every
/// counted noun of the corpus maps to one of these; the noun itself stays in <see cref="Indicator.Subject"/>.</summary>
public static class IndicatorUnit
{
    /// <summary>A share: <c>per cent</c>, <c>percent</c>, <c>%</c>, <c>процент</c>.</summary>
    public const string Percent = "percent";

    /// <summary>People counted one by one: citizens, women, children, judges, members, victims, staff…</summary>
    public const string Persons = "persons";

    /// <summary>Families and households.</summary>
    public const string Families = "families";

    /// <summary>NGOs, associations, parties, companies, councils, commissions, agencies…</summary>
    public const string Organisations = "organisations";

    /// <summary>Places that provide a service: centres, institutions, schools, courts, colonies, offices, sites…</summary>
    public const string Facilities = "facilities";

    /// <summary>Legal or administrative cases: crimes, offences, complaints, applications, notifications,
    /// court decisions, proceedings, violations…</summary>
    public const string Cases = "cases";

    /// <summary>Things that happen: meetings, assemblies, visits, events, seminars, operations, campaigns…</summary>
    public const string Events = "events";

    /// <summary>Texts: laws, acts, treaties, instruments, plans, reports, recommendations, articles…</summary>
    public const string Documents = "documents";

    /// <summary>Planned actions: measures, activities, projects, programmes, initiatives.</summary>
    public const string Measures = "measures";

    public const string Tenge = "tenge";

    public const string Usd = "usd";

    /// <summary>The monthly calculation index (also "monthly notional units"), Kazakhstan's unit for fines and
    /// benefits.</summary>
    public const string Mci = "mci";

    /// <summary>A score on an index: <c>37 points out of 100</c>, <c>an index score of 71.6</c>.</summary>
    public const string Points = "points";

    /// <summary>A place in a ranking: <c>59th out of 166</c>, <c>102nd place</c>, <c>by 15 positions</c>.</summary>
    public const string Rank = "rank";

    public const string Years = "years";

    public const string Months = "months";

    public const string Days = "days";

    public const string Hours = "hours";

    /// <summary>A multiplier: <c>three times less</c>, <c>two-and-a-half-fold</c>.</summary>
    public const string Times = "times";

    /// <summary>Any other countable thing: places, regions, countries, villages, votes, websites, goods…</summary>
    public const string Units = "units";

    public static IReadOnlyList<string> All { get; } =
    [
        Percent, Persons, Families, Organisations, Facilities, Cases, Events, Documents, Measures, Tenge, Usd, Mci,
        Points, Rank, Years, Months, Days, Hours, Times, Units,
    ];

    /// <summary>Units whose values are counts of discrete things.</summary>
    public static bool IsCountable(string unit) =>
        unit is Persons or Families or Organisations or Facilities or Cases or Events or Documents or Measures or Units;

    public static bool IsDuration(string unit) => unit is Years or Months or Days or Hours;

    public static bool IsMoney(string unit) => unit is Tenge or Usd or Mci;

    /// <summary>Units that can be compared with one another: a disagreement inside a dimension (tenge against
    /// usd, persons against units for the same subject) is a conflict, across dimensions it is another fact.</summary>
    public static string Dimension(string unit) => unit switch
    {
        Percent => "share",
        Times => "multiplier",
        Points or Rank => "index",
        _ when IsMoney(unit) => "money",
        _ when IsDuration(unit) => "duration",
        _ => "count",
    };
}

/// <summary>The controlled vocabulary of <see cref="Indicator.Kind"/>.</summary>
public static class IndicatorKind
{
    /// <summary>A measured share, rate, multiplier or duration.</summary>
    public const string Statistic = "statistic";

    /// <summary>A number of discrete things.</summary>
    public const string Count = "count";

    /// <summary>A share reserved by a quota.</summary>
    public const string Quota = "quota";

    /// <summary>A value to be reached in the future.</summary>
    public const string Target = "target";

    /// <summary>A score or a rank on an index.</summary>
    public const string Index = "index";

    /// <summary>An amount of money.</summary>
    public const string Money = "money";

    public static IReadOnlyList<string> All { get; } = [Statistic, Count, Quota, Target, Index, Money];
}

/// <summary>The controlled vocabulary of <see cref="Indicator.Qualifier"/>: how the printed value relates to
/// the true one.</summary>
public static class IndicatorQualifier
{
    public const string Exact = "exact";

    /// <summary><c>more than</c>, <c>over</c>, <c>above</c>, <c>более</c>, <c>свыше</c>.</summary>
    public const string MoreThan = "more-than";

    /// <summary><c>about</c>, <c>approximately</c>, <c>some</c>, <c>almost</c>, <c>nearly</c>, <c>около</c>.</summary>
    public const string About = "about";

    /// <summary><c>at least</c>, <c>no less than</c>, <c>… or more</c>, <c>не менее</c>.</summary>
    public const string AtLeast = "at-least";

    /// <summary><c>up to</c>, <c>no more than</c>, <c>within</c>, <c>≤</c>, <c>до</c>, <c>в течение</c>.</summary>
    public const string UpTo = "up-to";

    /// <summary><c>less than</c>, <c>fewer than</c>, <c>менее</c>.</summary>
    public const string LessThan = "less-than";

    public static IReadOnlyList<string> All { get; } = [Exact, MoreThan, About, AtLeast, UpTo, LessThan];
}

/// <summary>The controlled vocabulary of <see cref="Indicator.Scale"/>, kept apart from the printed value.</summary>
public static class IndicatorScale
{
    public const string Thousand = "thousand";

    public const string Million = "million";

    public const string Billion = "billion";

    public static IReadOnlyList<string> All { get; } = [Thousand, Million, Billion];

    public static decimal Multiplier(string? scale) => scale switch
    {
        Thousand => 1_000m,
        Million => 1_000_000m,
        Billion => 1_000_000_000m,
        _ => 1m,
    };
}

/// <summary>The controlled vocabulary of <see cref="Indicator.Role"/>.</summary>
public static class IndicatorRole
{
    /// <summary>The part of a breakdown: 9,212 in <c>9,212 out of 23,426</c>.</summary>
    public const string Part = "part";

    /// <summary>The whole of a breakdown: 23,426 in <c>9,212 out of 23,426</c>.</summary>
    public const string Whole = "whole";

    /// <summary>The old value of a change: 10 in <c>reduced from 10 to 3</c>.</summary>
    public const string Before = "before";

    /// <summary>The new value of a change: 3 in <c>reduced from 10 to 3</c>.</summary>
    public const string After = "after";
}

/// <summary>The controlled vocabulary of <see cref="Indicator.Population"/> and <see cref="Quota.AppliesTo"/>.</summary>
public static class IndicatorPopulation
{
    public const string Women = "women";

    public const string Girls = "girls";

    public const string Men = "men";

    public const string Children = "children";

    public const string YoungPeople = "young people";

    public const string PersonsWithDisabilities = "persons with disabilities";

    public const string OlderPersons = "older persons";

    public const string Migrants = "migrants";

    public const string Refugees = "refugees";

    public const string StatelessPersons = "stateless persons";

    public const string RuralPopulation = "rural population";

    public const string VulnerableGroups = "socially vulnerable groups";

    public const string ForeignSpecialists = "foreign specialists";

    public static IReadOnlyList<string> All { get; } =
    [
        Women, Girls, Men, Children, YoungPeople, PersonsWithDisabilities, OlderPersons, Migrants, Refugees,
        StatelessPersons, RuralPopulation, VulnerableGroups, ForeignSpecialists,
    ];
}
