using FluentValidation;
using KzRights.Api.Infrastructure;
using KzRights.Data.Queries;
using KzRights.Data.ReadModel;
using KzRights.Data.Tables;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KzRights.Api.Endpoints;

public static class ParagraphEndpoints
{
    public static IEndpointRouteBuilder MapParagraphEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/paragraphs").WithTags("Paragraphs");
        group.MapGet("/", ListParagraphs).WithName("listParagraphs")
            .WithSummary("List paragraphs across the corpus")
            .WithDescription("Paragraphs in corpus reading order, filtered by document, section (with its sub-sections), language and words of the text.")
            .WithRequestValidation<ListParagraphsRequest>().WithTableAnswers(Tables.Paragraphs);
        // Paragraph ids contain '/' (e.g. ccpr-c-kaz-co-3/20(a)): a catch-all segment takes them as they are; %2F also works.
        group.MapGet("/{**paragraphId}", GetParagraph).WithName("getParagraph").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Get one paragraph")
            .WithDescription("Text, number or key, section path, sub-items, footnotes, the recommendations it responds to and its translations.")
            .WithRequestValidation<NoQuery>();
        return app;
    }

    public static async Task<Results<Ok<Page<Served<ParagraphDto>>>, TableAnswer>> ListParagraphs(
        [AsParameters] ListParagraphsRequest request, HttpContext http, ParagraphQueries paragraphs, CancellationToken ct)
    {
        if (TableAnswer.Requested(http) is not null)
        {
            return await TableAnswer.CreateAsync(http, await paragraphs.TableAsync(request.Filter, ct), request, ct);
        }

        return TypedResults.Ok(await paragraphs.ListServedAsync(request.Filter, QueryRules.LimitOrDefault(request.Limit), request.Cursor, ct));
    }

    public static async Task<Results<Ok<Served<ParagraphDto>>, ProblemHttpResult>> GetParagraph(
        [PathParameter("Paragraph id, e.g. ccpr-c-kaz-co-3/20 or cedaw-c-kaz-rq-6/12(a)/1. The '/' may be sent as is or as %2F.")] string paragraphId,
        ParagraphQueries paragraphs, CancellationToken ct) =>
        await paragraphs.GetServedAsync(paragraphId, ct) is { } paragraph ? TypedResults.Ok(paragraph) : Problems.NotFound("Paragraph", paragraphId);
}

/// <summary>Query of <c>GET /v1/paragraphs</c> and arguments of GraphQL's <c>paragraphs</c>.</summary>
public sealed record ListParagraphsRequest(
    [DocumentParameter] string? Document,
    [SectionParameter] string? Section,
    [LanguageParameter] string? Lang,
    [TextQueryParameter] string? Q,
    [LimitParameter] string? Limit,
    [CursorParameter] string? Cursor) : IPagedRequest
{
    public ParagraphFilter Filter => new(Document, Section, Lang, Q);

    public sealed class Validator : AbstractValidator<ListParagraphsRequest>
    {
        public Validator() => this.AddParameterRules();
    }
}
