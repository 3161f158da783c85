using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using GraphQL.Types;
using GraphQLParser.AST;
using KzRights.Data.ReadModel;

namespace KzRights.Api.GraphQL;

/// <summary>How one selection set on one object type is written from a record's JSON (see
/// <see cref="ProjectingExecutionStrategy"/>): the selected fields in the selection's order under their response names
/// (aliases), each copied from the JSON property of the same name, or written by the plan of its own selection where it
/// holds objects. A plan exists only where that gives exactly what the resolvers give: every selected field is a property
/// of the record's JSON contract (<see cref="ServedRecords.Json"/>), takes no arguments, and holds either a scalar that the
/// JSON stores in GraphQL's own form (strings, ids, integers, booleans, decimals, floats, dates) or objects of a type with a plan.</summary>
internal sealed class ProjectionPlan
{
    private const string TypeNameField = "__typename";

    private static readonly ConcurrentDictionary<Type, IReadOnlyDictionary<string, (int Order, Type Type)>> Contracts = new();

    private readonly Entry[] _entries;

    /// <summary>UTF-8 names of the JSON properties the plan reads, in the order the record's JSON holds them.</summary>
    private readonly byte[][] _slots;

    private ProjectionPlan(Entry[] entries, byte[][] slots, bool identity)
    {
        _entries = entries;
        _slots = slots;
        _identity = identity;
    }

    /// <summary>True when the selection is the whole record as stored: every property of the contract, in its order, under
    /// its own name, each a scalar or itself such a selection. The stored JSON is then the answer, copied without reading
    /// it (queries that ask for every field, and nested objects such as a paragraph's themes).</summary>
    private readonly bool _identity;

    private enum Kind
    {
        Copy,
        Project,
        TypeName,
    }

    /// <summary>The plan of <paramref name="selection"/> on <paramref name="type"/>, or null when a selected field cannot be
    /// written from the JSON. <paramref name="collect"/> is graphql-dotnet's field collection (fragments, directives, merged
    /// duplicates, in response order).</summary>
    public static ProjectionPlan? Build(
        IObjectGraphType type,
        GraphQLSelectionSet selection,
        Func<IObjectGraphType, GraphQLSelectionSet, Dictionary<string, (GraphQLField Field, FieldType FieldType)>> collect)
    {
        if (SourceType(type) is not { } source)
        {
            return null;
        }

        var contract = Contracts.GetOrAdd(source, ContractOf);
        var fields = collect(type, selection);
        var planned = new List<(JsonEncodedText Name, Kind Kind, string? Property, ProjectionPlan? Plan)>(fields.Count);
        foreach (var (responseName, (field, definition)) in fields)
        {
            if (definition.Name == TypeNameField)
            {
                planned.Add((JsonEncodedText.Encode(responseName), Kind.TypeName, null, null));
                continue;
            }

            if (definition.Arguments?.Count > 0 || !contract.TryGetValue(definition.Name, out var property)
                || !Writable(property.Type, definition.ResolvedType!, field.SelectionSet, collect, out var plan))
            {
                return null;
            }

            planned.Add((JsonEncodedText.Encode(responseName), plan is null ? Kind.Copy : Kind.Project, definition.Name, plan));
        }

        var slots = planned.Where(p => p.Property is not null).Select(p => p.Property!).Distinct(StringComparer.Ordinal)
            .OrderBy(name => contract[name].Order).ToArray();
        var entries = planned.Select(p => new Entry(
            p.Name, p.Kind, p.Property is null ? -1 : Array.IndexOf(slots, p.Property), p.Plan, p.Kind == Kind.TypeName ? type.Name : null)).ToArray();
        var identity = planned.Count == contract.Count
            && planned.Select((p, i) => p.Kind != Kind.TypeName && p.Name.Value == p.Property && contract[p.Property!].Order == i
                && p.Plan is not { _identity: false }).All(same => same);
        return new ProjectionPlan(entries, slots.Select(Encoding.UTF8.GetBytes).ToArray(), identity);
    }

