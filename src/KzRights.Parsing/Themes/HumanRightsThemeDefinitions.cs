namespace KzRights.Parsing.Themes;

/// <summary>The human-rights themes and their terms, in English and Russian (the AL KAZ 4/2025 reply is in both).
/// A leading <c>~</c> marks a weak term (see <see cref="TermWeight"/>); the notation of phrases is described on
/// <see cref="ThemeTerm"/>. Terms are phrases that name the theme; a word that is ambiguous alone is either weak,
/// guarded by an exception phrase, or made to require context.</summary>
internal static class HumanRightsThemeDefinitions
{
    private const string Sdg1 = "sdg/1";
    private const string Sdg3 = "sdg/3";
    private const string Sdg4 = "sdg/4";
    private const string Sdg5 = "sdg/5";
    private const string Sdg8 = "sdg/8";
    private const string Sdg10 = "sdg/10";
    private const string Sdg13 = "sdg/13";
    private const string Sdg15 = "sdg/15";
    private const string Sdg16 = "sdg/16";

    public static IReadOnlyList<Theme> All { get; } =
    [
        Define("womens-rights", "Women's rights", [Sdg5],
        [
            "women's rights", "rights of women", "women's human rights", "discrimination against women",
            "gender equality", "gender polic*", "gender stereotyp*", "gender discrimination", "gender balance",
            "gender pay gap", "gender gap", "gender quota*", "gender parity", "gender-sensitive", "gender-responsive",
            "gender perspective", "gender mainstreaming", "gender education", "gender bias", "gender audit*",
            "equal rights and opportunities for men and women", "equal rights and equal opportunities for men and women",
            "advancement of women", "empowerment of women", "women's empowerment", "women's economic empowerment",
            "women's participation", "participation of women", "women's leadership", "women leaders",
            "women and peace and security", "women, peace and security", "un-women", "beijing declaration",
            "cedaw", "feminist*", "maternity",
            "~women", "~woman", "~girls", "~female",
            "гендерн* равенств*", "гендерн* политик*", "гендерн* просвещени*", "прав* женщин",
            "дискриминаци* в отношении женщин", "равных прав и равных возможностей мужчин и женщин",
            "~женщин*", "~девочек", "~девушек",
        ]),

        Define("gender-based-violence", "Gender-based violence", [Sdg5],
        [
            "gender-based violence", "violence against women", "women from violence", "women and children from violence",
            "crimes against women", "sexual violence", "sexual harassment", "sexual assault", "sexual offences",
            "rape", "femicide", "stalking", "bride kidnapping", "forced marriage*", "harmful practice*",
            "istanbul convention", "sexual inviolability",
            "насили* в отношении женщин", "гендерн* насили*", "сексуальн* насили*",
        ]),

        Define("domestic-violence", "Domestic violence", [Sdg5, Sdg16],
        [
            "domestic violence", "family violence", "violence in the family", "family and domestic relations",
            "family and household relations", "protection orders", "protective orders", "aggressors",
            "~crisis cent*", "~aggressor",
            "бытов* насили*", "насили* в семье", "семейно-бытов*", "защитн* предписани*",
        ]),

        Define("rights-of-the-child", "Rights of the child", [],
        [
            "rights of the child", "rights of children", "children's rights", "child's rights", "child rights",
            "child well-being", "children's well-being", "child safety", "child abuse", "corporal punishment",
            "child marriage*", "juvenile*", "orphan*", "year of children", "year of the child",
            "~child", "~children", "~minor", "~minors", "~adolescen*", "~schoolchildren", "~bullying", "~cyberbullying",
            "прав* ребенка", "прав* детей", "~детей", "~детям", "~несовершеннолетн*",
        ]),

        Define("persons-with-disabilities", "Persons with disabilities", [Sdg10],
        [
            "persons with disabilities", "person with disabilities", "people with disabilities", "disabilit*",
            "disabled", "barrier-free", "sign language", "braille", "assistive devices", "reasonable accommodation",
            "~special needs", "~rehabilitation", "~accessibility", "~low-mobility", "~limited mobility",
            "инвалид*", "лиц* с инвалидностью",
        ]),

        Define("torture", "Torture and other cruel, inhuman or degrading treatment", [Sdg16],
        [
            "torture", "tortured", "cruel, inhuman or degrading", "cruel or degrading", "inhuman or degrading",
            "istanbul protocol", "national preventive mechanism*", "prevention of torture", "committee against torture",
            "~ill-treatment",
            "пытк*", "пыток", "жесток* обращени*", "бесчеловечн*", "национальн* превентивн* механизм*",
        ],
        except: ["tortured logic", "tortured reasoning", "tortured argument*", "tortured syntax", "tortured prose"]),

        Define("death-penalty", "Death penalty", [Sdg16],
        [
            "death penalty", "capital punishment", "sentenced to death", "death sentence*",
            "смертн* казн*", "высш* мер* наказани*",
        ]),

        Define("right-to-life", "Right to life", [Sdg16],
        [
            "right to life", "deprivation of life", "use of force", "use of firearms", "firearms", "less-lethal",
            "killing*", "extrajudicial", "deaths in custody",
            "~deaths",
            "прав* на жизнь",
        ]),

        Define("freedom-of-expression", "Freedom of opinion and expression", [Sdg16],
        [
            "freedom of expression", "freedom of opinion", "freedoms of opinion and expression", "freedom of speech",
            "freedom of the press", "press freedom", "media freedom", "mass media", "media act", "defamation",
            "censorship", "internet shutdown*", "internet blackout*", "blocking of websites", "online expression",
            "safety of journalists",
            "~journalist*", "~media", "~blogger*",
            "свобод* слова", "свобод* выражени*", "свобод* мнени*", "цензур*", "~журналист*", "~сми",
        ]),

        Define("freedom-of-assembly", "Freedom of peaceful assembly", [Sdg16],
        [
            "peaceful assembl*", "freedom of assembly", "right to assembly", "assemblies", "peaceful rall*",
            "peaceful events", "peaceful demonstration*", "counterdemonstration*",
            "~assembly", "~rally", "~rallies", "~demonstration*", "~protest*", "~picket*",
            "мирн* собрани*", "свобод* собрани*", "~митинг*",
        ],
        except:
        [
            "general assembly", "assembly of the people of kazakhstan", "assembly of people of kazakhstan",
            "world health assembly", "assembly of representatives", "legislative assembl*",
        ]),

        Define("freedom-of-association", "Freedom of association", [Sdg16],
        [
            "freedom of association", "public association*", "voluntary association*", "unregistered association*",
            "trade union*", "labour union*", "foreign funding register", "registration of non-profit organizations",
            "development of civil society", "civil society organizations",
            "~non-governmental organization*", "~non-governmental sector", "~ngo", "~ngos", "~non-profit organization*",
            "свобод* объединени*", "свобод* ассоциаци*", "общественн* объединени*", "незарегистрированн* объединени*",
            "регистраци* некоммерческ* организаци*", "профсоюз*",
            "~некоммерческ* организаци*", "~неправительственн* организаци*", "~нпо", "~нко",
        ],
        contextual:
        [
            new ThemeTerm("association*", TermWeight.Strong,
                ["ngo*", "non-governmental", "non-profit", "civil society", "registration", "register*"]),
        ],
        except: ["in association with", "religious association*", "ethno-cultural association*", "bar association"]),

        Define("human-rights-defenders", "Human rights defenders", [Sdg16],
        [
            "human rights defender*", "defenders of human rights", "human rights activist*", "human rights advocacy",
            "human rights work",
            "~activists", "~human rights organizations", "~human rights activities",
            "правозащитник*", "правозащитн* деятельност*", "~правозащитн* организаци*",
        ]),

        Define("freedom-of-religion", "Freedom of thought, conscience and religion", [Sdg16],
        [
            "freedom of religion", "freedom of conscience", "freedom of thought", "religion or belief",
            "religious association*", "religious activit*", "religious organization*", "religious events",
            "places of worship", "interfaith", "interreligious", "inter-religious", "denomination*", "missionar*",
            "religious expertise", "conscientious objector*", "conscientious objection", "policy on religion",
            "field of religion", "religious sphere",
            "~religion", "~religions", "~religious", "~believers", "~confessions",
            "свобод* совести", "свобод* вероисповедани*", "религиозн* объединени*", "~религи*",
        ],
        except: ["confessions to suspects"]),

        Define("administration-of-justice", "Administration of justice & fair trial", [Sdg16],
        [
            "administration of justice", "access to justice", "fair trial", "independence of the judiciary",
            "judicial independence", "independence of judges", "judiciary", "judicial system", "judicial reform",
            "legal aid", "legal assistance", "administrative justice", "impunity", "investigative courts",
            "three-tier model", "independence of lawyers", "court proceedings",
            "~judges", "~judicial", "~lawyers", "~courts", "~court", "~criminal proceedings", "~criminal procedure",
            "~remedies", "~accountability", "~constitutional court",
            "правосуди*", "справедлив* судебн* разбирательств*", "судебн* систем*", "юридическ* помощ*",
            "~суд*",
        ]),

        Define("liberty-and-security", "Liberty and security of the person", [Sdg16],
        [
            "liberty and security", "pretrial detention", "pre-trial detention", "arbitrary detention", "arbitrary arrest",
            "detained arbitrarily", "incommunicado", "administrative detention", "unlawfully detained",
            "illegally detained", "remand in custody", "enforced disappearance*", "miranda rules", "due process",
            "~detention", "~detained", "~detainees", "~custody", "~arrest",
            "произвольн* задержани*", "содержани* под стражей", "~задержани*", "~задержан*",
        ]),

        Define("conditions-of-detention", "Conditions of detention", [Sdg16],
        [
            "conditions of detention", "detention conditions", "places of detention", "places of deprivation of liberty",
            "persons deprived of their liberty", "penitentiary", "penal institution*", "penal colon*",
            "penal correction*", "prison*", "nelson mandela rules", "bangkok rules", "treatment of prisoners",
            "~convicts", "~convicted persons", "~colonies",
            "пенитенциарн*", "мест* лишения свободы", "~осужденн*",
        ]),

        Define("trafficking-in-persons", "Trafficking in persons", [Sdg8, Sdg16],
        [
            "trafficking in persons", "human trafficking", "trafficking in minors", "trafficking in human beings",
            "anti-trafficking", "trafficking-related", "victims of trafficking", "stop trafficking", "forced labour",
            "forced labor", "sexual exploitation", "exploitation of prostitution", "slavery", "servitude",
            "people smuggling", "organ trafficking",
            "~prostitution", "~exploitation",
            "торговл* людьми", "принудительн* труд*",
        ]),

        Define("corruption", "Corruption", [Sdg16],
        [
            "corruption", "corrupt", "anti-corruption", "anticorruption", "bribe*", "bribery", "unjust enrichment",
            "greco",
            "~conflicts of interest", "~whistle-blower*",
            "коррупц*", "антикоррупц*", "взятк*",
        ]),

        Define("national-human-rights-institution", "National human rights institution", [Sdg16],
        [
            "national human rights institution*", "national institutions for the promotion and protection of human rights",
            "paris principles", "commissioner for human rights", "human rights commissioner", "human rights ombudsman",
            "ombudsman for human rights", "national centre for human rights", "national center for human rights",
            "~ombudsman", "~ombudsmen", "~ombudsperson*",
            "уполномоченн* по правам человека", "национальн* центр* по правам человека",
        ],
        except: ["high commissioner for human rights", "верховн* комиссар* … по правам человека"]),

        Define("equality-non-discrimination", "Equality & non-discrimination", [Sdg10],
        [
            "discriminat*", "non-discriminat*", "anti-discriminat*", "equality before the law", "equal before the law",
            "equality of all", "hate speech", "hate crime*", "racial discrimination", "temporary special measures",
            "~stigma*", "~equal rights", "~inequalit*",
            "дискриминаци*", "дискриминационн*", "равн* перед законом", "равенств* перед законом",
        ]),

        Define("sexual-orientation-gender-identity", "Sexual orientation and gender identity", [Sdg10],
        [
            "sexual orientation", "gender identity", "lgbt*", "lbti*", "lesbian*", "gay", "bisexual*", "transgender*",
            "intersex", "queer", "gender reassignment", "sodomy",
            "сексуальн* ориентаци*", "гендерн* идентичност*", "лгбт*", "лбти*", "лесби*", "бисексуал*", "трансгендер*",
            "интерсекс*", "квир",
        ]),

        Define("minorities", "Minorities", [Sdg10],
        [
            "national minorities", "minorit*", "ethnic groups", "ethnic violence", "inter-ethnic", "interethnic",
            "ethno-cultural", "assembly of the people of kazakhstan", "assembly of people of kazakhstan", "dungan",
            "racial discrimination", "~ethnicity", "~ethnic",
            "национальн* меньшинств*", "межэтническ*", "межнациональн*", "~этническ*",
        ]),

        Define("migrants", "Migrants", [Sdg10],
        [
            "migrant*", "migration polic*", "immigration", "immigrant*", "labour migra*", "readmi*",
            "~migration", "~foreign nationals", "~foreign workers", "~foreign specialists",
            "мигрант*", "миграци*",
        ]),

        Define("refugees-asylum-seekers", "Refugees & asylum-seekers", [Sdg10],
        [
            "refugee*", "asylum", "asylum-seeker*", "non-refoulement", "refoulement",
            "~extradit*",
            "беженц*", "убежищ*",
        ]),

        Define("statelessness", "Statelessness", [Sdg16],
        [
            "stateless*", "birth registration", "undocumented", "без гражданства", "безгражданств*",
            "~birth certificate*", "~citizenship", "~nationality",
        ]),

        Define("right-to-health", "Right to health", [Sdg3],
        [
            "right to health", "health care", "healthcare", "health services", "medical care", "medical services",
            "public health", "primary health care", "health insurance", "health code", "hiv", "tuberculosis",
            "mental health", "reproductive health", "sexual and reproductive", "reproductive rights", "abortion*",
            "termination of pregnancy", "contracepti*", "sterilization", "maternal mortality", "vaccin*",
            "harm reduction", "drug dependence", "drug-dependent", "medical examination*",
            "~health", "~medical", "~screening*", "~diseases", "~psychiatric", "~patients", "~hospital*",
            "~covid-19", "~coronavirus",
            "здравоохранени*", "~здоровь*", "~медицинск*",
        ],
        except:
        [
            "ministry of health", "ministry of healthcare", "министерств* здравоохранени*",
            "public order, public health", "public health and morals", "occupational safety and health",
            "occupational health", "harm to health", "общественн* порядк*, здоровь*",
        ]),

        Define("right-to-education", "Right to education", [Sdg4],
        [
            "right to education", "access to education", "quality of education", "inclusive education",
            "education system", "educational institution*", "educational organization*", "curricul*",
            "kindergarten*", "preschool", "vocational education", "higher education", "secondary education",
            "general education", "education grant*",
            "~education", "~schools", "~school", "~students", "~universit*", "~teachers", "~scholarship*",
            "~образовани*", "~школ*",
        ],
        except: ["human rights education", "gender education", "legal education", "ministry of education*", "министерств* образовани*"]),

        Define("right-to-work", "Right to work", [Sdg8],
        [
            "right to work", "labour rights", "labour code", "labour legislation", "labour law", "labour relations",
            "working conditions", "equal pay", "pay gap", "minimum wage", "labour market", "labour inspect*",
            "occupational safety", "occupational segregation", "trade union*", "labour disputes", "decent work",
            "paid leave", "parental leave", "unemploy*", "world of work",
            "~employment", "~employed", "~jobs", "~job", "~wage*", "~workplace", "~workers", "~employers",
            "~employees", "~strikes", "~self-employed",
            "трудов* кодекс*", "трудов* прав*", "~занятост*", "~трудоустройств*",
        ]),

        Define("social-security", "Right to social security", [Sdg1],
        [
            "social security", "social protection", "social assistance", "social benefit*", "social support",
            "pension*", "poverty", "adequate standard of living",
            "~allowance*", "~benefits", "~low-income", "~housing", "~social services", "~social code",
            "~childcare payments",
            "социальн* защит*", "социальн* обеспечени*", "бедност*", "~пособи*",
        ]),

        Define("environment", "Environment", [Sdg13, Sdg15],
        [
            "environmental", "healthy environment", "right to a favourable environment", "right to a favorable environment",
            "ecolog*",
            "climate change", "climate policy", "greenhouse gas*", "carbon neutral*", "green economy", "green agenda",
            "pollut*", "emissions", "natural resources", "renewable energy", "disaster risk", "paris agreement",
            "~the environment", "~climate",
            "экологи*", "окружающ* сред*", "климат*",
        ]),

        Define("participation-public-affairs", "Participation in public affairs and right to vote", [Sdg16],
        [
            "right to vote", "participation in public affairs", "political and public life", "elections", "electoral",
            "voters", "ballot*", "referendum", "political part*", "party lists", "parliamentary seats",
            "public councils", "public participation", "political participation", "decision-making positions",
            "~election", "~decision-making", "~petition*", "~quota*", "~representative bodies",
            "избирательн*", "политическ* парти*", "партийн* спис*",
        ]),

        Define("counter-terrorism", "Counter-terrorism", [Sdg16],
        [
            "terroris*", "counter-terrorism", "extremis*", "counter-extremism", "foreign terrorist fighters",
            "radicali*", "radical religious ideology", "daesh",
            "терроризм*", "экстремизм*", "террорист*",
        ]),

        Define("international-instruments", "Acceptance of international norms", [],
        [
            "ratif*", "accession", "accede*", "optional protocol*", "is a party to", "became a party to",
            "international human rights instruments", "international instruments",
            "~international treaties", "~international treaty",
            "ратифи*", "присоедини* к конвенци*", "участник* … международн* договор*", "~международн* договор*",
        ]),

        Define("cooperation-treaty-bodies", "Cooperation with treaty bodies", [],
        [
            "treaty bod*", "periodic report*", "concluding observations", "list of issues", "individual communications",
            "committee's views", "reporting procedure", "committee against torture", "committee on the elimination",
            "committee on the rights",
            "~constructive dialogue", "~previous recommendations",
            "договорн* орган*", "периодическ* доклад*", "заключительн* замечани*",
        ]),

        Define("cooperation-special-procedures", "Cooperation with special procedures", [],
        [
            "special procedures", "special rapporteur*", "independent expert*", "standing invitation",
            "joint communication",
            "~country visit*",
            "специальн* процедур*", "специальн* докладчик*", "независим* эксперт*", "совместн* сообщени*",
        ]),

        Define("universal-periodic-review", "Universal Periodic Review", [],
        [
            "universal periodic review", "upr", "supported recommendations", "accepted recommendations",
            "универсальн* периодическ* обзор*",
        ]),

        Define("human-rights-education", "Human rights education and training", [Sdg4],
        [
            "human rights education", "human rights training", "training on human rights", "training programme*",
            "training course*", "training session*", "training events", "advanced training",
            "~training", "~trained", "~seminars",
        ]),

        Define("right-to-privacy", "Right to privacy", [Sdg16],
        [
            "right to privacy", "privacy", "personal data", "surveillance", "right to be forgotten", "data protection",
            "~confidentiality",
            "неприкосновенност* частн* жизн*", "персональн* данн*",
        ],
        except: ["video surveillance"]),

        Define("access-to-information", "Access to information", [Sdg16],
        [
            "access to information", "right to information", "freedom of information", "government information",
            "open government", "access rights to information",
            "~transparency",
            "доступ* к информаци*",
        ]),

        Define("marriage-and-family", "Marriage and family", [Sdg5],
        [
            "marriage*", "forced marriage*", "early marriage*", "child marriage*", "bride kidnapping", "polygamy",
            "institution of the family", "family values", "marital",
            "~family", "~families", "~family policy", "~family support cent*",
            "брак*", "~семь*", "~семейн*",
        ],
        except: ["marriage and family code", "marriage code", "code on marriage*", "кодекс* о браке*"]),

        Define("business-and-human-rights", "Business and human rights", [Sdg8],
        [
            "business and human rights", "guiding principles on business", "entrepreneurs' rights",
            "rights of entrepreneurs", "rights of business entities", "business protection",
            "~entrepreneur*", "~business", "~businesses", "~investors",
            "~предпринимател*",
        ]),
    ];

    private static Theme Define(
        string slug,
        string name,
        string[] goals,
        string[] terms,
        ThemeTerm[]? contextual = null,
        string[]? except = null) => new(
            "theme/" + slug,
            name,
            ThemeKind.HumanRights,
            terms.Select(Parse).Concat(contextual ?? []).ToArray(),
            except ?? [],
            goals,
            null);

    private static ThemeTerm Parse(string term) => term.StartsWith('~')
        ? new ThemeTerm(term[1..], TermWeight.Weak)
        : new ThemeTerm(term, TermWeight.Strong);
}
