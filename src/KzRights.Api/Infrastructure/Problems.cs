namespace KzRights.Api.Infrastructure;

public static class Problems
{
    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NotFound(string what, string id) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: $"{what} not found",
            detail: $"No {what.ToLowerInvariant()} has the id '{id}'. Ids are stable across releases; list the collection to find valid ones.");

    /// <summary>A filter naming a record that does not exist: 400, so a typo is never mistaken for "no results".</summary>
    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult UnknownFilterValue(string parameter, string value) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: "The request's query parameters are not valid.",
            detail: $"{parameter}: no record has the id '{value}'.",
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [parameter] = [$"No record has the id '{value}'."] } });

    /// <summary>The 400 for a <c>document</c> filter naming no document, or null when it is absent or known.</summary>
    public static async Task<Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult?> UnknownDocumentAsync(string? documentId, Data.Queries.DocumentQueries documents, CancellationToken ct) =>
        documentId is not null && !await documents.ExistsAsync(documentId, ct) ? UnknownFilterValue("document", documentId) : null;
}
