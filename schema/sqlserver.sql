IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL
BEGIN
    CREATE TABLE [__EFMigrationsHistory] (
        [MigrationId] nvarchar(150) NOT NULL,
        [ProductVersion] nvarchar(32) NOT NULL,
        CONSTRAINT [PK___EFMigrationsHistory] PRIMARY KEY ([MigrationId])
    );
END;
GO

BEGIN TRANSACTION;
CREATE TABLE [documents] (
    [Id] nvarchar(160) NOT NULL,
    [Ordinal] int NOT NULL,
    [Symbol] nvarchar(64) NULL,
    [SymbolPrinted] bit NOT NULL,
    [Title] nvarchar(400) NOT NULL,
    [DocumentType] nvarchar(64) NOT NULL,
    [Body] nvarchar(400) NOT NULL,
    [Mechanism] nvarchar(32) NOT NULL,
    [Layout] nvarchar(64) NOT NULL,
    [Session] nvarchar(200) NULL,
    [Languages] nvarchar(32) NOT NULL,
    [OriginalLanguage] nvarchar(8) NOT NULL,
    [SourceFile] nvarchar(200) NOT NULL,
    [Sha256] nvarchar(64) NOT NULL,
    CONSTRAINT [PK_documents] PRIMARY KEY ([Id])
);

CREATE TABLE [facts] (
    [Id] nvarchar(160) NOT NULL,
    [SortKey] nvarchar(192) COLLATE Latin1_General_BIN2 NOT NULL,
    [Subject] nvarchar(400) NOT NULL,
    [Kind] nvarchar(16) NOT NULL,
    [Unit] nvarchar(32) NOT NULL,
    [PeriodLabel] nvarchar(200) NULL,
    [PeriodStart] date NULL,
    [PeriodEnd] date NULL,
    [PopulationJson] nvarchar(1000) NOT NULL,
    [Conflict] bit NOT NULL,
    [ConflictReason] nvarchar(2000) NULL,
    [AttestationCount] int NOT NULL,
    [DocumentCount] int NOT NULL,
    CONSTRAINT [PK_facts] PRIMARY KEY ([Id])
);

CREATE TABLE [ingest_state] (
    [Id] int NOT NULL,
    [ManifestSha256] nvarchar(64) NOT NULL,
    [IngestedAt] datetimeoffset NOT NULL,
    [Summary] nvarchar(4000) NOT NULL,
    CONSTRAINT [PK_ingest_state] PRIMARY KEY ([Id])
);

CREATE TABLE [quotas] (
    [Id] nvarchar(160) NOT NULL,
    [SortKey] nvarchar(192) COLLATE Latin1_General_BIN2 NOT NULL,
    [DocumentId] nvarchar(160) NOT NULL,
    [ParagraphId] nvarchar(160) NOT NULL,
    [Percent] decimal(10,3) NULL,
    [PercentUpper] decimal(10,3) NULL,
    [AppliesToJson] nvarchar(1000) NOT NULL,
    [WhereJson] nvarchar(1000) NOT NULL,
    [SinceYear] int NULL,
    [IndicatorId] nvarchar(160) NULL,
    [Quote] nvarchar(4000) NOT NULL,
    [Start] int NOT NULL,
    [Length] int NOT NULL,
    [Rule] nvarchar(400) NOT NULL,
    CONSTRAINT [PK_quotas] PRIMARY KEY ([Id])
);

CREATE TABLE [recommendations] (
    [Id] nvarchar(160) NOT NULL,
    [SortKey] nvarchar(160) COLLATE Latin1_General_BIN2 NOT NULL,
    [Mechanism] nvarchar(32) NOT NULL,
    [Locator] nvarchar(64) NOT NULL,
    [Text] nvarchar(max) NULL,
    [SourceDocumentId] nvarchar(160) NULL,
    [ParagraphId] nvarchar(160) NULL,
    [Theme] nvarchar(1000) NULL,
    [PriorRecommendationsJson] nvarchar(max) NOT NULL,
    [FollowUp] bit NOT NULL,
    [FollowUpDeadline] date NULL,
    [SearchText] nvarchar(max) NOT NULL,
    CONSTRAINT [PK_recommendations] PRIMARY KEY ([Id])
);

