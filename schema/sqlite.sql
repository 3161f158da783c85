CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

BEGIN TRANSACTION;
CREATE TABLE "documents" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_documents" PRIMARY KEY,
    "Ordinal" INTEGER NOT NULL,
    "Symbol" TEXT NULL,
    "SymbolPrinted" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "DocumentType" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "Mechanism" TEXT NOT NULL,
    "Layout" TEXT NOT NULL,
    "Session" TEXT NULL,
    "Languages" TEXT NOT NULL,
    "OriginalLanguage" TEXT NOT NULL,
    "SourceFile" TEXT NOT NULL,
    "Sha256" TEXT NOT NULL
);

CREATE TABLE "facts" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_facts" PRIMARY KEY,
    "SortKey" TEXT NOT NULL,
    "Subject" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Unit" TEXT NOT NULL,
    "PeriodLabel" TEXT NULL,
    "PeriodStart" TEXT NULL,
    "PeriodEnd" TEXT NULL,
    "PopulationJson" TEXT NOT NULL,
    "Conflict" INTEGER NOT NULL,
    "ConflictReason" TEXT NULL,
    "AttestationCount" INTEGER NOT NULL,
    "DocumentCount" INTEGER NOT NULL
);

CREATE TABLE "ingest_state" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ingest_state" PRIMARY KEY,
    "ManifestSha256" TEXT NOT NULL,
    "IngestedAt" TEXT NOT NULL,
    "Summary" TEXT NOT NULL
);

CREATE TABLE "quotas" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_quotas" PRIMARY KEY,
    "SortKey" TEXT NOT NULL,
    "DocumentId" TEXT NOT NULL,
    "ParagraphId" TEXT NOT NULL,
    "Percent" TEXT NULL,
    "PercentUpper" TEXT NULL,
    "AppliesToJson" TEXT NOT NULL,
    "WhereJson" TEXT NOT NULL,
    "SinceYear" INTEGER NULL,
    "IndicatorId" TEXT NULL,
    "Quote" TEXT NOT NULL,
    "Start" INTEGER NOT NULL,
    "Length" INTEGER NOT NULL,
    "Rule" TEXT NOT NULL
);

CREATE TABLE "recommendations" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_recommendations" PRIMARY KEY,
    "SortKey" TEXT NOT NULL,
    "Mechanism" TEXT NOT NULL,
    "Locator" TEXT NOT NULL,
    "Text" TEXT NULL,
    "SourceDocumentId" TEXT NULL,
    "ParagraphId" TEXT NULL,
    "Theme" TEXT NULL,
    "PriorRecommendationsJson" TEXT NOT NULL,
    "FollowUp" INTEGER NOT NULL,
    "FollowUpDeadline" TEXT NULL,
    "SearchText" TEXT NOT NULL
);

CREATE TABLE "series" (
    "Key" TEXT NOT NULL CONSTRAINT "PK_series" PRIMARY KEY,
    "SortKey" TEXT NOT NULL,
    "DocumentId" TEXT NOT NULL,
    "ParagraphId" TEXT NOT NULL,
    "Subject" TEXT NOT NULL,
    "Unit" TEXT NOT NULL,
    "Kind" TEXT NOT NULL
);

CREATE TABLE "themes" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_themes" PRIMARY KEY,
    "Ordinal" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "GoalNumber" INTEGER NULL
);

CREATE TABLE "translation_links" (
    "SourceId" TEXT NOT NULL,
    "TargetId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "SourceLanguage" TEXT NOT NULL,
    "TargetLanguage" TEXT NOT NULL,
    CONSTRAINT "PK_translation_links" PRIMARY KEY ("SourceId", "TargetId")
);

CREATE TABLE "document_dates" (
    "DocumentId" TEXT NOT NULL,
    "Role" TEXT NOT NULL,
    "Date" TEXT NOT NULL,
    "Note" TEXT NOT NULL,
    CONSTRAINT "PK_document_dates" PRIMARY KEY ("DocumentId", "Role", "Date"),
    CONSTRAINT "FK_document_dates_documents_DocumentId" FOREIGN KEY ("DocumentId") REFERENCES "documents" ("Id") ON DELETE CASCADE
);

