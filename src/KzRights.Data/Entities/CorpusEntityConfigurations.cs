using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KzRights.Data.Entities;

// Table, key, lengths and indexes of each corpus entity; KzRightsDbContext applies every configuration in this assembly.

/// <summary>Column lengths shared by several entities.</summary>
internal static class ModelLimits
{
    /// <summary>Record ids (document slug + printed locator) and the foreign keys that hold them.</summary>
    public const int IdLength = 160;
}

internal sealed class DocumentConfiguration : IEntityTypeConfiguration<DocumentEntity>
{
    public void Configure(EntityTypeBuilder<DocumentEntity> e)
    {
        e.ToTable("documents");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasMaxLength(ModelLimits.IdLength);
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
    }
}

internal sealed class DocumentDateConfiguration : IEntityTypeConfiguration<DocumentDateEntity>
{
    public void Configure(EntityTypeBuilder<DocumentDateEntity> e)
    {
        e.ToTable("document_dates");
        e.HasKey(x => new { x.DocumentId, x.Role, x.Date });
        e.Property(x => x.DocumentId).HasMaxLength(ModelLimits.IdLength);
        e.Property(x => x.Role).HasMaxLength(16);
        e.Property(x => x.Note).HasMaxLength(400);
    }
}

internal sealed class SectionConfiguration : IEntityTypeConfiguration<SectionEntity>
{
    public void Configure(EntityTypeBuilder<SectionEntity> e)
    {
        e.ToTable("sections");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasMaxLength(ModelLimits.IdLength);
        e.Property(x => x.DocumentId).HasMaxLength(ModelLimits.IdLength);
        e.Property(x => x.ParentId).HasMaxLength(ModelLimits.IdLength);
        e.Property(x => x.Kind).HasMaxLength(32);
        e.Property(x => x.Number).HasMaxLength(16);
        e.Property(x => x.Title).HasMaxLength(1000);
        e.Property(x => x.Language).HasMaxLength(8);
        e.HasIndex(x => new { x.DocumentId, x.Ordinal }).IsUnique();
    }
}

internal sealed class ParagraphConfiguration : IEntityTypeConfiguration<ParagraphEntity>
{
    public void Configure(EntityTypeBuilder<ParagraphEntity> e)
    {
        e.ToTable("paragraphs");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasMaxLength(ModelLimits.IdLength);
        e.Property(x => x.DocumentId).HasMaxLength(ModelLimits.IdLength);
        e.Property(x => x.SortKey).HasMaxLength(32);
        e.Property(x => x.SectionId).HasMaxLength(ModelLimits.IdLength);
        e.Property(x => x.SectionPath).HasMaxLength(2000);
        e.Property(x => x.Number).HasMaxLength(32);
        e.Property(x => x.RawNumber).HasMaxLength(32);
        e.Property(x => x.Language).HasMaxLength(8);
        e.HasIndex(x => x.SortKey).IsUnique();
        e.HasIndex(x => new { x.DocumentId, x.SortKey });
        e.HasIndex(x => x.SectionId);
        e.HasMany(x => x.SubItems).WithOne().HasForeignKey(x => x.ParagraphId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Footnotes).WithOne().HasForeignKey(x => x.ParagraphId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SubItemConfiguration : IEntityTypeConfiguration<SubItemEntity>
{
    public void Configure(EntityTypeBuilder<SubItemEntity> e)
    {
        e.ToTable("sub_items");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasMaxLength(ModelLimits.IdLength);
        e.Property(x => x.ParagraphId).HasMaxLength(ModelLimits.IdLength);
        e.Property(x => x.Label).HasMaxLength(16);
    }
}

internal sealed class FootnoteConfiguration : IEntityTypeConfiguration<FootnoteEntity>
{
    public void Configure(EntityTypeBuilder<FootnoteEntity> e)
    {
        e.ToTable("footnotes");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasMaxLength(ModelLimits.IdLength);
        e.Property(x => x.DocumentId).HasMaxLength(ModelLimits.IdLength);
        e.Property(x => x.ParagraphId).HasMaxLength(ModelLimits.IdLength);
        e.Property(x => x.Marker).HasMaxLength(8);
    }
}

internal sealed class SourceReferenceConfiguration : IEntityTypeConfiguration<SourceReferenceEntity>
{
    public void Configure(EntityTypeBuilder<SourceReferenceEntity> e)
    {
        e.ToTable("source_references");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasMaxLength(ModelLimits.IdLength);
        e.Property(x => x.DocumentId).HasMaxLength(ModelLimits.IdLength);
        e.Property(x => x.Marker).HasMaxLength(16);
        e.Property(x => x.Url).HasMaxLength(1000);
    }
}

internal sealed class RecommendationConfiguration : IEntityTypeConfiguration<RecommendationEntity>
{
    public void Configure(EntityTypeBuilder<RecommendationEntity> e)
    {
        e.ToTable("recommendations");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasMaxLength(ModelLimits.IdLength);
        e.Property(x => x.SortKey).HasMaxLength(ModelLimits.IdLength);
        e.Property(x => x.Mechanism).HasMaxLength(32);
        e.Property(x => x.Locator).HasMaxLength(64);
        e.Property(x => x.SourceDocumentId).HasMaxLength(ModelLimits.IdLength);
        e.Property(x => x.ParagraphId).HasMaxLength(ModelLimits.IdLength);
        e.Property(x => x.Theme).HasMaxLength(1000);
        e.HasIndex(x => x.SortKey).IsUnique();
        e.HasIndex(x => new { x.Mechanism, x.SortKey });
        e.HasMany(x => x.Responses).WithOne().HasForeignKey(x => x.RecommendationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ResponseLinkConfiguration : IEntityTypeConfiguration<ResponseLinkEntity>
{
    public void Configure(EntityTypeBuilder<ResponseLinkEntity> e)
    {
        e.ToTable("response_links");
        e.HasKey(x => new { x.RecommendationId, x.ParagraphId, x.Relation });
        e.Property(x => x.RecommendationId).HasMaxLength(ModelLimits.IdLength);
        e.Property(x => x.ParagraphId).HasMaxLength(ModelLimits.IdLength);
        e.Property(x => x.DocumentId).HasMaxLength(ModelLimits.IdLength);
        e.Property(x => x.Relation).HasMaxLength(32);
        e.Property(x => x.Evidence).HasMaxLength(1000);
        e.HasIndex(x => x.ParagraphId);
        e.HasIndex(x => x.DocumentId);
        e.HasOne<ParagraphEntity>().WithMany().HasForeignKey(x => x.ParagraphId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TranslationLinkConfiguration : IEntityTypeConfiguration<TranslationLinkEntity>
{
    public void Configure(EntityTypeBuilder<TranslationLinkEntity> e)
    {
        e.ToTable("translation_links");
        e.HasKey(x => new { x.SourceId, x.TargetId });
        e.Property(x => x.SourceId).HasMaxLength(ModelLimits.IdLength);
        e.Property(x => x.TargetId).HasMaxLength(ModelLimits.IdLength);
        e.Property(x => x.Kind).HasMaxLength(16);
        e.Property(x => x.SourceLanguage).HasMaxLength(8);
        e.Property(x => x.TargetLanguage).HasMaxLength(8);
        e.HasIndex(x => x.TargetId);
    }
}

internal sealed class IngestStateConfiguration : IEntityTypeConfiguration<IngestStateEntity>
{
    public void Configure(EntityTypeBuilder<IngestStateEntity> e)
    {
        e.ToTable("ingest_state");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.ManifestSha256).HasMaxLength(64);
        e.Property(x => x.Summary).HasMaxLength(4000);
    }
}
