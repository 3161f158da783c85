using FluentValidation;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using KzRights.Api.Infrastructure;

namespace KzRights.Api.GraphQL;

/// <summary>GraphQL arguments taken from a REST request record, so a filter is declared once (the record's parameter
/// and its <see cref="QueryParameterAttribute"/>) and checked by the same validator. <c>limit</c> and <c>cursor</c> are
/// left out: connections page with <c>first</c> and <c>after</c> (<see cref="GraphQLArguments"/>).</summary>
public static class RequestArguments
{
    /// <summary>One argument per query parameter of <paramref name="requestType"/>, in its order, with its description.</summary>
    public static FieldBuilder<TSource, TReturn> ArgumentsOf<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, Type requestType)
    {
        foreach (var parameter in Filters(requestType))
        {
            var type = parameter.Rule.Required ? typeof(NonNullGraphType<>).MakeGenericType(parameter.Rule.GraphType) : parameter.Rule.GraphType;
            field.Argument(type, parameter.Name, a => a.Description = parameter.Rule.GraphQLDescription);
        }

        return field;
    }

    /// <summary>The request record built from the field's arguments and validated as REST validates it; a failure
    /// fails the field with INVALID_ARGUMENT and the REST message.</summary>
    public static TRequest RequestOf<TRequest>(this IResolveFieldContext context)
        where TRequest : class
    {
        var filters = Filters(typeof(TRequest)).ToDictionary(p => p.Property.Name, StringComparer.Ordinal);
        var arguments = typeof(TRequest).GetConstructors().Single().GetParameters()
            .Select(p => filters.TryGetValue(p.Name!, out var parameter) ? Read(context, parameter) : null)
            .ToArray();
        var request = (TRequest)Activator.CreateInstance(typeof(TRequest), arguments)!;
        var result = context.RequestServices!.GetRequiredService<IValidator<TRequest>>().Validate(request);
        return result.IsValid
            ? request
            : throw new ExecutionError(result.Errors[0].ErrorMessage) { Code = ErrorCodes.InvalidArgument };
    }

    private static IEnumerable<QueryParameters.Parameter> Filters(Type requestType) =>
        QueryParameters.Of(requestType).Where(p => p.Rule is not (LimitParameterAttribute or CursorParameterAttribute));

    // Boolean arguments arrive typed; the record holds them as the strings REST binds.
    private static string? Read(IResolveFieldContext context, QueryParameters.Parameter parameter) =>
        parameter.Rule.GraphType == typeof(BooleanGraphType)
            ? context.GetArgument<bool?>(parameter.Name) is { } flag ? (flag ? "true" : "false") : null
            : context.GetArgument<string?>(parameter.Name);
}
