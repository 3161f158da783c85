using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KzRights.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ServedJsonAsUtf8 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Written by hand: SQL Server converts nvarchar to varbinary as UTF-16. Through a UTF-8 collation (SQL Server 2019
            // and later) the bytes are UTF-8, as the API writes them. Experimental, like the provider: never run here.
            migrationBuilder.Sql("ALTER TABLE [served_records] ADD [JsonUtf8] varbinary(max) NULL;");
            migrationBuilder.Sql(
                "UPDATE [served_records] SET [JsonUtf8] = CAST(CAST([Json] COLLATE Latin1_General_100_BIN2_UTF8 AS varchar(max)) AS varbinary(max));");
            migrationBuilder.Sql("ALTER TABLE [served_records] DROP COLUMN [Json];");
            migrationBuilder.Sql("EXEC sp_rename 'served_records.JsonUtf8', 'Json', 'COLUMN';");
            migrationBuilder.Sql("ALTER TABLE [served_records] ALTER COLUMN [Json] varbinary(max) NOT NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE [served_records] ADD [JsonText] nvarchar(max) NULL;");
            migrationBuilder.Sql(
                "UPDATE [served_records] SET [JsonText] = CAST(CAST([Json] AS varchar(max)) COLLATE Latin1_General_100_BIN2_UTF8 AS nvarchar(max));");
            migrationBuilder.Sql("ALTER TABLE [served_records] DROP COLUMN [Json];");
            migrationBuilder.Sql("EXEC sp_rename 'served_records.JsonText', 'Json', 'COLUMN';");
            migrationBuilder.Sql("ALTER TABLE [served_records] ALTER COLUMN [Json] nvarchar(max) NOT NULL;");
        }
    }
}