CREATE TABLE [series] (
    [Key] nvarchar(224) NOT NULL,
    [SortKey] nvarchar(256) COLLATE Latin1_General_BIN2 NOT NULL,
    [DocumentId] nvarchar(160) NOT NULL,
    [ParagraphId] nvarchar(160) NOT NULL,
    [Subject] nvarchar(400) NOT NULL,
    [Unit] nvarchar(32) NOT NULL,
    [Kind] nvarchar(16) NOT NULL,
    CONSTRAINT [PK_series] PRIMARY KEY ([Key])
);

CREATE TABLE [themes] (
    [Id] nvarchar(64) NOT NULL,
    [Ordinal] int NOT NULL,
    [Name] nvarchar(200) NOT NULL,
    [Kind] nvarchar(16) NOT NULL,
    [GoalNumber] int NULL,
    CONSTRAINT [PK_themes] PRIMARY KEY ([Id])
);

CREATE TABLE [translation_links] (
    [SourceId] nvarchar(160) NOT NULL,
    [TargetId] nvarchar(160) NOT NULL,
    [Kind] nvarchar(16) NOT NULL,
    [SourceLanguage] nvarchar(8) NOT NULL,
    [TargetLanguage] nvarchar(8) NOT NULL,
    CONSTRAINT [PK_translation_links] PRIMARY KEY ([SourceId], [TargetId])
);

CREATE TABLE [document_dates] (
    [DocumentId] nvarchar(160) NOT NULL,
    [Role] nvarchar(16) NOT NULL,
    [Date] date NOT NULL,
    [Note] nvarchar(400) NOT NULL,
    CONSTRAINT [PK_document_dates] PRIMARY KEY ([DocumentId], [Role], [Date]),
    CONSTRAINT [FK_document_dates_documents_DocumentId] FOREIGN KEY ([DocumentId]) REFERENCES [documents] ([Id]) ON DELETE CASCADE
);

CREATE TABLE [paragraphs] (
    [Id] nvarchar(160) NOT NULL,
    [DocumentId] nvarchar(160) NOT NULL,
    [SortKey] nvarchar(32) COLLATE Latin1_General_BIN2 NOT NULL,
    [SectionId] nvarchar(160) NULL,
    [SectionPath] nvarchar(2000) NOT NULL,
    [Number] nvarchar(32) NULL,
    [RawNumber] nvarchar(32) NULL,
    [Ordinal] int NOT NULL,
    [Text] nvarchar(max) NOT NULL,
    [SearchText] nvarchar(max) NOT NULL,
    [Language] nvarchar(8) NOT NULL,
    [StartLine] int NOT NULL,
    [EndLine] int NOT NULL,
    CONSTRAINT [PK_paragraphs] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_paragraphs_documents_DocumentId] FOREIGN KEY ([DocumentId]) REFERENCES [documents] ([Id]) ON DELETE CASCADE
);

CREATE TABLE [sections] (
    [Id] nvarchar(160) NOT NULL,
    [DocumentId] nvarchar(160) NOT NULL,
    [ParentId] nvarchar(160) NULL,
    [Level] int NOT NULL,
    [Kind] nvarchar(32) NOT NULL,
    [Number] nvarchar(16) NULL,
    [Title] nvarchar(1000) NOT NULL,
    [Language] nvarchar(8) NOT NULL,
    [Ordinal] int NOT NULL,
    [Line] int NOT NULL,
    CONSTRAINT [PK_sections] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_sections_documents_DocumentId] FOREIGN KEY ([DocumentId]) REFERENCES [documents] ([Id]) ON DELETE CASCADE
);

