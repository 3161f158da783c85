using FluentValidation;
using KzRights.Api.Infrastructure;
using KzRights.Data.Queries;
using KzRights.Data.ReadModel;
using KzRights.Data.Tables;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

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

    public static async Task<Results<Ok<Served<DocumentDetailDto>>, ProblemHttpResult>> GetDocument(string documentId, DocumentQueries documents, CancellationToken ct) =>
        await documents.GetServedAsync(documentId, ct) is { } detail
            ? TypedResults.Ok(detail)
            : Problems.NotFound("Document", documentId);

    public static async Task<Results<Ok<Page<Served<ParagraphDto>>>, TableAnswer, ProblemHttpResult>> ListDocumentParagraphs(
        string documentId, [AsParameters] ListDocumentParagraphsRequest request, HttpContext http, DocumentQueries documents, ParagraphQueries paragraphs, CancellationToken ct)
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
/// <param name="Limit">Page size, 1–500 (default 50).</param>
/// <param name="Cursor">The <c>nextCursor</c> of the previous page.</param>
public sealed record ListDocumentsRequest(
    [FromQuery(Name = "limit")] string? Limit,
    [FromQuery(Name = "cursor")] string? Cursor) : IPagedRequest
{
    public sealed class Validator : AbstractValidator<ListDocumentsRequest>
    {
        public Validator()
        {
            this.AddPagingRules();
        }
    }
}

/// <summary>Query of <c>GET /v1/documents/{documentId}/paragraphs</c>.</summary>
/// <param name="Section">Only paragraphs of this section id and its sub-sections.</param>
/// <param name="Lang">Only paragraphs in this language (ISO 639-1).</param>
/// <param name="Limit">Page size, 1–500 (default 50).</param>
/// <param name="Cursor">The <c>nextCursor</c> of the previous page.</param>
public sealed record ListDocumentParagraphsRequest(
    [FromQuery(Name = "section")] string? Section,
    [FromQuery(Name = "lang")] string? Lang,
    [FromQuery(Name = "limit")] string? Limit,
    [FromQuery(Name = "cursor")] string? Cursor) : IPagedRequest
{
    public sealed class Validator : AbstractValidator<ListDocumentParagraphsRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Section).ValidId("section").OverridePropertyName("section");
            RuleFor(r => r.Lang).OneOf("lang", QueryRules.Languages).OverridePropertyName("lang");
            this.AddPagingRules();
        }
    }
}
