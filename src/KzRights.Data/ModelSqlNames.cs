using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace KzRights.Data;

/// <summary>Table and column names as the EF Core model maps them, quoted by the provider, and its parameter placeholders:
/// for the few statements written as SQL text (the release's set-based copy, maintenance after an ingest, the read path's
/// kept statements), so that they follow the model instead of repeating its names.</summary>
internal sealed class ModelSqlNames(DbContext db)
{
    private readonly ISqlGenerationHelper _sql = db.GetService<ISqlGenerationHelper>();

    public string Table<TEntity>() => Table(Entity<TEntity>());

    public string Table(IEntityType entity) => _sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());

    public string Column<TEntity>(string property) => Column(Entity<TEntity>(), property);

    public string Column(IEntityType entity, string property) =>
        _sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema()))!);

    public string Parameter(string name) => _sql.GenerateParameterNamePlaceholder(name);

    public string ParameterName(string name) => _sql.GenerateParameterName(name);

    private IEntityType Entity<TEntity>() => db.Model.FindEntityType(typeof(TEntity))!;
}
