using FluentValidation;
using KzRights.Api.Infrastructure;
using KzRights.Data.Queries;
using KzRights.Data.ReadModel;
using KzRights.Data.Tables;
using KzRights.Parsing.Indicators;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KzRights.Api.Endpoints;

/// <summary>The numbers of the corpus: indicators, quotas, time series and facts stated in several documents.</summary>
public static class IndicatorEndpoints
{
    public static IEndpointRouteBuilder MapIndicatorEndpoints(this IEndpointRouteBuilder app)
    {
        var indicators = app.MapGroup("/v1/indicators").WithTags("Indicators");
        indicators.MapGet("/", ListIndicators).WithName("listIndicators")
            .WithSummary("List indicators: every number that measures something")
            .WithDescription("Typed values (value, range, unit, scale, qualifier, period, subject, kind, measure, population) with provenance: document, " +
                "paragraph, the exact quote and its offsets, and the extraction rule. measure= keeps one key of the controlled measure vocabulary (e.g. " +
                    "women-share/judges).")
            .WithRequestValidation<ListIndicatorsRequest>().WithTableAnswers(Tables.Indicators);
        indicators.MapGet("/{**indicatorId}", GetIndicator).WithName("getIndicator").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Get one indicator")
            .WithDescription("With the fact it attests, the series it belongs to, its translation (Russian ↔ English) and its themes.")
            .WithRequestValidation<NoQuery>();

        var series = app.MapGroup("/v1/series").WithTags("Indicators");
        series.MapGet("/", ListSeries).WithName("listSeries")
            .WithSummary("List time series")
            .WithDescription("A measure a paragraph gives for several periods, points ordered by period.")
            .WithRequestValidation<ListByDocumentRequest>().WithTableAnswers(Tables.SeriesPoints);
        series.MapGet("/{**seriesKey}", GetSeries).WithName("getSeries").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Get one time series with its points ordered by period")
            .WithDescription("Each point names the indicator it comes from.")
            .WithRequestValidation<NoQuery>();

        var facts = app.MapGroup("/v1/facts").WithTags("Indicators");
        facts.MapGet("/", ListFacts).WithName("listFacts")
            .WithSummary("List facts stated in several places")
            .WithDescription("Indicators of one measure, period and population, linked into one record with their attestations; conflicting=true keeps those " +
                "whose attestations disagree in value, year or unit (conflictScope says whether across documents or within one).")
            .WithRequestValidation<ListFactsRequest>().WithTableAnswers(Tables.Facts);
        facts.MapGet("/{**factId}", GetFact).WithName("getFact").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Get one fact with its attestations")
            .WithDescription("Every indicator that states the fact, with its quote and paragraph.")
            .WithRequestValidation<NoQuery>();

        var quotas = app.MapGroup("/v1/quotas").WithTags("Indicators");
        quotas.MapGet("/", ListQuotas).WithName("listQuotas")
            .WithSummary("List quota statements")
            .WithDescription(
                "Who a quota is for, where it applies, since when, and its share when the text gives one (quota statements without a number are included).")
            .WithRequestValidation<ListByDocumentRequest>().WithTableAnswers(Tables.Quotas);
        quotas.MapGet("/{**quotaId}", GetQuota).WithName("getQuota").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Get one quota statement")
            .WithDescription("A quota statement by id (<paragraph id>/q<n>), with its quote and offsets.")
            .WithRequestValidation<NoQuery>();
        return app;
    }

    public static async Task<Results<Ok<Page<Served<IndicatorDto>>>, TableAnswer>> ListIndicators(
        [AsParameters] ListIndicatorsRequest request, HttpContext http, IndicatorQueries indicators, CancellationToken ct)
    {
        if (TableAnswer.Requested(http) is not null)
        {
            return await TableAnswer.CreateAsync(http, await indicators.TableAsync(request.Filter, ct), request, ct);
        }

        return TypedResults.Ok(await indicators.ListServedAsync(request.Filter, QueryRules.LimitOrDefault(request.Limit), request.Cursor, ct));
    }

    public static async Task<Results<Ok<Served<IndicatorDto>>, ProblemHttpResult>> GetIndicator(
        [PathParameter("Indicator id: the paragraph (or sub-item) id, '/i' and its order, e.g. ccpr-c-kaz-co-3/20(a)/i1.")] string indicatorId,
        IndicatorQueries indicators,
        CancellationToken ct) =>
        await indicators.GetServedAsync(indicatorId, ct) is { } indicator ? TypedResults.Ok(indicator) : Problems.NotFound("Indicator", indicatorId);

    public static async Task<Results<Ok<Page<SeriesDto>>, TableAnswer>> ListSeries(
        [AsParameters] ListByDocumentRequest request, HttpContext http, SeriesQueries series, CancellationToken ct) =>
        TableAnswer.Requested(http) is not null
            ? await TableAnswer.CreateAsync(http, await series.PointsTableAsync(request.Document, ct), request, ct)
            : TypedResults.Ok(await series.ListAsync(request.Document, QueryRules.LimitOrDefault(request.Limit), request.Cursor, ct));

    public static async Task<Results<Ok<Served<SeriesDto>>, ProblemHttpResult>> GetSeries(
        [PathParameter("Series key: the paragraph id and a slug of the measure.")] string seriesKey, SeriesQueries series, CancellationToken ct) =>
        await series.GetServedAsync(seriesKey, ct) is { } found ? TypedResults.Ok(found) : Problems.NotFound("Series", seriesKey);

