using KzRights.Data.Entities;
using KzRights.Data.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace KzRights.Data;

/// <summary>The model every provider shares. Each provider has a subclass of its own with its own migrations
/// (the EF Core "multiple providers" pattern), because SQL types, collations and full-text search differ.</summary>
public abstract class KzRightsDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<DocumentEntity> Documents => Set<DocumentEntity>();
    public DbSet<DocumentDateEntity> DocumentDates => Set<DocumentDateEntity>();
    public DbSet<SectionEntity> Sections => Set<SectionEntity>();
    public DbSet<ParagraphEntity> Paragraphs => Set<ParagraphEntity>();
    public DbSet<SubItemEntity> SubItems => Set<SubItemEntity>();
    public DbSet<FootnoteEntity> Footnotes => Set<FootnoteEntity>();
    public DbSet<SourceReferenceEntity> SourceReferences => Set<SourceReferenceEntity>();
    public DbSet<RecommendationEntity> Recommendations => Set<RecommendationEntity>();
    public DbSet<ResponseLinkEntity> ResponseLinks => Set<ResponseLinkEntity>();
    public DbSet<TranslationLinkEntity> TranslationLinks => Set<TranslationLinkEntity>();
    public DbSet<IngestStateEntity> IngestState => Set<IngestStateEntity>();
    public DbSet<ThemeEntity> Themes => Set<ThemeEntity>();
    public DbSet<ThemeTagEntity> ThemeTags => Set<ThemeTagEntity>();
    public DbSet<IndicatorEntity> Indicators => Set<IndicatorEntity>();
    public DbSet<QuotaEntity> Quotas => Set<QuotaEntity>();
    public DbSet<SeriesEntity> Series => Set<SeriesEntity>();
    public DbSet<SeriesPointEntity> SeriesPoints => Set<SeriesPointEntity>();
    public DbSet<FactEntity> Facts => Set<FactEntity>();
    public DbSet<NamedEntity> NamedEntities => Set<NamedEntity>();
    public DbSet<EntityMentionEntity> EntityMentions => Set<EntityMentionEntity>();
    public DbSet<ReleaseEntity> Releases => Set<ReleaseEntity>();
    public DbSet<ReleaseRecordEntity> ReleaseRecords => Set<ReleaseRecordEntity>();
    public DbSet<ReadModel.ServedRecordEntity> ServedRecords => Set<ReadModel.ServedRecordEntity>();

    /// <summary>The provider this context's migrations are for; its <see cref="KzRightsDatabaseProvider"/> adds the
    /// provider-only parts of the model.</summary>
    public abstract DatabaseProvider Provider { get; }

    /// <summary>Decimals come back from every provider in one form: PostgreSQL and SQL Server return a numeric column with
    /// its full scale (3.000000) where SQLite returns the text it stored (3.0), so the same corpus was served as different
    /// JSON, CSV and record hashes, and published as a different release, on each provider.</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<decimal>().HaveConversion<CanonicalDecimalConverter>();

    /// <summary>The shared model (one <c>IEntityTypeConfiguration</c> per entity, under <c>Entities/</c>), then the
    /// provider's own columns and its sort-key collation.</summary>
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(KzRightsDbContext).Assembly);
        var provider = KzRightsDatabaseProvider.For(Provider);
        provider.ConfigureModel(modelBuilder);
        if (provider.SortKeyCollation is { } collation)
        {
            // Keyset cursors compare sort keys as strings; a binary collation makes that byte order on every server.
            foreach (var property in modelBuilder.Model.GetEntityTypes().Select(t => t.FindProperty(nameof(IKeysetRow.SortKey))).OfType<IMutableProperty>())
            {
                property.SetCollation(collation);
            }
        }
    }
}

/// <summary>Trailing zeros dropped, with at least one decimal place: the form Microsoft.Data.Sqlite writes a decimal in
/// (3.0, 0.25, 1250.5), which SQLite databases already serve, so their answers and hashes stay as they were.</summary>
internal sealed class CanonicalDecimalConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<decimal, decimal>(
    value => CanonicalDecimal.Of(value), value => CanonicalDecimal.Of(value));

public static class CanonicalDecimal
{
    /// <summary>Dividing by 1 written with more places than a decimal holds yields the shortest scale that is exact.</summary>
    public static decimal Of(decimal value)
    {
        var trimmed = value / 1.0000000000000000000000000000m;
        return trimmed.Scale == 0 ? trimmed + 0.0m : trimmed;
    }
}
