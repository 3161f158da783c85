CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" character varying(150) NOT NULL,
    "ProductVersion" character varying(32) NOT NULL,
    CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY ("MigrationId")
);

START TRANSACTION;
CREATE TABLE documents (
    "Id" character varying(160) NOT NULL,
    "Ordinal" integer NOT NULL,
    "Symbol" character varying(64),
    "SymbolPrinted" boolean NOT NULL,
    "Title" character varying(400) NOT NULL,
    "DocumentType" character varying(64) NOT NULL,
    "Body" character varying(400) NOT NULL,
    "Mechanism" character varying(32) NOT NULL,
    "Layout" character varying(64) NOT NULL,
    "Session" character varying(200),
    "Languages" character varying(32) NOT NULL,
    "OriginalLanguage" character varying(8) NOT NULL,
    "SourceFile" character varying(200) NOT NULL,
    "Sha256" character varying(64) NOT NULL,
    CONSTRAINT "PK_documents" PRIMARY KEY ("Id")
);

CREATE TABLE facts (
    "Id" character varying(160) NOT NULL,
    "SortKey" character varying(192) COLLATE "C" NOT NULL,
    "Subject" character varying(400) NOT NULL,
    "Kind" character varying(16) NOT NULL,
    "Unit" character varying(32) NOT NULL,
    "PeriodLabel" character varying(200),
    "PeriodStart" date,
    "PeriodEnd" date,
    "PopulationJson" character varying(1000) NOT NULL,
    "Conflict" boolean NOT NULL,
    "ConflictReason" character varying(2000),
    "AttestationCount" integer NOT NULL,
    "DocumentCount" integer NOT NULL,
    CONSTRAINT "PK_facts" PRIMARY KEY ("Id")
);

CREATE TABLE ingest_state (
    "Id" integer NOT NULL,
    "ManifestSha256" character varying(64) NOT NULL,
    "IngestedAt" timestamp with time zone NOT NULL,
    "Summary" character varying(4000) NOT NULL,
    CONSTRAINT "PK_ingest_state" PRIMARY KEY ("Id")
);

CREATE TABLE quotas (
    "Id" character varying(160) NOT NULL,
    "SortKey" character varying(192) COLLATE "C" NOT NULL,
    "DocumentId" character varying(160) NOT NULL,
    "ParagraphId" character varying(160) NOT NULL,
    "Percent" numeric(10,3),
    "PercentUpper" numeric(10,3),
    "AppliesToJson" character varying(1000) NOT NULL,
    "WhereJson" character varying(1000) NOT NULL,
    "SinceYear" integer,
    "IndicatorId" character varying(160),
    "Quote" character varying(4000) NOT NULL,
    "Start" integer NOT NULL,
    "Length" integer NOT NULL,
    "Rule" character varying(400) NOT NULL,
    CONSTRAINT "PK_quotas" PRIMARY KEY ("Id")
);

CREATE TABLE recommendations (
    "Id" character varying(160) NOT NULL,
    "SortKey" character varying(160) COLLATE "C" NOT NULL,
    "Mechanism" character varying(32) NOT NULL,
    "Locator" character varying(64) NOT NULL,
    "Text" text,
    "SourceDocumentId" character varying(160),
    "ParagraphId" character varying(160),
    "Theme" character varying(1000),
    "PriorRecommendationsJson" text NOT NULL,
    "FollowUp" boolean NOT NULL,
    "FollowUpDeadline" date,
    "SearchText" text NOT NULL,
    search_vector tsvector GENERATED ALWAYS AS (to_tsvector('english'::regconfig, "SearchText")) STORED,
    CONSTRAINT "PK_recommendations" PRIMARY KEY ("Id")
);

CREATE TABLE series (
    "Key" character varying(224) NOT NULL,
    "SortKey" character varying(256) COLLATE "C" NOT NULL,
    "DocumentId" character varying(160) NOT NULL,
    "ParagraphId" character varying(160) NOT NULL,
    "Subject" character varying(400) NOT NULL,
    "Unit" character varying(32) NOT NULL,
    "Kind" character varying(16) NOT NULL,
    CONSTRAINT "PK_series" PRIMARY KEY ("Key")
);

