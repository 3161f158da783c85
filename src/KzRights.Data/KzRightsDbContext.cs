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
