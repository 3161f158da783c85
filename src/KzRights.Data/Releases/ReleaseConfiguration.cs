using KzRights.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KzRights.Data.Releases;

internal sealed class ReleaseConfiguration : IEntityTypeConfiguration<ReleaseEntity>
{
    public void Configure(EntityTypeBuilder<ReleaseEntity> e)
    {
        e.ToTable("releases");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasMaxLength(40);
        e.Property(x => x.PreviousReleaseId).HasMaxLength(40);
        e.Property(x => x.ManifestSha256).HasMaxLength(64);
        e.Property(x => x.ParserVersion).HasMaxLength(32);
        e.Property(x => x.ContentSha256).HasMaxLength(64);
        e.Property(x => x.CountsJson).HasMaxLength(1000);
        e.Property(x => x.License).HasMaxLength(400);
        e.HasIndex(x => x.Sequence).IsUnique();
    }
}

internal sealed class ReleaseRecordConfiguration : IEntityTypeConfiguration<ReleaseRecordEntity>
{
    public void Configure(EntityTypeBuilder<ReleaseRecordEntity> e)
    {
        e.ToTable("release_records");
        e.HasKey(x => new { x.ReleaseId, x.Type, x.RecordId });
        e.Property(x => x.ReleaseId).HasMaxLength(40);
        e.Property(x => x.Type).HasMaxLength(16);
        e.Property(x => x.RecordId).HasMaxLength(ModelLimits.IdLength + 64);
        e.Property(x => x.DocumentId).HasMaxLength(ModelLimits.IdLength + 64);
        e.Property(x => x.Sha256).HasMaxLength(64);
        e.HasIndex(x => new { x.Type, x.RecordId });
        e.HasOne<ReleaseEntity>().WithMany().HasForeignKey(x => x.ReleaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
