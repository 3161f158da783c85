using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KzRights.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ServedJsonAsUtf8 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<byte[]>(
                name: "Json",
                table: "served_records",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT");

            // The rebuilt table keeps each value's storage class (text); stored as the blob it is now declared as.
            migrationBuilder.Sql("UPDATE served_records SET Json = CAST(Json AS BLOB);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Json",
                table: "served_records",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.Sql("UPDATE served_records SET Json = CAST(Json AS TEXT);");
        }
    }
}
