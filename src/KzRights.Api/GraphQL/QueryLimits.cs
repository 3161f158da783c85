using System.Runtime.CompilerServices;
using System.Threading.RateLimiting;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;
using GraphQLParser.AST;
using KzRights.Api.Infrastructure;
using KzRights.Data.Queries;
using RangeAttribute = System.ComponentModel.DataAnnotations.RangeAttribute;

namespace KzRights.Api.GraphQL;

/// <summary>The <c>GraphQL</c> configuration section: limits that keep one request from costing the server more
/// than a page of REST would.</summary>
public sealed class GraphQLOptions
{
    public const string SectionName = "GraphQL";

    /// <summary>Nesting of fields with selections, the operation counting as level 1 (graphql-dotnet's measure).
    /// The introspection query graphql-js and GraphiQL send is 15 deep.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "GraphQL:{0} must be at least 1")]
    public int MaxDepth { get; set; } = 20;

    /// <summary>Field cost summed over the items a query can return; see <see cref="QueryLimitsRule"/>.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "GraphQL:{0} must be at least 1")]
    public int MaxComplexity { get; set; } = 100_000;

    /// <summary>Aliased fields in one document.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "GraphQL:{0} must be at least 1")]
    public int MaxAliases { get; set; } = 100;

    /// <summary>Field selections once fragments are expanded (catches fragment "bombs" before any analysis walks them).</summary>
    [Range(1, int.MaxValue, ErrorMessage = "GraphQL:{0} must be at least 1")]
    public int MaxSelections { get; set; } = 5_000;

    /// <summary>Fragment definitions in one document (bounds the length of spread chains).</summary>
    [Range(1, int.MaxValue, ErrorMessage = "GraphQL:{0} must be at least 1")]
    public int MaxFragments { get; set; } = 100;

    [Range(1, int.MaxValue, ErrorMessage = "GraphQL:{0} must be at least 1")]
    public int TimeoutMilliseconds { get; set; } = 10_000;

    /// <summary>Kilobytes of query text whose validated documents are kept (see <see cref="GraphQLDocumentCache"/>; each
    /// document counts 1 plus its length in whole kilobytes); 0 keeps none.</summary>
    [Range(0, int.MaxValue, ErrorMessage = "GraphQL:{0} must not be negative")]
    public int DocumentCacheKilobytes { get; set; } = 2_048;

    /// <summary>Write a record's selected fields straight from its stored JSON where the selection allows it (see
    /// <see cref="ProjectingExecutionStrategy"/>); false runs every field through its resolver. The answers are the same.</summary>
    public bool WriteStoredFieldsDirectly { get; set; } = true;

    [Range(1, int.MaxValue, ErrorMessage = "GraphQL:{0} must be at least 1")]
    public int MaxRequestBytes { get; set; } = 256 * 1024;

    /// <summary>Largest answer: a result that serializes to more is replaced by a <c>RESPONSE_TOO_LARGE</c> error (the
    /// answer is built in memory first, so this also bounds what one request holds while it is written).</summary>
    [Range(1, int.MaxValue, ErrorMessage = "GraphQL:{0} must be at least 1")]
    public int MaxResponseBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>GraphQL executions running at once in this process; further requests wait in a queue.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "GraphQL:{0} must be at least 1")]
    public int MaxConcurrentExecutions { get; set; } = 8;

    /// <summary>Requests waiting for an execution slot; beyond it a request is answered 503 with Retry-After.</summary>
    [Range(0, int.MaxValue, ErrorMessage = "GraphQL:{0} must not be negative")]
    public int ExecutionQueueLength { get; set; } = 64;

    /// <summary>Grace period of Kestrel's minimum body data rate for GraphQL requests (its default is 5 s; Kestrel
    /// needs more than 1 s): a body shorter than its Content-Length is answered 400 this much sooner.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "GraphQL:{0} must be at least 1")]
    public int BodyGracePeriodMilliseconds { get; set; } = 1_500;
}

/// <summary>The process-wide cap on GraphQL executions running at once (<see cref="GraphQLOptions.MaxConcurrentExecutions"/>),
/// with a bounded queue: however many clients send large queries, at most this many results are built at a time.</summary>
public sealed class GraphQLExecutionSlots(GraphQLOptions options)
{
    public ConcurrencyLimiter Limiter { get; } = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = options.MaxConcurrentExecutions,
        QueueLimit = options.ExecutionQueueLength,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });
}

/// <summary>Cost of an accepted query, returned as <c>extensions.cost</c>.</summary>
public sealed record QueryCost(double Complexity, int Depth, int MaxComplexity, int MaxDepth)
{
    public const string UserContextKey = "kzrights.cost";
}

/// <summary>A query refused because the caller's GraphQL cost budget is spent: answered 429 by the endpoint.</summary>
public sealed record BudgetRefusal(RateLimitLease Lease, int Permits)
{
    public const string UserContextKey = "kzrights.budgetRefusal";
}

