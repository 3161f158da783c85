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

        // Introspection is not free: its answer is bounded by the schema, but a client sending it in a loop spends
        // its GraphQL cost budget like any other query. At a tenth of the usual field cost the full introspection query
        // GraphiQL and code generators send costs about 10,900 (at full cost its nested ofType lists reach 108,782,
        // above MaxComplexity), so tools keep working and an anonymous budget allows it a few dozen times a window.
        this.WithIntrospectionComplexityImpact(0.1);
    }
}
