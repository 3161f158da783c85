using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KzRights.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "documents",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    Ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    Symbol = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SymbolPrinted = table.Column<bool>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    DocumentType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Mechanism = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Layout = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Session = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Languages = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    OriginalLanguage = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    SourceFile = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_documents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "facts",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    SortKey = table.Column<string>(type: "TEXT", maxLength: 192, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PeriodLabel = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PopulationJson = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Conflict = table.Column<bool>(type: "INTEGER", nullable: false),
                    ConflictReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AttestationCount = table.Column<int>(type: "INTEGER", nullable: false),
                    DocumentCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_facts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ingest_state",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    ManifestSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IngestedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ingest_state", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "quotas",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    SortKey = table.Column<string>(type: "TEXT", maxLength: 192, nullable: false),
                    DocumentId = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    ParagraphId = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    Percent = table.Column<decimal>(type: "TEXT", precision: 10, scale: 3, nullable: true),
                    PercentUpper = table.Column<decimal>(type: "TEXT", precision: 10, scale: 3, nullable: true),
                    AppliesToJson = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    WhereJson = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    SinceYear = table.Column<int>(type: "INTEGER", nullable: true),
                    IndicatorId = table.Column<string>(type: "TEXT", maxLength: 160, nullable: true),
                    Quote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Start = table.Column<int>(type: "INTEGER", nullable: false),
                    Length = table.Column<int>(type: "INTEGER", nullable: false),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_quotas", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "recommendations",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    SortKey = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    Mechanism = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Locator = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: true),
                    SourceDocumentId = table.Column<string>(type: "TEXT", maxLength: 160, nullable: true),
                    ParagraphId = table.Column<string>(type: "TEXT", maxLength: 160, nullable: true),
                    Theme = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    PriorRecommendationsJson = table.Column<string>(type: "TEXT", nullable: false),
                    FollowUp = table.Column<bool>(type: "INTEGER", nullable: false),
                    FollowUpDeadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SearchText = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recommendations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "series",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 224, nullable: false),
                    SortKey = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    DocumentId = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    ParagraphId = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_series", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "themes",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    GoalNumber = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_themes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "translation_links",
                columns: table => new
                {
                    SourceId = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    TargetId = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SourceLanguage = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    TargetLanguage = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_translation_links", x => new { x.SourceId, x.TargetId });
                });

            migrationBuilder.CreateTable(
                name: "document_dates",
                columns: table => new
                {
                    DocumentId = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_document_dates", x => new { x.DocumentId, x.Role, x.Date });
                    table.ForeignKey(
                        name: "FK_document_dates_documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "paragraphs",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    DocumentId = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    SortKey = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SectionId = table.Column<string>(type: "TEXT", maxLength: 160, nullable: true),
                    SectionPath = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    RawNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    SearchText = table.Column<string>(type: "TEXT", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    StartLine = table.Column<int>(type: "INTEGER", nullable: false),
                    EndLine = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_paragraphs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_paragraphs_documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sections",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    DocumentId = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    ParentId = table.Column<string>(type: "TEXT", maxLength: 160, nullable: true),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    Line = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_sections_documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "source_references",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    DocumentId = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    Marker = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Line = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_source_references", x => x.Id);
                    table.ForeignKey(
                        name: "FK_source_references_documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "series_points",
                columns: table => new
                {
                    SeriesKey = table.Column<string>(type: "TEXT", maxLength: 224, nullable: false),
                    Ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodLabel = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Value = table.Column<decimal>(type: "TEXT", precision: 24, scale: 6, nullable: false),
                    Scale = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    IndicatorId = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_series_points", x => new { x.SeriesKey, x.Ordinal });
                    table.ForeignKey(
                        name: "FK_series_points_series_SeriesKey",
                        column: x => x.SeriesKey,
                        principalTable: "series",
                        principalColumn: "Key",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "theme_tags",
                columns: table => new
                {
                    TargetType = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    TargetId = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    ThemeId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Confidence = table.Column<double>(type: "REAL", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_theme_tags", x => new { x.TargetType, x.TargetId, x.ThemeId });
                    table.ForeignKey(
                        name: "FK_theme_tags_themes_ThemeId",
                        column: x => x.ThemeId,
                        principalTable: "themes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "footnotes",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    DocumentId = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    ParagraphId = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    Marker = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    MarkerOffset = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    CitationsJson = table.Column<string>(type: "TEXT", nullable: false),
                    Line = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_footnotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_footnotes_paragraphs_ParagraphId",
                        column: x => x.ParagraphId,
                        principalTable: "paragraphs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "indicators",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    SortKey = table.Column<string>(type: "TEXT", maxLength: 192, nullable: false),
                    DocumentId = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    ParagraphId = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    SubItemId = table.Column<string>(type: "TEXT", maxLength: 160, nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 24, scale: 6, nullable: false),
                    ValueUpper = table.Column<decimal>(type: "TEXT", precision: 24, scale: 6, nullable: true),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Scale = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Qualifier = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PeriodLabel = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PopulationJson = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    PopulationKey = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    TargetYear = table.Column<int>(type: "INTEGER", nullable: true),
                    Quote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Start = table.Column<int>(type: "INTEGER", nullable: false),
                    Length = table.Column<int>(type: "INTEGER", nullable: false),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    FactId = table.Column<string>(type: "TEXT", maxLength: 160, nullable: true),
                    SeriesKey = table.Column<string>(type: "TEXT", maxLength: 224, nullable: true),
                    TranslationId = table.Column<string>(type: "TEXT", maxLength: 160, nullable: true),
                    SearchText = table.Column<string>(type: "TEXT", maxLength: 2500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_indicators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_indicators_paragraphs_ParagraphId",
                        column: x => x.ParagraphId,
                        principalTable: "paragraphs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "response_links",
                columns: table => new
                {
                    RecommendationId = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    ParagraphId = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    Relation = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    DocumentId = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_response_links", x => new { x.RecommendationId, x.ParagraphId, x.Relation });
                    table.ForeignKey(
                        name: "FK_response_links_paragraphs_ParagraphId",
                        column: x => x.ParagraphId,
                        principalTable: "paragraphs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_response_links_recommendations_RecommendationId",
                        column: x => x.RecommendationId,
                        principalTable: "recommendations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sub_items",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    ParagraphId = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    Ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    Line = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sub_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_sub_items_paragraphs_ParagraphId",
                        column: x => x.ParagraphId,
                        principalTable: "paragraphs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_documents_Ordinal",
                table: "documents",
                column: "Ordinal",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_facts_SortKey",
                table: "facts",
                column: "SortKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_footnotes_ParagraphId",
                table: "footnotes",
                column: "ParagraphId");

            migrationBuilder.CreateIndex(
                name: "IX_indicators_FactId",
                table: "indicators",
                column: "FactId");

            migrationBuilder.CreateIndex(
                name: "IX_indicators_Kind_SortKey",
                table: "indicators",
                columns: new[] { "Kind", "SortKey" });

            migrationBuilder.CreateIndex(
                name: "IX_indicators_ParagraphId",
                table: "indicators",
                column: "ParagraphId");

            migrationBuilder.CreateIndex(
                name: "IX_indicators_SortKey",
                table: "indicators",
                column: "SortKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_paragraphs_DocumentId_SortKey",
                table: "paragraphs",
                columns: new[] { "DocumentId", "SortKey" });

            migrationBuilder.CreateIndex(
                name: "IX_paragraphs_SectionId",
                table: "paragraphs",
                column: "SectionId");

            migrationBuilder.CreateIndex(
                name: "IX_paragraphs_SortKey",
                table: "paragraphs",
                column: "SortKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_quotas_SortKey",
                table: "quotas",
                column: "SortKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_recommendations_Mechanism_SortKey",
                table: "recommendations",
                columns: new[] { "Mechanism", "SortKey" });

            migrationBuilder.CreateIndex(
                name: "IX_recommendations_SortKey",
                table: "recommendations",
                column: "SortKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_response_links_DocumentId",
                table: "response_links",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_response_links_ParagraphId",
                table: "response_links",
                column: "ParagraphId");

            migrationBuilder.CreateIndex(
                name: "IX_sections_DocumentId_Ordinal",
                table: "sections",
                columns: new[] { "DocumentId", "Ordinal" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_series_SortKey",
                table: "series",
                column: "SortKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_source_references_DocumentId",
                table: "source_references",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_sub_items_ParagraphId",
                table: "sub_items",
                column: "ParagraphId");

            migrationBuilder.CreateIndex(
                name: "IX_theme_tags_ThemeId_TargetType",
                table: "theme_tags",
                columns: new[] { "ThemeId", "TargetType" });

            migrationBuilder.CreateIndex(
                name: "IX_themes_Ordinal",
                table: "themes",
                column: "Ordinal",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_translation_links_TargetId",
                table: "translation_links",
                column: "TargetId");

            // Full-text search: FTS5 ships with the bundled SQLite. The porter stemmer lets "women" find "woman";
            // unicode61 folds case and diacritics. Filled by the ingest (FullTextIndex.RebuildAsync).
            migrationBuilder.Sql("CREATE VIRTUAL TABLE search_fts USING fts5(kind UNINDEXED, id UNINDEXED, text, tokenize = 'porter unicode61 remove_diacritics 2');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE IF EXISTS search_fts;");

            migrationBuilder.DropTable(
                name: "document_dates");

            migrationBuilder.DropTable(
                name: "facts");

            migrationBuilder.DropTable(
                name: "footnotes");

            migrationBuilder.DropTable(
                name: "indicators");

            migrationBuilder.DropTable(
                name: "ingest_state");

            migrationBuilder.DropTable(
                name: "quotas");

            migrationBuilder.DropTable(
                name: "response_links");

            migrationBuilder.DropTable(
                name: "sections");

            migrationBuilder.DropTable(
                name: "series_points");

            migrationBuilder.DropTable(
                name: "source_references");

            migrationBuilder.DropTable(
                name: "sub_items");

            migrationBuilder.DropTable(
                name: "theme_tags");

            migrationBuilder.DropTable(
                name: "translation_links");

            migrationBuilder.DropTable(
                name: "recommendations");

            migrationBuilder.DropTable(
                name: "series");

            migrationBuilder.DropTable(
                name: "paragraphs");

            migrationBuilder.DropTable(
                name: "themes");

            migrationBuilder.DropTable(
                name: "documents");
        }
    }
}
