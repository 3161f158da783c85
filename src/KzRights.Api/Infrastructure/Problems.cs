namespace KzRights.Api.Infrastructure;

public static class Problems
{
    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NotFound(string what, string id) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: $"{what} not found",
            detail: $"No {what.ToLowerInvariant()} has the id '{id}'. Ids are stable across releases; list the collection to find valid ones.");

    /// <summary>Route values of catch-all id segments arrive with <c>%2F</c> still escaped; both forms are accepted.</summary>
    public static string UnescapeId(string id) => Uri.UnescapeDataString(id);
}