    /// <summary>Writes a JSON value holding objects of this plan's type: an object, null, or a list of such values.</summary>
    public void WriteValue(Utf8JsonWriter writer, ReadOnlySpan<byte> json)
    {
        if (_identity)
        {
            // Written by this service with the API's conventions: no need to validate it again.
            writer.WriteRawValue(json, skipInputValidation: true);
            return;
        }

        switch (json[0])
        {
            case (byte)'{':
                WriteObject(writer, json);
                break;
            case (byte)'[':
                writer.WriteStartArray();
                var reader = new Utf8JsonReader(json);
                reader.Read();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    var start = (int)reader.TokenStartIndex;
                    reader.Skip();
                    WriteValue(writer, json[start..(int)reader.BytesConsumed]);
                }

                writer.WriteEndArray();
                break;
            case (byte)'n':
                writer.WriteNullValue();
                break;
            default:
                throw new InvalidOperationException("A stored record holds a scalar where its type has an object.");
        }
    }

    private void WriteObject(Utf8JsonWriter writer, ReadOnlySpan<byte> json)
    {
        // Where each read property's value is in json; an empty range is a property not seen (no JSON value is empty).
        Span<Range> found = _slots.Length <= 64 ? stackalloc Range[_slots.Length] : new Range[_slots.Length];
        found.Clear();
        var reader = new Utf8JsonReader(json);
        reader.Read();
        var next = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var slot = -1;
            if (next < _slots.Length && reader.ValueTextEquals(_slots[next]))
            {
                // The usual case: the records of a type hold their properties in one order, the order of the slots.
                slot = next++;
            }
            else
            {
                for (var i = 0; i < _slots.Length; i++)
                {
                    if (reader.ValueTextEquals(_slots[i]))
                    {
                        slot = i;
                        break;
                    }
                }
            }

            reader.Read();
            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            if (slot >= 0)
            {
                found[slot] = new Range(start, (int)reader.BytesConsumed);
            }

            if (next == _slots.Length)
            {
                // Every slot found in order: the rest (a record's citation and links, which come last) need not be read.
                break;
            }
        }

        writer.WriteStartObject();
        foreach (var entry in _entries)
        {
            writer.WritePropertyName(entry.Name);
            if (entry.Kind == Kind.TypeName)
            {
                writer.WriteStringValue(entry.TypeName);
                continue;
            }

            var value = json[found[entry.Slot]];
            if (value.IsEmpty)
            {
                throw new InvalidOperationException($"A stored record lacks its property {Encoding.UTF8.GetString(_slots[entry.Slot])}.");
            }

            if (entry.Kind == Kind.Copy || entry.Plan!._identity)
            {
                // Written by this service with the API's conventions: no need to validate it again.
                writer.WriteRawValue(value, skipInputValidation: true);
            }
            else
            {
                entry.Plan!.WriteValue(writer, value);
            }
        }

        writer.WriteEndObject();
    }

    private static bool Writable(
        Type clrType,
        IGraphType graphType,
        GraphQLSelectionSet? selection,
        Func<IObjectGraphType, GraphQLSelectionSet, Dictionary<string, (GraphQLField Field, FieldType FieldType)>> collect,
        out ProjectionPlan? plan)
    {
        plan = null;
        var type = graphType is NonNullGraphType nonNull ? nonNull.ResolvedType! : graphType;
        clrType = Nullable.GetUnderlyingType(clrType) ?? clrType;
        switch (type)
        {
            case ListGraphType list:
                return ElementType(clrType) is { } element && Writable(element, list.ResolvedType!, selection, collect, out plan);
            case IObjectGraphType objectType:
                plan = selection is null ? null : Build(objectType, selection, collect);
                return plan is not null && SourceType(objectType)!.IsAssignableFrom(clrType);
            case ScalarGraphType scalar:
                return StoredAs(scalar) == clrType;
            default:
                return false;
        }
    }

    /// <summary>The CLR type whose JSON (as <see cref="ServedRecords.Json"/> writes it) is what the scalar serializes to;
    /// null for scalars whose form differs (e.g. dates with a time, which GraphQL formats its own way).</summary>
    private static Type? StoredAs(ScalarGraphType scalar) => scalar switch
    {
        IdGraphType or StringGraphType => typeof(string),
        IntGraphType => typeof(int),
        BooleanGraphType => typeof(bool),
        DecimalGraphType => typeof(decimal),
        FloatGraphType => typeof(double),
        DateOnlyGraphType => typeof(DateOnly),
        _ => null,
    };

    private static Type? ElementType(Type type) =>
        type == typeof(string)
            ? null
            : type.IsArray
                ? type.GetElementType()
                : type.GetInterfaces().Append(type)
                    .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    /// <summary>The DTO an <c>ObjectGraphType&lt;T&gt;</c> describes when it is one of the query services' records, whose JSON
    /// is the API's own contract; null for any other type (untyped graph types, connections, and graphql-dotnet's
    /// introspection types, whose sources are the schema's own objects).</summary>
    private static Type? SourceType(IObjectGraphType type)
    {
        for (var t = type.GetType(); t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(ObjectGraphType<>))
            {
                var source = t.GetGenericArguments()[0];
                return source.Assembly == typeof(ServedRecords).Assembly ? source : null;
            }
        }

        return null;
    }

    /// <summary>The JSON properties of <paramref name="source"/> (a KzRights.Data DTO, see <see cref="SourceType"/>), in the
    /// order they are written; none if its contract cannot be built, so that its fields resolve the ordinary way.</summary>
    private static IReadOnlyDictionary<string, (int Order, Type Type)> ContractOf(Type source)
    {
        try
        {
            return ServedRecords.Json.GetTypeInfo(source).Properties
                .Select((p, order) => (p.Name, Order: order, p.PropertyType))
                .ToDictionary(p => p.Name, p => (p.Order, p.PropertyType), StringComparer.Ordinal);
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException)
        {
            return new Dictionary<string, (int, Type)>();
        }
    }

    private sealed record Entry(JsonEncodedText Name, Kind Kind, int Slot, ProjectionPlan? Plan, string? TypeName);
}
