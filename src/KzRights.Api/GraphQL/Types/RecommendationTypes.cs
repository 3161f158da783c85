using GraphQL;
using GraphQL.Types;
using KzRights.Data.Queries;

namespace KzRights.Api.GraphQL;

public sealed class RecommendationType : ObjectGraphType<RecommendationDto>
{
    public RecommendationType()
    {
        Name = "Recommendation";
        Description
            = "A UPR or CCPR recommendation, a CEDAW list-of-issues question, or a special-procedures communication, with the paragraphs that respond to it.";
        this.LinksField();
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description(
            "Stable id, e.g. upr-3/139.30, ccpr-3/20, cedaw-loi-6/12(a), sp/al-kaz-4-2025.");
        Field(x => x.Mechanism).Description("upr, ccpr, cedaw or special-procedures.");
        Field(x => x.Locator).Description("Printed locator, e.g. 139.30.");
        Field(x => x.Citation).Description("Ready-to-paste citation: the document and paragraph that state it (or its mechanism and number), and the release.");
        Field(x => x.Text, nullable: true).Description("Text; null where the corpus does not contain the source document.");
        Field(x => x.SourceDocumentId, type: typeof(IdGraphType)).Description("Id of the document that issues it, when in the corpus.");
        Field(x => x.ParagraphId, type: typeof(IdGraphType)).Description("Id of the paragraph that states it, when in the corpus.");
        Field(x => x.Theme, nullable: true).Description("Theme heading it is grouped under, when printed.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CitationType>>>>("priorRecommendations")
            .Description("Earlier recommendations it repeats or refers to.")
            .Resolve(ctx => ctx.Source.PriorRecommendations)
            .WithComplexityImpact(1, 2);
        Field(x => x.FollowUp).Description("True when singled out for follow-up.");
        Field(x => x.FollowUpDeadline, type: typeof(DateOnlyGraphType)).Description("Deadline of the follow-up reply, when set.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ResponseType>>>>("responses")
            .Description("Paragraphs that respond to it, in reading order.")
            .Resolve(ctx => ctx.Source.Responses)
            .WithComplexityImpact(1, 3);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IndicatorSummaryType>>>>("indicators")
            .Description("Numbers stated in the paragraphs that state or respond to the recommendation, in reading order.")
            .Resolve(ctx => ctx.Source.Indicators)
            .WithComplexityImpact(1, 3);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ThemeTagType>>>>("themes")
            .Description("Themes assigned to the recommendation, strongest first.")
            .Resolve(ctx => ctx.Source.Themes)
            .WithComplexityImpact(1, 3);
        Field<DocumentType>("sourceDocument")
            .Description("The document that issues it; null when not in the corpus.")
            .Resolve(ctx => ctx.Source.SourceDocumentId is { } id ? ctx.Loaders().Documents.Load(id) : null);
        Field<ParagraphType>("paragraph")
            .Description("The paragraph that states it; null when not in the corpus.")
            .Resolve(ctx => ctx.Source.ParagraphId is { } id ? ctx.Loaders().Paragraphs.Load(id) : null);
    }
}

public sealed class ResponseType : ObjectGraphType<ResponseDto>
{
    public ResponseType()
    {
        Name = "Response";
        Description = "A paragraph that responds to a recommendation.";
        Field(x => x.ParagraphId, type: typeof(NonNullGraphType<IdGraphType>)).Description("Id of the responding paragraph.");
        Field(x => x.DocumentId, type: typeof(NonNullGraphType<IdGraphType>)).Description("Id of its document.");
        Field(x => x.Relation).Description("Kind of link: states (the paragraph that issues it), responds-to or follow-up.");
        Field(x => x.Evidence).Description("Why the link was made, e.g. the printed reference to the recommendation.");
        Field<NonNullGraphType<ParagraphType>>("paragraph")
            .Description("The responding paragraph.")
            .Resolve(ctx => ctx.Loaders().Paragraphs.Load(ctx.Source.ParagraphId));
        Field<NonNullGraphType<DocumentType>>("document")
            .Description("Its document.")
            .Resolve(ctx => ctx.Loaders().Documents.Load(ctx.Source.DocumentId));
    }
}

public sealed class SearchHitType : ObjectGraphType<SearchHitDto>
{
    public SearchHitType()
    {
        Name = "SearchHit";
        Description = "A search result with a snippet of the matching text.";
        this.LinksField();
        Field(x => x.Type).Description("paragraph or recommendation.");
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Id of the paragraph or recommendation.");
        Field(x => x.DocumentId, type: typeof(IdGraphType)).Description("Id of its document, when known.");
        Field(x => x.Number, nullable: true).Description("Paragraph number or recommendation locator.");
        Field(x => x.Score).Description("Relevance; higher is better. Hits come best first.");
        Field(x => x.Snippet).Description("Excerpt of the text around the matches.");
        Field(x => x.SnippetOffset).Description("Offset of the snippet in the record's text.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<HighlightType>>>>("highlights")
            .Description("Matched words within the snippet.")
            .Resolve(ctx => ctx.Source.Highlights)
            .WithComplexityImpact(1, 3);
        Field<ParagraphType>("paragraph")
            .Description("The paragraph, when type is paragraph.")
            .Resolve(ctx => ctx.Source.Type == "paragraph" ? ctx.Loaders().Paragraphs.Load(ctx.Source.Id) : null);
        Field<RecommendationType>("recommendation")
            .Description("The recommendation, when type is recommendation.")
            .Resolve(ctx => ctx.Source.Type == "recommendation" ? ctx.Loaders().Recommendations.Load(ctx.Source.Id) : null);
    }
}

public sealed class HighlightType : ObjectGraphType<HighlightDto>
{
    public HighlightType()
    {
        Name = "Highlight";
        Description = "A matched word within a snippet.";
        Field(x => x.Start).Description("Offset in the snippet (UTF-16 code units).");
        Field(x => x.Length).Description("Length (UTF-16 code units).");
    }
}
