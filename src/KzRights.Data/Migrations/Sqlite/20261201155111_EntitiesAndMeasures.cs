using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KzRights.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EntitiesAndMeasures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Measure",
                table: "indicators",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConflictScope",
                table: "facts",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Measure",
                table: "facts",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "entities",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    SortKey = table.Column<string>(type: "TEXT", maxLength: 152, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    AttributesJson = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DisagreementsJson = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: false),
                    MentionCount = table.Column<int>(type: "INTEGER", nullable: false),
                    DocumentCount = table.Column<int>(type: "INTEGER", nullable: false),
                    SearchText = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_entities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "entity_mentions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SortKey = table.Column<string>(type: "TEXT", maxLength: 232, nullable: false),
                    EntityId = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DocumentId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ParagraphId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SubItemId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Quote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Start = table.Column<int>(type: "INTEGER", nullable: false),
                    Length = table.Column<int>(type: "INTEGER", nullable: false),
                    AttributesJson = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_entity_mentions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_entity_mentions_entities_EntityId",
                        column: x => x.EntityId,
                        principalTable: "entities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_entity_mentions_paragraphs_ParagraphId",
                        column: x => x.ParagraphId,
                        principalTable: "paragraphs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_indicators_Measure_SortKey",
                table: "indicators",
                columns: new[] { "Measure", "SortKey" });

            migrationBuilder.CreateIndex(
                name: "IX_entities_Kind_SortKey",
                table: "entities",
                columns: new[] { "Kind", "SortKey" });

            migrationBuilder.CreateIndex(
                name: "IX_entities_SortKey",
                table: "entities",
                column: "SortKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_entity_mentions_DocumentId_EntityId",
                table: "entity_mentions",
                columns: new[] { "DocumentId", "EntityId" });

            migrationBuilder.CreateIndex(
                name: "IX_entity_mentions_EntityId_SortKey",
                table: "entity_mentions",
                columns: new[] { "EntityId", "SortKey" });

            migrationBuilder.CreateIndex(
                name: "IX_entity_mentions_ParagraphId",
                table: "entity_mentions",
                column: "ParagraphId");

            migrationBuilder.CreateIndex(
                name: "IX_entity_mentions_SortKey",
                table: "entity_mentions",
                column: "SortKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "entity_mentions");

            migrationBuilder.DropTable(
                name: "entities");

            migrationBuilder.DropIndex(
                name: "IX_indicators_Measure_SortKey",
                table: "indicators");

            migrationBuilder.DropColumn(
                name: "Measure",
                table: "indicators");

            migrationBuilder.DropColumn(
                name: "ConflictScope",
                table: "facts");

            migrationBuilder.DropColumn(
                name: "Measure",
                table: "facts");
        }
    }
}
