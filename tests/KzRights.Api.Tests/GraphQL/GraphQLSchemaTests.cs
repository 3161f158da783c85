using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;
using KzRights.Api.GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace KzRights.Api.Tests.GraphQL;

[Collection(ApiCollection.Name)]
public sealed class GraphQLSchemaTests(ApiFixture api)
{
    private ISchema Schema
    {
        get
        {
            var schema = api.Factory("sqlite").Services.GetRequiredService<KzRightsSchema>();
            schema.Initialize();
            return schema;
        }
    }

    [Fact]
    public void The_committed_schema_graphql_matches_the_schema()
    {
        Snapshot.AssertMatches("schema/schema.graphql", Schema.Print(new PrintOptions { IncludeDescriptions = true, IncludeDeprecationReasons = true }));
    }

    [Fact]
    public void Every_type_field_and_argument_has_a_description()
    {
        var missing = new List<string>();
        foreach (var type in Schema.AllTypes.Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal) && t is not ScalarGraphType))
        {
            if (string.IsNullOrWhiteSpace(type.Description))
            {
                missing.Add(type.Name);
            }

            foreach (var field in (type as IComplexGraphType)?.Fields ?? [])
            {
                if (string.IsNullOrWhiteSpace(field.Description))
                {
                    missing.Add($"{type.Name}.{field.Name}");
                }

                missing.AddRange(
                    (field.Arguments ?? []).Where(a => string.IsNullOrWhiteSpace(a.Description)).Select(a => $"{type.Name}.{field.Name}({a.Name})"));
            }
        }

        Assert.Empty(missing);
    }

    [Fact]
    public async Task The_schema_has_no_mutation_or_subscription_and_graphql_is_not_in_the_openapi_document()
    {
        Assert.Null(Schema.Mutation);
        Assert.Null(Schema.Subscription);
        var openapi = await api.Client("sqlite").GetStringAsync("/swagger/v1/swagger.json");
        Assert.DoesNotContain("/graphql", openapi, StringComparison.Ordinal);
    }
}
