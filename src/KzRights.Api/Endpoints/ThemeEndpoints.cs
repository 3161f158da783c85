using FluentValidation;
using KzRights.Api.Infrastructure;
using KzRights.Data.Queries;
using KzRights.Data.ReadModel;
using KzRights.Data.Tables;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KzRights.Api.Endpoints;

public static class ThemeEndpoints
{
    public static IEndpointRouteBuilder MapThemeEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/themes").WithTags("Themes");
        group.MapGet("/", ListThemes).WithName("listThemes")
            .WithSummary("List the theme vocabulary with counts")
            .WithDescription("Human-rights themes (OHCHR Universal Human Rights Index names where they fit) and the 17 SDGs, with how many paragraphs, " +
                "recommendations and indicators carry each. Tags below confidence 0.5 are not stored.")
            .WithRequestValidation<ListThemesRequest>().WithTableAnswers(Tables.Themes);
        group.MapGet("/{**themeId}", GetTheme).WithName("getTheme").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Get one theme with its counts")
            .WithDescription("A theme or SDG of the vocabulary, e.g. theme/womens-rights, with how many records carry it.")
            .WithRequestValidation<NoQuery>();
        return app;
    }

    public static async Task<Results<Ok<Page<ThemeDto>>, TableAnswer>> ListThemes(
        [AsParameters] ListThemesRequest request,
        HttpContext http,
        ThemeQueries themes,
        CancellationToken ct) =>
        TableAnswer.Requested(http) is not null
            ? await TableAnswer.CreateAsync(http, themes.Table(request.Kind), request, ct)
            : TypedResults.Ok(await themes.ListAsync(request.Kind, QueryRules.LimitOrDefault(request.Limit), request.Cursor, ct));

    public static async Task<Results<Ok<Served<ThemeDto>>, ProblemHttpResult>> GetTheme(
        [PathParameter("Theme id, e.g. theme/torture or sdg/5 (see /v1/themes). The '/' may be sent as is or as %2F.")] string themeId,
        ThemeQueries themes, CancellationToken ct) =>
        await themes.GetServedAsync(themeId, ct) is { } theme ? TypedResults.Ok(theme) : Problems.NotFound("Theme", themeId);
}

/// <summary>Query of <c>GET /v1/themes</c> and arguments of GraphQL's <c>themes</c>.</summary>
public sealed record ListThemesRequest(
    [OneOfParameter(
        "kind",
        "Only human-rights themes (theme) or Sustainable Development Goals (sdg).",
        typeof(ThemeQueries),
        nameof(ThemeQueries.Kinds))] string? Kind,
    [LimitParameter] string? Limit,
    [CursorParameter] string? Cursor) : IPagedRequest
{
    public sealed class Validator : AbstractValidator<ListThemesRequest>
    {
        public Validator() => this.AddParameterRules();
    }
}
