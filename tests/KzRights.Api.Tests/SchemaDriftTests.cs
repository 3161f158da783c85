using KzRights.Data;
using KzRights.Data.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KzRights.Api.Tests;

/// <summary>No server needed: the model is compared with each provider's migrations, and the committed SQL scripts
/// with what the migrations generate.</summary>
public sealed class SchemaDriftTests
{
    public static TheoryData<string> Providers => new(KzRightsDatabaseProvider.All.Select(p => p.Kind.ToString().ToLowerInvariant()));

    [Theory]
    [MemberData(nameof(Providers))]
    public void Each_providers_migrations_match_the_model(string provider)
    {
        using var db = Create(provider);
        Assert.False(
            db.Database.HasPendingModelChanges(),
            $"{provider}: the model has changes without a migration; add one with dotnet ef migrations add --context {db.GetType().Name}");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Each_providers_committed_sql_script_is_current(string provider)
    {
        using var db = Create(provider);
        var script = db.GetService<IMigrator>().GenerateScript();
        Snapshot.AssertMatches($"schema/{provider}.sql", script);
    }

    private static KzRightsDbContext Create(string provider) =>
        KzRightsDatabaseProvider.All.Single(p => p.Kind.ToString().Equals(provider, StringComparison.OrdinalIgnoreCase)).CreateDesignTimeContext();
}
