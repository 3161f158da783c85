namespace KzRights.Parsing.Entities;

/// <summary>The kinds of named thing the documents talk about.</summary>
public static class EntityKind
{
    /// <summary>Laws, acts and codes (the Constitution included).</summary>
    public const string Law = "law";

    /// <summary>Treaties, conventions and protocols.</summary>
    public const string Treaty = "treaty";

    /// <summary>Plans, programmes, concepts, frameworks and national projects.</summary>
    public const string Plan = "plan";

    /// <summary>Institutions and mechanisms: the Human Rights Commissioner, the national preventive mechanism, courts.</summary>
    public const string Institution = "institution";

    /// <summary>Dated events: abolitions, decriminalizations, introductions, reforms, referendums.</summary>
    public const string Event = "event";

    public static readonly IReadOnlyList<string> All = [Law, Treaty, Plan, Institution, Event];
}

/// <summary>One mention of an entity in a paragraph (or lettered sub-item): <see cref="Quote"/> is
/// <c>text.Substring(Start, Length)</c>; <see cref="Attributes"/> are only what this mention's sentence states
/// (e.g. <c>adopted</c> = <c>2024-04-15</c>, <c>since</c> = <c>2022</c>, <c>period</c> = <c>2023–2025</c>).</summary>
public sealed record EntityMention(
    string Id,
    string EntityId,
    string Kind,
    string DocumentId,
    string ParagraphId,
    string Language,
    string Quote,
    int Start,
    int Length,
    IReadOnlyDictionary<string, string> Attributes,
    string Rule);

/// <summary>Two mentions of one entity that state different values for the same attribute.</summary>
public sealed record EntityDisagreement(
    string Attribute,
    string FirstMentionId,
    string FirstValue,
    string FirstQuote,
    string SecondMentionId,
    string SecondValue,
    string SecondQuote,
    bool AcrossDocuments);

/// <summary>A named law, treaty, plan, institution or event with every mention of it across the documents.
/// <see cref="Attributes"/> merges what the mentions state (the first stated value of each attribute);
/// <see cref="Disagreements"/> lists the attributes on which mentions differ, with both quotes.</summary>
public sealed record Entity(
    string Id,
    string Kind,
    string Name,
    IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyList<EntityMention> Mentions,
    IReadOnlyList<EntityDisagreement> Disagreements);
