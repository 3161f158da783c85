using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KzRights.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ServedRecordHashes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DocumentId",
                table: "served_records",
                type: "character varying(224)",
                maxLength: 224,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Sha256",
                table: "served_records",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DocumentId",
                table: "served_records");

            migrationBuilder.DropColumn(
                name: "Sha256",
                table: "served_records");
        }
    }
}
