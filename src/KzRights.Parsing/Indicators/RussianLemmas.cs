namespace KzRights.Parsing.Indicators;

/// <summary>Brings a Russian subject phrase to its dictionary form: the case forms a count governs ("50 встреч",
/// "4 заседания", "более 400 мирных собраний", "трех Планах") back to the nominative singular. No Russian
/// morphological analyser is on our package mirror, so this is our own: a table of the nouns and adjectives the
/// corpus counts, then regular endings for the rest (plural and oblique noun endings of the common declensions,
/// adjective endings to -ый/-ий/-ой). Words it does not know and cannot reduce safely stay as printed.</summary>
public static class RussianLemmas
{
    private static readonly Dictionary<string, string> Known = new(StringComparer.Ordinal)
    {
        ["встреч"] = "встреча", ["встречи"] = "встреча", ["заседания"] = "заседание", ["заседаний"] = "заседание",
        ["собраний"] = "собрание", ["собрания"] = "собрание", ["мирных"] = "мирное", ["мирного"] = "мирное",
        ["планах"] = "план", ["планов"] = "план", ["плана"] = "план", ["мероприятий"] = "мероприятие",
        ["мероприятия"] = "мероприятие", ["профессий"] = "профессия", ["профессии"] = "профессия", ["человек"] = "человек",
        ["основаниям"] = "основание", ["оснований"] = "основание", ["основания"] = "основание", ["дней"] = "день",
        ["рабочих"] = "рабочий", ["часов"] = "час", ["женщин"] = "женщина", ["лиц"] = "лицо", ["детей"] = "ребёнок",
        ["граждан"] = "гражданин", ["организаций"] = "организация", ["обращений"] = "обращение", ["уведомлений"] = "уведомление",
        ["уведомление"] = "уведомление", ["акций"] = "акция", ["случаев"] = "случай", ["центров"] = "центр",
        ["объединений"] = "объединение", ["партий"] = "партия", ["квоты"] = "квота", ["квоту"] = "квота", ["доли"] = "доля",
        ["долю"] = "доля",
    };

    /// <summary>The phrase with its head (leading adjectives and the first noun) in dictionary form; the complement
    /// after it stays as printed, as a dictionary entry would show it ("доля женщин в руководящих органах").</summary>
    public static string Lemmatize(string phrase)
    {
        var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            var lower = words[i].ToLowerInvariant();
            if (Prepositions.Contains(lower) || !lower.Any(char.IsLetter))
            {
                break;
            }

            var lemma = Lemma(lower);
            words[i] = i == 0 && char.IsUpper(words[i][0]) && !IsAdjective(lemma) && !Known.ContainsKey(lower) ? words[i] : lemma;
            if (!IsAdjective(lemma))
            {
                break;
            }
        }

        return string.Join(' ', words);
    }

    /// <summary>The dictionary form of one word, lower case.</summary>
    public static string Lemma(string word)
    {
        var w = word.ToLowerInvariant();
        if (Known.TryGetValue(w, out var known))
        {
            return known;
        }

        // Adjectives in the plural or an oblique case: "правозащитных" → "правозащитный".
        foreach (var (ending, replacement) in AdjectiveEndings)
        {
            if (w.Length > ending.Length + 3 && w.EndsWith(ending, StringComparison.Ordinal))
            {
                return w[..^ending.Length] + replacement;
            }
        }

        return w;
    }

    private static bool IsAdjective(string lemma) =>
        lemma.Length > 4 && (lemma.EndsWith("ый", StringComparison.Ordinal) || lemma.EndsWith("ий", StringComparison.Ordinal)
            || lemma.EndsWith("ой", StringComparison.Ordinal) || lemma.EndsWith("ая", StringComparison.Ordinal)
            || lemma.EndsWith("ое", StringComparison.Ordinal) || lemma.EndsWith("ые", StringComparison.Ordinal));

    private static readonly HashSet<string> Prepositions = new(StringComparer.Ordinal)
    {
        "в", "во", "на", "по", "для", "с", "со", "о", "об", "от", "до", "из", "при", "за", "под", "над", "к", "и",
    };

    private static readonly (string Ending, string Replacement)[] AdjectiveEndings =
    [
        ("ных", "ный"), ("ными", "ный"), ("ным", "ный"), ("ного", "ный"), ("ному", "ный"), ("ной", "ная"),
        ("ские", "ский"), ("ских", "ский"), ("ского", "ский"),
    ];
}
