using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using FluentValidation;
using GraphQL.Types;
using KzRights.Data.Queries;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;

namespace KzRights.Api.Infrastructure;

/// <summary>A query parameter, declared once beside the parameter of an <c>[AsParameters]</c> request record (or a
/// handler): its name on the wire (it is a <see cref="FromQueryAttribute"/>), what it means and what it accepts. The
/// same attribute gives the REST validator its rule (<see cref="QueryParameters.AddParameterRules"/>), the OpenAPI
/// document its description and schema (<see cref="OpenApiSetup"/>), and GraphQL the argument's type, description and
/// check (<c>GraphQL.RequestArguments</c>). Values are bound as strings so that bad input answers a problem naming the
/// parameter instead of a bare 400.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
public abstract class QueryParameterAttribute : FromQueryAttribute
{
    protected QueryParameterAttribute(string name, string description)
    {
        Name = name;
        Description = description;
    }

    public string Description { get; }

    /// <summary>An absent value is refused (the query parameter is required; the GraphQL argument is non-null).</summary>
    public bool Required { get; set; }

    /// <summary>The refusal of an absent required value.</summary>
    public virtual string RequiredMessage => $"{Name} is required.";

    /// <summary>The value's type and limits in the OpenAPI document (GraphQL has no place for them).</summary>
    public abstract OpenApiSchema Schema();

    /// <summary>Why <paramref name="value"/> is not valid, or null when it is.</summary>
    public abstract string? Problem(string value);

    /// <summary>The GraphQL argument type (its nullable form).</summary>
    public virtual Type GraphType => typeof(StringGraphType);

    public virtual string OpenApiDescription => Description;

    public virtual string GraphQLDescription => Description;
}

/// <summary>The id of a record. <paramref name="checkedInStore"/>: the query services refuse an id that names no record
/// (<see cref="UnknownFilterIdException"/>), and the descriptions say so.</summary>
public class IdParameterAttribute(string name, string description, bool checkedInStore = false) : QueryParameterAttribute(name, description)
{
    public override OpenApiSchema Schema() => new() { Type = JsonSchemaType.String, MinLength = 1, MaxLength = QueryRules.MaxIdLength };

    public override string? Problem(string value) => QueryRules.IsValidId(value) ? null : QueryRules.IdMessage(Name!);

    public override Type GraphType => typeof(IdGraphType);

    public override string OpenApiDescription => checkedInStore ? $"{Description} Unknown ids answer 400." : Description;

    public override string GraphQLDescription => checkedInStore ? $"{Description} An unknown id is an error, not an empty list." : Description;
}

public sealed class DocumentParameterAttribute() : IdParameterAttribute("document", "Document id (slug), e.g. ccpr-c-kaz-co-3.", checkedInStore: true);

public sealed class SectionParameterAttribute()
    : IdParameterAttribute("section", "Section id; includes the section's sub-sections, e.g. ccpr-c-kaz-co-3/c.", checkedInStore: true);

public sealed class ThemeParameterAttribute() : IdParameterAttribute("theme", "Theme id, e.g. theme/torture or sdg/5 (see /v1/themes).", checkedInStore: true);

/// <summary>The release a client holds (<c>/v1/changes?since=</c>).</summary>
public sealed class SinceParameterAttribute : IdParameterAttribute
{
    public SinceParameterAttribute()
        : base("since", "Id of the release you hold, e.g. 2026.12.01-1a2b3c4d; the changes after it up to the latest release are listed.",
            checkedInStore: true) =>
        Required = true;

    public override OpenApiSchema Schema() => new() { Type = JsonSchemaType.String, MaxLength = QueryRules.MaxIdLength };

    public override string RequiredMessage => "since is required: the id of the release you hold.";
}

/// <summary>One value of a vocabulary: the static <c>IReadOnlyList&lt;string&gt;</c> member <paramref name="member"/> of
/// <paramref name="vocabulary"/> (<c>typeof(IndicatorUnit), nameof(IndicatorUnit.All)</c>), the list the query service
/// filters with.</summary>
public class OneOfParameterAttribute(string name, string description, Type vocabulary, string member) : QueryParameterAttribute(name, description)
{
    // GraphQL descriptions list short vocabularies; a long one (the measure keys) is in the OpenAPI document.
    private const int MaxListedInGraphQL = 20;

    public IReadOnlyList<string> Values { get; } =
        (IReadOnlyList<string>)(vocabulary.GetProperty(member, BindingFlags.Public | BindingFlags.Static)?.GetValue(null)
            ?? vocabulary.GetField(member, BindingFlags.Public | BindingFlags.Static)?.GetValue(null)
            ?? throw new InvalidOperationException($"{vocabulary.Name}.{member} is not a public static vocabulary"));

    public override OpenApiSchema Schema() => new() { Type = JsonSchemaType.String, Enum = Values.Select(v => (JsonNode)JsonValue.Create(v)!).ToList() };

    public override string? Problem(string value) => QueryRules.IsOneOf(value, Values) ? null : QueryRules.OneOfMessage(Name!, Values);

    public override string GraphQLDescription =>
        Values.Count <= MaxListedInGraphQL ? $"{Description} One of: {string.Join(", ", Values)}." : Description;
}

public sealed class LanguageParameterAttribute()
    : OneOfParameterAttribute("lang", "Language of the paragraph (ISO 639-1).", typeof(QueryRules), nameof(QueryRules.Languages));

