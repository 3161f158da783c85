using KzRights.Data.Ingest;
using KzRights.Data.Providers;
using KzRights.Data.Queries;
using KzRights.Data.Releases;
using KzRights.Data.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KzRights.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>Registers the provider chosen by <c>Database:Provider</c>, the ingest and the query services.</summary>
    public static IServiceCollection AddKzRightsData(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(options);
        var connectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);

        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = connectionString ?? DefaultSqliteConnectionString(Path.Combine(contentRoot, options.DataDirectory));
                Register<SqliteKzRightsDbContext>(services, b => b.UseSqlite(sqlite));
                break;
            case DatabaseProvider.Postgres:
                Register<PostgresKzRightsDbContext>(services, b => b.UseNpgsql(Required(connectionString, options.Provider)));
                break;
            case DatabaseProvider.SqlServer:
                Register<SqlServerKzRightsDbContext>(services, b => b.UseSqlServer(Required(connectionString, options.Provider)));
                break;
            default:
                throw new InvalidOperationException($"Database:Provider '{options.Provider}' is not one of Sqlite, Postgres, SqlServer");
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(configuration.GetSection(ReleaseOptions.SectionName).Get<ReleaseOptions>() ?? new ReleaseOptions());
        services.AddSingleton<CurrentRelease>();
        services.AddSingleton<IReleasePublishedListener>(sp => sp.GetRequiredService<CurrentRelease>());
        services.AddScoped<ReleaseContext>();
        services.AddScoped<ReleasePublisher>();
        services.AddScoped<ReleaseQueries>();
        services.AddScoped<CorpusIngestor>();
        services.AddScoped<FullTextSearch>();
        services.AddScoped<DocumentQueries>();
        services.AddScoped<ParagraphQueries>();
        services.AddScoped<RecommendationQueries>();
        services.AddScoped<SearchQueries>();
        services.AddScoped<ThemeQueries>();
        services.AddScoped<IndicatorQueries>();
        services.AddScoped<FactQueries>();
        services.AddScoped<SeriesQueries>();
        services.AddScoped<QuotaQueries>();
        return services;
    }

    public static string DefaultSqliteConnectionString(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        return $"Data Source={Path.Combine(dataDirectory, "kzrights.db")}";
    }

    // A pooled factory serves both the per-request context and code that needs a context of its own (GraphQL
    // resolvers that may run concurrently must not share one DbContext).
    private static void Register<TContext>(IServiceCollection services, Action<DbContextOptionsBuilder> configure)
        where TContext : KzRightsDbContext
    {
        services.AddPooledDbContextFactory<TContext>(configure);
        services.AddScoped<KzRightsDbContext>(sp => sp.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext());
        services.AddSingleton<IDbContextFactory<KzRightsDbContext>>(sp => new UpcastContextFactory<TContext>(sp.GetRequiredService<IDbContextFactory<TContext>>()));
    }

    private static string Required(string? connectionString, DatabaseProvider provider) =>
        string.IsNullOrWhiteSpace(connectionString)
            ? throw new InvalidOperationException($"Database:Provider is {provider} but ConnectionStrings:{DatabaseOptions.ConnectionStringName} is not set")
            : connectionString;

    private sealed class UpcastContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<KzRightsDbContext>
        where TContext : KzRightsDbContext
    {
        public KzRightsDbContext CreateDbContext() => inner.CreateDbContext();
    }
}
