using KzRights.Data.Queries;
using KzRights.Data.Releases;

namespace KzRights.Api.Infrastructure;

/// <summary>Names the release in every list envelope of <c>/v1</c>: one filter on the route group instead of a line in
/// every list handler.</summary>
public sealed class ReleaseStampFilter(ReleaseContext release) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var inner = result is INestedHttpResult nested ? nested.Result : result;
        if (inner is IValueHttpResult { Value: IReleaseStamped envelope })
        {
            envelope.Release = (await release.GetAsync(context.HttpContext.RequestAborted))?.Id;
        }

        return result;
    }
}
