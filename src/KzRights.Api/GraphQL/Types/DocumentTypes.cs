using GraphQL;
using GraphQL.Types;
using KzRights.Data.Queries;
using KzRights.Data.ReadModel;

namespace KzRights.Api.GraphQL;

public sealed class DocumentType : ObjectGraphType<DocumentDto>
{
    public DocumentType()
    {
        Name = "Document";
        Description = "A source document of the corpus: UN treaty-body, UPR or special-procedures document, or the government's reply.";
        this.LinksField();
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Stable id (slug of the symbol), e.g. ccpr-c-kaz-co-3.");
        Field(x => x.Symbol, nullable: true).Description("UN document symbol, e.g. CCPR/C/KAZ/CO/3; null when the document has none.");
        Field(x => x.SymbolPrinted).Description("True when the symbol appears in the document text; false when it comes from the corpus manifest only.");
        Field(x => x.Title).Description("Title as printed.");
        Field(x => x.DocumentType).Description(
            "Kind of document: upr-national-report, concluding-observations, list-of-issues-replies, communication-reply or government-review.");
        Field(x => x.Body).Description("Issuing body, e.g. Human Rights Committee.");
        Field(x => x.Mechanism).Description("Human-rights mechanism: upr, ccpr, cedaw or special-procedures.");
        Field(x => x.Layout).Description("Layout of the source, which selects the parser that read it, e.g. concluding-observations.");
        Field(x => x.Session, nullable: true).Description("Session of the body, when printed.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("languages")
            .Description("Languages the document contains (ISO 639-1).")
            .Resolve(ctx => ctx.Source.Languages);
        Field(x => x.OriginalLanguage).Description("Language the document was written in (ISO 639-1).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DocumentDateType>>>>("dates")
            .Description("Dates printed in the document, oldest first.")
            .Resolve(ctx => ctx.Source.Dates);
        Field(x => x.SourceFile).Description("File of the corpus the document was parsed from.");
        Field(x => x.Sha256).Description("SHA-256 of the source file.");
        Field(x => x.OfficialUrl, nullable: true).Description(
            "The official text at the UN Official Document System, by symbol; null when the document has no UN symbol.");
        Field<NonNullGraphType<DocumentCountsType>>("counts")
            .Description("How many records of each kind the document has.")
            .Resolve(ctx => ctx.Source.Counts);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SectionType>>>>("sections")
            .Description("Top-level sections in reading order; each nests its sub-sections in children.")
            .Resolve(ctx => ctx.Loaders().SectionTrees.Load(ctx.Source.Id).Then(s => s ?? []))
            .WithComplexityImpact(1, 10);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SourceReferenceType>>>>("references")
            .Description("The document's list of sources (endnote-style references), in printed order.")
            .Resolve(ctx => ctx.Loaders().References.Load(ctx.Source.Id).Then(r => r ?? []))
            .WithComplexityImpact(1, 10);
        Field<NonNullGraphType<ParagraphConnectionType>>("paragraphs")
            .Description("The document's paragraphs in reading order. Cursors are shared with paragraphs(document: <this id>).")
            .PageArguments()
            .Resolve(ctx => ParagraphPages.Load(ctx, new ParagraphPageRequest(ctx.Source.Id, null, ctx.First(), ctx.After())));
    }
}

public sealed class DocumentCountsType : ObjectGraphType<DocumentCountsDto>
{
    public DocumentCountsType()
    {
        Name = "DocumentCounts";
        Description = "Record counts of one document.";
        Field(x => x.Sections).Description("Sections at every level.");
        Field(x => x.Paragraphs).Description("Paragraphs.");
        Field(x => x.SubItems).Description("Lettered sub-items of paragraphs.");
        Field(x => x.Footnotes).Description("Footnotes.");
        Field(x => x.References).Description("Entries of the list of sources.");
        Field(x => x.Recommendations).Description("Distinct recommendations the document's paragraphs state or respond to.");
    }
}

public sealed class DocumentDateType : ObjectGraphType<DocumentDateDto>
{
    public DocumentDateType()
    {
        Name = "DocumentDate";
        Description = "A date printed in a document.";
        Field(x => x.Role).Description("What the date is: adopted, issued, received or sent.");
        Field(x => x.Date, type: typeof(NonNullGraphType<DateOnlyGraphType>)).Description("The date (yyyy-MM-dd).");
        Field(x => x.Note).Description("The printed words the date was read from.");
    }
}

public sealed class SectionType : ObjectGraphType<SectionDto>
{
    public SectionType()
    {
        Name = "Section";
        Description = "A heading of a document and what falls under it.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Stable id: the document id and the heading path, e.g. ccpr-c-kaz-co-3/c.");
        Field(x => x.DocumentId, type: typeof(NonNullGraphType<IdGraphType>)).Description("Id of the document.");
        Field(x => x.ParentId, type: typeof(IdGraphType)).Description("Id of the enclosing section; null at top level.");
        Field(x => x.Level).Description("Nesting level, 1 at top.");
        Field(x => x.Kind).Description("Kind of heading: part, chapter, heading or recommendation-group.");
        Field(x => x.Number, nullable: true).Description("Printed number or letter, when there is one.");
        Field(x => x.Title).Description("Heading text.");
        Field(x => x.Language).Description("Language of the heading (ISO 639-1).");
        Field(x => x.ParagraphCount).Description("Paragraphs in this section and its sub-sections.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SectionType>>>>("children")
            .Description("Sub-sections in reading order.")
            .Resolve(ctx => ctx.Source.Children);
        Field<NonNullGraphType<DocumentType>>("document")
            .Description("The document.")
            .Resolve(ctx => ctx.Loaders().Documents.Load(ctx.Source.DocumentId));
        Field<NonNullGraphType<ParagraphConnectionType>>("paragraphs")
            .Description("Paragraphs of this section and its sub-sections in reading order. Cursors are shared with paragraphs(section: <this id>).")
            .PageArguments()
            .Resolve(ctx => ParagraphPages.Load(ctx, new ParagraphPageRequest(ctx.Source.DocumentId, ctx.Source.Id, ctx.First(), ctx.After())));
    }
}

public sealed class SourceReferenceType : ObjectGraphType<SourceReferenceDto>
{
    public SourceReferenceType()
    {
        Name = "SourceReference";
        Description = "An entry of a document's list of sources.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Stable id.");
        Field(x => x.Marker).Description("Marker as printed (number or letter).");
        Field(x => x.Text).Description("Text of the entry.");
        Field(x => x.Url, nullable: true).Description("Web address given in the entry, if any.");
    }
}

/// <summary>document → paragraphs and section → paragraphs: one batched page per owner.</summary>
internal static class ParagraphPages
{
    public static object Load(IResolveFieldContext context, ParagraphPageRequest request)
    {
        // A cursor of another list fails this field only, not the whole batch.
        request.DecodeCursor();
        return context.Loaders().ParagraphPages.Load(request)
            .Then(page => new Connection<Served<ParagraphDto>>(
                (page ?? throw new InvalidOperationException("page missing from batch")).Map(Served<ParagraphDto>.Of), request.Cursor is not null));
    }
}
