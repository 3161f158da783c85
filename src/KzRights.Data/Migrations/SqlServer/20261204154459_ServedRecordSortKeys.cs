using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KzRights.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ServedRecordSortKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SortKey",
                table: "served_records",
                type: "nvarchar(192)",
                maxLength: 192,
                nullable: true,
                collation: "Latin1_General_BIN2");

            // The records stored before this column get their rows' sort keys (lists read pages by them); the ingest writes
            // them from now on. Filled before the index is built. In EXEC: SQL Server compiles a batch before it runs it, and
            // schema/sqlserver.sql runs a migration as one batch, in which a plain UPDATE would not yet see the column added above.
            foreach (var (type, table) in new[] { ("paragraph", "paragraphs"), ("recommendation", "recommendations"), ("indicator", "indicators") })
            {
                migrationBuilder.Sql(
                    $"EXEC(N'UPDATE [served_records] SET [SortKey] = (SELECT r.[SortKey] FROM [{table}] AS r WHERE r.[Id] = [served_records].[RecordId]) " +
                    $"WHERE [Type] = N''{type}''')");
            }

            migrationBuilder.CreateIndex(
                name: "IX_served_records_Type_SortKey",
                table: "served_records",
                columns: new[] { "Type", "SortKey" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_served_records_Type_SortKey",
                table: "served_records");

            migrationBuilder.DropColumn(
                name: "SortKey",
                table: "served_records");
        }
    }
}
