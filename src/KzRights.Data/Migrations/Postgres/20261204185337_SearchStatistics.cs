using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KzRights.Data.Migrations.Postgres
{
    /// <summary>The table of numbers a search reads about every record's tsvector (PostgresProvider.StatisticsTable), written by
    /// each ingest; filled here for a database ingested before it, so that three-word searches are ranked from their pairs'
    /// rankings without waiting for the next ingest (the statement took 5.7 s at 1,000,000 paragraphs).</summary>
    public partial class SearchStatistics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "search_statistics",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Value = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_search_statistics", x => x.Name);
                });
            migrationBuilder.Sql(
                "INSERT INTO search_statistics (\"Name\", \"Value\") SELECT 'max_positions_per_lexeme', " +
                "coalesce(max(cardinality(u.positions)), 0) FROM search_vectors AS s, unnest(s.\"Vector\") AS u;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "search_statistics");
        }
    }
}