CREATE TABLE "paragraphs" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_paragraphs" PRIMARY KEY,
    "DocumentId" TEXT NOT NULL,
    "SortKey" TEXT NOT NULL,
    "SectionId" TEXT NULL,
    "SectionPath" TEXT NOT NULL,
    "Number" TEXT NULL,
    "RawNumber" TEXT NULL,
    "Ordinal" INTEGER NOT NULL,
    "Text" TEXT NOT NULL,
    "SearchText" TEXT NOT NULL,
    "Language" TEXT NOT NULL,
    "StartLine" INTEGER NOT NULL,
    "EndLine" INTEGER NOT NULL,
    CONSTRAINT "FK_paragraphs_documents_DocumentId" FOREIGN KEY ("DocumentId") REFERENCES "documents" ("Id") ON DELETE CASCADE
);

CREATE TABLE "sections" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_sections" PRIMARY KEY,
    "DocumentId" TEXT NOT NULL,
    "ParentId" TEXT NULL,
    "Level" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Number" TEXT NULL,
    "Title" TEXT NOT NULL,
    "Language" TEXT NOT NULL,
    "Ordinal" INTEGER NOT NULL,
    "Line" INTEGER NOT NULL,
    CONSTRAINT "FK_sections_documents_DocumentId" FOREIGN KEY ("DocumentId") REFERENCES "documents" ("Id") ON DELETE CASCADE
);

CREATE TABLE "source_references" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_source_references" PRIMARY KEY,
    "DocumentId" TEXT NOT NULL,
    "Marker" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "Url" TEXT NULL,
    "Line" INTEGER NOT NULL,
    CONSTRAINT "FK_source_references_documents_DocumentId" FOREIGN KEY ("DocumentId") REFERENCES "documents" ("Id") ON DELETE CASCADE
);

CREATE TABLE "series_points" (
    "SeriesKey" TEXT NOT NULL,
    "Ordinal" INTEGER NOT NULL,
    "PeriodLabel" TEXT NOT NULL,
    "PeriodStart" TEXT NULL,
    "PeriodEnd" TEXT NULL,
    "Value" TEXT NOT NULL,
    "Scale" TEXT NULL,
    "IndicatorId" TEXT NOT NULL,
    CONSTRAINT "PK_series_points" PRIMARY KEY ("SeriesKey", "Ordinal"),
    CONSTRAINT "FK_series_points_series_SeriesKey" FOREIGN KEY ("SeriesKey") REFERENCES "series" ("Key") ON DELETE CASCADE
);

CREATE TABLE "theme_tags" (
    "TargetType" TEXT NOT NULL,
    "TargetId" TEXT NOT NULL,
    "ThemeId" TEXT NOT NULL,
    "Confidence" REAL NOT NULL,
    "Reason" TEXT NOT NULL,
    CONSTRAINT "PK_theme_tags" PRIMARY KEY ("TargetType", "TargetId", "ThemeId"),
    CONSTRAINT "FK_theme_tags_themes_ThemeId" FOREIGN KEY ("ThemeId") REFERENCES "themes" ("Id") ON DELETE CASCADE
);

CREATE TABLE "footnotes" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_footnotes" PRIMARY KEY,
    "DocumentId" TEXT NOT NULL,
    "ParagraphId" TEXT NOT NULL,
    "Marker" TEXT NOT NULL,
    "MarkerOffset" INTEGER NOT NULL,
    "Text" TEXT NOT NULL,
    "CitationsJson" TEXT NOT NULL,
    "Line" INTEGER NOT NULL,
    CONSTRAINT "FK_footnotes_paragraphs_ParagraphId" FOREIGN KEY ("ParagraphId") REFERENCES "paragraphs" ("Id") ON DELETE CASCADE
);

