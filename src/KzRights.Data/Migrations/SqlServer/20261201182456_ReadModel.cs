using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KzRights.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ReadModel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "served_records",
                columns: table => new
                {
                    Type = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    RecordId = table.Column<string>(type: "nvarchar(224)", maxLength: 224, nullable: false),
                    Json = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_served_records", x => new { x.Type, x.RecordId });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "served_records");
        }
    }
}