CREATE TABLE [source_references] (
    [Id] nvarchar(160) NOT NULL,
    [DocumentId] nvarchar(160) NOT NULL,
    [Marker] nvarchar(16) NOT NULL,
    [Text] nvarchar(max) NOT NULL,
    [Url] nvarchar(1000) NULL,
    [Line] int NOT NULL,
    CONSTRAINT [PK_source_references] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_source_references_documents_DocumentId] FOREIGN KEY ([DocumentId]) REFERENCES [documents] ([Id]) ON DELETE CASCADE
);

CREATE TABLE [series_points] (
    [SeriesKey] nvarchar(224) NOT NULL,
    [Ordinal] int NOT NULL,
    [PeriodLabel] nvarchar(200) NOT NULL,
    [PeriodStart] date NULL,
    [PeriodEnd] date NULL,
    [Value] decimal(24,6) NOT NULL,
    [Scale] nvarchar(16) NULL,
    [IndicatorId] nvarchar(160) NOT NULL,
    CONSTRAINT [PK_series_points] PRIMARY KEY ([SeriesKey], [Ordinal]),
    CONSTRAINT [FK_series_points_series_SeriesKey] FOREIGN KEY ([SeriesKey]) REFERENCES [series] ([Key]) ON DELETE CASCADE
);

CREATE TABLE [theme_tags] (
    [TargetType] nvarchar(16) NOT NULL,
    [TargetId] nvarchar(160) NOT NULL,
    [ThemeId] nvarchar(64) NOT NULL,
    [Confidence] float NOT NULL,
    [Reason] nvarchar(2000) NOT NULL,
    CONSTRAINT [PK_theme_tags] PRIMARY KEY ([TargetType], [TargetId], [ThemeId]),
    CONSTRAINT [FK_theme_tags_themes_ThemeId] FOREIGN KEY ([ThemeId]) REFERENCES [themes] ([Id]) ON DELETE CASCADE
);

CREATE TABLE [footnotes] (
    [Id] nvarchar(160) NOT NULL,
    [DocumentId] nvarchar(160) NOT NULL,
    [ParagraphId] nvarchar(160) NOT NULL,
    [Marker] nvarchar(8) NOT NULL,
    [MarkerOffset] int NOT NULL,
    [Text] nvarchar(max) NOT NULL,
    [CitationsJson] nvarchar(max) NOT NULL,
    [Line] int NOT NULL,
    CONSTRAINT [PK_footnotes] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_footnotes_paragraphs_ParagraphId] FOREIGN KEY ([ParagraphId]) REFERENCES [paragraphs] ([Id]) ON DELETE CASCADE
);

CREATE TABLE [indicators] (
    [Id] nvarchar(160) NOT NULL,
    [SortKey] nvarchar(192) COLLATE Latin1_General_BIN2 NOT NULL,
    [DocumentId] nvarchar(160) NOT NULL,
    [ParagraphId] nvarchar(160) NOT NULL,
    [SubItemId] nvarchar(160) NULL,
    [Language] nvarchar(8) NOT NULL,
    [Value] decimal(24,6) NOT NULL,
    [ValueUpper] decimal(24,6) NULL,
    [Unit] nvarchar(32) NOT NULL,
    [Scale] nvarchar(16) NULL,
    [Qualifier] nvarchar(16) NOT NULL,
    [PeriodLabel] nvarchar(200) NULL,
    [PeriodStart] date NULL,
    [PeriodEnd] date NULL,
    [Subject] nvarchar(400) NOT NULL,
    [Kind] nvarchar(16) NOT NULL,
    [PopulationJson] nvarchar(1000) NOT NULL,
    [PopulationKey] nvarchar(1000) NOT NULL,
    [Role] nvarchar(16) NULL,
    [TargetYear] int NULL,
    [Quote] nvarchar(2000) NOT NULL,
    [Start] int NOT NULL,
    [Length] int NOT NULL,
    [Rule] nvarchar(400) NOT NULL,
    [FactId] nvarchar(160) NULL,
    [SeriesKey] nvarchar(224) NULL,
    [TranslationId] nvarchar(160) NULL,
    [SearchText] nvarchar(2500) NOT NULL,
    CONSTRAINT [PK_indicators] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_indicators_paragraphs_ParagraphId] FOREIGN KEY ([ParagraphId]) REFERENCES [paragraphs] ([Id]) ON DELETE CASCADE
);

