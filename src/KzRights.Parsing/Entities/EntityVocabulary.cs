using System.Text.RegularExpressions;

namespace KzRights.Parsing.Entities;

/// <summary>A named entity the corpus talks about: its normalized id, kind, English name, the patterns of its
/// names in English and Russian (<see cref="Names"/>), and for events the condition the sentence must meet
/// (<see cref="Sentence"/>).</summary>
public sealed record KnownEntity(string Id, string Kind, string Name, Regex Names, Regex? Sentence = null);

/// <summary>The controlled list of entities, grown from the corpus: the same law, treaty, plan, institution or event
/// has one id in every document and language, however it is worded ("the Women’s Rights and Child Safety Act",
/// "Act No. 72-VIII of 15 April 2024 … on ensuring the rights of women and child safety", "the Law on Women's
/// Rights and Child Safety"). Laws whose adoption date the corpus states carry it in their id. Named laws the list
/// does not know are still found by <see cref="EntityExtractor"/>'s generic name patterns. Rules:
/// <c>src/KzRights.Parsing/Entities/README.md</c>.</summary>
public static class EntityVocabulary
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.Compiled;

    private static Regex R(string pattern) => new(pattern, Options);

    private static Regex I(string pattern) => new(pattern, Options | RegexOptions.IgnoreCase);

    public static IReadOnlyList<KnownEntity> All { get; } =
    [
        // Laws and codes.
        new("law/constitution", EntityKind.Law, "Constitution of the Republic of Kazakhstan",
            R(@"\bConstitution\b(?!al)|Конституци(?:я|и|ю|ей)\b")),
        new("law/criminal-code", EntityKind.Law, "Criminal Code", R(@"Criminal\s+Code")),
        new("law/code-of-administrative-offences", EntityKind.Law, "Code of Administrative Offences",
            R(@"Code\s+of\s+Administrative\s+Offen[cs]es|Code\s+[""“«]On\s+Administrative\s+Offen[cs]es[""”»]")),
        new("law/criminal-procedure-code", EntityKind.Law, "Code of Criminal Procedure",
            R(@"Code\s+of\s+Criminal\s+Procedure|Criminal\s+Procedure\s+Code")),
        new("law/administrative-procedure-code", EntityKind.Law, "Administrative Procedural and Process-related Code",
            I(@"Administrative\s+Procedural\s+and\s+Process-related\s+Code|Code\s+of\s+Administrative\s+Procedure")),
        new("law/marriage-and-family-code", EntityKind.Law, "Marriage and Family Code",
            R(@"Marriage\s+(?:and\s+Family\s+)?Code|Code\s+on\s+Marriage\s+(?:\(Matrimony\)\s+)?and\s+(?:the\s+)?Family")),
        new("law/social-code", EntityKind.Law, "Social Code", R(@"Social\s+Code")),
        new("law/labour-code", EntityKind.Law, "Labour Code", R(@"Labou?r\s+Code|Трудов\p{L}+\s+кодекс\p{L}*")),
        new("law/environmental-code", EntityKind.Law, "Environmental Code", R(@"Environmental\s+Code")),
        new("law/2024-04-15-womens-rights-and-child-safety", EntityKind.Law, "Law on Women's Rights and Child Safety",
            I(@"(?:Law\s+on\s+)?Women[’']s\s+Rights\s+and\s+Child\s+Safety(?:\s+Act)?|" +
                // Its number identifies it wherever it is cited by number and long title.
                @"Act\s+No\.\s*72-VIII\b(?:[^.;]{0,200}?rights\s+of\s+women\s+and\s+(?:child\s+safety|the\s+safety\s+of\s+children))?")),
        new("law/2020-05-25-peaceful-assemblies", EntityKind.Law, "Law on the Procedure for Organizing and Holding Peaceful Assemblies",
            I(@"(?:Act|Law)\s+(?:on\s+the\s+Procedure\s+for\s+Organizing\s+and\s+Holding\s+Peaceful\s+Assemblies|" +
                @"[""“«]On\s+the\s+(?:procedure\s+for\s+)?organi[sz](?:ing|ation)\s+and\s+(?:holding|conduct)\s+of\s+peaceful\s+assemblies[""”»]|" +
                    @"on\s+Peaceful\s+Assemblies)")),
        new("law/2021-12-29-human-rights-ombudsman", EntityKind.Law, "Law on the Human Rights Ombudsman",
            I(@"Law\s+[""“«]On\s+the\s+Human\s+Rights\s+Ombudsman[""”»]|" +
                @"(?<!Constitutional\s)Law\s+[""“«]On\s+the\s+Commissioner\s+for\s+Human\s+Rights[""”»]")),
        new("law/2024-06-19-media", EntityKind.Law, "Law on Mass Media",
            I(@"(?<!Social\s)Media\s+Act|Mass\s+Media\s+Act|Law\s+(?:on\s+(?:the\s+)?Mass\s+Media|[""“«]On\s+Mass\s+Media[""”»])")),
        new("law/religious-activities-and-religious-associations", EntityKind.Law, "Law on Religious Activities and Religious Associations",
            I(@"(?:(?:Law|Act)\s+on\s+)?Religious\s+Activit(?:y|ies)\s+and\s+Religious\s+Associations(?:\s+Act)?")),
        new("law/non-profit-organizations", EntityKind.Law, "Law on Non-Profit Organizations",
            I(@"[«""]О\s+некоммерческих\s+организациях[»""]")),
        new("law/prevention-of-domestic-violence", EntityKind.Law, "Law on the Prevention of Domestic Violence",
            I(@"(?:Act|Law)\s+on\s+the\s+Prevention\s+of\s+Domestic\s+Violence|Domestic\s+Violence\s+Prevention\s+Act")),
        new("law/refugees", EntityKind.Law, "Law on Refugees", I(@"Law\s+on\s+Refugees|Refugees\s+Act")),
        new("law/elections", EntityKind.Law, "Constitutional Law on Elections",
            I(@"Elections?\s+Act|Constitutional\s+(?:Act|Law)\s+(?:on\s+Elections|[""“«]On\s+Elections(?:\s+in\s+the\s+Republic\s+of\s+Kazakhstan)?[""”»])")),
        new("law/political-parties", EntityKind.Law, "Law on Political Parties",
            I(@"Political\s+Parties\s+Act|Law\s+(?:on\s+Political\s+Parties|[""“«]On\s+Political\s+Parties[""”»])")),
        new("law/2022-05-21-biological-safety", EntityKind.Law, "Law on Biological Safety",
            I(@"Laws?\s+[""“«]On\s+Biological\s+Safety[""”»]")),

        new("law/2022-11-05-constitutional-court", EntityKind.Law, "Constitutional Law on the Constitutional Court",
            I(@"Constitutional\s+(?:Law|Act)\s+(?:on\s+the\s+Constitutional\s+Court|[""“«]On\s+the\s+Constitutional\s+Court(?:\s+of\s+the\s+Republic\s+of" +
                @"\s+Kazakhstan)?[""”»])|Constitutional\s+Court\s+Act")),
        new("law/2022-11-05-human-rights-commissioner", EntityKind.Law, "Constitutional Law on the Commissioner for Human Rights",
            I(@"Constitutional\s+(?:Act|Law)\s+(?:on\s+the\s+Commissioner\s+for\s+Human\s+Rights|[""“«]On\s+the\s+Commissioner\s+for\s+Human\s+Rights" +
                @"(?:\s+in\s+the\s+Republic\s+of\s+Kazakhstan)?[""”»])|(?:Commissioner\s+for\s+Human\s+Rights|Human\s+Rights\s+Commissioner)\s+Act")),
        new("law/online-platforms", EntityKind.Law, "Law on Online Platforms and Online Advertising", I(@"Online\s+Platforms\s+Act")),

        // Treaties and protocols.
        new("treaty/iccpr-op2", EntityKind.Treaty, "Second Optional Protocol to the International Covenant on Civil and Political Rights",
            I(@"Second\s+Optional\s+Protocol(?:\s+to\s+the\s+International\s+Covenant\s+on\s+Civil\s+and\s+Political\s+Rights)?")),
        new("treaty/crc-op3-communications", EntityKind.Treaty, "Optional Protocol to the Convention on the Rights of the Child on a communications procedure",
            I(@"Optional\s+Protocol\s+to\s+the\s+Convention\s+on\s+the\s+Rights\s+of\s+the\s+Child\s+on\s+a\s+communications\s+procedure")),
        new("treaty/ilo-c190", EntityKind.Treaty, "ILO Violence and Harassment Convention, 2019 (No. 190)",
            I(@"(?:(?:International\s+Labour\s+Organi[sz]ation\s+\(ILO\)|ILO)\s+)?" +
                @"(?:Violence\s+and\s+Harassment\s+Convention(?:,\s+2019)?(?:\s+\(No\.\s*190\))?|" +
                @"Convention\s+No\.\s*190)")),
        new("treaty/cedaw", EntityKind.Treaty, "Convention on the Elimination of All Forms of Discrimination against Women",
            I(@"Convention\s+on\s+the\s+Elimination\s+of\s+All\s+Forms\s+of\s+Discrimination\s+against\s+Women|" +
                @"Конвенци\p{L}*\s+о\s+ликвидации\s+всех\s+форм\s+дискриминации\s+в\s+отношении\s+женщин")),
        new("treaty/crpd", EntityKind.Treaty, "Convention on the Rights of Persons with Disabilities",
            I(@"Convention\s+on\s+the\s+Rights\s+of\s+Persons\s+with\s+Disabilities")),
        new("treaty/paris-agreement", EntityKind.Treaty, "Paris Agreement (climate change)",
            I(@"Paris\s+Agreement(?:\s+on\s+Climate\s+Change)?|Парижск\p{L}*\s+соглашени\p{L}*")),
        new("treaty/iccpr", EntityKind.Treaty, "International Covenant on Civil and Political Rights",
            I(@"(?<!Protocol\s+to\s+the\s)International\s+Covenant\s+on\s+Civil\s+and\s+Political\s+Rights")),

        // Plans, programmes, concepts.
        new("plan/human-rights-and-rule-of-law-action-plan", EntityKind.Plan, "Plan of Action on Human Rights and the Rule of Law",
            I(@"Plan\s+of\s+Action\s+on\s+Human\s+Rights\s+and\s+the\s+Rule\s+of\s+Law|" +
                @"План\p{L}*\s+действий\s+по\s+правам\s+человека\s+и\s+верховенств\p{L}*\s+закона")),
        new("plan/further-measures-human-rights-rule-of-law", EntityKind.Plan, "Plan of Further Measures in the Field of Human Rights and the Rule of Law",
            I(@"Plan\s+of\s+(?:Further|Priority)\s+Measures\s+in\s+the\s+Field\s+of\s+Human\s+Rights\s+and\s+the\s+Rule\s+of\s+Law|" +
                @"План\p{L}*\s+дальнейших\s+мер\s+в\s+области\s+прав\s+человека")),
        new("plan/family-and-gender-policy-concept-2030", EntityKind.Plan, "Concept of Family and Gender Policy up to 2030",
            I(@"(?:Concept|Framework)\s+(?:of|for)\s+Family\s+and\s+Gender\s+Policy(?:\s+of\s+the\s+Republic)?(?:\s+(?:until|up\s+to)\s+2030)?|" +
                @"Family\s+and\s+Gender\s+Policy\s+(?:Framework|Concept)(?:\s+for\s+the\s+period\s+up\s+to\s+2030)?|" +
                    @"framework\s+for\s+family\s+and\s+gender\s+policy(?:\s+up\s+to\s+2030)?|Концепци\p{L}*\s+семейной\s+и\s+гендерной\s+политики")),
        new("plan/anti-corruption-policy-concept-2022-2026", EntityKind.Plan, "Concept of Anti-Corruption Policy for 2022–2026",
            I(@"Anti-Corruption\s+Policy\s+Concept|" +
                @"Concept\s+of\s+(?:the\s+)?Anti-Corruption\s+Policy(?:\s+(?:of\s+the\s+Republic\s+of\s+Kazakhstan\s+)?for\s+2022\s*[-–]\s*2026)?")),
        new("plan/healthy-nation", EntityKind.Plan, "National project “Healthy Nation”",
            I(@"National\s+Project\s+""Quality\s+and\s+affordable\s+healthcare\s+for\s+every\s+citizen\s+""Healthy\s+Nation""|" +
                @"[""“]Healthy\s+Nation[""”](?:\s+(?:national\s+)?project)?")),
        new("plan/healthcare-development-concept", EntityKind.Plan, "Concept for the Development of Healthcare",
            I(@"Policy\s+Framework\s+for\s+the\s+Development\s+of\s+Healthcare|Concept\s+for\s+the\s+Development\s+of\s+Healthcare")),
        new("plan/comprehensive-plan-to-protect-children-2023-2025", EntityKind
            .Plan, "Comprehensive Plan to Protect Children from Violence, Prevent Suicide and Ensure Children's Rights and Welfare 2023–2025",
            I(@"Comprehensive\s+Plan\s+to\s+Protect\s+Children\s+From\s+Violence,\s+Prevent\s+Suicide\s+and\s+Ensure\s+Children[’']s\s+Rights\s+and\s+Welfare" +
                @"(?:\s+(?:for\s+)?2023[-–]2025)?")),
        new("plan/business-roadmap-2025", EntityKind.Plan, "Business Roadmap 2025", I(@"Business\s+Road\s*map\s*[-–]\s*2025")),

        // Institutions and mechanisms.
        new("institution/human-rights-commissioner", EntityKind.Institution, "Commissioner for Human Rights (Ombudsman)",
            // Not a bare "the Ombudsman" / "the Ombudsperson" (a short back-reference, and the corpus has business, banking, student and
            // children's ombudsmen too), nor the UN High Commissioner for Human Rights.
            I(@"Human\s+Rights\s+(?:Commissioner|Ombuds(?:man|person))(?:\s+\(Ombudsman\))?|" +
                @"(?<!High\s)Commissioner\s+for\s+Human\s+Rights(?:\s+\(Ombudsman\))?|" +
                @"Уполномоченн\p{L}*\s+по\s+правам\s+человека")),
        new("institution/childrens-rights-ombudsman", EntityKind.Institution, "Ombudsman for Children's Rights",
            I(@"(?:Ombuds(?:man|person)|Commissioner)\s+for\s+(?:the\s+)?Children[’']s\s+Rights|Children[’']s\s+(?:Rights\s+)?Ombuds(?:man|person)|" +
                @"Уполномоченн\p{L}*\s+по\s+правам\s+ребенка")),
        new("institution/national-preventive-mechanism", EntityKind.Institution, "National preventive mechanism",
            I(@"national\s+preventive\s+mechanisms?")),
        new("institution/constitutional-court", EntityKind.Institution, "Constitutional Court", I(@"Constitutional\s+Court|Конституционн\p{L}*\s+Суд\p{L}*")),
        new("institution/supreme-court", EntityKind.Institution, "Supreme Court", R(@"Supreme\s+Court")),
        new("institution/supreme-judicial-council", EntityKind.Institution, "Supreme Judicial Council", I(@"Supreme\s+Judicial\s+Council")),
        new("institution/national-kurultai", EntityKind.Institution, "National Kurultai",
            I(@"National\s+Kurultai|Ulttyk\s+Kur[yu]ltay|Национальн\p{L}*\s+курултай")),

        // Dated events.
        new("event/death-penalty-abolition", EntityKind.Event, "Abolition of the death penalty",
            I(@"(?<!(?:aimed\s+at|universal)\s+(?:the\s+)?)abolition\s+of\s+the\s+death\s+penalty|abolished\s+the\s+death\s+penalty|" +
                @"amended\s+to\s+(?:prohibit|abolish)\s+the\s+death\s+penalty|(?:death\s+penalty|capital\s+punishment)\s+(?:was|has\s+been)\s+abolished|" +
                    @"abolition\s+of\s+capital\s+punishment")),
        new("event/defamation-decriminalization", EntityKind.Event, "Decriminalization of defamation",
            I(@"defamation\s+(?:was|has\s+been)\s+decriminali[sz]ed|decriminali[sz]ed\s+defamation|" +
                @"reclassif\p{L}+\s+defamation\s+as\s+an\s+administrative(?:\s+rather\s+than\s+a\s+criminal)?\s+offen[cs]e")),
        new("event/majilis-quota-persons-with-disabilities", EntityKind.Event, "Persons with disabilities included in the 30 per cent Majilis quota",
            I(@"persons\s+with\s+disabilities|лиц\p{L}*\s+с\s+инвалидностью"), I(
                @"(?=[\s\S]*(?:quota|квот))(?=[\s\S]*(?:Majilis|Mazhilis|parliament|deputy\s+seats|party\s+(?:electoral\s+)?lists|депутатск|партийн\p{L}*\s+спис))")),
        new("event/administrative-justice-introduction", EntityKind.Event, "Introduction of administrative justice",
            I(@"(?:institute|institution)\s+of\s+administrative\s+justice\s+(?:was|has\s+been)\s+introduced")),
        new("event/2022-06-05-constitutional-referendum", EntityKind.Event, "Constitutional referendum of 5 June 2022",
            I(@"referendum\s+on\s+(?:June\s+5|5\s+June)|" +
                @"(?:June\s+5|5\s+June)(?:,\s+2022,?)?\s+(?:(?:national|nationwide|constitutional|republican)\s+)?referendum|" +
                @"referendum\s+on\s+constitutional\s+amendments|referendum\s+on\s+(?:\p{L}+\s+)?amendments\s+to\s+the\s+Constitution|" +
                @"constitutional\s+referendum|(?:June|republican)\s+referendum")),
        new("event/prison-health-care-transfer", EntityKind.Event, "Transfer of prison health care to the Ministry of Health",
            I(@"transfer\s+the\s+function\s+of\s+medical\s+support\s+for\s+convicts\s+to\s+the\s+Ministry\s+of\s+Health(?:care)?|" +
                @"medical\s+care\s+for\s+convicted\s+persons\s+was\s+transferred\s+from\s+the\s+Ministry\s+of\s+Internal\s+Affairs\s+to\s+the\s+Ministry\s+of" +
                    @"\s+Health")),
    ];
}