CREATE TABLE themes (
    "Id" character varying(64) NOT NULL,
    "Ordinal" integer NOT NULL,
    "Name" character varying(200) NOT NULL,
    "Kind" character varying(16) NOT NULL,
    "GoalNumber" integer,
    CONSTRAINT "PK_themes" PRIMARY KEY ("Id")
);

CREATE TABLE translation_links (
    "SourceId" character varying(160) NOT NULL,
    "TargetId" character varying(160) NOT NULL,
    "Kind" character varying(16) NOT NULL,
    "SourceLanguage" character varying(8) NOT NULL,
    "TargetLanguage" character varying(8) NOT NULL,
    CONSTRAINT "PK_translation_links" PRIMARY KEY ("SourceId", "TargetId")
);

CREATE TABLE document_dates (
    "DocumentId" character varying(160) NOT NULL,
    "Role" character varying(16) NOT NULL,
    "Date" date NOT NULL,
    "Note" character varying(400) NOT NULL,
    CONSTRAINT "PK_document_dates" PRIMARY KEY ("DocumentId", "Role", "Date"),
    CONSTRAINT "FK_document_dates_documents_DocumentId" FOREIGN KEY ("DocumentId") REFERENCES documents ("Id") ON DELETE CASCADE
);

CREATE TABLE paragraphs (
    "Id" character varying(160) NOT NULL,
    "DocumentId" character varying(160) NOT NULL,
    "SortKey" character varying(32) COLLATE "C" NOT NULL,
    "SectionId" character varying(160),
    "SectionPath" character varying(2000) NOT NULL,
    "Number" character varying(32),
    "RawNumber" character varying(32),
    "Ordinal" integer NOT NULL,
    "Text" text NOT NULL,
    "SearchText" text NOT NULL,
    "Language" character varying(8) NOT NULL,
    "StartLine" integer NOT NULL,
    "EndLine" integer NOT NULL,
    search_vector tsvector GENERATED ALWAYS AS (CASE WHEN "Language" = 'ru' THEN to_tsvector('russian'::regconfig, "SearchText") ELSE to_tsvector('english'::regconfig, "SearchText") END) STORED,
    CONSTRAINT "PK_paragraphs" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_paragraphs_documents_DocumentId" FOREIGN KEY ("DocumentId") REFERENCES documents ("Id") ON DELETE CASCADE
);

CREATE TABLE sections (
    "Id" character varying(160) NOT NULL,
    "DocumentId" character varying(160) NOT NULL,
    "ParentId" character varying(160),
    "Level" integer NOT NULL,
    "Kind" character varying(32) NOT NULL,
    "Number" character varying(16),
    "Title" character varying(1000) NOT NULL,
    "Language" character varying(8) NOT NULL,
    "Ordinal" integer NOT NULL,
    "Line" integer NOT NULL,
    CONSTRAINT "PK_sections" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_sections_documents_DocumentId" FOREIGN KEY ("DocumentId") REFERENCES documents ("Id") ON DELETE CASCADE
);

CREATE TABLE source_references (
    "Id" character varying(160) NOT NULL,
    "DocumentId" character varying(160) NOT NULL,
    "Marker" character varying(16) NOT NULL,
    "Text" text NOT NULL,
    "Url" character varying(1000),
    "Line" integer NOT NULL,
    CONSTRAINT "PK_source_references" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_source_references_documents_DocumentId" FOREIGN KEY ("DocumentId") REFERENCES documents ("Id") ON DELETE CASCADE
);

