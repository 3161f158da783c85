using GraphQL.Types;
using KzRights.Data.Releases;

namespace KzRights.Api.GraphQL;

public sealed class ReleaseType : ObjectGraphType<ReleaseDto>
{
    public ReleaseType()
    {
        Name = "Release";
        Description = "An immutable snapshot of the data, published by an ingest that changed at least one record.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description(
            "Publication date and the start of the content hash, e.g. 2026.12.01-1a2b3c4d.");
        Field(x => x.PublishedAt).Description("When the release was published (UTC).");
        Field(x => x.PreviousReleaseId, type: typeof(IdGraphType)).Description("The release before this one; null for the first.");
        Field(x => x.ManifestSha256).Description("SHA-256 of the corpus manifest the release was built from.");
        Field(x => x.ParserVersion).Description("Version of the parsing and analysis rules.");
        Field(x => x.ContentSha256).Description("SHA-256 over every record's type, id and content hash.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RecordCountType>>>>("counts")
            .Description("How many records of each type the release holds.")
            .Resolve(ctx => ctx.Source.Counts.Select(c => new RecordCount(c.Key, c.Value)).ToArray());
        Field<NonNullGraphType<LicenseType>>("license").Description("The terms the data is published under.").Resolve(ctx => ctx.Source.License);
    }
}

public sealed record RecordCount(string Type, int Count);

public sealed class RecordCountType : ObjectGraphType<RecordCount>
{
    public RecordCountType()
    {
        Name = "RecordCount";
        Description = "The number of records of one type in a release.";
        Field(x => x.Type).Description("Record type: document, paragraph, recommendation, indicator, quota, series, fact or theme.");
        Field(x => x.Count).Description("How many.");
    }
}

public sealed class LicenseType : ObjectGraphType<LicenseDto>
{
    public LicenseType()
    {
        Name = "License";
        Description = "The licence of the derived data and the terms of use.";
        Field(x => x.Id).Description("SPDX identifier, e.g. CC-BY-4.0.");
        Field(x => x.Name).Description("Name of the licence.");
        Field(x => x.Url).Description("The licence text.");
        Field(x => x.Terms).Description("What the data is, where it comes from and what users may do with it.");
    }
}

public sealed class ReleaseConnectionType() : ConnectionType<ReleaseType, ReleaseEdgeType, ReleaseDto>("ReleaseConnection", "releases");

public sealed class ReleaseEdgeType() : EdgeType<ReleaseType, ReleaseDto>("ReleaseEdge", "the releases");

public sealed class RecordLinksType : ObjectGraphType<Data.Queries.RecordLinksDto>
{
    public RecordLinksType()
    {
        Name = "RecordLinks";
        Description = "Where a record is served over REST.";
        Field(x => x.Self).Description("The record's canonical URL path, stable across releases, e.g. /v1/paragraphs/ccpr-c-kaz-co-3/20.");
    }
}

public static class RecordLinksFieldExtensions
{
    /// <summary>The <c>links</c> field every record type has, as REST serves it.</summary>
    public static void LinksField<T>(this ObjectGraphType<T> type)
        where T : Data.Queries.ILinkedRecord =>
        type.Field<NonNullGraphType<RecordLinksType>>("links").Description("Where the record is served over REST.").Resolve(ctx => ctx.Source.Links);
}
