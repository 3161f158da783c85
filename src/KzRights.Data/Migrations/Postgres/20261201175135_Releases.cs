using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KzRights.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Releases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "releases",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    PreviousReleaseId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ManifestSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ParserVersion = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ContentSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CountsJson = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    License = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_releases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "release_records",
                columns: table => new
                {
                    ReleaseId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RecordId = table.Column<string>(type: "character varying(224)", maxLength: 224, nullable: false),
                    DocumentId = table.Column<string>(type: "character varying(224)", maxLength: 224, nullable: true),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_release_records", x => new { x.ReleaseId, x.Type, x.RecordId });
                    table.ForeignKey(
                        name: "FK_release_records_releases_ReleaseId",
                        column: x => x.ReleaseId,
                        principalTable: "releases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_release_records_Type_RecordId",
                table: "release_records",
                columns: new[] { "Type", "RecordId" });

            migrationBuilder.CreateIndex(
                name: "IX_releases_Sequence",
                table: "releases",
                column: "Sequence",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "release_records");

            migrationBuilder.DropTable(
                name: "releases");
        }
    }
}
