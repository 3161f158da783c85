using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KzRights.Data.Migrations.Sqlite
{
    /// <summary>The search index holds Snowball stems computed by the application (English and Russian), so FTS5 no
    /// longer stems with porter (English only). The table is recreated empty and the ingest state cleared, so that the
    /// next start (or <c>ingest</c>) fills it again.</summary>
    public partial class SnowballSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE IF EXISTS search_fts;");
            migrationBuilder.Sql("CREATE VIRTUAL TABLE search_fts USING fts5(kind UNINDEXED, id UNINDEXED, text, tokenize = 'unicode61 remove_diacritics 2');");
            migrationBuilder.Sql("DELETE FROM ingest_state;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE IF EXISTS search_fts;");
            migrationBuilder.Sql("CREATE VIRTUAL TABLE search_fts USING fts5(kind UNINDEXED, id UNINDEXED, text, tokenize = 'porter unicode61 remove_diacritics 2');");
            migrationBuilder.Sql("DELETE FROM ingest_state;");
        }
    }
}
