namespace KzRights.Data.Releases;

/// <summary>The record types a release hashes and reports changes of, with the canonical URL path of each.</summary>
public static class RecordTypes
{
    public const string Document = "document";
    public const string Paragraph = "paragraph";
    public const string Recommendation = "recommendation";
    public const string Indicator = "indicator";
    public const string Quota = "quota";
    public const string Series = "series";
    public const string Fact = "fact";
    public const string Theme = "theme";
    public const string Entity = "entity";

    public static readonly IReadOnlyList<string> All = [Document, Paragraph, Recommendation, Indicator, Quota, Series, Fact, Theme, Entity];

    private static readonly Dictionary<string, string> Collections = new(StringComparer.Ordinal)
    {
        [Document] = "documents",
        [Paragraph] = "paragraphs",
        [Recommendation] = "recommendations",
        [Indicator] = "indicators",
        [Quota] = "quotas",
        [Series] = "series",
        [Fact] = "facts",
        [Theme] = "themes",
        [Entity] = "entities",
    };

    /// <summary>The path a record is served at. Ids use only URL-safe characters, so they stand unescaped.</summary>
    public static string SelfPath(string type, string id) => $"/v1/{Collections[type]}/{id}";
}
