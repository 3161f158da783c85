using GraphQL;
using GraphQL.Types;

namespace KzRights.Api.GraphQL;

public sealed class KzRightsSchema : Schema
{
    public KzRightsSchema(IServiceProvider services, QueryType query)
        : base(services)
    {
        Description = "KzRights: exact, citable, structured data from UN and government human-rights documents about Kazakhstan. " +
            "The same records as the REST API under /v1, read through the same query services.";
        Query = query;

        // Part of the October 2021 spec; graphql-js clients ask for __Directive.isRepeatable when introspecting.
        Features.RepeatableDirectives = true;

        // Introspection is bounded by the schema itself; it must stay available to tools whatever the cost limit.
        this.WithIntrospectionComplexityImpact(0);
    }
}
