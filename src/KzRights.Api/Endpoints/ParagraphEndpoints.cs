using FluentValidation;
using KzRights.Api.Infrastructure;
using KzRights.Data.Queries;
using KzRights.Data.ReadModel;
using KzRights.Data.Tables;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

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
        var filter = new ParagraphFilter(request.Document, request.Section, request.Lang, request.Q);
        if (TableAnswer.Requested(http) is not null)
        {
            return await TableAnswer.CreateAsync(http, await paragraphs.TableAsync(filter, ct), request, ct);
        }

        return TypedResults.Ok(await paragraphs.ListServedAsync(filter, QueryRules.LimitOrDefault(request.Limit), request.Cursor, ct));
    }

    public static async Task<Results<Ok<Served<ParagraphDto>>, ProblemHttpResult>> GetParagraph(string paragraphId, ParagraphQueries paragraphs, CancellationToken ct) =>
        await paragraphs.GetServedAsync(paragraphId, ct) is { } paragraph ? TypedResults.Ok(paragraph) : Problems.NotFound("Paragraph", paragraphId);
}

/// <summary>Query of <c>GET /v1/paragraphs</c>.</summary>
public sealed record ListParagraphsRequest(
    [FromQuery(Name = "document")] string? Document,
    [FromQuery(Name = "section")] string? Section,
    [FromQuery(Name = "lang")] string? Lang,
    [FromQuery(Name = "q")] string? Q,
    [FromQuery(Name = "limit")] string? Limit,
    [FromQuery(Name = "cursor")] string? Cursor) : IPagedRequest
{
    public sealed class Validator : AbstractValidator<ListParagraphsRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Document).ValidId("document").OverridePropertyName("document");
            RuleFor(r => r.Section).ValidId("section").OverridePropertyName("section");
            RuleFor(r => r.Lang).OneOf("lang", QueryRules.Languages).OverridePropertyName("lang");
            RuleFor(r => r.Q).ValidSearchText("q").OverridePropertyName("q");
            this.AddPagingRules();
        }
    }
}