/// <summary>Checks page sizes, then depth and complexity. Complexity: every field costs 1, multiplied by the number of
/// items its parents can return; a connection's <c>edges</c>/<c>nodes</c> multiply by the <c>first</c> asked for (or
/// the default page size), other lists by their expected size (<see cref="ComplexityOptions.DefaultListImpactMultiplier"/>
/// or the field's own figure); introspection fields count like the others. An accepted cost is then charged to the
/// caller's GraphQL cost budget (<paramref name="charge"/>, absent when rate limiting is off); a refused charge is
/// reported as <c>TOO_MANY_REQUESTS</c> and its lease kept under <see cref="BudgetRefusal.UserContextKey"/>.</summary>
public sealed class QueryLimitsRule(GraphQLOptions options, Func<int, RateLimitLease>? charge = null)
    : ComplexityValidationRule(new ComplexityOptions { DefaultListImpactMultiplier = 5 })
{
    public override ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context)
    {
        // The base rule skips its analysis once an error is reported, so an oversized page never reaches it.
        if (!context.HasErrors)
        {
            CheckPageSizes(context);
        }

        return base.GetPostNodeVisitorAsync(context);
    }

    protected override ValueTask ValidateComplexityAsync(ValidationContext context, double totalComplexity, int maxDepth)
    {
        if (maxDepth > options.MaxDepth)
        {
            context.ReportError(new ValidationError(
                $"The query is nested {maxDepth} levels deep; at most {options.MaxDepth} are allowed. Split it into several queries.")
            {
                Code = ErrorCodes.QueryTooDeep,
            });
        }

        if (totalComplexity > options.MaxComplexity)
        {
            context.ReportError(new ValidationError(
                $"The query's cost is {totalComplexity:0}; at most {options.MaxComplexity} is allowed. Ask for smaller pages (first) or fewer nested lists.")
            {
                Code = ErrorCodes.QueryTooComplex,
            });
        }

        if (!context.HasErrors)
        {
            var cost = new QueryCost(totalComplexity, maxDepth, options.MaxComplexity, options.MaxDepth);
            if (!HasVariables(context.Operation))
            {
                KnownCosts.AddOrUpdate(context.Operation, cost);
            }

            if (Charge(cost, charge, context.UserContext) is { } refused)
            {
                context.ReportError(refused);
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>The cost of an operation that declares no variables and passed this rule before: it depends only on the
    /// document (the page sizes are literals), so a document from <see cref="GraphQLDocumentCache"/> skips the walks of
    /// this rule (half of validating it again) and is only charged. Kept beside the operation's node, so it goes when
    /// the document does.</summary>
    public static QueryCost? KnownCost(GraphQLOperationDefinition operation) =>
        !HasVariables(operation) && KnownCosts.TryGetValue(operation, out var cost) ? cost : null;

    /// <summary>Charges an accepted cost to the caller's budget (when rate limiting is on) and records it for
    /// <c>extensions.cost</c>; the error to report when the budget is spent, its lease kept under
    /// <see cref="BudgetRefusal.UserContextKey"/> for the endpoint's 429.</summary>
    public static ValidationError? Charge(QueryCost cost, Func<int, RateLimitLease>? charge, IDictionary<string, object?> userContext)
    {
        if (charge is not null)
        {
            var permits = (int)Math.Ceiling(Math.Max(1, cost.Complexity));
            var lease = charge(permits);
            if (!lease.IsAcquired)
            {
                userContext[BudgetRefusal.UserContextKey] = new BudgetRefusal(lease, permits);
                return new ValidationError($"The query's cost is {cost.Complexity:0}, more than this client has left of its GraphQL cost budget.")
                {
                    Code = ErrorCodes.TooManyRequests,
                };
            }

            lease.Dispose(); // a token bucket's lease holds nothing; a refused one is read (Retry-After) and disposed by the endpoint
        }

        userContext[QueryCost.UserContextKey] = cost;
        return null;
    }

    private static readonly ConditionalWeakTable<GraphQLOperationDefinition, QueryCost> KnownCosts = [];

    private static bool HasVariables(GraphQLOperationDefinition operation) => operation.Variables is { Items.Count: > 0 };

    private static void CheckPageSizes(ValidationContext context)
    {
        foreach (var (field, arguments) in context.ArgumentValues ?? new Dictionary<GraphQLField, IDictionary<string, ArgumentValue>>())
        {
            if (arguments.TryGetValue("first", out var first) && first.Value is int size && size is < 1 or > Paging.MaxLimit)
            {
                context.ReportError(new ValidationError(
                    $"first is {size} on field '{field.Name.StringValue}'; it must be from 1 to {Paging.MaxLimit} (default {Paging.DefaultLimit}). Page " +
                        $"through larger lists with after.")
                {
                    Code = ErrorCodes.PageSizeOutOfRange,
                });
            }
        }
    }

    /// <summary>Cost of a connection's <c>edges</c> and <c>nodes</c>: its items are multiplied by the page size asked
    /// for on the connection field.</summary>
    public static FieldComplexityResult PageItemsImpact(FieldImpactContext context)
    {
        var size = context.Parent?.Arguments?.TryGetValue("first", out var first) == true && first.Value is int n ? n : Paging.DefaultLimit;
        return new FieldComplexityResult(1, size);
    }
}

/// <summary>Checks made on the parsed document before graphql-dotnet validates it, for the shapes whose validation
/// is itself expensive or deeply recursive: many aliases (each is checked against every other for merging), many
/// fragments (long spread chains), and fragments spread so often that expanding them explodes. Expanded sizes are
/// computed once per fragment, so the check is linear in the document.</summary>
public static class DocumentLimits
{
    public static ExecutionError? Check(GraphQLDocument document, GraphQLOptions options)
    {
        var fragments = document.Definitions.OfType<GraphQLFragmentDefinition>()
            .GroupBy(f => f.FragmentName.Name.StringValue, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        if (fragments.Count > options.MaxFragments)
        {
            return new ExecutionError($"The document defines {fragments.Count} fragments; at most {options.MaxFragments} are allowed.") {
                Code = ErrorCodes.QueryTooLarge };
        }

        var selectionSets = document.Definitions
            .Select(d => d switch { GraphQLOperationDefinition o => o.SelectionSet, GraphQLFragmentDefinition f => f.SelectionSet, _ => null })
            .ToList();
        var aliases = selectionSets.Sum(set => Walk(set).Count(f => f.Alias is not null));
        if (aliases > options.MaxAliases)
        {
            return new ExecutionError($"The document has {aliases} aliased fields; at most {options.MaxAliases} are allowed.") {
                Code = ErrorCodes.TooManyAliases };
        }

        // The whole schema is the largest answer a query can get for free (6 MB per 100 aliased copies): once is
        // enough for any tool, so a document may ask for it at most once.
        var schemas = selectionSets.Sum(set => Walk(set).Count(f => f.Name.StringValue == "__schema"));
        if (schemas > 1)
        {
            return new ExecutionError($"The document asks for __schema {schemas} times; at most once per request.") { Code = ErrorCodes.QueryTooLarge };
        }

        // Fragments in dependency order (spread before spreader); a cycle or an unknown fragment counts as empty
        // here, validation reports both properly.
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        var visiting = new HashSet<string>(StringComparer.Ordinal);
        foreach (var root in fragments.Keys)
        {
            var stack = new Stack<(string Name, bool Expanded)>([(root, false)]);
            while (stack.Count > 0)
            {
                var (name, expanded) = stack.Pop();
                if (sizes.ContainsKey(name) || !fragments.TryGetValue(name, out var fragment))
                {
                    continue;
                }

                if (expanded)
                {
                    visiting.Remove(name);
                    sizes[name] = Size(fragment.SelectionSet, sizes);
                    continue;
                }

                if (!visiting.Add(name))
                {
                    continue;
                }

                stack.Push((name, true));
                foreach (var spread in Spreads(fragment.SelectionSet).Where(s => !sizes.ContainsKey(s) && !visiting.Contains(s)))
                {
                    stack.Push((spread, false));
                }
            }
        }

        var largest = document.Definitions.OfType<GraphQLOperationDefinition>().Select(o => Size(o.SelectionSet, sizes)).DefaultIfEmpty(0).Max();
        return largest > options.MaxSelections
            ? new ExecutionError($"The query selects {largest} fields once its fragments are expanded; at most {options.MaxSelections} are allowed.") {
                Code = ErrorCodes.QueryTooLarge }
            : null;
    }

    /// <summary>Fields selected, counting each spread as the known size of its fragment (capped, so no overflow).</summary>
    private static long Size(GraphQLSelectionSet? set, Dictionary<string, long> fragmentSizes)
    {
        long total = 0;
        foreach (var selection in set?.Selections ?? [])
        {
            total += selection switch
            {
                GraphQLField field => 1 + Size(field.SelectionSet, fragmentSizes),
                GraphQLInlineFragment inline => Size(inline.SelectionSet, fragmentSizes),
                GraphQLFragmentSpread spread => fragmentSizes.GetValueOrDefault(spread.FragmentName.Name.StringValue),
                _ => 0,
            };
            total = Math.Min(total, int.MaxValue);
        }

        return total;
    }

    private static IEnumerable<string> Spreads(GraphQLSelectionSet set) =>
        Selections(set).OfType<GraphQLFragmentSpread>().Select(s => s.FragmentName.Name.StringValue);

    private static IEnumerable<GraphQLField> Walk(GraphQLSelectionSet? set) =>
        set is null ? [] : Selections(set).OfType<GraphQLField>();

    /// <summary>Every selection under <paramref name="set"/>, inline fragments and sub-selections included
    /// (not following spreads).</summary>
    private static IEnumerable<ASTNode> Selections(GraphQLSelectionSet set)
    {
        var stack = new Stack<GraphQLSelectionSet>([set]);
        while (stack.Count > 0)
        {
            foreach (var selection in stack.Pop().Selections)
            {
                yield return selection;
                switch (selection)
                {
                    case GraphQLField { SelectionSet: { } sub }:
                        stack.Push(sub);
                        break;
                    case GraphQLInlineFragment inline:
                        stack.Push(inline.SelectionSet);
                        break;
                }
            }
        }
    }
}