CREATE TABLE [response_links] (
    [RecommendationId] nvarchar(160) NOT NULL,
    [ParagraphId] nvarchar(160) NOT NULL,
    [Relation] nvarchar(32) NOT NULL,
    [Evidence] nvarchar(1000) NOT NULL,
    [DocumentId] nvarchar(160) NOT NULL,
    CONSTRAINT [PK_response_links] PRIMARY KEY ([RecommendationId], [ParagraphId], [Relation]),
    CONSTRAINT [FK_response_links_paragraphs_ParagraphId] FOREIGN KEY ([ParagraphId]) REFERENCES [paragraphs] ([Id]) ON DELETE CASCADE,
    CONSTRAINT [FK_response_links_recommendations_RecommendationId] FOREIGN KEY ([RecommendationId]) REFERENCES [recommendations] ([Id]) ON DELETE CASCADE
);

CREATE TABLE [sub_items] (
    [Id] nvarchar(160) NOT NULL,
    [ParagraphId] nvarchar(160) NOT NULL,
    [Label] nvarchar(16) NOT NULL,
    [Text] nvarchar(max) NOT NULL,
    [Ordinal] int NOT NULL,
    [Line] int NOT NULL,
    CONSTRAINT [PK_sub_items] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_sub_items_paragraphs_ParagraphId] FOREIGN KEY ([ParagraphId]) REFERENCES [paragraphs] ([Id]) ON DELETE CASCADE
);

CREATE UNIQUE INDEX [IX_documents_Ordinal] ON [documents] ([Ordinal]);

CREATE UNIQUE INDEX [IX_facts_SortKey] ON [facts] ([SortKey]);

CREATE INDEX [IX_footnotes_ParagraphId] ON [footnotes] ([ParagraphId]);

CREATE INDEX [IX_indicators_FactId] ON [indicators] ([FactId]);

CREATE INDEX [IX_indicators_Kind_SortKey] ON [indicators] ([Kind], [SortKey]);

CREATE INDEX [IX_indicators_ParagraphId] ON [indicators] ([ParagraphId]);

CREATE UNIQUE INDEX [IX_indicators_SortKey] ON [indicators] ([SortKey]);

CREATE INDEX [IX_paragraphs_DocumentId_SortKey] ON [paragraphs] ([DocumentId], [SortKey]);

CREATE INDEX [IX_paragraphs_SectionId] ON [paragraphs] ([SectionId]);

CREATE UNIQUE INDEX [IX_paragraphs_SortKey] ON [paragraphs] ([SortKey]);

CREATE UNIQUE INDEX [IX_quotas_SortKey] ON [quotas] ([SortKey]);

CREATE INDEX [IX_recommendations_Mechanism_SortKey] ON [recommendations] ([Mechanism], [SortKey]);

CREATE UNIQUE INDEX [IX_recommendations_SortKey] ON [recommendations] ([SortKey]);

CREATE INDEX [IX_response_links_DocumentId] ON [response_links] ([DocumentId]);

CREATE INDEX [IX_response_links_ParagraphId] ON [response_links] ([ParagraphId]);

CREATE UNIQUE INDEX [IX_sections_DocumentId_Ordinal] ON [sections] ([DocumentId], [Ordinal]);

CREATE UNIQUE INDEX [IX_series_SortKey] ON [series] ([SortKey]);

CREATE INDEX [IX_source_references_DocumentId] ON [source_references] ([DocumentId]);

CREATE INDEX [IX_sub_items_ParagraphId] ON [sub_items] ([ParagraphId]);

