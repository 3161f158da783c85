namespace KzRights.Parsing.Indicators;

/// <summary>Which <see cref="IndicatorUnit"/> a counted noun belongs to, and which words end a noun phrase.
/// English nouns are matched in singular and plural and in British and American spelling; Russian nouns by
/// stem, because a count governs different case endings ("4 заседания", "50 встреч", "8 человек").</summary>
internal static class UnitLexicon
{
    private static readonly Dictionary<string, string> English = Build(new Dictionary<string, string[]>
    {
        [IndicatorUnit.Persons] =
        [
            "person", "people", "citizen", "resident", "individual", "man", "men", "woman", "women", "girl", "boy",
            "child", "children", "minor", "adolescent", "victim", "judge", "lawyer", "advocate", "adviser",
            "advisor", "member", "deputy", "deputies", "senator", "staff", "personnel", "employee", "worker",
            "officer", "official", "servicewoman", "servicewomen", "observer", "investigator", "procurator",
            "prosecutor", "inspector", "specialist", "expert", "professional", "doctor", "psychologist", "student",
            "schoolchildren", "pupil", "attendee", "participant", "representative", "candidate", "voter",
            "respondent", "entrepreneur", "convict", "prisoner", "detainee", "offender", "aggressor", "perpetrator",
            "suspect", "missionary", "missionaries", "mentor", "refugee", "migrant", "repatriate", "kandas",
            "orphan", "mother", "father", "parent", "head", "leader", "manager", "director", "chair", "minister",
            "servant", "researcher", "fellow", "phd", "volunteer", "activist", "journalist", "defender", "foreigner",
            "recipient", "beneficiary", "beneficiaries", "applicant", "patient", "teacher", "educator",
            "graduate", "trainee", "kazakh", "russian", "ukrainian", "uzbek", "tatar", "olds", "diplomat",
            "police", "people's", "speaker", "trainer", "coach", "athlete", "medallist", "delegate", "founder",
            "employer", "guardian", "mediator", "nurse", "ombudsman", "ombudsperson", "commissioner", "akim", "rapporteur",
            "judge", "scholar", "teacher", "convicts", "inmate", "worker", "adult", "youth", "pensioner", "retiree",
        ],
        [IndicatorUnit.Families] = ["family", "families", "household"],
        [IndicatorUnit.Organisations] =
        [
            "ngo", "organisation", "organization", "association", "party", "parties", "company", "companies",
            "enterprise", "entity", "entities", "council", "commission", "committee", "institute", "agency",
            "agencies", "union", "foundation", "provider", "body", "bodies", "consortium", "club",
            "firm", "bank", "media", "outlet",
        ],
        [IndicatorUnit.Facilities] =
        [
            "centre", "center", "institution", "school", "kindergarten", "court", "colony", "colonies", "hospital",
            "clinic", "office", "site", "facility", "facilities", "house", "shelter", "branch", "college",
            "university", "universities", "prison", "camp", "station", "terminal", "home", "establishment",
            "polling",
        ],
        [IndicatorUnit.Cases] =
        [
            "case", "crime", "offence", "offense", "incident", "violation", "complaint", "appeal", "application",
            "petition", "notification", "proceeding", "lawsuit", "conviction", "inspection", "fine",
            "order", "injunction", "claim", "request", "enquiry", "enquiries", "inquiry", "communication",
            "termination", "interruption", "confession", "qualification", "prosecution", "investigation", "charge",
            "arrest", "detention", "allegation", "submission",
        ],
        [IndicatorUnit.Events] =
        [
            "meeting", "event", "assembly", "assemblies", "rally", "rallies", "march", "marches", "demonstration",
            "visit", "session", "seminar", "training", "course", "workshop", "conference", "forum", "consultation",
            "operation", "campaign", "call", "strike", "trip", "action", "gathering", "election", "hearing",
            "lecture", "webinar", "round-table", "protest", "picket", "celebration", "festival",
            "competition", "exhibition", "procession", "reception",
        ],
        [IndicatorUnit.Documents] =
        [
            "law", "act", "regulation", "decree", "treaty", "treaties", "instrument", "convention", "protocol",
            "article", "report", "recommendation", "bill", "document", "plan", "package", "certificate",
            "resolution", "opinion", "code", "agreement", "memorandum", "memoranda", "publication", "leaflet",
            "guide", "amendment", "standard", "rule",
            // Labelling convention (2026-12-02): a decision — court, procedural, disciplinary — is a written act.
            "decision",
        ],
        [IndicatorUnit.Measures] =
        [
            "measure", "activity", "activities", "project", "programme", "program", "initiative", "intervention",
        ],
        [IndicatorUnit.Tenge] = ["tenge", "kzt"],
        [IndicatorUnit.Usd] = ["dollar", "usd"],
        [IndicatorUnit.Points] = ["point"],
        [IndicatorUnit.Rank] = ["place", "position"],
        [IndicatorUnit.Years] = ["year", "years'", "year's"],
        [IndicatorUnit.Months] = ["month"],
        [IndicatorUnit.Days] = ["day"],
        [IndicatorUnit.Hours] = ["hour"],
        [IndicatorUnit.Times] = ["times"],
        [IndicatorUnit.Units] =
        [
            "region", "country", "countries", "city", "cities", "village", "district", "province", "settlement",
            "vote", "website", "site", "portal", "goods", "service", "device", "place", "apartment", "camera",
            "sport", "language", "denomination", "confession", "faith", "area", "direction", "indicator",
            "profession", "occupation", "job", "vacancy", "vacancies", "group", "unit", "sponsor", "word",
            "holiday", "section", "ground", "item", "plot", "grant", "microcredit", "loan", "newspaper", "channel",
            "theatre", "theater", "map", "degree", "kilometre", "tonne", "hectare", "bed", "vehicle", "car",
            "house", "dwelling", "pendant", "award", "module", "textbook", "book", "copy", "copies", "submission",
            // Labelling convention (2026-12-02): pages, marriages, partners and rooms are other countable things.
            "page", "marriage", "partner", "room",
        ],
    });

