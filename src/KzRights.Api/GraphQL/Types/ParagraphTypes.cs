using GraphQL;
using GraphQL.Types;
using KzRights.Data.Queries;

namespace KzRights.Api.GraphQL;

public sealed class ParagraphType : ObjectGraphType<ParagraphDto>
{
    public ParagraphType()
    {
        Name = "Paragraph";
        Description = "A paragraph of a document: its text as printed (markup removed), where it sits, its sub-items and footnotes, the recommendations it " +
            "states or answers, its translations and its themes.";
        this.LinksField();
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description(
            "Stable id: document id and printed number or key, e.g. ccpr-c-kaz-co-3/20 or cedaw-c-kaz-rq-6/12(a)/1.");
        Field(x => x.DocumentId, type: typeof(NonNullGraphType<IdGraphType>)).Description("Id of the document.");
        Field(x => x.SectionId, type: typeof(IdGraphType)).Description("Id of the innermost section; null before the first heading.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("sectionPath")
            .Description("Titles of the enclosing sections, outermost first.")
            .Resolve(ctx => ctx.Source.SectionPath);
        Field(x => x.Number, nullable: true).Description("Number normalised to Latin letters and spacing, e.g. 12 (a); null for unnumbered paragraphs.");
        Field(x => x.RawNumber, nullable: true).Description("Number exactly as printed (may use Cyrillic letters).");
        Field(x => x.Text).Description("Text of the paragraph without its sub-items.");
        Field(x => x.Language).Description("Language (ISO 639-1).");
        Field(x => x.StartLine).Description("First line in the source file.");
        Field(x => x.EndLine).Description("Last line in the source file.");
        Field(x => x.Citation).Description(
            "Ready-to-paste citation: document symbol, paragraph number and the release, e.g. CCPR/C/KAZ/CO/3, para. 20 — KzRights release " +
                "2026.12.01-1a2b3c4d.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SubItemType>>>>("subItems")
            .Description("Lettered or numbered sub-items, in order.")
            .Resolve(ctx => ctx.Source.SubItems)
            .WithComplexityImpact(1, 3);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FootnoteType>>>>("footnotes")
            .Description("Footnotes whose markers stand in the text, in order of appearance.")
            .Resolve(ctx => ctx.Source.Footnotes)
            .WithComplexityImpact(1, 2);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ParagraphRecommendationType>>>>("recommendations")
            .Description("Recommendations this paragraph states or responds to, with the kind of link.")
            .Resolve(ctx => ctx.Source.Recommendations)
            .WithComplexityImpact(1, 5);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TranslationType>>>>("translations")
            .Description("The same paragraph in other languages of the document.")
            .Resolve(ctx => ctx.Source.Translations)
            .WithComplexityImpact(1, 2);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IndicatorSummaryType>>>>("indicators")
            .Description("Numbers stated in the paragraph and its sub-items, in reading order.")
            .Resolve(ctx => ctx.Source.Indicators)
            .WithComplexityImpact(1, 3);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EntityMentionType>>>>("entities")
            .Description("Laws, treaties, plans, institutions and events the paragraph (and its sub-items) names, in reading order.")
            .Resolve(ctx => ctx.Source.Entities)
            .WithComplexityImpact(1, 1); // a paragraph names one entity on average
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ThemeTagType>>>>("themes")
            .Description("Themes assigned to the paragraph, strongest first.")
            .Resolve(ctx => ctx.Source.Themes)
            .WithComplexityImpact(1, 3);
        Field<NonNullGraphType<DocumentType>>("document")
            .Description("The document.")
            .Resolve(ctx => ctx.Loaders().Documents.Load(ctx.Source.DocumentId));
    }
}

public sealed class SubItemType : ObjectGraphType<SubItemDto>
{
    public SubItemType()
    {
        Name = "SubItem";
        Description = "A lettered or numbered sub-item of a paragraph, e.g. (a).";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Stable id: paragraph id and label.");
        Field(x => x.Label).Description("Label as printed, e.g. (a).");
        Field(x => x.Text).Description("Text of the sub-item.");
        Field(x => x.Citation).Description("Ready-to-paste citation, e.g. CCPR/C/KAZ/CO/3, para. 20 (a) — KzRights release 2026.12.01-1a2b3c4d.");
    }
}

public sealed class FootnoteType : ObjectGraphType<FootnoteDto>
{
    public FootnoteType()
    {
        Name = "Footnote";
        Description = "A footnote of a paragraph.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Stable id.");
        Field(x => x.Marker).Description("Marker as printed.");
        Field(x => x.MarkerOffset).Description("Offset of the marker in the paragraph text (UTF-16 code units).");
        Field(x => x.Text).Description("Text of the footnote.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CitationType>>>>("citations")
            .Description("UN documents the footnote cites, with the paragraphs cited.")
            .Resolve(ctx => ctx.Source.Citations)
            .WithComplexityImpact(1, 2);
    }
}

public sealed class CitationType : ObjectGraphType<CitationDto>
{
    public CitationType()
    {
        Name = "Citation";
        Description = "A citation of a UN document, e.g. CCPR/C/KAZ/CO/2, paras. 5 and 6.";
        Field(x => x.Symbol).Description("Symbol of the cited document.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("paragraphs")
            .Description("Paragraph numbers cited, as printed; empty when the whole document is cited.")
            .Resolve(ctx => ctx.Source.Paragraphs);
    }
}

public sealed class ParagraphRecommendationType : ObjectGraphType<ParagraphRecommendationDto>
{
    public ParagraphRecommendationType()
    {
        Name = "ParagraphRecommendation";
        Description = "A link from a paragraph to a recommendation it states or responds to.";
        Field(x => x.RecommendationId, type: typeof(NonNullGraphType<IdGraphType>)).Description("Id of the recommendation.");
        Field(x => x.Mechanism).Description("Mechanism of the recommendation: upr, ccpr, cedaw or special-procedures.");
        Field(x => x.Locator).Description("Printed locator of the recommendation, e.g. 139.30 or 20.");
        Field(x => x.Relation).Description("How the paragraph relates to it: states (the paragraph issues it), responds-to or follow-up.");
        Field<NonNullGraphType<RecommendationType>>("recommendation")
            .Description("The recommendation itself, with its responses.")
            .Resolve(ctx => ctx.Loaders().Recommendations.Load(ctx.Source.RecommendationId));
    }
}

public sealed class TranslationType : ObjectGraphType<TranslationDto>
{
    public TranslationType()
    {
        Name = "Translation";
        Description = "The same paragraph in another language.";
        Field(x => x.ParagraphId, type: typeof(NonNullGraphType<IdGraphType>)).Description("Id of the translated paragraph.");
        Field(x => x.Language).Description("Its language (ISO 639-1).");
        Field<NonNullGraphType<ParagraphType>>("paragraph")
            .Description("The translated paragraph.")
            .Resolve(ctx => ctx.Loaders().Paragraphs.Load(ctx.Source.ParagraphId));
    }
}
