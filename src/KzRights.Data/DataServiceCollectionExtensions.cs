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

namespace KzRights.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>Registers the provider chosen by <c>Database:Provider</c>, the ingest and the query services.</summary>
    public static IServiceCollection AddKzRightsData(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(options);
        var provider = KzRightsDatabaseProvider.For(options.Provider);
        services.AddSingleton(provider);
        provider.AddDbContext(services, configuration.GetConnectionString(DatabaseOptions.ConnectionStringName), Path.Combine(contentRoot, options.DataDirectory), options);

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(configuration.GetSection(ReleaseOptions.SectionName).Get<ReleaseOptions>() ?? new ReleaseOptions());
        services.AddSingleton<CurrentRelease>();
        services.AddSingleton<ReleaseGate>();
        services.AddSingleton<IReleasePublishedListener>(sp => sp.GetRequiredService<CurrentRelease>());
        services.AddScoped<ReleaseContext>();
        services.AddScoped<ReleasePublisher>();
        var datasets = configuration.GetSection(DatasetOptions.SectionName).Get<DatasetOptions>() ?? new DatasetOptions();
        services.AddSingleton(new DatasetStore(Path.Combine(contentRoot, datasets.Directory)));
        services.AddScoped<IReleasePublishingHandler, DatasetPublishingHandler>();
        services.AddScoped<ReleaseQueries>();
        services.AddSingleton(configuration.GetSection(WebhookOptions.SectionName).Get<WebhookOptions>() ?? new WebhookOptions());
        services.AddScoped<IReleasePublishingHandler, WebhookOutbox>();
        services.AddScoped<WebhookSubscriptions>();
        services.AddScoped<WebhookDeliveryQueue>();
        services.AddSingleton(IngestOptions.From(configuration));
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
}
