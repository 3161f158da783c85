using Microsoft.EntityFrameworkCore;

namespace KzRights.Data.Queries;

/// <summary>Thrown by a query service when a filter names a record that does not exist, so a typo is never taken for
/// "no results". REST answers 400 naming <see cref="Parameter"/>, GraphQL an INVALID_ARGUMENT error.</summary>
public sealed class UnknownFilterIdException(string parameter, string record, string value)
    : Exception($"{parameter}: no {record} has the id '{value}'.")
{
    /// <summary>The query parameter (and GraphQL argument) that holds the id.</summary>
    public string Parameter { get; } = parameter;

    public string Value { get; } = value;
}

/// <summary>The filters that name a record, each with how to find out whether the record exists. Query services call
/// <see cref="RequireAsync"/> for every id filter before they query, which is the one place the rule is checked.</summary>
public sealed class IdFilter
{
    public static readonly IdFilter Document = new("document", "document", (db, id, ct) => db.Documents.AnyAsync(d => d.Id == id, ct));

    public static readonly IdFilter Section = new("section", "section", (db, id, ct) => db.Sections.AnyAsync(s => s.Id == id, ct));

    /// <summary>A paragraph or one of its lettered sub-items.</summary>
    public static readonly IdFilter Paragraph = new("paragraph", "paragraph or sub-item",
        async (db, id, ct) => await db.Paragraphs.AnyAsync(p => p.Id == id, ct) || await db.SubItems.AnyAsync(s => s.Id == id, ct));

    public static readonly IdFilter Theme = new("theme", "theme", (db, id, ct) => db.Themes.AnyAsync(t => t.Id == id, ct));

    /// <summary>A filter of a query service's own (a release id, a document of an earlier release).</summary>
    public static IdFilter Of(string parameter, string record, Func<KzRightsDbContext, string, CancellationToken, Task<bool>> exists) =>
        new(parameter, record, exists);

    private readonly Func<KzRightsDbContext, string, CancellationToken, Task<bool>> _exists;

    private IdFilter(string parameter, string record, Func<KzRightsDbContext, string, CancellationToken, Task<bool>> exists)
    {
        Parameter = parameter;
        Record = record;
        _exists = exists;
    }

    public string Parameter { get; }

    public string Record { get; }

    /// <summary>Does nothing for a null (absent) filter; throws <see cref="UnknownFilterIdException"/> for an id that names nothing.</summary>
    public async Task RequireAsync(KzRightsDbContext db, string? id, CancellationToken ct)
    {
        if (id is not null && !await _exists(db, id, ct))
        {
            throw new UnknownFilterIdException(Parameter, Record, id);
        }
    }
}
