using System.Text.Json.Serialization;
using FluentValidation;
using KzRights.Api.Infrastructure;
using KzRights.Data.Queries;
using KzRights.Data.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KzRights.Api.Endpoints;

/// <summary>Webhook subscriptions (admin key, no CORS): register a receiver for <c>release.published</c> and
/// <c>changes</c> events, list and remove subscriptions, and see every delivery attempt. Deliveries are written by
/// <see cref="WebhookOutbox"/> with each release and sent by <see cref="Operations.WebhookDispatcher"/>.</summary>
public static class WebhookEndpoints
{
    private const string WebhookIdDescription = "Webhook subscription id, as POST /v1/webhooks answered it, e.g. wh_3f2a9c1b7d4e.";

    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/webhooks").WithTags("Webhooks").RequireAuthorization(ApiKeys.AdminPolicy);
        group.MapPost("/", CreateWebhook).WithName("createWebhook")
            .WithSummary("Register a webhook receiver")
            .WithDescription("Registers an http(s) URL for events: `release.published` (every release, with the counts of what it changed) and `changes` "
                + "(only releases that changed records of `document` or tagged with `theme`, with the counts of those). The answer carries the signing "
                + "secret (`whsec_…`) once; it cannot be read again. Deliveries follow the Standard Webhooks specification: headers `webhook-id`, "
                + "`webhook-timestamp` and `webhook-signature: v1,<base64 HMAC-SHA256 of \"{id}.{timestamp}.{body}\">`, retried with exponential "
                + "backoff for 24 hours with the same `webhook-id` until the receiver answers 2xx.")
            .Accepts<CreateWebhookRequest>("application/json")
            .WithRequestValidation<CreateWebhookRequest>();
        group.MapGet("/", ListWebhooks).WithName("listWebhooks")
            .WithSummary("List the webhook subscriptions, oldest first")
            .WithDescription("Every registered receiver with its events and filters; the secrets are never shown again.")
            .WithRequestValidation<WebhookPageRequest>();
        group.MapGet("/{webhookId}", GetWebhook).WithName("getWebhook").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Get one webhook subscription")
            .WithDescription("The receiver, its events and filters, and links to itself and its deliveries (without the secret).")
            .WithRequestValidation<NoQuery>();
        group.MapDelete("/{webhookId}", DeleteWebhook).WithName("deleteWebhook").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Remove a webhook subscription")
            .WithDescription("Removes the subscription and its deliveries; pending deliveries are not sent.")
            .WithRequestValidation<NoQuery>();
        group.MapGet("/{webhookId}/deliveries", ListWebhookDeliveries).WithName("listWebhookDeliveries").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("List a subscription's deliveries, newest first")
            .WithDescription("Each delivery (its `id` is the `webhook-id` header of every attempt) with its status (`pending`, `delivered`, or `failed` "
                + "once the retry window passed), the next attempt's time, and every attempt: time, duration, the receiver's status code and the "
                + "start of its answer, or the error.")
            .WithRequestValidation<WebhookPageRequest>();
        return app;
    }

    public static async Task<Created<CreatedWebhookSubscriptionDto>> CreateWebhook(JsonBody<CreateWebhookRequest> body, WebhookSubscriptions webhooks,
        CancellationToken ct)
    {
        // The validation filter answered a body that could not be read.
        var request = body.Value!;
        var created = await webhooks.CreateAsync(request.Url!, request.Events!, new WebhookFilterDto(request.Document, request.Theme),
            request.Description, ct);
        return TypedResults.Created(created.Links.Self, created);
    }

    public static async Task<Ok<Page<WebhookSubscriptionDto>>> ListWebhooks([AsParameters] WebhookPageRequest request, WebhookSubscriptions webhooks,
        CancellationToken ct) =>
        TypedResults.Ok(await webhooks.ListAsync(QueryRules.LimitOrDefault(request.Limit), request.Cursor, ct));

    public static async Task<Results<Ok<WebhookSubscriptionDto>, ProblemHttpResult>> GetWebhook(
        [PathParameter(WebhookIdDescription)] string webhookId, WebhookSubscriptions webhooks, CancellationToken ct) =>
        await webhooks.GetAsync(webhookId, ct) is { } subscription ? TypedResults.Ok(subscription) : Problems.NotFound("Webhook subscription", webhookId);

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteWebhook(
        [PathParameter(WebhookIdDescription)] string webhookId, WebhookSubscriptions webhooks, CancellationToken ct) =>
        await webhooks.DeleteAsync(webhookId, ct) ? TypedResults.NoContent() : Problems.NotFound("Webhook subscription", webhookId);

    public static async Task<Results<Ok<Page<WebhookDeliveryDto>>, ProblemHttpResult>> ListWebhookDeliveries(
        [PathParameter(WebhookIdDescription)] string webhookId,
        [AsParameters] WebhookPageRequest request, WebhookSubscriptions webhooks, CancellationToken ct) =>
        await webhooks.DeliveriesAsync(webhookId, QueryRules.LimitOrDefault(request.Limit), request.Cursor, ct) is { } page
            ? TypedResults.Ok(page)
            : Problems.NotFound("Webhook subscription", webhookId);
}