    // Multi-word units take precedence over their parts.
    private static readonly (string Phrase, string Unit)[] EnglishPhrases =
    [
        ("monthly calculation index", IndicatorUnit.Mci),
        ("monthly calculation indices", IndicatorUnit.Mci),
        ("monthly notional units", IndicatorUnit.Mci),
        ("monthly notional unit", IndicatorUnit.Mci),
        ("places of worship", IndicatorUnit.Facilities),
        ("round tables", IndicatorUnit.Events),
        ("training events", IndicatorUnit.Events),
        ("legal acts", IndicatorUnit.Documents),
        ("goods and services", IndicatorUnit.Units),
        ("places", IndicatorUnit.Units),
        ("sites", IndicatorUnit.Facilities),
        ("year olds", IndicatorUnit.Persons),
        ("year-olds", IndicatorUnit.Persons),
        ("ethnic groups", IndicatorUnit.Units),
    ];

    // Russian stems of four letters or more, matched as word prefixes; short words are listed in full.
    private static readonly (string Stem, string Unit)[] RussianStems =
    [
        ("человек", IndicatorUnit.Persons), ("граждан", IndicatorUnit.Persons), ("женщин", IndicatorUnit.Persons),
        ("мужчин", IndicatorUnit.Persons), ("детей", IndicatorUnit.Persons), ("участник", IndicatorUnit.Persons),
        ("сотрудник", IndicatorUnit.Persons), ("представител", IndicatorUnit.Persons), ("членов", IndicatorUnit.Persons),
        ("депутат", IndicatorUnit.Persons), ("жертв", IndicatorUnit.Persons), ("специалист", IndicatorUnit.Persons),
        ("судей", IndicatorUnit.Persons),
        ("семей", IndicatorUnit.Families), ("семьи", IndicatorUnit.Families),
        ("организаци", IndicatorUnit.Organisations), ("парти", IndicatorUnit.Organisations), ("объединени", IndicatorUnit.Organisations),
        ("ассоциаци", IndicatorUnit.Organisations), ("компани", IndicatorUnit.Organisations), ("предприяти", IndicatorUnit.Organisations),
        ("центр", IndicatorUnit.Facilities), ("учрежден", IndicatorUnit.Facilities), ("школ", IndicatorUnit.Facilities),
        ("случа", IndicatorUnit.Cases), ("преступлени", IndicatorUnit.Cases), ("правонарушени", IndicatorUnit.Cases),
        ("жалоб", IndicatorUnit.Cases), ("обращени", IndicatorUnit.Cases), ("заявлени", IndicatorUnit.Cases),
        ("уведомлени", IndicatorUnit.Cases),
        ("встреч", IndicatorUnit.Events), ("заседани", IndicatorUnit.Events), ("собрани", IndicatorUnit.Events),
        ("митинг", IndicatorUnit.Events), ("визит", IndicatorUnit.Events), ("посещени", IndicatorUnit.Events),
        ("семинар", IndicatorUnit.Events), ("тренинг", IndicatorUnit.Events),
        ("план", IndicatorUnit.Documents), ("закон", IndicatorUnit.Documents), ("рекомендаци", IndicatorUnit.Documents),
        ("документ", IndicatorUnit.Documents), ("доклад", IndicatorUnit.Documents), ("стать", IndicatorUnit.Documents),
        ("мероприяти", IndicatorUnit.Measures), ("проект", IndicatorUnit.Measures), ("программ", IndicatorUnit.Measures),
        ("тенге", IndicatorUnit.Tenge), ("доллар", IndicatorUnit.Usd), ("балл", IndicatorUnit.Points),
        ("месяц", IndicatorUnit.Months), ("суток", IndicatorUnit.Days),
        ("професси", IndicatorUnit.Units), ("регион", IndicatorUnit.Units), ("стран", IndicatorUnit.Units),
        ("основани", IndicatorUnit.Units), ("област", IndicatorUnit.Units), ("город", IndicatorUnit.Units),
    ];