CREATE TABLE series_points (
    "SeriesKey" character varying(224) NOT NULL,
    "Ordinal" integer NOT NULL,
    "PeriodLabel" character varying(200) NOT NULL,
    "PeriodStart" date,
    "PeriodEnd" date,
    "Value" numeric(24,6) NOT NULL,
    "Scale" character varying(16),
    "IndicatorId" character varying(160) NOT NULL,
    CONSTRAINT "PK_series_points" PRIMARY KEY ("SeriesKey", "Ordinal"),
    CONSTRAINT "FK_series_points_series_SeriesKey" FOREIGN KEY ("SeriesKey") REFERENCES series ("Key") ON DELETE CASCADE
);

CREATE TABLE theme_tags (
    "TargetType" character varying(16) NOT NULL,
    "TargetId" character varying(160) NOT NULL,
    "ThemeId" character varying(64) NOT NULL,
    "Confidence" double precision NOT NULL,
    "Reason" character varying(2000) NOT NULL,
    CONSTRAINT "PK_theme_tags" PRIMARY KEY ("TargetType", "TargetId", "ThemeId"),
    CONSTRAINT "FK_theme_tags_themes_ThemeId" FOREIGN KEY ("ThemeId") REFERENCES themes ("Id") ON DELETE CASCADE
);

CREATE TABLE footnotes (
    "Id" character varying(160) NOT NULL,
    "DocumentId" character varying(160) NOT NULL,
    "ParagraphId" character varying(160) NOT NULL,
    "Marker" character varying(8) NOT NULL,
    "MarkerOffset" integer NOT NULL,
    "Text" text NOT NULL,
    "CitationsJson" text NOT NULL,
    "Line" integer NOT NULL,
    CONSTRAINT "PK_footnotes" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_footnotes_paragraphs_ParagraphId" FOREIGN KEY ("ParagraphId") REFERENCES paragraphs ("Id") ON DELETE CASCADE
);

CREATE TABLE indicators (
    "Id" character varying(160) NOT NULL,
    "SortKey" character varying(192) COLLATE "C" NOT NULL,
    "DocumentId" character varying(160) NOT NULL,
    "ParagraphId" character varying(160) NOT NULL,
    "SubItemId" character varying(160),
    "Language" character varying(8) NOT NULL,
    "Value" numeric(24,6) NOT NULL,
    "ValueUpper" numeric(24,6),
    "Unit" character varying(32) NOT NULL,
    "Scale" character varying(16),
    "Qualifier" character varying(16) NOT NULL,
    "PeriodLabel" character varying(200),
    "PeriodStart" date,
    "PeriodEnd" date,
    "Subject" character varying(400) NOT NULL,
    "Kind" character varying(16) NOT NULL,
    "PopulationJson" character varying(1000) NOT NULL,
    "PopulationKey" character varying(1000) NOT NULL,
    "Role" character varying(16),
    "TargetYear" integer,
    "Quote" character varying(2000) NOT NULL,
    "Start" integer NOT NULL,
    "Length" integer NOT NULL,
    "Rule" character varying(400) NOT NULL,
    "FactId" character varying(160),
    "SeriesKey" character varying(224),
    "TranslationId" character varying(160),
    "SearchText" character varying(2500) NOT NULL,
    CONSTRAINT "PK_indicators" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_indicators_paragraphs_ParagraphId" FOREIGN KEY ("ParagraphId") REFERENCES paragraphs ("Id") ON DELETE CASCADE
);

CREATE TABLE response_links (
    "RecommendationId" character varying(160) NOT NULL,
    "ParagraphId" character varying(160) NOT NULL,
    "Relation" character varying(32) NOT NULL,
    "Evidence" character varying(1000) NOT NULL,
    "DocumentId" character varying(160) NOT NULL,
    CONSTRAINT "PK_response_links" PRIMARY KEY ("RecommendationId", "ParagraphId", "Relation"),
    CONSTRAINT "FK_response_links_paragraphs_ParagraphId" FOREIGN KEY ("ParagraphId") REFERENCES paragraphs ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_response_links_recommendations_RecommendationId" FOREIGN KEY ("RecommendationId") REFERENCES recommendations ("Id") ON DELETE CASCADE
);

