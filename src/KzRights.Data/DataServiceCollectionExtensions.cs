using KzRights.Data.Datasets;
using KzRights.Data.Ingest;
using KzRights.Data.Providers;
using KzRights.Data.Queries;
using KzRights.Data.Releases;
using KzRights.Data.Search;
using KzRights.Data.Webhooks;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KzRights.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>Registers the provider chosen by <c>Database:Provider</c>, the ingest and the query services. Settings
    /// are read when first used and checked at start (<see cref="ValidatedOptions.ValidateSettings"/>).</summary>
    public static IServiceCollection AddKzRightsData(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        // The host registers its configuration already; a bare service collection (tools, tests) binds from this one.
        services.TryAddSingleton(configuration);
        services.AddValidatedOptions<DatabaseOptions>(DatabaseOptions.SectionName)
            .Configure<IConfiguration>((o, c) => o.ConnectionString = c.GetConnectionString(DatabaseOptions.ConnectionStringName))
            .PostConfigure(o => o.DataDirectory = Path.Combine(contentRoot, o.DataDirectory));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DatabaseOptions>, DatabaseOptions.ProviderRules>());
        services.AddSingleton(sp => KzRightsDatabaseProvider.For(sp.GetRequiredService<DatabaseOptions>().Provider));
        foreach (var provider in KzRightsDatabaseProvider.All)
        {
            provider.AddDbContext(services);
        }

        services.AddScoped(sp => sp.GetRequiredService<KzRightsDatabaseProvider>().CreateDbContext(sp));
        services.AddSingleton<IDbContextFactory<KzRightsDbContext>, ChosenContextFactory>();

        services.TryAddSingleton(TimeProvider.System);
        services.AddValidatedOptions<ReleaseOptions>(ReleaseOptions.SectionName);
        services.AddSingleton<CurrentRelease>();
        services.AddSingleton<IReleasePublishedListener>(sp => sp.GetRequiredService<CurrentRelease>());
        services.AddScoped<ReleaseContext>();
        services.AddScoped<ReleasePublisher>();
        services.AddValidatedOptions<DatasetOptions>(DatasetOptions.SectionName);
        services.AddSingleton(sp => new DatasetStore(Path.Combine(contentRoot, sp.GetRequiredService<DatasetOptions>().Directory)));
        services.AddScoped<IReleasePublishingHandler, DatasetPublishingHandler>();
        services.AddScoped<ReleaseQueries>();
        services.AddValidatedOptions<WebhookOptions>(WebhookOptions.SectionName);
        services.AddScoped<IReleasePublishingHandler, WebhookOutbox>();
        services.AddScoped<WebhookSubscriptions>();
        services.AddScoped<WebhookDeliveryQueue>();
        services.AddValidatedOptions<IngestOptions>(IngestOptions.SectionName);
        services.AddScoped<CorpusIngestor>();
        services.AddScoped<Access.ApiKeyStore>();
        services.AddScoped<FullTextSearch>();
        services.AddScoped<DocumentQueries>();
        services.AddScoped<ParagraphQueries>();
        services.AddScoped<RecommendationQueries>();
        services.AddScoped<SearchQueries>();
        services.AddScoped<ThemeQueries>();
        services.AddScoped<IndicatorQueries>();
        services.AddScoped<FactQueries>();
        services.AddScoped<EntityQueries>();
        services.AddScoped<SeriesQueries>();
        services.AddScoped<QuotaQueries>();
        return services;
    }

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

    /// <summary>Contexts of the chosen provider outside a request scope (the readiness check).</summary>
    private sealed class ChosenContextFactory(IServiceProvider services, KzRightsDatabaseProvider provider) : IDbContextFactory<KzRightsDbContext>
    {
        public KzRightsDbContext CreateDbContext() => provider.CreateDbContext(services);
    }
}