CREATE TABLE "indicators" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_indicators" PRIMARY KEY,
    "SortKey" TEXT NOT NULL,
    "DocumentId" TEXT NOT NULL,
    "ParagraphId" TEXT NOT NULL,
    "SubItemId" TEXT NULL,
    "Language" TEXT NOT NULL,
    "Value" TEXT NOT NULL,
    "ValueUpper" TEXT NULL,
    "Unit" TEXT NOT NULL,
    "Scale" TEXT NULL,
    "Qualifier" TEXT NOT NULL,
    "PeriodLabel" TEXT NULL,
    "PeriodStart" TEXT NULL,
    "PeriodEnd" TEXT NULL,
    "Subject" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "PopulationJson" TEXT NOT NULL,
    "PopulationKey" TEXT NOT NULL,
    "Role" TEXT NULL,
    "TargetYear" INTEGER NULL,
    "Quote" TEXT NOT NULL,
    "Start" INTEGER NOT NULL,
    "Length" INTEGER NOT NULL,
    "Rule" TEXT NOT NULL,
    "FactId" TEXT NULL,
    "SeriesKey" TEXT NULL,
    "TranslationId" TEXT NULL,
    "SearchText" TEXT NOT NULL,
    CONSTRAINT "FK_indicators_paragraphs_ParagraphId" FOREIGN KEY ("ParagraphId") REFERENCES "paragraphs" ("Id") ON DELETE CASCADE
);

CREATE TABLE "response_links" (
    "RecommendationId" TEXT NOT NULL,
    "ParagraphId" TEXT NOT NULL,
    "Relation" TEXT NOT NULL,
    "Evidence" TEXT NOT NULL,
    "DocumentId" TEXT NOT NULL,
    CONSTRAINT "PK_response_links" PRIMARY KEY ("RecommendationId", "ParagraphId", "Relation"),
    CONSTRAINT "FK_response_links_paragraphs_ParagraphId" FOREIGN KEY ("ParagraphId") REFERENCES "paragraphs" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_response_links_recommendations_RecommendationId" FOREIGN KEY ("RecommendationId") REFERENCES "recommendations" ("Id") ON DELETE CASCADE
);

CREATE TABLE "sub_items" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_sub_items" PRIMARY KEY,
    "ParagraphId" TEXT NOT NULL,
    "Label" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "Ordinal" INTEGER NOT NULL,
    "Line" INTEGER NOT NULL,
    CONSTRAINT "FK_sub_items_paragraphs_ParagraphId" FOREIGN KEY ("ParagraphId") REFERENCES "paragraphs" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_documents_Ordinal" ON "documents" ("Ordinal");

CREATE UNIQUE INDEX "IX_facts_SortKey" ON "facts" ("SortKey");

CREATE INDEX "IX_footnotes_ParagraphId" ON "footnotes" ("ParagraphId");

CREATE INDEX "IX_indicators_FactId" ON "indicators" ("FactId");

CREATE INDEX "IX_indicators_Kind_SortKey" ON "indicators" ("Kind", "SortKey");

CREATE INDEX "IX_indicators_ParagraphId" ON "indicators" ("ParagraphId");

CREATE UNIQUE INDEX "IX_indicators_SortKey" ON "indicators" ("SortKey");

CREATE INDEX "IX_paragraphs_DocumentId_SortKey" ON "paragraphs" ("DocumentId", "SortKey");

CREATE INDEX "IX_paragraphs_SectionId" ON "paragraphs" ("SectionId");

CREATE UNIQUE INDEX "IX_paragraphs_SortKey" ON "paragraphs" ("SortKey");

CREATE UNIQUE INDEX "IX_quotas_SortKey" ON "quotas" ("SortKey");

CREATE INDEX "IX_recommendations_Mechanism_SortKey" ON "recommendations" ("Mechanism", "SortKey");

CREATE UNIQUE INDEX "IX_recommendations_SortKey" ON "recommendations" ("SortKey");

CREATE INDEX "IX_response_links_DocumentId" ON "response_links" ("DocumentId");

CREATE INDEX "IX_response_links_ParagraphId" ON "response_links" ("ParagraphId");

CREATE UNIQUE INDEX "IX_sections_DocumentId_Ordinal" ON "sections" ("DocumentId", "Ordinal");

CREATE UNIQUE INDEX "IX_series_SortKey" ON "series" ("SortKey");

CREATE INDEX "IX_source_references_DocumentId" ON "source_references" ("DocumentId");

CREATE INDEX "IX_sub_items_ParagraphId" ON "sub_items" ("ParagraphId");

CREATE INDEX "IX_theme_tags_ThemeId_TargetType" ON "theme_tags" ("ThemeId", "TargetType");

CREATE UNIQUE INDEX "IX_themes_Ordinal" ON "themes" ("Ordinal");

CREATE INDEX "IX_translation_links_TargetId" ON "translation_links" ("TargetId");

