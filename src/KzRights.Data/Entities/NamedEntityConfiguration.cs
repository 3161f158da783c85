using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KzRights.Data.Entities;

/// <summary>Table <c>entities</c>: one row per named law, treaty, plan, institution or event.</summary>
internal sealed class NamedEntityConfiguration : IEntityTypeConfiguration<NamedEntity>
{
    public void Configure(EntityTypeBuilder<NamedEntity> e)
    {
        e.ToTable("entities");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasMaxLength(EntityMentionConfiguration.EntityIdLength);
        e.Property(x => x.SortKey).HasMaxLength(EntityMentionConfiguration.EntityIdLength + 32);
        e.Property(x => x.Kind).HasMaxLength(16);
        e.Property(x => x.Name).HasMaxLength(400);
        e.Property(x => x.AttributesJson).HasMaxLength(2000);
        e.Property(x => x.DisagreementsJson).HasMaxLength(16000);
        e.Property(x => x.SearchText).HasMaxLength(16000);
        e.HasIndex(x => x.SortKey).IsUnique();
        e.HasIndex(x => new { x.Kind, x.SortKey });
        e.HasMany(x => x.Mentions).WithOne().HasForeignKey(x => x.EntityId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Table <c>entity_mentions</c>: every mention of an entity, in reading order.</summary>
internal sealed class EntityMentionConfiguration : IEntityTypeConfiguration<EntityMentionEntity>
{
    internal const int EntityIdLength = 120;
    private const int IdLength = 200;

    public void Configure(EntityTypeBuilder<EntityMentionEntity> e)
    {
        e.ToTable("entity_mentions");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasMaxLength(IdLength);
        e.Property(x => x.SortKey).HasMaxLength(IdLength + 32);
        e.Property(x => x.EntityId).HasMaxLength(EntityIdLength);
        e.Property(x => x.Kind).HasMaxLength(16);
        e.Property(x => x.DocumentId).HasMaxLength(IdLength);
        e.Property(x => x.ParagraphId).HasMaxLength(IdLength);
        e.Property(x => x.SubItemId).HasMaxLength(IdLength);
        e.Property(x => x.Language).HasMaxLength(8);
        e.Property(x => x.Quote).HasMaxLength(2000);
        e.Property(x => x.AttributesJson).HasMaxLength(2000);
        e.Property(x => x.Rule).HasMaxLength(64);
        e.HasIndex(x => x.SortKey).IsUnique();
        e.HasIndex(x => new { x.EntityId, x.SortKey });
        e.HasIndex(x => new { x.DocumentId, x.EntityId });
        e.HasIndex(x => x.ParagraphId);
        e.HasOne<ParagraphEntity>().WithMany().HasForeignKey(x => x.ParagraphId).OnDelete(DeleteBehavior.Cascade);
    }
}
