using FluentValidation;
using KzRights.Api.Infrastructure;
using KzRights.Data.Queries;
using KzRights.Data.ReadModel;
using KzRights.Data.Tables;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KzRights.Api.Endpoints;

public static class DocumentEndpoints
{
    public static IEndpointRouteBuilder MapDocumentEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/documents").WithTags("Documents");
        group.MapGet("/", ListDocuments).WithName("listDocuments")
            .WithSummary("List the corpus documents")
            .WithDescription("Metadata and record counts of every source document, in corpus order.")
            .WithRequestValidation<ListDocumentsRequest>().WithTableAnswers(Tables.Documents);
        group.MapGet("/{documentId}", GetDocument).WithName("getDocument").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Get one document with its section tree")
            .WithDescription("Metadata, counts, the nested section tree (with paragraph counts) and the document's list of sources.")
            .WithRequestValidation<NoQuery>();
        group.MapGet("/{documentId}/paragraphs", ListDocumentParagraphs).WithName("listDocumentParagraphs").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("List a document's paragraphs in reading order")
            .WithDescription("The same records as /v1/paragraphs?document={documentId}, with an unknown document answering 404.")
            .WithRequestValidation<ListDocumentParagraphsRequest>().WithTableAnswers(Tables.Paragraphs);
        return app;
    }

    public static async Task<Results<Ok<Page<DocumentDto>>, TableAnswer>> ListDocuments(
        [AsParameters] ListDocumentsRequest request, HttpContext http, DocumentQueries documents, CancellationToken ct) =>
        TableAnswer.Requested(http) is not null
            ? await TableAnswer.CreateAsync(http, documents.Table(), request, ct)
            : TypedResults.Ok(await documents.ListAsync(QueryRules.LimitOrDefault(request.Limit), request.Cursor, ct));

    public static async Task<Results<Ok<Served<DocumentDetailDto>>, ProblemHttpResult>> GetDocument([DocumentId] string documentId, DocumentQueries documents,
        CancellationToken ct) =>
        await documents.GetServedAsync(documentId, ct) is { } detail
            ? TypedResults.Ok(detail)
            : Problems.NotFound("Document", documentId);

    public static async Task<Results<Ok<Page<Served<ParagraphDto>>>, TableAnswer, ProblemHttpResult>> ListDocumentParagraphs(
        [DocumentId] string documentId, [AsParameters] ListDocumentParagraphsRequest request, HttpContext http, DocumentQueries documents,
        ParagraphQueries paragraphs, CancellationToken ct)
    {
        if (!await documents.ExistsAsync(documentId, ct))
        {
            return Problems.NotFound("Document", documentId);
        }

        var filter = new ParagraphFilter(Document: documentId, Section: request.Section, Language: request.Lang);
        if (TableAnswer.Requested(http) is not null)
        {
            return await TableAnswer.CreateAsync(http, await paragraphs.TableAsync(filter, ct), request, ct);
        }

        return TypedResults.Ok(await paragraphs.ListServedAsync(filter, QueryRules.LimitOrDefault(request.Limit), request.Cursor, ct));
    }
}

/// <summary>Query of <c>GET /v1/documents</c>.</summary>
public sealed record ListDocumentsRequest([LimitParameter] string? Limit, [CursorParameter] string? Cursor) : IPagedRequest
{
    public sealed class Validator : AbstractValidator<ListDocumentsRequest>
    {
        public Validator() => this.AddParameterRules();
    }
}

/// <summary>Query of <c>GET /v1/documents/{documentId}/paragraphs</c>.</summary>
public sealed record ListDocumentParagraphsRequest(
    [SectionParameter] string? Section,
    [LanguageParameter] string? Lang,
    [LimitParameter] string? Limit,
    [CursorParameter] string? Cursor) : IPagedRequest
{
    public sealed class Validator : AbstractValidator<ListDocumentParagraphsRequest>
    {
        public Validator() => this.AddParameterRules();
    }
}
