using System.Text.RegularExpressions;

namespace KzRights.Parsing.Indicators;

/// <summary>What a measure key applies to: the number's unit dimension and kind.</summary>
public enum MeasureAspect
{
    /// <summary>A percentage (a share, a rate or a change).</summary>
    Share,

    /// <summary>A count of people, organisations, facilities, cases, events, documents or other units.</summary>
    Count,

    /// <summary>An amount of money (tenge, dollars, monthly calculation indices).</summary>
    Money,

    /// <summary>Index points.</summary>
    Score,

    /// <summary>A rank or place.</summary>
    Rank,

    /// <summary>A duration (years, months, days, hours).</summary>
    Duration,

    /// <summary>A multiplier ("1.3 times").</summary>
    Times,
}

/// <summary>One key of the controlled measure vocabulary. <see cref="Subject"/> is matched against the indicator's
/// subject (in either language), <see cref="Context"/> (when given) against the clause the number stands in;
/// <see cref="Kinds"/> restricts the key to quotas or targets where the key is about them.</summary>
public sealed record MeasureDefinition(string Key, string Description, MeasureAspect Aspect, Regex Subject, Regex? Context = null, string[]? Kinds = null);

/// <summary>The controlled vocabulary of measures: stable English keys (<c>thing/aspect</c>) grown from the corpus,
/// the same key for the same measure in every document and language. The definitions are tried in order, so the
/// specific ones come first; a number none of them fits has no measure. Documented in
/// <c>src/KzRights.Parsing/Indicators/README.md</c>.</summary>
public static partial class MeasureVocabulary
{
    // Lazy: the definitions use static fields declared further down, which are initialised in textual order.
    private static readonly Lazy<List<MeasureDefinition>> All = new(Build);

    public static IReadOnlyList<MeasureDefinition> Definitions => All.Value;

    /// <summary>The measure key of a number, or null when no definition fits.</summary>
    public static string? Classify(string subject, string clause, string unit, string kind)
    {
        var aspect = AspectOf(unit);
        var s = subject.ToLowerInvariant();
        var c = clause.ToLowerInvariant();
        foreach (var d in Definitions)
        {
            if (d.Aspect != aspect || d.Kinds is { } kinds && !kinds.Contains(kind, StringComparer.Ordinal))
            {
                continue;
            }

            if (d.Subject.IsMatch(s) && (d.Context is null || d.Context.IsMatch(c)))
            {
                return d.Key;
            }
        }

        return null;
    }

    public static MeasureAspect AspectOf(string unit) => unit switch
    {
        IndicatorUnit.Percent => MeasureAspect.Share,
        IndicatorUnit.Tenge or IndicatorUnit.Usd or IndicatorUnit.Mci => MeasureAspect.Money,
        IndicatorUnit.Points => MeasureAspect.Score,
        IndicatorUnit.Rank => MeasureAspect.Rank,
        IndicatorUnit.Years or IndicatorUnit.Months or IndicatorUnit.Days or IndicatorUnit.Hours => MeasureAspect.Duration,
        IndicatorUnit.Times => MeasureAspect.Times,
        _ => MeasureAspect.Count,
    };

