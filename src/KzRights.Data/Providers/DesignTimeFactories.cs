using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace KzRights.Data.Providers;

// Used by `dotnet ef migrations add … --context <X>` and by the schema-drift tests. No server is contacted: the
// connection strings only choose the provider.

public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteKzRightsDbContext>
{
    public SqliteKzRightsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteKzRightsDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresKzRightsDbContext>
{
    public PostgresKzRightsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresKzRightsDbContext>().UseNpgsql("Host=localhost;Database=kzrights").Options);
}

public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerKzRightsDbContext>
{
    public SqlServerKzRightsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerKzRightsDbContext>().UseSqlServer("Server=localhost;Database=kzrights;TrustServerCertificate=true").Options);
}
