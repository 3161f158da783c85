namespace KzRights.Data.Providers;

/// <summary>A query compiled by <c>EF.CompileAsyncQuery</c> (for the statements every request runs, where building and
/// looking up the LINQ query costs more than running it), once per provider: EF Core refuses a compiled query for a second
/// model, and each provider's context has its own.</summary>
internal sealed class PerProviderQuery<TQuery>(Func<TQuery> compile)
    where TQuery : Delegate
{
    private readonly TQuery[] _compiled = Enum.GetValues<DatabaseProvider>().Select(_ => compile()).ToArray();

    /// <summary>The query compiled for <paramref name="db"/>'s provider.</summary>
    public TQuery For(KzRightsDbContext db) => _compiled[(int)db.Provider];
}
