using KzRights.Data;
using KzRights.Data.Providers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KzRights.Api.Tests;

/// <summary>The provider is chosen once, at start, from configuration; nothing falls back silently.</summary>
public sealed class DatabaseProviderTests
{
    [Fact]
    public void Every_configurable_provider_has_exactly_one_provider_class_whose_context_matches_it()
    {
        foreach (var kind in Enum.GetValues<DatabaseProvider>())
        {
            var provider = KzRightsDatabaseProvider.For(kind);
            using var context = provider.CreateDesignTimeContext();
            Assert.Equal(kind, context.Provider);
        }

        Assert.Equal(Enum.GetValues<DatabaseProvider>().Length, KzRightsDatabaseProvider.All.Select(p => p.Kind).Distinct().Count());
    }

    [Fact]
    public void An_unknown_provider_fails_at_start()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Provider"] = "MySql" })
            .Build();
        using var services = new ServiceCollection().AddKzRightsData(configuration, Path.GetTempPath()).BuildServiceProvider();
        var error = Assert.ThrowsAny<InvalidOperationException>(services.ValidateSettings);
        Assert.Contains("Database:Provider", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_server_provider_without_a_connection_string_fails_at_start()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Provider"] = "Postgres" })
            .Build();
        using var services = new ServiceCollection().AddKzRightsData(configuration, Path.GetTempPath()).BuildServiceProvider();
        var error = Assert.Throws<OptionsValidationException>(services.ValidateSettings);
        Assert.Contains("Database:Provider is Postgres but ConnectionStrings:KzRights is not set", error.Message, StringComparison.Ordinal);
    }
}
