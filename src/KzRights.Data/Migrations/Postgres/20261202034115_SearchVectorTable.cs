using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace KzRights.Data.Migrations.Postgres
{
    /// <summary>The tsvectors move from generated columns of paragraphs and recommendations to a narrow table of their own
    /// (target, id, vector), filled by the ingest: ranking a common word reads every match's vector, which from the wide,
    /// often TOASTed paragraph rows took three times as long (bench/README.md).</summary>
    public partial class SearchVectorTable : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "search_vectors",
                columns: table => new
                {
                    Target = table.Column<int>(type: "integer", nullable: false),
                    Id = table.Column<string>(type: "character varying(160)", maxLength: 160, nullable: false),
                    Vector = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_search_vectors", x => new { x.Target, x.Id });
                });

            // The vectors the generated columns hold move to the new table as they are (no re-ingest, no re-stemming),
            // before the columns go; the index is built once they are in.
            migrationBuilder.Sql(
                "INSERT INTO search_vectors (\"Target\", \"Id\", \"Vector\") SELECT 0, \"Id\", search_vector FROM paragraphs;");
            migrationBuilder.Sql(
                "INSERT INTO search_vectors (\"Target\", \"Id\", \"Vector\") SELECT 1, \"Id\", search_vector FROM recommendations;");

            migrationBuilder.CreateIndex(
                name: "IX_search_vectors_Vector",
                table: "search_vectors",
                column: "Vector")
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.DropIndex(
                name: "IX_recommendations_search_vector",
                table: "recommendations");

            migrationBuilder.DropIndex(
                name: "IX_paragraphs_search_vector",
                table: "paragraphs");

            migrationBuilder.DropColumn(
                name: "search_vector",
                table: "recommendations");

            migrationBuilder.DropColumn(
                name: "search_vector",
                table: "paragraphs");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "search_vectors");

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "search_vector",
                table: "recommendations",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "to_tsvector('english'::regconfig, \"SearchText\")",
                stored: true);

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "search_vector",
                table: "paragraphs",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "CASE WHEN \"Language\" = 'ru' THEN to_tsvector('russian'::regconfig, \"SearchText\") ELSE to_tsvector('english'::regconfig, \"SearchText\") END",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "IX_recommendations_search_vector",
                table: "recommendations",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.CreateIndex(
                name: "IX_paragraphs_search_vector",
                table: "paragraphs",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "GIN");
        }
    }
}