CREATE TABLE sub_items (
    "Id" character varying(160) NOT NULL,
    "ParagraphId" character varying(160) NOT NULL,
    "Label" character varying(16) NOT NULL,
    "Text" text NOT NULL,
    "Ordinal" integer NOT NULL,
    "Line" integer NOT NULL,
    CONSTRAINT "PK_sub_items" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_sub_items_paragraphs_ParagraphId" FOREIGN KEY ("ParagraphId") REFERENCES paragraphs ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_documents_Ordinal" ON documents ("Ordinal");

CREATE UNIQUE INDEX "IX_facts_SortKey" ON facts ("SortKey");

CREATE INDEX "IX_footnotes_ParagraphId" ON footnotes ("ParagraphId");

CREATE INDEX "IX_indicators_FactId" ON indicators ("FactId");

CREATE INDEX "IX_indicators_Kind_SortKey" ON indicators ("Kind", "SortKey");

CREATE INDEX "IX_indicators_ParagraphId" ON indicators ("ParagraphId");

CREATE UNIQUE INDEX "IX_indicators_SortKey" ON indicators ("SortKey");

CREATE INDEX "IX_paragraphs_DocumentId_SortKey" ON paragraphs ("DocumentId", "SortKey");

CREATE INDEX "IX_paragraphs_SectionId" ON paragraphs ("SectionId");

CREATE UNIQUE INDEX "IX_paragraphs_SortKey" ON paragraphs ("SortKey");

CREATE INDEX "IX_paragraphs_search_vector" ON paragraphs USING GIN (search_vector);

CREATE UNIQUE INDEX "IX_quotas_SortKey" ON quotas ("SortKey");

CREATE INDEX "IX_recommendations_Mechanism_SortKey" ON recommendations ("Mechanism", "SortKey");

CREATE UNIQUE INDEX "IX_recommendations_SortKey" ON recommendations ("SortKey");

CREATE INDEX "IX_recommendations_search_vector" ON recommendations USING GIN (search_vector);

CREATE INDEX "IX_response_links_DocumentId" ON response_links ("DocumentId");

CREATE INDEX "IX_response_links_ParagraphId" ON response_links ("ParagraphId");

CREATE UNIQUE INDEX "IX_sections_DocumentId_Ordinal" ON sections ("DocumentId", "Ordinal");

CREATE UNIQUE INDEX "IX_series_SortKey" ON series ("SortKey");

CREATE INDEX "IX_source_references_DocumentId" ON source_references ("DocumentId");

CREATE INDEX "IX_sub_items_ParagraphId" ON sub_items ("ParagraphId");

CREATE INDEX "IX_theme_tags_ThemeId_TargetType" ON theme_tags ("ThemeId", "TargetType");

CREATE UNIQUE INDEX "IX_themes_Ordinal" ON themes ("Ordinal");

CREATE INDEX "IX_translation_links_TargetId" ON translation_links ("TargetId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261123191708_Initial', '10.0.15');

COMMIT;

START TRANSACTION;
ALTER TABLE indicators ADD "Measure" character varying(100);

ALTER TABLE facts ADD "ConflictScope" character varying(32);

ALTER TABLE facts ADD "Measure" character varying(100) NOT NULL DEFAULT '';

CREATE TABLE entities (
    "Id" character varying(120) NOT NULL,
    "SortKey" character varying(152) COLLATE "C" NOT NULL,
    "Kind" character varying(16) NOT NULL,
    "Name" character varying(400) NOT NULL,
    "AttributesJson" character varying(2000) NOT NULL,
    "DisagreementsJson" character varying(16000) NOT NULL,
    "MentionCount" integer NOT NULL,
    "DocumentCount" integer NOT NULL,
    "SearchText" character varying(16000) NOT NULL,
    CONSTRAINT "PK_entities" PRIMARY KEY ("Id")
);

CREATE TABLE entity_mentions (
    "Id" character varying(200) NOT NULL,
    "SortKey" character varying(232) COLLATE "C" NOT NULL,
    "EntityId" character varying(120) NOT NULL,
    "Kind" character varying(16) NOT NULL,
    "DocumentId" character varying(200) NOT NULL,
    "ParagraphId" character varying(200) NOT NULL,
    "SubItemId" character varying(200),
    "Language" character varying(8) NOT NULL,
    "Quote" character varying(2000) NOT NULL,
    "Start" integer NOT NULL,
    "Length" integer NOT NULL,
    "AttributesJson" character varying(2000) NOT NULL,
    "Rule" character varying(64) NOT NULL,
    CONSTRAINT "PK_entity_mentions" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_entity_mentions_entities_EntityId" FOREIGN KEY ("EntityId") REFERENCES entities ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_entity_mentions_paragraphs_ParagraphId" FOREIGN KEY ("ParagraphId") REFERENCES paragraphs ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_indicators_Measure_SortKey" ON indicators ("Measure", "SortKey");

CREATE INDEX "IX_entities_Kind_SortKey" ON entities ("Kind", "SortKey");

CREATE UNIQUE INDEX "IX_entities_SortKey" ON entities ("SortKey");

CREATE INDEX "IX_entity_mentions_DocumentId_EntityId" ON entity_mentions ("DocumentId", "EntityId");

CREATE INDEX "IX_entity_mentions_EntityId_SortKey" ON entity_mentions ("EntityId", "SortKey");

CREATE INDEX "IX_entity_mentions_ParagraphId" ON entity_mentions ("ParagraphId");

CREATE UNIQUE INDEX "IX_entity_mentions_SortKey" ON entity_mentions ("SortKey");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261201155252_EntitiesAndMeasures', '10.0.15');

COMMIT;

START TRANSACTION;
CREATE TABLE releases (
    "Id" character varying(40) NOT NULL,
    "Sequence" integer NOT NULL,
    "PreviousReleaseId" character varying(40),
    "PublishedAt" timestamp with time zone NOT NULL,
    "ManifestSha256" character varying(64) NOT NULL,
    "ParserVersion" character varying(32) NOT NULL,
    "ContentSha256" character varying(64) NOT NULL,
    "CountsJson" character varying(1000) NOT NULL,
    "License" character varying(400) NOT NULL,
    CONSTRAINT "PK_releases" PRIMARY KEY ("Id")
);

CREATE TABLE release_records (
    "ReleaseId" character varying(40) NOT NULL,
    "Type" character varying(16) NOT NULL,
    "RecordId" character varying(224) NOT NULL,
    "DocumentId" character varying(224),
    "Sha256" character varying(64) NOT NULL,
    CONSTRAINT "PK_release_records" PRIMARY KEY ("ReleaseId", "Type", "RecordId"),
    CONSTRAINT "FK_release_records_releases_ReleaseId" FOREIGN KEY ("ReleaseId") REFERENCES releases ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_release_records_Type_RecordId" ON release_records ("Type", "RecordId");

CREATE UNIQUE INDEX "IX_releases_Sequence" ON releases ("Sequence");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261201175135_Releases', '10.0.15');

COMMIT;

START TRANSACTION;
CREATE TABLE served_records (
    "Type" character varying(16) NOT NULL,
    "RecordId" character varying(224) NOT NULL,
    "Json" text NOT NULL,
    CONSTRAINT "PK_served_records" PRIMARY KEY ("Type", "RecordId")
);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261201182448_ReadModel', '10.0.15');

COMMIT;

START TRANSACTION;
CREATE TABLE api_keys (
    "Id" character varying(12) NOT NULL,
    "Name" character varying(200) NOT NULL,
    "Scope" character varying(16) NOT NULL,
    "SecretSha256" character varying(64) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "RevokedAt" timestamp with time zone,
    CONSTRAINT "PK_api_keys" PRIMARY KEY ("Id")
);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261201185936_ApiKeys', '10.0.15');

COMMIT;

START TRANSACTION;
CREATE TABLE webhook_subscriptions (
    "Id" character varying(16) NOT NULL,
    "Url" character varying(2048) NOT NULL,
    "Events" character varying(100) NOT NULL,
    "DocumentId" character varying(200),
    "ThemeId" character varying(200),
    "Description" character varying(200),
    "Secret" character varying(100) NOT NULL,
    "CreatedAtMs" bigint NOT NULL,
    CONSTRAINT "PK_webhook_subscriptions" PRIMARY KEY ("Id")
);

CREATE TABLE webhook_deliveries (
    "Id" character varying(40) NOT NULL,
    "SubscriptionId" character varying(16) NOT NULL,
    "EventType" character varying(40) NOT NULL,
    "ReleaseId" character varying(40) NOT NULL,
    "Payload" text NOT NULL,
    "CreatedAtMs" bigint NOT NULL,
    "Status" character varying(16) NOT NULL,
    "AttemptCount" integer NOT NULL,
    "NextAttemptAtMs" bigint,
    "DeliveredAtMs" bigint,
    "LeaseOwner" character varying(100),
    "LeaseExpiresAtMs" bigint,
    CONSTRAINT "PK_webhook_deliveries" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_webhook_deliveries_webhook_subscriptions_SubscriptionId" FOREIGN KEY ("SubscriptionId") REFERENCES webhook_subscriptions ("Id") ON DELETE CASCADE
);

CREATE TABLE webhook_attempts (
    "DeliveryId" character varying(40) NOT NULL,
    "Number" integer NOT NULL,
    "AttemptedAtMs" bigint NOT NULL,
    "DurationMs" integer NOT NULL,
    "StatusCode" integer,
    "Response" character varying(500),
    "Error" character varying(500),
    CONSTRAINT "PK_webhook_attempts" PRIMARY KEY ("DeliveryId", "Number"),
    CONSTRAINT "FK_webhook_attempts_webhook_deliveries_DeliveryId" FOREIGN KEY ("DeliveryId") REFERENCES webhook_deliveries ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_webhook_deliveries_Status_NextAttemptAtMs" ON webhook_deliveries ("Status", "NextAttemptAtMs");

CREATE INDEX "IX_webhook_deliveries_SubscriptionId_CreatedAtMs" ON webhook_deliveries ("SubscriptionId", "CreatedAtMs");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261201205245_Webhooks', '10.0.15');

COMMIT;

START TRANSACTION;
ALTER TABLE facts ALTER COLUMN "ConflictReason" TYPE text;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261201215450_FactConflictReasonUnbounded', '10.0.15');

COMMIT;

START TRANSACTION;
ALTER TABLE served_records ALTER COLUMN "Json" TYPE bytea USING convert_to("Json", 'UTF8');

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261202001657_ServedJsonAsUtf8', '10.0.15');

COMMIT;

START TRANSACTION;
CREATE TABLE search_vectors (
    "Target" integer NOT NULL,
    "Id" character varying(160) NOT NULL,
    "Vector" tsvector NOT NULL,
    CONSTRAINT "PK_search_vectors" PRIMARY KEY ("Target", "Id")
);

INSERT INTO search_vectors ("Target", "Id", "Vector") SELECT 0, "Id", search_vector FROM paragraphs;

INSERT INTO search_vectors ("Target", "Id", "Vector") SELECT 1, "Id", search_vector FROM recommendations;

CREATE INDEX "IX_search_vectors_Vector" ON search_vectors USING GIN ("Vector");

DROP INDEX "IX_recommendations_search_vector";

DROP INDEX "IX_paragraphs_search_vector";

ALTER TABLE recommendations DROP COLUMN search_vector;

ALTER TABLE paragraphs DROP COLUMN search_vector;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261202034115_SearchVectorTable', '10.0.15');

COMMIT;

START TRANSACTION;
ALTER TABLE served_records ADD "DocumentId" character varying(224);

ALTER TABLE served_records ADD "Sha256" character varying(64) NOT NULL DEFAULT '';

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261202061021_ServedRecordHashes', '10.0.15');

COMMIT;

START TRANSACTION;
CREATE TABLE search_ranked_matches (
    "Key" text NOT NULL,
    "Target" integer NOT NULL,
    "Position" integer NOT NULL,
    "Id" character varying(160) NOT NULL,
    "Score" double precision NOT NULL,
    CONSTRAINT "PK_search_ranked_matches" PRIMARY KEY ("Key", "Target", "Position")
);

CREATE TABLE search_ranked_terms (
    "Key" text NOT NULL,
    "Target" integer NOT NULL,
    "Matches" integer NOT NULL,
    "Stored" integer NOT NULL,
    "LastScore" double precision,
    "LastId" character varying(160),
    CONSTRAINT "PK_search_ranked_terms" PRIMARY KEY ("Key", "Target")
);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261203053718_SearchRankings', '10.0.15');

COMMIT;

START TRANSACTION;
UPDATE search_ranked_terms SET "Key" = regexp_replace(regexp_replace("Key", '''([^'']+)'' \| ''\1''', '''\1''', 'g'), '\( (''[^'']+'') \)', '\1', 'g') WHERE "Key" <> regexp_replace(regexp_replace("Key", '''([^'']+)'' \| ''\1''', '''\1''', 'g'), '\( (''[^'']+'') \)', '\1', 'g');

UPDATE search_ranked_matches SET "Key" = regexp_replace(regexp_replace("Key", '''([^'']+)'' \| ''\1''', '''\1''', 'g'), '\( (''[^'']+'') \)', '\1', 'g') WHERE "Key" <> regexp_replace(regexp_replace("Key", '''([^'']+)'' \| ''\1''', '''\1''', 'g'), '\( (''[^'']+'') \)', '\1', 'g');

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261203184329_RankedSearchKeysNameEachLexemeOnce', '10.0.15');

COMMIT;

START TRANSACTION;
ALTER TABLE search_ranked_terms ADD "Ids" text[] NOT NULL DEFAULT ARRAY[]::text[];

ALTER TABLE search_ranked_terms ADD "Scores" double precision[] NOT NULL DEFAULT ARRAY[]::double precision[];

UPDATE search_ranked_terms AS t SET "Ids" = m.ids, "Scores" = m.scores FROM (SELECT "Key", "Target", array_agg("Id"::text ORDER BY "Position") AS ids, array_agg("Score" ORDER BY "Position") AS scores FROM search_ranked_matches GROUP BY "Key", "Target") AS m WHERE t."Key" = m."Key" AND t."Target" = m."Target";

DROP TABLE search_ranked_matches;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261203221942_RankedSearchMatchesKeptAsArrays', '10.0.15');

COMMIT;

START TRANSACTION;
ALTER TABLE served_records ADD "SortKey" character varying(192) COLLATE "C";

UPDATE served_records SET "SortKey" = (SELECT r."SortKey" FROM paragraphs AS r WHERE r."Id" = served_records."RecordId") WHERE "Type" = 'paragraph'

UPDATE served_records SET "SortKey" = (SELECT r."SortKey" FROM recommendations AS r WHERE r."Id" = served_records."RecordId") WHERE "Type" = 'recommendation'

UPDATE served_records SET "SortKey" = (SELECT r."SortKey" FROM indicators AS r WHERE r."Id" = served_records."RecordId") WHERE "Type" = 'indicator'

CREATE INDEX "IX_served_records_Type_SortKey" ON served_records ("Type", "SortKey");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261204154438_ServedRecordSortKeys', '10.0.15');

COMMIT;

START TRANSACTION;
CREATE TABLE search_statistics (
    "Name" character varying(64) NOT NULL,
    "Value" bigint NOT NULL,
    CONSTRAINT "PK_search_statistics" PRIMARY KEY ("Name")
);

INSERT INTO search_statistics ("Name", "Value") SELECT 'max_positions_per_lexeme', coalesce(max(cardinality(u.positions)), 0) FROM search_vectors AS s, unnest(s."Vector") AS u;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261204185337_SearchStatistics', '10.0.15');

COMMIT;