    private static readonly Dictionary<string, string> RussianWords = new(StringComparer.Ordinal)
    {
        ["нпо"] = IndicatorUnit.Organisations, ["нко"] = IndicatorUnit.Organisations, ["дела"] = IndicatorUnit.Cases,
        ["дел"] = IndicatorUnit.Cases, ["мер"] = IndicatorUnit.Measures, ["меры"] = IndicatorUnit.Measures,
        ["мрп"] = IndicatorUnit.Mci, ["лет"] = IndicatorUnit.Years, ["год"] = IndicatorUnit.Years, ["года"] = IndicatorUnit.Years,
        ["день"] = IndicatorUnit.Days, ["дня"] = IndicatorUnit.Days, ["дней"] = IndicatorUnit.Days,
        ["час"] = IndicatorUnit.Hours, ["часа"] = IndicatorUnit.Hours, ["часов"] = IndicatorUnit.Hours,
        ["раз"] = IndicatorUnit.Times, ["раза"] = IndicatorUnit.Times, ["детей"] = IndicatorUnit.Persons,
        ["дети"] = IndicatorUnit.Persons, ["лиц"] = IndicatorUnit.Persons, ["лица"] = IndicatorUnit.Persons,
    };

    /// <summary>Words that end a noun phrase after a number: prepositions, conjunctions, auxiliaries, articles.</summary>
    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "of", "in", "on", "at", "to", "for", "from", "with", "by", "about", "under", "over", "among", "between",
        "into", "through", "during", "against", "per", "within", "without", "across", "after", "before", "since",
        "until", "via", "out", "and", "or", "but", "while", "whereas", "which", "who", "whom", "that", "whose",
        "as", "than", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would",
        "should", "shall", "can", "could", "may", "might", "must", "do", "does", "did", "the", "a", "an", "this",
        "these", "those", "its", "their", "his", "her", "our", "respectively", "each", "every", "annually",
        "only", "also", "already", "more", "less", "most", "least", "all", "including", "where", "when",
        "compared", "there", "it", "they", "them", "he", "she", "we", "not", "no", "if", "so", "yet", "then",
        "now", "still", "even", "both", "either", "neither", "per", "cent", "percent", "in", "и", "в", "на",
        "с", "по", "из", "от", "до", "за", "для", "при", "о", "об", "а", "но", "или", "что", "как", "который",
        "которые", "которых", "том", "числе", "также", "были", "было", "был", "была", "являются",
    };

    /// <summary>The unit of a word or phrase, or null.</summary>
    public static string? UnitOf(string word, string language)
    {
        var lower = word.ToLowerInvariant().Trim('’', '\'', '"', '“', '”', '«', '»');
        if (lower.Length == 0)
        {
            return null;
        }

        if (language == "ru" || IsCyrillic(lower))
        {
            if (RussianWords.TryGetValue(lower, out var russianUnit))
            {
                return russianUnit;
            }

            foreach (var (stem, unit) in RussianStems.OrderByDescending(s => s.Stem.Length))
            {
                if (lower.StartsWith(stem, StringComparison.Ordinal))
                {
                    return unit;
                }
            }

            return null;
        }

        return English.TryGetValue(lower, out var u) ? u : English.TryGetValue(Singular(lower), out u) ? u : null;
    }

    /// <summary>The unit of a multi-word phrase starting at the given words, with the number of words it spans.</summary>
    public static (string Unit, int Words)? PhraseUnitOf(IReadOnlyList<string> words)
    {
        foreach (var (phrase, unit) in EnglishPhrases)
        {
            var parts = phrase.Split(' ');
            if (parts.Length <= words.Count && parts.Select((p, i) => p.Equals(words[i].Trim('’', '\''), StringComparison.OrdinalIgnoreCase)).All(x => x))
            {
                return (unit, parts.Length);
            }
        }

        return null;
    }

    public static bool IsStopWord(string word) => StopWords.Contains(word);

    public static bool IsCyrillic(string word) => word.Any(c => c is >= 'Ѐ' and <= 'ӿ');

    private static string Singular(string word)
    {
        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4)
        {
            return word[..^3] + "y";
        }

        if (word.EndsWith("ches", StringComparison.Ordinal) || word.EndsWith("shes", StringComparison.Ordinal)
            || word.EndsWith("sses", StringComparison.Ordinal))
        {
            return word[..^2];
        }

        if (word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal))
        {
            return word[..^1];
        }

        return word;
    }

    private static Dictionary<string, string> Build(Dictionary<string, string[]> byUnit)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (unit, words) in byUnit)
        {
            foreach (var w in words)
            {
                map.TryAdd(w, unit);
            }
        }

        return map;
    }
}
