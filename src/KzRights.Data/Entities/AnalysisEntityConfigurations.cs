using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KzRights.Data.Entities;

// Table, key, lengths and indexes of each analysis entity; KzRightsDbContext applies every configuration in this assembly.

internal sealed class ThemeConfiguration : IEntityTypeConfiguration<ThemeEntity>
{
    public void Configure(EntityTypeBuilder<ThemeEntity> e)
    {
        e.ToTable("themes");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasMaxLength(64);
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.Kind).HasMaxLength(16);
        e.HasIndex(x => x.Ordinal).IsUnique();
    }
}

internal sealed class ThemeTagConfiguration : IEntityTypeConfiguration<ThemeTagEntity>
{
    public void Configure(EntityTypeBuilder<ThemeTagEntity> e)
    {
        e.ToTable("theme_tags");
        e.HasKey(x => new { x.TargetType, x.TargetId, x.ThemeId });
        e.Property(x => x.TargetType).HasMaxLength(16);
        e.Property(x => x.TargetId).HasMaxLength(ModelLimits.IdLength);
        e.Property(x => x.ThemeId).HasMaxLength(64);
        e.Property(x => x.Reason).HasMaxLength(2000);
        e.HasIndex(x => new { x.ThemeId, x.TargetType });
        e.HasOne<ThemeEntity>().WithMany().HasForeignKey(x => x.ThemeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<IndicatorEntity>
{
    public void Configure(EntityTypeBuilder<IndicatorEntity> e)
    {
        e.ToTable("indicators");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasMaxLength(ModelLimits.IdLength);
        e.Property(x => x.SortKey).HasMaxLength(ModelLimits.IdLength + 32);
        e.Property(x => x.DocumentId).HasMaxLength(ModelLimits.IdLength);
        e.Property(x => x.ParagraphId).HasMaxLength(ModelLimits.IdLength);
        e.Property(x => x.SubItemId).HasMaxLength(ModelLimits.IdLength);
        e.Property(x => x.Language).HasMaxLength(8);
        e.Property(x => x.Value).HasPrecision(24, 6);
        e.Property(x => x.ValueUpper).HasPrecision(24, 6);
        e.Property(x => x.Unit).HasMaxLength(32);
        e.Property(x => x.Scale).HasMaxLength(16);
        e.Property(x => x.Qualifier).HasMaxLength(16);
        e.Property(x => x.PeriodLabel).HasMaxLength(200);
        e.Property(x => x.Subject).HasMaxLength(400);
        e.Property(x => x.Kind).HasMaxLength(16);
        e.Property(x => x.Measure).HasMaxLength(ModelLimits.MeasureLength);
        e.Property(x => x.PopulationJson).HasMaxLength(1000);
        e.Property(x => x.PopulationKey).HasMaxLength(1000);
        e.Property(x => x.Role).HasMaxLength(16);
        e.Property(x => x.Quote).HasMaxLength(2000);
        e.Property(x => x.Rule).HasMaxLength(400);
        e.Property(x => x.FactId).HasMaxLength(ModelLimits.IdLength);
        e.Property(x => x.SeriesKey).HasMaxLength(ModelLimits.IdLength + 64);
        e.Property(x => x.TranslationId).HasMaxLength(ModelLimits.IdLength);
        e.Property(x => x.SearchText).HasMaxLength(2500);
        e.HasIndex(x => x.SortKey).IsUnique();
        e.HasIndex(x => x.ParagraphId);
        e.HasIndex(x => x.FactId);
        e.HasIndex(x => new { x.Kind, x.SortKey });
        e.HasIndex(x => new { x.Measure, x.SortKey });
        e.HasOne<ParagraphEntity>().WithMany().HasForeignKey(x => x.ParagraphId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QuotaConfiguration : IEntityTypeConfiguration<QuotaEntity>
{
    public void Configure(EntityTypeBuilder<QuotaEntity> e)
    {
        e.ToTable("quotas");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasMaxLength(ModelLimits.IdLength);
        e.Property(x => x.SortKey).HasMaxLength(ModelLimits.IdLength + 32);
        e.Property(x => x.DocumentId).HasMaxLength(ModelLimits.IdLength);
        e.Property(x => x.ParagraphId).HasMaxLength(ModelLimits.IdLength);
        e.Property(x => x.Percent).HasPrecision(10, 3);
        e.Property(x => x.PercentUpper).HasPrecision(10, 3);
        e.Property(x => x.AppliesToJson).HasMaxLength(1000);
        e.Property(x => x.WhereJson).HasMaxLength(1000);
        e.Property(x => x.IndicatorId).HasMaxLength(ModelLimits.IdLength);
        e.Property(x => x.Quote).HasMaxLength(4000);
        e.Property(x => x.Rule).HasMaxLength(400);
        e.HasIndex(x => x.SortKey).IsUnique();
    }
}

internal sealed class SeriesConfiguration : IEntityTypeConfiguration<SeriesEntity>
{
    public void Configure(EntityTypeBuilder<SeriesEntity> e)
    {
        e.ToTable("series");
        e.HasKey(x => x.Key);
        e.Property(x => x.Key).HasMaxLength(ModelLimits.IdLength + 64);
        e.Property(x => x.SortKey).HasMaxLength(ModelLimits.IdLength + 96);
        e.Property(x => x.DocumentId).HasMaxLength(ModelLimits.IdLength);
        e.Property(x => x.ParagraphId).HasMaxLength(ModelLimits.IdLength);
        e.Property(x => x.Subject).HasMaxLength(400);
        e.Property(x => x.Unit).HasMaxLength(32);
        e.Property(x => x.Kind).HasMaxLength(16);
        e.HasIndex(x => x.SortKey).IsUnique();
        e.HasMany(x => x.Points).WithOne().HasForeignKey(x => x.SeriesKey).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SeriesPointConfiguration : IEntityTypeConfiguration<SeriesPointEntity>
{
    public void Configure(EntityTypeBuilder<SeriesPointEntity> e)
    {
        e.ToTable("series_points");
        e.HasKey(x => new { x.SeriesKey, x.Ordinal });
        e.Property(x => x.SeriesKey).HasMaxLength(ModelLimits.IdLength + 64);
        e.Property(x => x.PeriodLabel).HasMaxLength(200);
        e.Property(x => x.Value).HasPrecision(24, 6);
        e.Property(x => x.Scale).HasMaxLength(16);
        e.Property(x => x.IndicatorId).HasMaxLength(ModelLimits.IdLength);
    }
}

internal sealed class FactConfiguration : IEntityTypeConfiguration<FactEntity>
{
    public void Configure(EntityTypeBuilder<FactEntity> e)
    {
        e.ToTable("facts");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasMaxLength(ModelLimits.IdLength);
        e.Property(x => x.SortKey).HasMaxLength(ModelLimits.IdLength + 32);
        e.Property(x => x.Measure).HasMaxLength(ModelLimits.MeasureLength);
        e.Property(x => x.Subject).HasMaxLength(400);
        e.Property(x => x.Kind).HasMaxLength(16);
        e.Property(x => x.Unit).HasMaxLength(32);
        e.Property(x => x.PeriodLabel).HasMaxLength(200);
        e.Property(x => x.PopulationJson).HasMaxLength(1000);
        e.Property(x => x.ConflictScope).HasMaxLength(32);
        // Unbounded: the reason names every disagreeing statement, and a measure stated in a hundred documents has hundreds.
        e.HasIndex(x => x.SortKey).IsUnique();
    }
}
