using FluentValidation;
using KzRights.Api.Infrastructure;
using KzRights.Data.Queries;
using KzRights.Data.Tables;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace KzRights.Api.Endpoints;

public static class ThemeEndpoints
{
    public static IEndpointRouteBuilder MapThemeEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/v1/themes").WithTags("Themes")
            .MapGet("/", ListThemes).WithName("listThemes")
            .WithSummary("List the theme vocabulary with counts")
            .WithDescription("Human-rights themes (OHCHR Universal Human Rights Index names where they fit) and the 17 SDGs, with how many paragraphs, recommendations and indicators carry each. Tags below confidence 0.5 are not stored.")
            .WithRequestValidation<ListThemesRequest>().WithTableAnswers(Tables.Themes);
        return app;
    }

    public static async Task<Results<Ok<Page<ThemeDto>>, TableAnswer>> ListThemes([AsParameters] ListThemesRequest request, HttpContext http, ThemeQueries themes, CancellationToken ct) =>
        TableAnswer.Requested(http) is not null
            ? await TableAnswer.CreateAsync(http, themes.Table(request.Kind), request, ct)
            : TypedResults.Ok(await themes.ListAsync(request.Kind, QueryRules.LimitOrDefault(request.Limit), request.Cursor, ct));
}

/// <summary>Query of <c>GET /v1/themes</c>.</summary>
public sealed record ListThemesRequest(
    [FromQuery(Name = "kind")] string? Kind,
    [FromQuery(Name = "limit")] string? Limit,
    [FromQuery(Name = "cursor")] string? Cursor) : IPagedRequest
{
    public sealed class Validator : AbstractValidator<ListThemesRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Kind).OneOf("kind", ThemeQueries.Kinds).OverridePropertyName("kind");
            this.AddPagingRules();
        }
    }
}
