using GraphQLParser.AST;
using Microsoft.Extensions.Caching.Memory;

namespace KzRights.Api.GraphQL;

/// <summary>Documents that parsed and passed graphql-dotnet's core validation rules once, by their text. Clients send the
/// same few queries again and again, and parsing plus the core rules cost about a sixth of an execution. The core rules
/// depend only on the document and the schema, so a document found here skips them, as graphql-dotnet's own document
/// cache does (GraphQL.MemoryCache, not on our mirror); variables are still coerced and the API's cost rule still runs on
/// every request (page sizes can come from variables, and the cost budget is the caller's).</summary>
public sealed class GraphQLDocumentCache(GraphQLOptions options) : IDisposable
{
    /// <summary>Bounded by the length of the texts kept (a document's tree is a few times its text), so that many large
    /// distinct queries cannot grow the process.</summary>
    private readonly MemoryCache _documents = new(new MemoryCacheOptions { SizeLimit = options.DocumentCacheKilobytes });

    /// <summary>The validated document of <paramref name="query"/>, or null.</summary>
    public GraphQLDocument? Find(string query) => _documents.TryGetValue(query, out GraphQLDocument? document) ? document : null;

    /// <summary>Remembers a document that passed the core rules.</summary>
    public void Add(string query, GraphQLDocument document) =>
        _documents.Set(query, document, new MemoryCacheEntryOptions { Size = 1 + (query.Length / 1024), SlidingExpiration = TimeSpan.FromHours(1) });

    public void Dispose() => _documents.Dispose();
}