CREATE INDEX [IX_theme_tags_ThemeId_TargetType] ON [theme_tags] ([ThemeId], [TargetType]);

CREATE UNIQUE INDEX [IX_themes_Ordinal] ON [themes] ([Ordinal]);

CREATE INDEX [IX_translation_links_TargetId] ON [translation_links] ([TargetId]);

INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
VALUES (N'20261123191719_Initial', N'10.0.15');

COMMIT;
GO

BEGIN TRANSACTION;
ALTER TABLE [indicators] ADD [Measure] nvarchar(100) NULL;

ALTER TABLE [facts] ADD [ConflictScope] nvarchar(32) NULL;

ALTER TABLE [facts] ADD [Measure] nvarchar(100) NOT NULL DEFAULT N'';

CREATE TABLE [entities] (
    [Id] nvarchar(120) NOT NULL,
    [SortKey] nvarchar(152) COLLATE Latin1_General_BIN2 NOT NULL,
    [Kind] nvarchar(16) NOT NULL,
    [Name] nvarchar(400) NOT NULL,
    [AttributesJson] nvarchar(2000) NOT NULL,
    [DisagreementsJson] nvarchar(max) NOT NULL,
    [MentionCount] int NOT NULL,
    [DocumentCount] int NOT NULL,
    [SearchText] nvarchar(max) NOT NULL,
    CONSTRAINT [PK_entities] PRIMARY KEY ([Id])
);

CREATE TABLE [entity_mentions] (
    [Id] nvarchar(200) NOT NULL,
    [SortKey] nvarchar(232) COLLATE Latin1_General_BIN2 NOT NULL,
    [EntityId] nvarchar(120) NOT NULL,
    [Kind] nvarchar(16) NOT NULL,
    [DocumentId] nvarchar(200) NOT NULL,
    [ParagraphId] nvarchar(200) NOT NULL,
    [SubItemId] nvarchar(200) NULL,
    [Language] nvarchar(8) NOT NULL,
    [Quote] nvarchar(2000) NOT NULL,
    [Start] int NOT NULL,
    [Length] int NOT NULL,
    [AttributesJson] nvarchar(2000) NOT NULL,
    [Rule] nvarchar(64) NOT NULL,
    CONSTRAINT [PK_entity_mentions] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_entity_mentions_entities_EntityId] FOREIGN KEY ([EntityId]) REFERENCES [entities] ([Id]) ON DELETE CASCADE,
    CONSTRAINT [FK_entity_mentions_paragraphs_ParagraphId] FOREIGN KEY ([ParagraphId]) REFERENCES [paragraphs] ([Id]) ON DELETE CASCADE
);

CREATE INDEX [IX_indicators_Measure_SortKey] ON [indicators] ([Measure], [SortKey]);

CREATE INDEX [IX_entities_Kind_SortKey] ON [entities] ([Kind], [SortKey]);

CREATE UNIQUE INDEX [IX_entities_SortKey] ON [entities] ([SortKey]);

CREATE INDEX [IX_entity_mentions_DocumentId_EntityId] ON [entity_mentions] ([DocumentId], [EntityId]);

CREATE INDEX [IX_entity_mentions_EntityId_SortKey] ON [entity_mentions] ([EntityId], [SortKey]);

CREATE INDEX [IX_entity_mentions_ParagraphId] ON [entity_mentions] ([ParagraphId]);

CREATE UNIQUE INDEX [IX_entity_mentions_SortKey] ON [entity_mentions] ([SortKey]);

INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
VALUES (N'20261201155441_EntitiesAndMeasures', N'10.0.15');

COMMIT;
GO

BEGIN TRANSACTION;
CREATE TABLE [releases] (
    [Id] nvarchar(40) NOT NULL,
    [Sequence] int NOT NULL,
    [PreviousReleaseId] nvarchar(40) NULL,
    [PublishedAt] datetimeoffset NOT NULL,
    [ManifestSha256] nvarchar(64) NOT NULL,
    [ParserVersion] nvarchar(32) NOT NULL,
    [ContentSha256] nvarchar(64) NOT NULL,
    [CountsJson] nvarchar(1000) NOT NULL,
    [License] nvarchar(400) NOT NULL,
    CONSTRAINT [PK_releases] PRIMARY KEY ([Id])
);

