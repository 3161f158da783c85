using KzRights.Data.Entities;
using Microsoft.EntityFrameworkCore;

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
    public DbSet<ReleaseEntity> Releases => Set<ReleaseEntity>();
    public DbSet<ReleaseRecordEntity> ReleaseRecords => Set<ReleaseRecordEntity>();

    /// <summary>Which full-text implementation <see cref="Search.FullTextSearch"/> uses for this provider.</summary>
    public abstract DatabaseProvider Provider { get; }

    protected const int IdLength = 160;

    /// <summary>Longest id of any record type (series keys are the longest).</summary>
    internal const int RecordIdLength = IdLength + 64;

    /// <summary>Keyset cursors compare sort keys as strings; a binary collation makes that byte order on every server.</summary>
    protected static void UseBinarySortKeys(ModelBuilder modelBuilder, string collation)
    {
        foreach (var property in modelBuilder.Model.GetEntityTypes().Select(t => t.FindProperty("SortKey")).OfType<Microsoft.EntityFrameworkCore.Metadata.IMutableProperty>())
        {
            property.SetCollation(collation);
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new Releases.ReleaseConfiguration());
        modelBuilder.ApplyConfiguration(new Releases.ReleaseRecordConfiguration());
        modelBuilder.Entity<DocumentEntity>(e =>
        {
            e.ToTable("documents");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(IdLength);
            e.Property(x => x.Symbol).HasMaxLength(64);
            e.Property(x => x.Title).HasMaxLength(400);
            e.Property(x => x.DocumentType).HasMaxLength(64);
            e.Property(x => x.Body).HasMaxLength(400);
            e.Property(x => x.Mechanism).HasMaxLength(32);
            e.Property(x => x.Layout).HasMaxLength(64);
            e.Property(x => x.Session).HasMaxLength(200);
            e.Property(x => x.Languages).HasMaxLength(32);
            e.Property(x => x.OriginalLanguage).HasMaxLength(8);
            e.Property(x => x.SourceFile).HasMaxLength(200);
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.HasIndex(x => x.Ordinal).IsUnique();
            e.HasMany(x => x.Dates).WithOne().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Sections).WithOne().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Paragraphs).WithOne().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.References).WithOne().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<DocumentDateEntity>(e =>
        {
            e.ToTable("document_dates");
            e.HasKey(x => new { x.DocumentId, x.Role, x.Date });
            e.Property(x => x.DocumentId).HasMaxLength(IdLength);
            e.Property(x => x.Role).HasMaxLength(16);
            e.Property(x => x.Note).HasMaxLength(400);
        });

        modelBuilder.Entity<SectionEntity>(e =>
        {
            e.ToTable("sections");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(IdLength);
            e.Property(x => x.DocumentId).HasMaxLength(IdLength);
            e.Property(x => x.ParentId).HasMaxLength(IdLength);
            e.Property(x => x.Kind).HasMaxLength(32);
            e.Property(x => x.Number).HasMaxLength(16);
            e.Property(x => x.Title).HasMaxLength(1000);
            e.Property(x => x.Language).HasMaxLength(8);
            e.HasIndex(x => new { x.DocumentId, x.Ordinal }).IsUnique();
        });

        modelBuilder.Entity<ParagraphEntity>(e =>
        {
            e.ToTable("paragraphs");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(IdLength);
            e.Property(x => x.DocumentId).HasMaxLength(IdLength);
            e.Property(x => x.SortKey).HasMaxLength(32);
            e.Property(x => x.SectionId).HasMaxLength(IdLength);
            e.Property(x => x.SectionPath).HasMaxLength(2000);
            e.Property(x => x.Number).HasMaxLength(32);
            e.Property(x => x.RawNumber).HasMaxLength(32);
            e.Property(x => x.Language).HasMaxLength(8);
            e.HasIndex(x => x.SortKey).IsUnique();
            e.HasIndex(x => new { x.DocumentId, x.SortKey });
            e.HasIndex(x => x.SectionId);
            e.HasMany(x => x.SubItems).WithOne().HasForeignKey(x => x.ParagraphId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Footnotes).WithOne().HasForeignKey(x => x.ParagraphId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<SubItemEntity>(e =>
        {
            e.ToTable("sub_items");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(IdLength);
            e.Property(x => x.ParagraphId).HasMaxLength(IdLength);
            e.Property(x => x.Label).HasMaxLength(16);
        });

        modelBuilder.Entity<FootnoteEntity>(e =>
        {
            e.ToTable("footnotes");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(IdLength);
            e.Property(x => x.DocumentId).HasMaxLength(IdLength);
            e.Property(x => x.ParagraphId).HasMaxLength(IdLength);
            e.Property(x => x.Marker).HasMaxLength(8);
        });

        modelBuilder.Entity<SourceReferenceEntity>(e =>
        {
            e.ToTable("source_references");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(IdLength);
            e.Property(x => x.DocumentId).HasMaxLength(IdLength);
            e.Property(x => x.Marker).HasMaxLength(16);
            e.Property(x => x.Url).HasMaxLength(1000);
        });

        modelBuilder.Entity<RecommendationEntity>(e =>
        {
            e.ToTable("recommendations");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(IdLength);
            e.Property(x => x.SortKey).HasMaxLength(IdLength);
            e.Property(x => x.Mechanism).HasMaxLength(32);
            e.Property(x => x.Locator).HasMaxLength(64);
            e.Property(x => x.SourceDocumentId).HasMaxLength(IdLength);
            e.Property(x => x.ParagraphId).HasMaxLength(IdLength);
            e.Property(x => x.Theme).HasMaxLength(1000);
            e.HasIndex(x => x.SortKey).IsUnique();
            e.HasIndex(x => new { x.Mechanism, x.SortKey });
            e.HasMany(x => x.Responses).WithOne().HasForeignKey(x => x.RecommendationId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ResponseLinkEntity>(e =>
        {
            e.ToTable("response_links");
            e.HasKey(x => new { x.RecommendationId, x.ParagraphId, x.Relation });
            e.Property(x => x.RecommendationId).HasMaxLength(IdLength);
            e.Property(x => x.ParagraphId).HasMaxLength(IdLength);
            e.Property(x => x.DocumentId).HasMaxLength(IdLength);
            e.Property(x => x.Relation).HasMaxLength(32);
            e.Property(x => x.Evidence).HasMaxLength(1000);
            e.HasIndex(x => x.ParagraphId);
            e.HasIndex(x => x.DocumentId);
            e.HasOne<ParagraphEntity>().WithMany().HasForeignKey(x => x.ParagraphId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<TranslationLinkEntity>(e =>
        {
            e.ToTable("translation_links");
            e.HasKey(x => new { x.SourceId, x.TargetId });
            e.Property(x => x.SourceId).HasMaxLength(IdLength);
            e.Property(x => x.TargetId).HasMaxLength(IdLength);
            e.Property(x => x.Kind).HasMaxLength(16);
            e.Property(x => x.SourceLanguage).HasMaxLength(8);
            e.Property(x => x.TargetLanguage).HasMaxLength(8);
            e.HasIndex(x => x.TargetId);
        });

        modelBuilder.Entity<ThemeEntity>(e =>
        {
            e.ToTable("themes");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(64);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Kind).HasMaxLength(16);
            e.HasIndex(x => x.Ordinal).IsUnique();
        });

        modelBuilder.Entity<ThemeTagEntity>(e =>
        {
            e.ToTable("theme_tags");
            e.HasKey(x => new { x.TargetType, x.TargetId, x.ThemeId });
            e.Property(x => x.TargetType).HasMaxLength(16);
            e.Property(x => x.TargetId).HasMaxLength(IdLength);
            e.Property(x => x.ThemeId).HasMaxLength(64);
            e.Property(x => x.Reason).HasMaxLength(2000);
            e.HasIndex(x => new { x.ThemeId, x.TargetType });
            e.HasOne<ThemeEntity>().WithMany().HasForeignKey(x => x.ThemeId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<IndicatorEntity>(e =>
        {
            e.ToTable("indicators");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(IdLength);
            e.Property(x => x.SortKey).HasMaxLength(IdLength + 32);
            e.Property(x => x.DocumentId).HasMaxLength(IdLength);
            e.Property(x => x.ParagraphId).HasMaxLength(IdLength);
            e.Property(x => x.SubItemId).HasMaxLength(IdLength);
            e.Property(x => x.Language).HasMaxLength(8);
            e.Property(x => x.Value).HasPrecision(24, 6);
            e.Property(x => x.ValueUpper).HasPrecision(24, 6);
            e.Property(x => x.Unit).HasMaxLength(32);
            e.Property(x => x.Scale).HasMaxLength(16);
            e.Property(x => x.Qualifier).HasMaxLength(16);
            e.Property(x => x.PeriodLabel).HasMaxLength(200);
            e.Property(x => x.Subject).HasMaxLength(400);
            e.Property(x => x.Kind).HasMaxLength(16);
            e.Property(x => x.PopulationJson).HasMaxLength(1000);
            e.Property(x => x.PopulationKey).HasMaxLength(1000);
            e.Property(x => x.Role).HasMaxLength(16);
            e.Property(x => x.Quote).HasMaxLength(2000);
            e.Property(x => x.Rule).HasMaxLength(400);
            e.Property(x => x.FactId).HasMaxLength(IdLength);
            e.Property(x => x.SeriesKey).HasMaxLength(IdLength + 64);
            e.Property(x => x.TranslationId).HasMaxLength(IdLength);
            e.Property(x => x.SearchText).HasMaxLength(2500);
            e.HasIndex(x => x.SortKey).IsUnique();
            e.HasIndex(x => x.ParagraphId);
            e.HasIndex(x => x.FactId);
            e.HasIndex(x => new { x.Kind, x.SortKey });
            e.HasOne<ParagraphEntity>().WithMany().HasForeignKey(x => x.ParagraphId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<QuotaEntity>(e =>
        {
            e.ToTable("quotas");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(IdLength);
            e.Property(x => x.SortKey).HasMaxLength(IdLength + 32);
            e.Property(x => x.DocumentId).HasMaxLength(IdLength);
            e.Property(x => x.ParagraphId).HasMaxLength(IdLength);
            e.Property(x => x.Percent).HasPrecision(10, 3);
            e.Property(x => x.PercentUpper).HasPrecision(10, 3);
            e.Property(x => x.AppliesToJson).HasMaxLength(1000);
            e.Property(x => x.WhereJson).HasMaxLength(1000);
            e.Property(x => x.IndicatorId).HasMaxLength(IdLength);
            e.Property(x => x.Quote).HasMaxLength(4000);
            e.Property(x => x.Rule).HasMaxLength(400);
            e.HasIndex(x => x.SortKey).IsUnique();
        });

        modelBuilder.Entity<SeriesEntity>(e =>
        {
            e.ToTable("series");
            e.HasKey(x => x.Key);
            e.Property(x => x.Key).HasMaxLength(IdLength + 64);
            e.Property(x => x.SortKey).HasMaxLength(IdLength + 96);
            e.Property(x => x.DocumentId).HasMaxLength(IdLength);
            e.Property(x => x.ParagraphId).HasMaxLength(IdLength);
            e.Property(x => x.Subject).HasMaxLength(400);
            e.Property(x => x.Unit).HasMaxLength(32);
            e.Property(x => x.Kind).HasMaxLength(16);
            e.HasIndex(x => x.SortKey).IsUnique();
            e.HasMany(x => x.Points).WithOne().HasForeignKey(x => x.SeriesKey).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<SeriesPointEntity>(e =>
        {
            e.ToTable("series_points");
            e.HasKey(x => new { x.SeriesKey, x.Ordinal });
            e.Property(x => x.SeriesKey).HasMaxLength(IdLength + 64);
            e.Property(x => x.PeriodLabel).HasMaxLength(200);
            e.Property(x => x.Value).HasPrecision(24, 6);
            e.Property(x => x.Scale).HasMaxLength(16);
            e.Property(x => x.IndicatorId).HasMaxLength(IdLength);
        });

        modelBuilder.Entity<FactEntity>(e =>
        {
            e.ToTable("facts");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(IdLength);
            e.Property(x => x.SortKey).HasMaxLength(IdLength + 32);
            e.Property(x => x.Subject).HasMaxLength(400);
            e.Property(x => x.Kind).HasMaxLength(16);
            e.Property(x => x.Unit).HasMaxLength(32);
            e.Property(x => x.PeriodLabel).HasMaxLength(200);
            e.Property(x => x.PopulationJson).HasMaxLength(1000);
            e.Property(x => x.ConflictReason).HasMaxLength(2000);
            e.HasIndex(x => x.SortKey).IsUnique();
        });

        modelBuilder.Entity<IngestStateEntity>(e =>
        {
            e.ToTable("ingest_state");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.ManifestSha256).HasMaxLength(64);
            e.Property(x => x.Summary).HasMaxLength(4000);
        });
    }
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
    SqlServer,
}
