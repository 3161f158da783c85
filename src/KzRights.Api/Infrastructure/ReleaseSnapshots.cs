using KzRights.Data.Releases;

namespace KzRights.Api.Infrastructure;

public static class ReleaseSnapshots
{
    /// <summary>Reads every answer of the data (what <see cref="HttpCachingMiddleware"/> validates, and GraphQL queries sent
    /// by POST) in one read transaction that names its release (<see cref="ReleaseContext.ReadInSnapshotAsync"/>). Placed
    /// after the output cache, so an answer served from it opens no transaction; writes (webhook subscriptions, admin)
    /// and the release's dataset files (long downloads of files, not of the database) are left alone.</summary>
    public static IApplicationBuilder UseReleaseSnapshots(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (HttpCachingMiddleware.IsCacheableRead(context.Request)
                || (HttpMethods.IsPost(context.Request.Method) && context.Request.Path.Equals("/graphql")))
            {
                await context.RequestServices.GetRequiredService<ReleaseContext>()
                    .ReadInSnapshotAsync(() => next(context), context.RequestAborted);
                return;
            }

            await next(context);
        });
}
