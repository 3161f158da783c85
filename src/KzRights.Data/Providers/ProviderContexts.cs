using KzRights.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace KzRights.Data.Providers;

/// <summary>SQLite: the embedded default. Its default collation is already binary, which keyset cursors need.
/// Full-text search is an FTS5 table created by this context's migrations and filled by the ingest.</summary>
public sealed class SqliteKzRightsDbContext(DbContextOptions<SqliteKzRightsDbContext> options) : KzRightsDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

/// <summary>PostgreSQL: sort keys use the "C" collation so ordering is byte order whatever the server locale, and
/// paragraphs carry a stored tsvector (English or Russian configuration by language) behind a GIN index.</summary>
public sealed class PostgresKzRightsDbContext(DbContextOptions<PostgresKzRightsDbContext> options) : KzRightsDbContext(options)
{
    public const string SearchVectorColumn = "search_vector";

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<ParagraphEntity>(e =>
        {
            e.Property<NpgsqlTypes.NpgsqlTsVector>("SearchVector")
                .HasColumnName(SearchVectorColumn)
                .HasComputedColumnSql(
                    "CASE WHEN \"Language\" = 'ru' THEN to_tsvector('russian'::regconfig, \"SearchText\") ELSE to_tsvector('english'::regconfig, \"SearchText\") END",
                    stored: true);
            e.HasIndex("SearchVector").HasMethod("GIN");
        });
        UseBinarySortKeys(modelBuilder, "C");
        modelBuilder.Entity<RecommendationEntity>(e =>
        {
            e.Property<NpgsqlTypes.NpgsqlTsVector>("SearchVector")
                .HasColumnName(SearchVectorColumn)
                .HasComputedColumnSql("to_tsvector('english'::regconfig, \"SearchText\")", stored: true);
            e.HasIndex("SearchVector").HasMethod("GIN");
        });
    }
}

/// <summary>SQL Server: binary collation on sort keys. Full-text search needs a full-text catalog that not every
/// edition or host has, so search falls back to LIKE matching of each query term (documented in the README).</summary>
public sealed class SqlServerKzRightsDbContext(DbContextOptions<SqlServerKzRightsDbContext> options) : KzRightsDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.SqlServer;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        UseBinarySortKeys(modelBuilder, "Latin1_General_BIN2");
    }
}