/// <summary>Body of <c>POST /v1/webhooks</c>. A property this API does not define is refused (400), not ignored.</summary>
/// <param name="Url">The receiver: an absolute http or https URL.</param>
/// <param name="Events">One or both of <c>release.published</c> and <c>changes</c>.</param>
/// <param name="Document">For <c>changes</c>: only changes of this document's records.</param>
/// <param name="Theme">For <c>changes</c>: only changes of this theme and of records tagged with it (e.g. <c>theme/torture</c>, <c>sdg/5</c>).</param>
/// <param name="Description">What the receiver is, for the people who read the list.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CreateWebhookRequest(string? Url, IReadOnlyList<string>? Events, string? Document, string? Theme, string? Description)
{
    public sealed class Validator : AbstractValidator<CreateWebhookRequest>
    {
        public Validator(WebhookOptions options)
        {
            RuleFor(r => r.Url).NotEmpty().WithMessage("url is required.").OverridePropertyName("url");
            RuleFor(r => r.Url).MaximumLength(WebhookLimits.MaxUrlLength).OverridePropertyName("url");
            RuleFor(r => r.Url).Must(url => url is null || WebhookReceivers.Problem(url, options) is null)
                .WithMessage(r => WebhookReceivers.Problem(r.Url!, options)).OverridePropertyName("url");
            RuleFor(r => r.Events).NotEmpty().WithMessage($"events is required: one or more of {string.Join(", ", WebhookEvents.All)}.")
                .OverridePropertyName("events");
            RuleFor(r => r.Events).Must(e => e is null || (e.All(v => QueryRules.IsOneOf(v, WebhookEvents.All)) && e.Distinct().Count() == e.Count))
                .WithMessage($"events must list each of {string.Join(", ", WebhookEvents.All)} at most once, and nothing else.").OverridePropertyName("events");
            RuleFor(r => r.Document).ValidId("document").OverridePropertyName("document");
            RuleFor(r => r.Theme).ValidId("theme").OverridePropertyName("theme");
            RuleFor(r => r.Events).Must(e => e?.Contains(WebhookEvents.Changes) == true).When(r => r.Document is not null || r.Theme is not null)
                .WithMessage($"document and theme filter the {WebhookEvents.Changes} event; add it to events.").OverridePropertyName("events");
            RuleFor(r => r.Description).MaximumLength(WebhookLimits.MaxDescriptionLength).OverridePropertyName("description");
        }
    }
}

/// <summary>Query of <c>GET /v1/webhooks</c> and <c>GET /v1/webhooks/{webhookId}/deliveries</c>: a page.</summary>
public sealed record WebhookPageRequest([LimitParameter] string? Limit, [CursorParameter] string? Cursor) : IPagedRequest
{
    public sealed class Validator : AbstractValidator<WebhookPageRequest>
    {
        public Validator() => this.AddParameterRules();
    }
}
