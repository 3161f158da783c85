using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KzRights.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ServedJsonAsUtf8 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Written by hand: the generated "USING Json::bytea" would read backslashes in the JSON as bytea escapes.
            migrationBuilder.Sql("""ALTER TABLE served_records ALTER COLUMN "Json" TYPE bytea USING convert_to("Json", 'UTF8');""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""ALTER TABLE served_records ALTER COLUMN "Json" TYPE text USING convert_from("Json", 'UTF8');""");
        }
    }
}