CREATE TABLE [release_records] (
    [ReleaseId] nvarchar(40) NOT NULL,
    [Type] nvarchar(16) NOT NULL,
    [RecordId] nvarchar(224) NOT NULL,
    [DocumentId] nvarchar(224) NULL,
    [Sha256] nvarchar(64) NOT NULL,
    CONSTRAINT [PK_release_records] PRIMARY KEY ([ReleaseId], [Type], [RecordId]),
    CONSTRAINT [FK_release_records_releases_ReleaseId] FOREIGN KEY ([ReleaseId]) REFERENCES [releases] ([Id]) ON DELETE CASCADE
);

CREATE INDEX [IX_release_records_Type_RecordId] ON [release_records] ([Type], [RecordId]);

CREATE UNIQUE INDEX [IX_releases_Sequence] ON [releases] ([Sequence]);

INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
VALUES (N'20261201175140_Releases', N'10.0.15');

COMMIT;
GO

BEGIN TRANSACTION;
CREATE TABLE [served_records] (
    [Type] nvarchar(16) NOT NULL,
    [RecordId] nvarchar(224) NOT NULL,
    [Json] nvarchar(max) NOT NULL,
    CONSTRAINT [PK_served_records] PRIMARY KEY ([Type], [RecordId])
);

INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
VALUES (N'20261201182456_ReadModel', N'10.0.15');

COMMIT;
GO

BEGIN TRANSACTION;
CREATE TABLE [api_keys] (
    [Id] nvarchar(12) NOT NULL,
    [Name] nvarchar(200) NOT NULL,
    [Scope] nvarchar(16) NOT NULL,
    [SecretSha256] nvarchar(64) NOT NULL,
    [CreatedAt] datetimeoffset NOT NULL,
    [RevokedAt] datetimeoffset NULL,
    CONSTRAINT [PK_api_keys] PRIMARY KEY ([Id])
);

INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
VALUES (N'20261201190002_ApiKeys', N'10.0.15');

COMMIT;
GO

BEGIN TRANSACTION;
CREATE TABLE [webhook_subscriptions] (
    [Id] nvarchar(16) NOT NULL,
    [Url] nvarchar(2048) NOT NULL,
    [Events] nvarchar(100) NOT NULL,
    [DocumentId] nvarchar(200) NULL,
    [ThemeId] nvarchar(200) NULL,
    [Description] nvarchar(200) NULL,
    [Secret] nvarchar(100) NOT NULL,
    [CreatedAtMs] bigint NOT NULL,
    CONSTRAINT [PK_webhook_subscriptions] PRIMARY KEY ([Id])
);

CREATE TABLE [webhook_deliveries] (
    [Id] nvarchar(40) NOT NULL,
    [SubscriptionId] nvarchar(16) NOT NULL,
    [EventType] nvarchar(40) NOT NULL,
    [ReleaseId] nvarchar(40) NOT NULL,
    [Payload] nvarchar(max) NOT NULL,
    [CreatedAtMs] bigint NOT NULL,
    [Status] nvarchar(16) NOT NULL,
    [AttemptCount] int NOT NULL,
    [NextAttemptAtMs] bigint NULL,
    [DeliveredAtMs] bigint NULL,
    [LeaseOwner] nvarchar(100) NULL,
    [LeaseExpiresAtMs] bigint NULL,
    CONSTRAINT [PK_webhook_deliveries] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_webhook_deliveries_webhook_subscriptions_SubscriptionId] FOREIGN KEY ([SubscriptionId]) REFERENCES [webhook_subscriptions] ([Id]) ON DELETE CASCADE
);

