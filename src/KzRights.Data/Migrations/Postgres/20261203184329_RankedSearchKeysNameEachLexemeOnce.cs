using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KzRights.Data.Migrations.Postgres
{
    /// <summary>A search's tsquery now names a lexeme once where the english and russian configurations agree (every
    /// Latin-script word): 'court' instead of 'court' | 'court' (PostgresProvider.TsQuery). The stored rankings are keyed
    /// by that text, so their keys are rewritten the same way: ( 'death' | 'death' ) &amp; ( 'penalti' | 'penalti' ) becomes
    /// 'death' &amp; 'penalti'. Their rows are unchanged (ts_rank counts distinct operands). A key this misses is only
    /// ranked live again, as before the rankings existed, until the next ingest that replaces the corpus.</summary>
    public partial class RankedSearchKeysNameEachLexemeOnce : Migration
    {
        private const string NewKey =
            "regexp_replace(regexp_replace(\"Key\", '''([^'']+)'' \\| ''\\1''', '''\\1''', 'g'), '\\( (''[^'']+'') \\)', '\\1', 'g')";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"UPDATE search_ranked_terms SET \"Key\" = {NewKey} WHERE \"Key\" <> {NewKey};");
            migrationBuilder.Sql($"UPDATE search_ranked_matches SET \"Key\" = {NewKey} WHERE \"Key\" <> {NewKey};");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The older build looks up the repeated form: without it, it ranks these queries live until its next ingest.
        }
    }
}