/// <summary>Free text reduced to words (<see cref="Data.Search.SearchTerms"/>): at least one word, at most 500 characters.</summary>
public class WordsParameterAttribute(string name, string description) : QueryParameterAttribute(name, description)
{
    public override OpenApiSchema Schema() => new() { Type = JsonSchemaType.String, MinLength = 1, MaxLength = QueryRules.MaxSearchTextLength };

    public override string? Problem(string value) => QueryRules.IsValidSearchText(value) ? null : QueryRules.SearchTextMessage(Name!);
}

/// <summary><c>q</c> of the lists that search the text (paragraphs, indicators, search).</summary>
public sealed class TextQueryParameterAttribute() : WordsParameterAttribute("q", "Words to find (all must occur); quotes and operators are plain text.");

public sealed class BooleanParameterAttribute(string name, string description) : QueryParameterAttribute(name, description)
{
    public override OpenApiSchema Schema() => new() { Type = JsonSchemaType.Boolean };

    public override string? Problem(string value) => value is "true" or "false" ? null : $"{Name} must be true or false.";

    public override Type GraphType => typeof(BooleanGraphType);
}

/// <summary>A year (<c>2023</c>) or a date (<c>2023-06-30</c>) bounding a period filter (<see cref="PeriodBound"/>).</summary>
public sealed class PeriodBoundParameterAttribute(string name, string description) : QueryParameterAttribute(name, description)
{
    /// <summary>A year or a calendar date; the server also refuses dates that do not exist (2023-02-30).</summary>
    private const string DatePattern = "^[0-9]{4}(-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01]))?$";

    public override OpenApiSchema Schema() => new() { Type = JsonSchemaType.String, MinLength = 4, MaxLength = 10, Pattern = DatePattern };

    public override string? Problem(string value) =>
        PeriodBound.Parse(value, start: true) is null ? $"{Name} must be a year (2023) or a date (2023-06-30)." : null;
}

/// <summary>The page size of a REST list (GraphQL pages with <c>first</c>).</summary>
public sealed class LimitParameterAttribute() : QueryParameterAttribute("limit", $"Page size, 1–{Paging.MaxLimit}.")
{
    public override OpenApiSchema Schema() => new()
    {
        Type = JsonSchemaType.Integer,
        Format = "int32",
        Minimum = "1",
        Maximum = Paging.MaxLimit.ToString(CultureInfo.InvariantCulture),
        Default = JsonValue.Create(Paging.DefaultLimit),
    };

    public override string? Problem(string value) =>
        QueryRules.ParseLimit(value) is null ? $"limit must be a whole number from 1 to {Paging.MaxLimit} (default {Paging.DefaultLimit})." : null;
}

/// <summary>The keyset cursor of a REST list (GraphQL continues with <c>after</c>).</summary>
public sealed class CursorParameterAttribute()
    : QueryParameterAttribute("cursor", "Opaque keyset cursor: the nextCursor of the previous page, with the same filters.")
{
    public override OpenApiSchema Schema() => new() { Type = JsonSchemaType.String, MaxLength = 2048, Pattern = "^[A-Za-z0-9_-]*$" };

    public override string? Problem(string value) => Cursor.IsWellFormed(value) ? null : "cursor must be a nextCursor value returned by this API.";
}

/// <summary>What a path parameter (a record id) means, beside the handler's parameter: its OpenAPI description.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public class PathParameterAttribute(string description) : Attribute
{
    public string Description { get; } = description;
}

public sealed class DocumentIdAttribute() : PathParameterAttribute("Document id (slug), e.g. ccpr-c-kaz-co-3.");

public sealed class ReleaseIdAttribute() : PathParameterAttribute(
    "Release id, e.g. 2026.12.01-1a2b3c4d (publication date and the start of the content hash); latest stands for the newest.");

/// <summary>The query parameters of a request record, read once per record type from its constructor.</summary>
public static class QueryParameters
{
    /// <summary>A query parameter of a request record: the record property holding it and what it accepts.</summary>
    public sealed record Parameter(PropertyInfo Property, QueryParameterAttribute Rule)
    {
        public string Name => Rule.Name!;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, IReadOnlyList<Parameter>> Cache = new();

    public static IReadOnlyList<Parameter> Of(Type requestType) => Cache.GetOrAdd(requestType, type =>
        type.GetConstructors().Single().GetParameters()
            .Select(p => new Parameter(
                type.GetProperty(p.Name!)!,
                p.GetCustomAttribute<QueryParameterAttribute>()
                    ?? throw new InvalidOperationException($"{type.Name}.{p.Name} has no query parameter attribute (IdParameter, OneOfParameter, …)")))
            .ToArray());

    /// <summary>The rule of every parameter of the record: required ones present, given ones valid.</summary>
    public static void AddParameterRules<T>(this AbstractValidator<T> validator)
    {
        var parameters = Of(typeof(T));
        validator.RuleFor(r => r).Custom((request, context) =>
        {
            foreach (var parameter in parameters)
            {
                var value = (string?)parameter.Property.GetValue(request);
                if (value is null && parameter.Rule.Required)
                {
                    context.AddFailure(parameter.Name, parameter.Rule.RequiredMessage);
                }
                else if (value is not null && parameter.Rule.Problem(value) is { } problem)
                {
                    context.AddFailure(parameter.Name, problem);
                }
            }
        });
    }
}
