using KzRights.Data.Ingest;
using KzRights.Data.Providers;
using KzRights.Data.Queries;
using KzRights.Data.Search;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

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
                var sqlite = new SqliteConnectionStringBuilder(connectionString ?? DefaultSqliteConnectionString(Path.Combine(contentRoot, options.DataDirectory)));
                if (options.ReadOnly)
                {
                    sqlite.Mode = SqliteOpenMode.ReadOnly;
                }

                Register<SqliteKzRightsDbContext>(services, b => b.UseSqlite(sqlite.ConnectionString));
                break;
            case DatabaseProvider.Postgres:
                // 57P01 (terminating connection due to administrator command) is what a pooled connection reports
                // after the server restarted: retried on a fresh connection instead of answering 500.
                Register<PostgresKzRightsDbContext>(services, b => b.UseNpgsql(Required(connectionString, options.Provider),
                    o => o.EnableRetryOnFailure(options.MaxRetryCount, RetryDelayCap, ["57P01", "57P02"])));
                break;
            case DatabaseProvider.SqlServer:
                Register<SqlServerKzRightsDbContext>(services, b => b.UseSqlServer(Required(connectionString, options.Provider),
                    o => o.EnableRetryOnFailure(options.MaxRetryCount, RetryDelayCap, null)));
                break;
            default:
                throw new InvalidOperationException($"Database:Provider '{options.Provider}' is not one of Sqlite, Postgres, SqlServer");
        }

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

    // Retries stay well inside a request's timeout (10 s by default).
    private static readonly TimeSpan RetryDelayCap = TimeSpan.FromSeconds(1);

    /// <summary>The SQLite file under <paramref name="dataDirectory"/>; the directory is created at start
    /// (<see cref="EnsureSqliteDirectory"/>), where a failure is reported instead of crashing the host's build.</summary>
    public static string DefaultSqliteConnectionString(string dataDirectory) =>
        new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDirectory, "kzrights.db") }.ConnectionString;

    /// <summary>Creates the folder of a SQLite file when it is missing (read-only databases must already exist).</summary>
    public static void EnsureSqliteDirectory(string connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (file is { Length: > 0 } && file != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(file)) is { } directory)
        {
            Directory.CreateDirectory(directory);
        }
    }

    // A pooled factory serves both the per-request context and code that needs a context of its own (GraphQL
    // resolvers that may run concurrently must not share one DbContext).
    private static void Register<TContext>(IServiceCollection services, Action<DbContextOptionsBuilder> configure)
        where TContext : KzRightsDbContext
    {
        services.AddPooledDbContextFactory<TContext>(b =>
        {
            configure(b);
            // A failed command is logged once, by whoever handles it (the API's exception handler, its 503 answer or the
            // start failure line); EF Core's own error events about the same exception would repeat it with a stack trace.
            b.ConfigureWarnings(w => w.Log(
                (CoreEventId.QueryIterationFailed, LogLevel.Debug),
                (CoreEventId.SaveChangesFailed, LogLevel.Debug),
                (RelationalEventId.CommandError, LogLevel.Debug),
                (RelationalEventId.ConnectionError, LogLevel.Debug),
                (RelationalEventId.TransactionError, LogLevel.Debug)));
        });
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