CREATE VIRTUAL TABLE search_fts USING fts5(kind UNINDEXED, id UNINDEXED, text, tokenize = 'porter unicode61 remove_diacritics 2');

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261123191658_Initial', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "indicators" ADD "Measure" TEXT NULL;

ALTER TABLE "facts" ADD "ConflictScope" TEXT NULL;

ALTER TABLE "facts" ADD "Measure" TEXT NOT NULL DEFAULT '';

CREATE TABLE "entities" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_entities" PRIMARY KEY,
    "SortKey" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "AttributesJson" TEXT NOT NULL,
    "DisagreementsJson" TEXT NOT NULL,
    "MentionCount" INTEGER NOT NULL,
    "DocumentCount" INTEGER NOT NULL,
    "SearchText" TEXT NOT NULL
);

CREATE TABLE "entity_mentions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_entity_mentions" PRIMARY KEY,
    "SortKey" TEXT NOT NULL,
    "EntityId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "DocumentId" TEXT NOT NULL,
    "ParagraphId" TEXT NOT NULL,
    "SubItemId" TEXT NULL,
    "Language" TEXT NOT NULL,
    "Quote" TEXT NOT NULL,
    "Start" INTEGER NOT NULL,
    "Length" INTEGER NOT NULL,
    "AttributesJson" TEXT NOT NULL,
    "Rule" TEXT NOT NULL,
    CONSTRAINT "FK_entity_mentions_entities_EntityId" FOREIGN KEY ("EntityId") REFERENCES "entities" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_entity_mentions_paragraphs_ParagraphId" FOREIGN KEY ("ParagraphId") REFERENCES "paragraphs" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_indicators_Measure_SortKey" ON "indicators" ("Measure", "SortKey");

CREATE INDEX "IX_entities_Kind_SortKey" ON "entities" ("Kind", "SortKey");

CREATE UNIQUE INDEX "IX_entities_SortKey" ON "entities" ("SortKey");

CREATE INDEX "IX_entity_mentions_DocumentId_EntityId" ON "entity_mentions" ("DocumentId", "EntityId");

CREATE INDEX "IX_entity_mentions_EntityId_SortKey" ON "entity_mentions" ("EntityId", "SortKey");

CREATE INDEX "IX_entity_mentions_ParagraphId" ON "entity_mentions" ("ParagraphId");

CREATE UNIQUE INDEX "IX_entity_mentions_SortKey" ON "entity_mentions" ("SortKey");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261201155111_EntitiesAndMeasures', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
DROP TABLE IF EXISTS search_fts;

CREATE VIRTUAL TABLE search_fts USING fts5(kind UNINDEXED, id UNINDEXED, text, tokenize = 'unicode61 remove_diacritics 2');

DELETE FROM ingest_state;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261201160648_SnowballSearchIndex', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "releases" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_releases" PRIMARY KEY,
    "Sequence" INTEGER NOT NULL,
    "PreviousReleaseId" TEXT NULL,
    "PublishedAt" TEXT NOT NULL,
    "ManifestSha256" TEXT NOT NULL,
    "ParserVersion" TEXT NOT NULL,
    "ContentSha256" TEXT NOT NULL,
    "CountsJson" TEXT NOT NULL,
    "License" TEXT NOT NULL
);

CREATE TABLE "release_records" (
    "ReleaseId" TEXT NOT NULL,
    "Type" TEXT NOT NULL,
    "RecordId" TEXT NOT NULL,
    "DocumentId" TEXT NULL,
    "Sha256" TEXT NOT NULL,
    CONSTRAINT "PK_release_records" PRIMARY KEY ("ReleaseId", "Type", "RecordId"),
    CONSTRAINT "FK_release_records_releases_ReleaseId" FOREIGN KEY ("ReleaseId") REFERENCES "releases" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_release_records_Type_RecordId" ON "release_records" ("Type", "RecordId");

CREATE UNIQUE INDEX "IX_releases_Sequence" ON "releases" ("Sequence");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261201175131_Releases', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "served_records" (
    "Type" TEXT NOT NULL,
    "RecordId" TEXT NOT NULL,
    "Json" TEXT NOT NULL,
    CONSTRAINT "PK_served_records" PRIMARY KEY ("Type", "RecordId")
);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261201182440_ReadModel', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "api_keys" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_api_keys" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "Scope" TEXT NOT NULL,
    "SecretSha256" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "RevokedAt" TEXT NULL
);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261201185906_ApiKeys', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "webhook_subscriptions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_webhook_subscriptions" PRIMARY KEY,
    "Url" TEXT NOT NULL,
    "Events" TEXT NOT NULL,
    "DocumentId" TEXT NULL,
    "ThemeId" TEXT NULL,
    "Description" TEXT NULL,
    "Secret" TEXT NOT NULL,
    "CreatedAtMs" INTEGER NOT NULL
);