CREATE TABLE [webhook_attempts] (
    [DeliveryId] nvarchar(40) NOT NULL,
    [Number] int NOT NULL,
    [AttemptedAtMs] bigint NOT NULL,
    [DurationMs] int NOT NULL,
    [StatusCode] int NULL,
    [Response] nvarchar(500) NULL,
    [Error] nvarchar(500) NULL,
    CONSTRAINT [PK_webhook_attempts] PRIMARY KEY ([DeliveryId], [Number]),
    CONSTRAINT [FK_webhook_attempts_webhook_deliveries_DeliveryId] FOREIGN KEY ([DeliveryId]) REFERENCES [webhook_deliveries] ([Id]) ON DELETE CASCADE
);

CREATE INDEX [IX_webhook_deliveries_Status_NextAttemptAtMs] ON [webhook_deliveries] ([Status], [NextAttemptAtMs]);

CREATE INDEX [IX_webhook_deliveries_SubscriptionId_CreatedAtMs] ON [webhook_deliveries] ([SubscriptionId], [CreatedAtMs]);

INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
VALUES (N'20261201205317_Webhooks', N'10.0.15');

COMMIT;
GO

BEGIN TRANSACTION;
DECLARE @var nvarchar(max);
SELECT @var = QUOTENAME([d].[name])
FROM [sys].[default_constraints] [d]
INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
WHERE ([d].[parent_object_id] = OBJECT_ID(N'[facts]') AND [c].[name] = N'ConflictReason');
IF @var IS NOT NULL EXEC(N'ALTER TABLE [facts] DROP CONSTRAINT ' + @var + ';');
ALTER TABLE [facts] ALTER COLUMN [ConflictReason] nvarchar(max) NULL;

INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
VALUES (N'20261201215601_FactConflictReasonUnbounded', N'10.0.15');

COMMIT;
GO

BEGIN TRANSACTION;
ALTER TABLE [served_records] ADD [JsonUtf8] varbinary(max) NULL;

UPDATE [served_records] SET [JsonUtf8] = CAST(CAST([Json] COLLATE Latin1_General_100_BIN2_UTF8 AS varchar(max)) AS varbinary(max));

ALTER TABLE [served_records] DROP COLUMN [Json];

EXEC sp_rename 'served_records.JsonUtf8', 'Json', 'COLUMN';

ALTER TABLE [served_records] ALTER COLUMN [Json] varbinary(max) NOT NULL;

INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
VALUES (N'20261202001744_ServedJsonAsUtf8', N'10.0.15');

COMMIT;
GO

BEGIN TRANSACTION;
ALTER TABLE [served_records] ADD [DocumentId] nvarchar(224) NULL;

ALTER TABLE [served_records] ADD [Sha256] nvarchar(64) NOT NULL DEFAULT N'';

INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
VALUES (N'20261202061053_ServedRecordHashes', N'10.0.15');

COMMIT;
GO

BEGIN TRANSACTION;
ALTER TABLE [served_records] ADD [SortKey] nvarchar(192) COLLATE Latin1_General_BIN2 NULL;

EXEC(N'UPDATE [served_records] SET [SortKey] = (SELECT r.[SortKey] FROM [paragraphs] AS r WHERE r.[Id] = [served_records].[RecordId]) WHERE [Type] = N''paragraph''')

EXEC(N'UPDATE [served_records] SET [SortKey] = (SELECT r.[SortKey] FROM [recommendations] AS r WHERE r.[Id] = [served_records].[RecordId]) WHERE [Type] = N''recommendation''')

EXEC(N'UPDATE [served_records] SET [SortKey] = (SELECT r.[SortKey] FROM [indicators] AS r WHERE r.[Id] = [served_records].[RecordId]) WHERE [Type] = N''indicator''')

CREATE INDEX [IX_served_records_Type_SortKey] ON [served_records] ([Type], [SortKey]);

INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
VALUES (N'20261204154459_ServedRecordSortKeys', N'10.0.15');

COMMIT;
GO