    public static async Task<Results<Ok<Page<FactDto>>, TableAnswer>> ListFacts(
        [AsParameters] ListFactsRequest request, HttpContext http, FactQueries facts, CancellationToken ct) =>
        TableAnswer.Requested(http) is not null
            ? await TableAnswer.CreateAsync(http, facts.Table(request.ConflictingOnly), request, ct)
            : TypedResults.Ok(await facts.ListAsync(request.ConflictingOnly, QueryRules.LimitOrDefault(request.Limit), request.Cursor, ct));

    public static async Task<Results<Ok<Served<QuotaDto>>, ProblemHttpResult>> GetQuota(
        [PathParameter("Quota id: the paragraph (or sub-item) id, '/q' and its order, e.g. a-hrc-wg-6-48-kaz-1/173/q1.")] string quotaId,
        QuotaQueries quotas, CancellationToken ct) =>
        await quotas.GetServedAsync(quotaId, ct) is { } quota ? TypedResults.Ok(quota) : Problems.NotFound("Quota", quotaId);

    public static async Task<Results<Ok<Served<FactDto>>, ProblemHttpResult>> GetFact(
        [PathParameter("Fact id: fact/<measure>/<kind>/<period>[/<population>], e.g. fact/women-share/judges/statistic/as-reported-2024.")] string factId,
        FactQueries facts,
        CancellationToken ct) =>
        await facts.GetServedAsync(factId, ct) is { } fact ? TypedResults.Ok(fact) : Problems.NotFound("Fact", factId);

    public static async Task<Results<Ok<Page<QuotaDto>>, TableAnswer>> ListQuotas(
        [AsParameters] ListByDocumentRequest request, HttpContext http, QuotaQueries quotas, CancellationToken ct) =>
        TableAnswer.Requested(http) is not null
            ? await TableAnswer.CreateAsync(http, await quotas.TableAsync(request.Document, ct), request, ct)
            : TypedResults.Ok(await quotas.ListAsync(request.Document, QueryRules.LimitOrDefault(request.Limit), request.Cursor, ct));
}

/// <summary>Query of <c>GET /v1/indicators</c> and arguments of GraphQL's <c>indicators</c>.</summary>
public sealed record ListIndicatorsRequest(
    [DocumentParameter] string? Document,
    [IdParameter("paragraph", "Paragraph (or sub-item) id: only its indicators.", checkedInStore: true)] string? Paragraph,
    [OneOfParameter("kind", "Kind of indicator.", typeof(IndicatorQueries), nameof(IndicatorQueries.Kinds))] string? Kind,
    [OneOfParameter("measure", "Key of the controlled measure vocabulary, e.g. women-share/judges (see src/KzRights.Parsing/Indicators/README.md).",
        typeof(IndicatorQueries), nameof(IndicatorQueries.Measures))]
    string? Measure,
    [WordsParameter("subject", "Words of what is measured (all must occur, case-insensitive).")] string? Subject,
    [OneOfParameter("unit", "Unit of the value.", typeof(IndicatorUnit), nameof(IndicatorUnit.All))] string? Unit,
    [OneOfParameter("population", "Population the number is about.", typeof(IndicatorPopulation), nameof(IndicatorPopulation.All))] string? Population,
    [ThemeParameter] string? Theme,
    [PeriodBoundParameter("from", "Only periods that end on or after this year (2023) or date (2023-06-30).")] string? From,
    [PeriodBoundParameter("to", "Only periods that start on or before this year (2023) or date (2023-06-30).")] string? To,
    [TextQueryParameter] string? Q,
    [LimitParameter] string? Limit,
    [CursorParameter] string? Cursor) : IPagedRequest
{
    public IndicatorFilter Filter => new(Document, Paragraph, Kind, Subject, Unit, Population, Theme,
        PeriodBound.Parse(From, start: true), PeriodBound.Parse(To, start: false), Q, Measure);

    public sealed class Validator : AbstractValidator<ListIndicatorsRequest>
    {
        public Validator()
        {
            this.AddParameterRules();
            RuleFor(r => r).Must(r => PeriodBound.Parse(r.From, true) is not { } f || PeriodBound.Parse(r.To, false) is not { } t || f <= t)
                .WithMessage("from must not be after to.").OverridePropertyName("from");
        }
    }
}

/// <summary>Query of <c>GET /v1/series</c> and <c>GET /v1/quotas</c>, and arguments of GraphQL's <c>allSeries</c> and
/// <c>quotas</c>.</summary>
public sealed record ListByDocumentRequest([DocumentParameter] string? Document, [LimitParameter] string? Limit, [CursorParameter] string? Cursor)
    : IPagedRequest
{
    public sealed class Validator : AbstractValidator<ListByDocumentRequest>
    {
        public Validator() => this.AddParameterRules();
    }
}

/// <summary>Query of <c>GET /v1/facts</c> and arguments of GraphQL's <c>facts</c>.</summary>
public sealed record ListFactsRequest(
    [BooleanParameter("conflicting", "Only facts whose attestations disagree (true) or agree (false).")] string? Conflicting,
    [LimitParameter] string? Limit,
    [CursorParameter] string? Cursor) : IPagedRequest
{
    public bool? ConflictingOnly => Conflicting is null ? null : Conflicting == "true";

    public sealed class Validator : AbstractValidator<ListFactsRequest>
    {
        public Validator() => this.AddParameterRules();
    }
}
