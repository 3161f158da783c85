using FluentValidation;
using KzRights.Api.Infrastructure;
using KzRights.Data.Queries;
using KzRights.Data.ReadModel;
using KzRights.Data.Tables;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace KzRights.Api.Endpoints;

/// <summary>The numbers of the corpus: indicators, quotas, time series and facts stated in several documents.</summary>
public static class IndicatorEndpoints
{
    public static IEndpointRouteBuilder MapIndicatorEndpoints(this IEndpointRouteBuilder app)
    {
        var indicators = app.MapGroup("/v1/indicators").WithTags("Indicators");
        indicators.MapGet("/", ListIndicators).WithName("listIndicators")
            .WithSummary("List indicators: every number that measures something")
            .WithDescription("Typed values (value, range, unit, scale, qualifier, period, subject, kind, measure, population) with provenance: document, paragraph, the exact quote and its offsets, and the extraction rule. measure= keeps one key of the controlled measure vocabulary (e.g. women-share/judges).")
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
            .WithDescription("Indicators of one measure, period and population, linked into one record with their attestations; conflicting=true keeps those whose attestations disagree in value, year or unit (conflictScope says whether across documents or within one).")
            .WithRequestValidation<ListFactsRequest>().WithTableAnswers(Tables.Facts);
        facts.MapGet("/{**factId}", GetFact).WithName("getFact").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Get one fact with its attestations")
            .WithDescription("Every indicator that states the fact, with its quote and paragraph.")
            .WithRequestValidation<NoQuery>();

        var quotas = app.MapGroup("/v1/quotas").WithTags("Indicators");
        quotas.MapGet("/", ListQuotas).WithName("listQuotas")
            .WithSummary("List quota statements")
            .WithDescription("Who a quota is for, where it applies, since when, and its share when the text gives one (quota statements without a number are included).")
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
        var filter = new IndicatorFilter(request.Document, request.Paragraph, request.Kind, request.Subject, request.Unit, request.Population,
            request.Theme, PeriodBound.Parse(request.From, start: true), PeriodBound.Parse(request.To, start: false), request.Q, request.Measure);
        if (TableAnswer.Requested(http) is not null)
        {
            return await TableAnswer.CreateAsync(http, await indicators.TableAsync(filter, ct), request, ct);
        }

        return TypedResults.Ok(await indicators.ListServedAsync(filter, QueryRules.LimitOrDefault(request.Limit), request.Cursor, ct));
    }

    public static async Task<Results<Ok<Served<IndicatorDto>>, ProblemHttpResult>> GetIndicator(string indicatorId, IndicatorQueries indicators, CancellationToken ct) =>
        await indicators.GetServedAsync(indicatorId, ct) is { } indicator ? TypedResults.Ok(indicator) : Problems.NotFound("Indicator", indicatorId);

    public static async Task<Results<Ok<Page<SeriesDto>>, TableAnswer>> ListSeries(
        [AsParameters] ListByDocumentRequest request, HttpContext http, SeriesQueries series, CancellationToken ct) =>
        TableAnswer.Requested(http) is not null
            ? await TableAnswer.CreateAsync(http, await series.PointsTableAsync(request.Document, ct), request, ct)
            : TypedResults.Ok(await series.ListAsync(request.Document, QueryRules.LimitOrDefault(request.Limit), request.Cursor, ct));

    public static async Task<Results<Ok<Served<SeriesDto>>, ProblemHttpResult>> GetSeries(string seriesKey, SeriesQueries series, CancellationToken ct) =>
        await series.GetServedAsync(seriesKey, ct) is { } found ? TypedResults.Ok(found) : Problems.NotFound("Series", seriesKey);

    public static async Task<Results<Ok<Page<FactDto>>, TableAnswer>> ListFacts([AsParameters] ListFactsRequest request, HttpContext http, FactQueries facts, CancellationToken ct)
    {
        var conflicting = request.Conflicting is null ? null : (bool?)(request.Conflicting == "true");
        return TableAnswer.Requested(http) is not null
            ? await TableAnswer.CreateAsync(http, facts.Table(conflicting), request, ct)
            : TypedResults.Ok(await facts.ListAsync(conflicting, QueryRules.LimitOrDefault(request.Limit), request.Cursor, ct));
    }

    public static async Task<Results<Ok<Served<QuotaDto>>, ProblemHttpResult>> GetQuota(string quotaId, QuotaQueries quotas, CancellationToken ct) =>
        await quotas.GetServedAsync(quotaId, ct) is { } quota ? TypedResults.Ok(quota) : Problems.NotFound("Quota", quotaId);