    private static Regex R(string pattern) => new(pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private const string Women = @"\b(?:wom[ae]n|female|girls)\b|женщин";
    private static readonly string[] Quotas = [IndicatorKind.Quota];
    private static readonly string[] NotQuotas = [IndicatorKind.Statistic, IndicatorKind.Target];

    private static List<MeasureDefinition> Build() =>
    [
        // Quotas: where the reserved share applies.
        new("quota/majilis-party-lists", "Share of party lists / Majilis seats reserved for women, young people and persons with disabilities",
            MeasureAspect.Share, R(@"party\s+list|parliamentary\s+seats|majilis|mazhilis|партийн|мажилис"), null, Quotas),
        new("quota/decision-making", "Share of governance and decision-making posts reserved for women",
            MeasureAspect.Share, R(@"governance|decision-making"), null, Quotas),
        new("quota/education-places", "Share of education places reserved for a group", MeasureAspect.Share, R(@"education\s+places|grants?"), null, Quotas),
        new(
            "quota/jobs",
            "Share of jobs reserved for persons with disabilities or other groups",
            MeasureAspect.Share,
            R(@"\bjobs?\b|workplaces?"),
            null,
            Quotas),

        // Women's share of a body or profession.
        new(
            "women-share/supreme-court-judges",
            "Share of women among Supreme Court judges",
            MeasureAspect.Share,
            R(@"supreme\s+court\s+judges"),
            R(Women),
            NotQuotas),
        new("women-share/judges", "Share of women among judges", MeasureAspect.Share, R(@"judges|судей|судьи"), R(Women), NotQuotas),
        new("women-share/parliament", "Share of women in Parliament / the Majilis", MeasureAspect.Share,
            R(@"parliament|majilis|mazhilis|deputies|парламент|мажилис|депутат"), R(Women), NotQuotas),
        new("women-share/boards-of-state-companies", "Share of women on the boards of companies with State participation", MeasureAspect.Share,
            R(@"boards?\s+of\s+companies|state\s+participation|компаний\s+с\s+государственным\s+участием"), R(Women), NotQuotas),
        new("women-share/government-positions", "Share of women in government / decision-making positions", MeasureAspect.Share,
            R(@"government\s+positions|decision-making|государственных\s+органов|квазигоссектор"), R(Women), NotQuotas),
        new(
            "women-share/civil-servants",
            "Share of women among civil servants",
            MeasureAspect.Share,
            R(@"civil\s+serv|государственн\p{L}*\s+служ"),
            R(Women),
            NotQuotas),
        new("women-share/procurators", "Share of women among procurators", MeasureAspect.Share, R(@"procurat|prosecutor|прокурат"), R(Women), NotQuotas),
        new(
            "women-share/entrepreneurs",
            "Share of women among entrepreneurs",
            MeasureAspect.Share,
            R(@"entrepreneur|business|предпринимат"),
            R(Women),
            NotQuotas),
        new("women-share/managers", "Share of women among managers and leaders", MeasureAspect.Share,
            R(@"managers|leaders|leadership\s+positions|руководител"), R(Women), NotQuotas),
        new("women-share/microcredit-recipients", "Share of microcredits received by (rural) women", MeasureAspect.Share, R(@"microcredit"), null, NotQuotas),

        // Other shares and rates.
        new("gender-pay-gap/percent", "Gender pay gap", MeasureAspect.Share, R(@"pay\s+gap|wage\s+gap|gap"), R(@"pay|wage|salar|заработн"), NotQuotas),
        new("majilis-threshold/percent", "Vote threshold for parties to enter the Majilis", MeasureAspect.Share,
            R(@"threshold|house\s+of\s+parliament|порог"), R(@"part(?:y|ies)|majilis|mazhilis|parliament|партий"), NotQuotas),
        new("corruption-cases/change", "Change in the number of registered corruption cases", MeasureAspect.Share, R(@"corruption"), null, NotQuotas),
        new("constitutional-referendum/support-share", "Share of voters supporting the 2022 constitutional amendments", MeasureAspect.Share,
            R(@"voters"), R(@"amendments|referendum"), NotQuotas),
        new("interethnic-harmony/satisfaction", "Population satisfied with interethnic harmony / assessing the situation as calm", MeasureAspect.Share,
            R(@"interethnic|inter-ethnic|межэтнич"), null, NotQuotas),

        // Counts.
        new("crisis-centres/count", "Crisis centres", MeasureAspect.Count, R(@"crisis\s+cent|кризисн\p{L}*\s+центр")),
        new("family-support-centres/count", "Family support centres", MeasureAspect.Count, R(@"family\s+support\s+cent|центр\p{L}*\s+поддержки\s+семьи")),
        new("administrative-courts/count", "Administrative courts", MeasureAspect.Count, R(@"administrative\s+courts")),
        new(
            "religious-associations/count",
            "Registered religious associations",
            MeasureAspect.Count,
            R(@"religious\s+associations|религиозн\p{L}*\s+объединени")),
        new("religious-denominations/count", "Religious denominations", MeasureAspect.Count, R(@"denominations|faiths|confessions\b|конфесси")),
        new("ethno-cultural-associations/count", "Ethno-cultural associations", MeasureAspect.Count, R(@"ethno-?cultural\s+associations|этнокультурн")),
        new("ethnic-groups/count", "Ethnic groups living in Kazakhstan", MeasureAspect.Count, R(@"ethnic\s+groups|этнос")),
        new("media-outlets/count", "Registered media outlets", MeasureAspect.Count, R(@"media\s+outlets|\bсми\b")),
        new("gender-ngos/count", "NGOs working on women's rights, family and gender issues", MeasureAspect.Count,
            R(@"ngos|non-governmental|organi[sz]ations"), R(@"gender|women’s\s+rights|women's\s+rights")),
        new("registered-ngos/count", "Registered NGOs", MeasureAspect.Count, R(@"\bngos\b|non-governmental\s+organi[sz]ations|\bнпо\b|неправительственн")),
        new(
            "public-councils/count",
            "Public councils",
            MeasureAspect.Count,
            R(@"public\s+councils|local,\s+regional,\s+and\s+national\s+councils|общественн\p{L}*\s+совет")),
        new("peaceful-assemblies/count", "Peaceful assemblies held or registered", MeasureAspect.Count,
            R(@"(?<!un)(?<!il)(?:peaceful|lawful)\s+assemblies|мирн\p{L}*\s+собрани")),
        new("unsanctioned-gatherings/count", "Unsanctioned or illegal gatherings", MeasureAspect.Count, R(@"unsanctioned|illegal\s+assemblies|gatherings")),
        new("preventive-visits/count", "Preventive visits of the national preventive mechanism", MeasureAspect.Count, R(@"preventive\s+visits")),
        new("torture-cases/count", "Registered torture cases", MeasureAspect.Count, R(@"torture|пыт")),
        new("protective-orders/count", "Protective orders issued", MeasureAspect.Count, R(@"protective\s+orders|защитн\p{L}*\s+предписани")),
        new("stateless-persons/count", "Stateless persons identified", MeasureAspect.Count, R(@"stateless|лиц\p{L}*\s+без\s+гражданства")),
        new("repatriates/count", "Repatriates (kandas) and returned citizens", MeasureAspect.Count, R(@"repatriates|kandas|returned|кандас")),
        new("special-procedures-visits/count", "Visits of special procedures mandate holders", MeasureAspect.Count,
            R(@"special\s+rapporteurs|independent\s+experts|специальн\p{L}*\s+докладчик")),
        new("human-rights-treaties/count", "International human rights treaties Kazakhstan is party to", MeasureAspect.Count,
            R(@"(?:human\s+rights\s+)?(?:treaties|instruments)"), R(@"human\s+rights|международн")),

        // Indices.
        new("corruption-perception-index/rank", "Kazakhstan's rank in Transparency International's Corruption Perceptions Index", MeasureAspect.Rank,
            R(@"corruption\s+percept"), null),
        new("corruption-perception-index/rank", "Kazakhstan's rank in Transparency International's Corruption Perceptions Index", MeasureAspect.Rank,
            R(@"^(?:|kazakhstan(?:\s+ranks)?|rank.*)$"), R(@"corruption\s+percept|transparency\s+international")),
        new("corruption-perception-index/score", "Kazakhstan's score in the Corruption Perceptions Index", MeasureAspect.Score,
            R(@"corruption\s+percept|transparency"), null),
        new("sdg-index/rank", "Kazakhstan's rank in the Sustainable Development Goals Index", MeasureAspect.Rank,
            R(@"sustainable\s+development|index\s+of\s+progress|sdg"), null),
        new("sdg-index/rank", "Kazakhstan's rank in the Sustainable Development Goals Index", MeasureAspect.Rank,
            R(@"^(?:|kazakhstan(?:\s+ranks)?|rank.*|position.*|place.*)$"), R(@"sustainable\s+development\s+goals|sdg")),
        new("sdg-index/score", "Kazakhstan's score in the Sustainable Development Goals Index", MeasureAspect.Score,
            R(@"sustainable\s+development|index\s+of\s+progress|sdg"), null),
        new("prison-population-index/rank", "Kazakhstan's rank by prison population rate", MeasureAspect.Rank, R(@"prison\s+population"), null),

        // Durations.
        new("marriage-age/minimum", "Minimum age of marriage", MeasureAspect.Duration, R(@"marriage|брак"), R(@"\bage\b|возраст")),
        new("assembly-notification/days", "Days' notice an assembly organiser must give", MeasureAspect.Duration,
            R(@"assembly|notification|уведомлени|собрани"), R(@"notif|уведомл|advance")),
        new("presidential-term/years", "Term of office of the President", MeasureAspect.Duration, R(@"term\s+of\s+office|президент")),
    ];
}
