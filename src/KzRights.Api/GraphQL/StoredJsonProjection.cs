using System.Collections;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;
using KzRights.Data.ReadModel;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace KzRights.Api.GraphQL;

/// <summary>graphql-dotnet's serial strategy, except that a record whose selection asks only for properties of its own JSON
/// is written straight from that JSON (the read model's stored bytes, or the DTO serialized once) by a
/// <see cref="ProjectedNode"/>, instead of through one resolver, one execution node and one serializer call per field:
/// about 3,000 of them for a page of 50 paragraphs, which made GraphQL several times slower than the REST answer of the
/// same page. Any other selection (a field with arguments, a field a batch loader resolves, a scalar the JSON does not hold
/// in GraphQL's form) runs the ordinary way. <c>GraphQL:WriteStoredFieldsDirectly=false</c> turns it off; the tests
/// compare both ways on every list.</summary>
/// <remarks>Written here because graphql-dotnet has no such mode: its extension points (building nodes, completing a
/// node) are used as they are, and the serializer writes any node that is not an object, list or value node by its
/// <see cref="ExecutionNode.ToValue"/>, which <see cref="ProjectedNodeJsonConverter"/> writes.</remarks>
internal sealed class ProjectingExecutionStrategy(GraphQLOptions options) : SerialExecutionStrategy
{
    private const string PlansKey = "kzrights.projectionPlans";

    protected override void SetSubFieldNodes(ExecutionContext context, ObjectExecutionNode parent)
    {
        base.SetSubFieldNodes(context, parent);
        var subFields = parent.SubFields;
        if (!options.WriteStoredFieldsDirectly || subFields is null)
        {
            return;
        }

        for (var i = 0; i < subFields.Length; i++)
        {
            if (subFields[i] is ObjectExecutionNode { GraphType: IObjectGraphType type } node && PlanFor(context, type, node.Field) is { } plan)
            {
                subFields[i] = new ProjectedNode(parent, type, node.Field, node.FieldDefinition, null, plan);
            }
        }
    }

    protected override async Task SetArrayItemNodesAsync(ExecutionContext context, ArrayExecutionNode parent)
    {
        var itemType = ((ListGraphType)parent.GraphType!).ResolvedType;
        var nonNull = itemType is NonNullGraphType;
        if (!options.WriteStoredFieldsDirectly
            || (nonNull ? ((NonNullGraphType)itemType!).ResolvedType : itemType) is not IObjectGraphType objectType
            || parent.Result is not IList list
            || PlanFor(context, objectType, parent.Field) is not { } plan)
        {
            await base.SetArrayItemNodesAsync(context, parent);
            return;
        }

        var items = new List<ExecutionNode>(list.Count);
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is IDataLoaderResult)
            {
                await base.SetArrayItemNodesAsync(context, parent);
                return;
            }

            var node = new ProjectedNode(parent, objectType, parent.Field, parent.FieldDefinition, i, plan) { Result = list[i] };
            await CompleteNodeAsync(context, node);
            items.Add(node);
        }

        parent.Items = items;
    }

    protected override async Task CompleteNodeAsync(ExecutionContext context, ExecutionNode node)
    {
        if (node is ProjectedNode)
        {
            // Only the null check of the base class applies: the fields are not resolved, and the type check would refuse
            // the read model's wrapper of the record.
            if (node.Result is null && IsNonNull(node))
            {
                var error = new InvalidOperationException($"Cannot return null for a non-null type. Field: {node.Name}, Type: {node.GraphType.Name}!.");
                if (await ProcessNodeUnhandledExceptionAsync(context, node, error))
                {
                    throw error;
                }
            }

            return;
        }

        if (node.Result is IServedJson served)
        {
            // The field resolvers of the record's type read the DTO.
            node.Result = served.Record;
        }

        await base.CompleteNodeAsync(context, node);
    }

    private static bool IsNonNull(ExecutionNode node) =>
        (node.IndexInParentNode.HasValue ? ((ListGraphType)node.Parent.GraphType).ResolvedType : node.FieldDefinition.ResolvedType) is NonNullGraphType;

    /// <summary>The plan of <paramref name="field"/>'s selection on <paramref name="type"/>, or null when a selected field
    /// cannot be written from the record's JSON. Directives can depend on the request's variables, so an operation that
    /// declares variables builds its plans once per request and selection; one without depends only on its document and
    /// shares them with every request that brings the same document (the document cache hands out the same nodes).</summary>
    private ProjectionPlan? PlanFor(ExecutionContext context, IObjectGraphType type, GraphQLField field)
    {
        if (field.SelectionSet is null)
        {
            return null;
        }

        if (context.Operation.Variables is not { Items.Count: > 0 })
        {
            return SharedPlans.GetValue(field, static _ => new ConcurrentDictionary<IObjectGraphType, ProjectionPlan?>())
                .GetOrAdd(type, static (type, state) => state.Strategy.Build(state.Context, type, state.Field),
                    (Strategy: this, Context: context, Field: field));
        }

        if (!context.UserContext.TryGetValue(PlansKey, out var stored) || stored is not Dictionary<(IObjectGraphType, GraphQLField), ProjectionPlan?> plans)
        {
            plans = [];
            context.UserContext[PlansKey] = plans;
        }

        if (!plans.TryGetValue((type, field), out var plan))
        {
            plan = Build(context, type, field);
            plans[(type, field)] = plan;
        }

        return plan;
    }

    private ProjectionPlan? Build(ExecutionContext context, IObjectGraphType type, GraphQLField field) =>
        ProjectionPlan.Build(type, field.SelectionSet!, (t, selection) => CollectFieldsFrom(context, t, selection, null));

    /// <summary>Plans of operations without variables, beside the field node they belong to (they go with the document).</summary>
    private static readonly ConditionalWeakTable<GraphQLField, ConcurrentDictionary<IObjectGraphType, ProjectionPlan?>> SharedPlans = [];
}

/// <summary>An object field or list item whose selected fields are written from the record's JSON by its plan.</summary>
[JsonConverter(typeof(ProjectedNodeJsonConverter))]
internal sealed class ProjectedNode(
    ExecutionNode parent, IGraphType graphType, GraphQLField field, FieldType fieldDefinition, int? indexInParentNode, ProjectionPlan plan)
    : ExecutionNode(parent, graphType, field, fieldDefinition, indexInParentNode)
{
    public override object? ToValue() => Result is null ? null : this;

    public void Write(Utf8JsonWriter writer)
    {
        switch (Result)
        {
            case null:
                writer.WriteNullValue();
                break;
            case IServedJson served:
                served.UseJson((writer, plan), static (state, json) =>
                {
                    state.plan.WriteValue(state.writer, json);
                    return 0;
                });
                break;
            default:
                // A record from a batch loader: its JSON as REST would write it.
                plan.WriteValue(writer, JsonSerializer.SerializeToUtf8Bytes(Result, Result.GetType(), ServedRecords.Json));
                break;
        }
    }
}

internal sealed class ProjectedNodeJsonConverter : JsonConverter<ProjectedNode>
{
    public override ProjectedNode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Execution results are only written.");

    public override void Write(Utf8JsonWriter writer, ProjectedNode value, JsonSerializerOptions options) => value.Write(writer);
}