    public static async Task<Results<Ok<Served<FactDto>>, ProblemHttpResult>> GetFact(string factId, FactQueries facts, CancellationToken ct) =>
        await facts.GetServedAsync(factId, ct) is { } fact ? TypedResults.Ok(fact) : Problems.NotFound("Fact", factId);

    public static async Task<Results<Ok<Page<QuotaDto>>, TableAnswer>> ListQuotas(
        [AsParameters] ListByDocumentRequest request, HttpContext http, QuotaQueries quotas, CancellationToken ct) =>
        TableAnswer.Requested(http) is not null
            ? await TableAnswer.CreateAsync(http, await quotas.TableAsync(request.Document, ct), request, ct)
            : TypedResults.Ok(await quotas.ListAsync(request.Document, QueryRules.LimitOrDefault(request.Limit), request.Cursor, ct));
}

/// <summary>Query of <c>GET /v1/indicators</c>.</summary>
public sealed record ListIndicatorsRequest(
    [FromQuery(Name = "document")] string? Document,
    [FromQuery(Name = "paragraph")] string? Paragraph,
    [FromQuery(Name = "kind")] string? Kind,
    [FromQuery(Name = "measure")] string? Measure,
    [FromQuery(Name = "subject")] string? Subject,
    [FromQuery(Name = "unit")] string? Unit,
    [FromQuery(Name = "population")] string? Population,
    [FromQuery(Name = "theme")] string? Theme,
    [FromQuery(Name = "from")] string? From,
    [FromQuery(Name = "to")] string? To,
    [FromQuery(Name = "q")] string? Q,
    [FromQuery(Name = "limit")] string? Limit,
    [FromQuery(Name = "cursor")] string? Cursor) : IPagedRequest
{
    public sealed class Validator : AbstractValidator<ListIndicatorsRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Document).ValidId("document").OverridePropertyName("document");
            RuleFor(r => r.Paragraph).ValidId("paragraph").OverridePropertyName("paragraph");
            RuleFor(r => r.Kind).OneOf("kind", IndicatorQueries.Kinds).OverridePropertyName("kind");
            RuleFor(r => r.Measure).OneOf("measure", IndicatorQueries.Measures).OverridePropertyName("measure");
            RuleFor(r => r.Subject).ValidSearchText("subject").OverridePropertyName("subject");
            RuleFor(r => r.Unit).OneOf("unit", KzRights.Parsing.Indicators.IndicatorUnit.All).OverridePropertyName("unit");
            RuleFor(r => r.Population).OneOf("population", KzRights.Parsing.Indicators.IndicatorPopulation.All).OverridePropertyName("population");
            RuleFor(r => r.Theme).ValidId("theme").OverridePropertyName("theme");
            RuleFor(r => r.From).Must(PeriodBound.IsValid).WithMessage("from must be a year (2023) or a date (2023-06-30).").OverridePropertyName("from");
            RuleFor(r => r.To).Must(PeriodBound.IsValid).WithMessage("to must be a year (2023) or a date (2023-06-30).").OverridePropertyName("to");
            RuleFor(r => r).Must(r => PeriodBound.Parse(r.From, true) is not { } f || PeriodBound.Parse(r.To, false) is not { } t || f <= t)
                .WithMessage("from must not be after to.").OverridePropertyName("from");
            RuleFor(r => r.Q).ValidSearchText("q").OverridePropertyName("q");
            this.AddPagingRules();
        }
    }
}

/// <summary>Query of <c>GET /v1/series</c> and <c>GET /v1/quotas</c>.</summary>
public sealed record ListByDocumentRequest(
    [FromQuery(Name = "document")] string? Document,
    [FromQuery(Name = "limit")] string? Limit,
    [FromQuery(Name = "cursor")] string? Cursor) : IPagedRequest
{
    public sealed class Validator : AbstractValidator<ListByDocumentRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Document).ValidId("document").OverridePropertyName("document");
            this.AddPagingRules();
        }
    }
}

/// <summary>Query of <c>GET /v1/facts</c>.</summary>
public sealed record ListFactsRequest(
    [FromQuery(Name = "conflicting")] string? Conflicting,
    [FromQuery(Name = "limit")] string? Limit,
    [FromQuery(Name = "cursor")] string? Cursor) : IPagedRequest
{
    public sealed class Validator : AbstractValidator<ListFactsRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Conflicting).ValidBoolean("conflicting").OverridePropertyName("conflicting");
            this.AddPagingRules();
        }
    }
}