CREATE TABLE "webhook_deliveries" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_webhook_deliveries" PRIMARY KEY,
    "SubscriptionId" TEXT NOT NULL,
    "EventType" TEXT NOT NULL,
    "ReleaseId" TEXT NOT NULL,
    "Payload" TEXT NOT NULL,
    "CreatedAtMs" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "AttemptCount" INTEGER NOT NULL,
    "NextAttemptAtMs" INTEGER NULL,
    "DeliveredAtMs" INTEGER NULL,
    "LeaseOwner" TEXT NULL,
    "LeaseExpiresAtMs" INTEGER NULL,
    CONSTRAINT "FK_webhook_deliveries_webhook_subscriptions_SubscriptionId" FOREIGN KEY ("SubscriptionId") REFERENCES "webhook_subscriptions" ("Id") ON DELETE CASCADE
);

CREATE TABLE "webhook_attempts" (
    "DeliveryId" TEXT NOT NULL,
    "Number" INTEGER NOT NULL,
    "AttemptedAtMs" INTEGER NOT NULL,
    "DurationMs" INTEGER NOT NULL,
    "StatusCode" INTEGER NULL,
    "Response" TEXT NULL,
    "Error" TEXT NULL,
    CONSTRAINT "PK_webhook_attempts" PRIMARY KEY ("DeliveryId", "Number"),
    CONSTRAINT "FK_webhook_attempts_webhook_deliveries_DeliveryId" FOREIGN KEY ("DeliveryId") REFERENCES "webhook_deliveries" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_webhook_deliveries_Status_NextAttemptAtMs" ON "webhook_deliveries" ("Status", "NextAttemptAtMs");

CREATE INDEX "IX_webhook_deliveries_SubscriptionId_CreatedAtMs" ON "webhook_deliveries" ("SubscriptionId", "CreatedAtMs");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261201205211_Webhooks', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261201215347_FactConflictReasonUnbounded', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
UPDATE served_records SET Json = CAST(Json AS BLOB);

CREATE TABLE "ef_temp_served_records" (
    "Type" TEXT NOT NULL,
    "RecordId" TEXT NOT NULL,
    "Json" BLOB NOT NULL,
    CONSTRAINT "PK_served_records" PRIMARY KEY ("Type", "RecordId")
);

INSERT INTO "ef_temp_served_records" ("Type", "RecordId", "Json")
SELECT "Type", "RecordId", "Json"
FROM "served_records";

COMMIT;

PRAGMA foreign_keys = 0;

BEGIN TRANSACTION;
DROP TABLE "served_records";

ALTER TABLE "ef_temp_served_records" RENAME TO "served_records";

COMMIT;

PRAGMA foreign_keys = 1;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261202001619_ServedJsonAsUtf8', '10.0.15');

BEGIN TRANSACTION;
ALTER TABLE "served_records" ADD "DocumentId" TEXT NULL;

ALTER TABLE "served_records" ADD "Sha256" TEXT NOT NULL DEFAULT '';

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261202060942_ServedRecordHashes', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "served_records" ADD "SortKey" TEXT NULL;

UPDATE served_records SET "SortKey" = (SELECT r."SortKey" FROM paragraphs AS r WHERE r."Id" = served_records."RecordId") WHERE "Type" = 'paragraph'

UPDATE served_records SET "SortKey" = (SELECT r."SortKey" FROM recommendations AS r WHERE r."Id" = served_records."RecordId") WHERE "Type" = 'recommendation'

UPDATE served_records SET "SortKey" = (SELECT r."SortKey" FROM indicators AS r WHERE r."Id" = served_records."RecordId") WHERE "Type" = 'indicator'

CREATE INDEX "IX_served_records_Type_SortKey" ON "served_records" ("Type", "SortKey");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261204154415_ServedRecordSortKeys', '10.0.15');

COMMIT;
