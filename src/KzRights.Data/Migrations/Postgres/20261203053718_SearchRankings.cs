using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KzRights.Data.Migrations.Postgres
{
    /// <summary>Tables for the rankings of frequent words, which the ingest computes (PostgresProvider.PrecomputeSearchRankingsAsync).
    /// They stay empty until the next ingest that replaces the corpus (ingest --force);
    /// until then every search is ranked live, as before.</summary>
    public partial class SearchRankings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "search_ranked_matches",
                columns: table => new
                {
                    Key = table.Column<string>(type: "text", nullable: false),
                    Target = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Id = table.Column<string>(type: "character varying(160)", maxLength: 160, nullable: false),
                    Score = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_search_ranked_matches", x => new { x.Key, x.Target, x.Position });
                });

            migrationBuilder.CreateTable(
                name: "search_ranked_terms",
                columns: table => new
                {
                    Key = table.Column<string>(type: "text", nullable: false),
                    Target = table.Column<int>(type: "integer", nullable: false),
                    Matches = table.Column<int>(type: "integer", nullable: false),
                    Stored = table.Column<int>(type: "integer", nullable: false),
                    LastScore = table.Column<double>(type: "double precision", nullable: true),
                    LastId = table.Column<string>(type: "character varying(160)", maxLength: 160, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_search_ranked_terms", x => new { x.Key, x.Target });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "search_ranked_matches");

            migrationBuilder.DropTable(
                name: "search_ranked_terms");
        }
    }
}
