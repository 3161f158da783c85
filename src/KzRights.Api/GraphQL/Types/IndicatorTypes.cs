using GraphQL;
using GraphQL.Types;
using KzRights.Data.Queries;
using KzRights.Data.ReadModel;

namespace KzRights.Api.GraphQL;

public sealed class PeriodType : ObjectGraphType<PeriodDto>
{
    public PeriodType()
    {
        Name = "Period";
        Description = "The period a number is stated for. Start alone is an open period (since 2016), end alone a deadline (by 2030).";
        Field(x => x.Label).Description("The period as printed, e.g. 2023, 2021–2025, first half of 2024.");
        Field(x => x.Start, type: typeof(DateOnlyGraphType)).Description("First day of the period.");
        Field(x => x.End, type: typeof(DateOnlyGraphType)).Description("Last day of the period.");
    }
}

/// <summary>The fields every indicator shape shares: embedded summaries, full records and fact attestations.</summary>
internal static class IndicatorFields
{
    public static void Add<T>(ObjectGraphType<T> type, Func<T, IndicatorSummaryDto> summary)
    {
        type.Field<NonNullGraphType<IdGraphType>>("id").Description("Stable id: paragraph (or sub-item) id, /i and the order in its text.")
            .Resolve(ctx => summary(ctx.Source).Id);
        type.Field<NonNullGraphType<IdGraphType>>("paragraphId").Description("Id of the paragraph holding the number.")
            .Resolve(ctx => summary(ctx.Source).ParagraphId);
        type.Field<IdGraphType>("subItemId").Description("Id of the sub-item holding the number; null when it is in the paragraph's own text.")
            .Resolve(ctx => summary(ctx.Source).SubItemId);
        type.Field<NonNullGraphType<DecimalGraphType>>("value").Description("The value as printed (23,000 → 23000; 16,6 → 16.6), without its scale.")
            .Resolve(ctx => summary(ctx.Source).Value);
        type.Field<DecimalGraphType>("valueUpper").Description("Upper bound of a range (70 to 80 per cent); null otherwise.")
            .Resolve(ctx => summary(ctx.Source).ValueUpper);
        type.Field<NonNullGraphType<StringGraphType>>("unit").Description("Unit from the controlled vocabulary (percent, persons, cases, tenge, …).")
            .Resolve(ctx => summary(ctx.Source).Unit);
        type.Field<StringGraphType>("scale").Description("thousand, million or billion; null when none is printed.").Resolve(ctx => summary(ctx.Source).Scale);
        type.Field<NonNullGraphType<StringGraphType>>("qualifier").Description("exact, more-than, about, at-least, up-to or less-than.")
            .Resolve(ctx => summary(ctx.Source).Qualifier);
        type.Field<PeriodType>("period").Description("The period the number is for; null when none is stated.").Resolve(ctx => summary(ctx.Source).Period);
        type.Field<NonNullGraphType<StringGraphType>>("subject").Description("A short description of what is measured.")
            .Resolve(ctx => summary(ctx.Source).Subject);
        type.Field<NonNullGraphType<StringGraphType>>("kind").Description("statistic, count, quota, target, index or money.")
            .Resolve(ctx => summary(ctx.Source).Kind);
        type.Field<StringGraphType>("measure")
            .Description("Key of the controlled measure vocabulary (women-share/judges, crisis-centres/count); null when none fits.")
            .Resolve(ctx => summary(ctx.Source).Measure);
        type.Field<NonNullGraphType<StringGraphType>>("quote").Description("The exact text the number was read from.")
            .Resolve(ctx => summary(ctx.Source).Quote);
        type.Field<NonNullGraphType<IntGraphType>>("start").Description("Offset of the quote in the paragraph's (or sub-item's) text, in UTF-16 code units.")
            .Resolve(ctx => summary(ctx.Source).Start);
        type.Field<NonNullGraphType<IntGraphType>>("length").Description("Length of the quote.").Resolve(ctx => summary(ctx.Source).Length);
    }
}

public sealed class IndicatorSummaryType : ObjectGraphType<IndicatorSummaryDto>
{
    public IndicatorSummaryType()
    {
        Name = "IndicatorSummary";
        Description = "A number stated in a paragraph, as embedded in paragraphs, recommendations and facts; `indicator` has the full record.";
        this.LinksField();
        IndicatorFields.Add(this, x => x);
        Field<NonNullGraphType<IndicatorType>>("indicator")
            .Description("The full indicator: provenance, population, fact, series, translation, themes.")
            .Resolve(ctx => ctx.Loaders().Indicators.Load(ctx.Source.Id));
    }
}

public sealed class IndicatorType : ObjectGraphType<IndicatorDto>
{
    public IndicatorType()
    {
        Name = "Indicator";
        Description = "A quantitative statement, typed and traceable: the quote is the text at start/length of its paragraph (or sub-item).";
        this.LinksField();
        IndicatorFields.Add(this, x => new IndicatorSummaryDto(
            x.Id,
            x.ParagraphId,
            x.SubItemId,
            x.Value,
            x.ValueUpper,
            x.Unit,
            x.Scale,
            x.Qualifier,
            x.Period,
            x.Subject,
            x.Kind,
            x.Measure,
            x.Quote,
            x.Start,
            x.Length));
        Field(x => x.DocumentId, type: typeof(NonNullGraphType<IdGraphType>)).Description("Id of the document.");
        Field(x => x.Language).Description("Language of the paragraph (ISO 639-1).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("population").Description("Populations the number is about, where stated.")
            .Resolve(ctx => ctx.Source.Population);
        Field(x => x.Role, nullable: true).Description("Role in a breakdown or change: part, whole, before or after.");
        Field(x => x.TargetYear, nullable: true).Description("Year a target is set for.");
        Field(x => x.Rule).Description("The extraction rule that produced the indicator.");
        Field(x => x.Citation).Description("Ready-to-paste citation of the paragraph or sub-item the number is quoted from, and the release.");
        Field(x => x.FactId, type: typeof(IdGraphType)).Description("Id of the fact it attests, when other documents state it too.");
        Field(x => x.SeriesKey, type: typeof(IdGraphType)).Description("Key of the time series it is a point of.");
        Field(x => x.TranslationId, type: typeof(IdGraphType)).Description("Id of the same number in the paragraph's translation (Russian ↔ English).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ThemeTagType>>>>("themes").Description("Themes of the indicator, strongest first.")
            .Resolve(ctx => ctx.Source.Themes)
            .WithComplexityImpact(1, 3);
        Field<NonNullGraphType<ParagraphType>>("paragraph").Description("The paragraph holding the number.")
            .Resolve(ctx => ctx.Loaders().Paragraphs.Load(ctx.Source.ParagraphId));
        Field<NonNullGraphType<DocumentType>>("document").Description("The document.").Resolve(ctx => ctx.Loaders().Documents.Load(ctx.Source.DocumentId));
        Field<FactType>("fact").Description("The fact it attests, with the other attestations; null when no other place states it.")
            .Resolve(ctx => ctx.Source.FactId is { } id ? ctx.Loaders().Facts.Load(id) : null);
        Field<SeriesType>("series").Description("The time series it belongs to; null when none.")
            .Resolve(ctx => ctx.Source.SeriesKey is { } key ? ctx.Loaders().Series.Load(key) : null);
        Field<IndicatorType>("translation").Description("The same number in the paragraph's translation; null when none.")
            .Resolve(ctx => ctx.Source.TranslationId is { } id ? ctx.Loaders().Indicators.Load(id) : null);
    }
}

public sealed class FactType : ObjectGraphType<FactDto>
{
    public FactType()
    {
        Name = "Fact";
        Description
            = "The same fact (one measure, period and population) stated in several places; conflict when the attestations disagree in value, year or unit.";
        this.LinksField();
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Stable id: fact/<measure>/<kind>/<period>[/<population>].");
        Field(x => x.Measure).Description("Key of the measure vocabulary every attestation shares.");
        Field(x => x.Subject).Description("What is measured, as the first attestation words it.");
        Field(x => x.Kind).Description("Kind of the indicators.");
        Field(x => x.Unit).Description("Unit of the indicators.");
        Field<PeriodType>("period").Description("The period, when the attestations share one.").Resolve(ctx => ctx.Source.Period);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("population").Description("Populations, where stated.")
            .Resolve(ctx => ctx.Source.Population);
        Field(x => x.Conflict).Description("True when the attestations disagree.");
        Field(x => x.ConflictScope, nullable: true).Description(
            "across-documents or within-document: where the disagreeing statements come from; null without conflict.");
        Field(x => x.ConflictReason, nullable: true).Description("How they disagree.");
        Field(x => x.DocumentCount).Description("How many documents state the fact.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IndicatorSummaryType>>>>("attestations")
            .Description("Every indicator that states the fact.").Resolve(ctx => ctx.Source.Attestations).WithComplexityImpact(1, 4);
    }
}

public sealed class SeriesPointType : ObjectGraphType<SeriesPointDto>
{
    public SeriesPointType()
    {
        Name = "SeriesPoint";
        Description = "One period of a time series.";
        Field<NonNullGraphType<PeriodType>>("period").Description("The period.").Resolve(ctx => ctx.Source.Period);
        Field(x => x.Value).Description("The value.");
        Field(x => x.Scale, nullable: true).Description("thousand, million or billion; null when none.");
        Field(x => x.IndicatorId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The indicator this point comes from.");
        Field<NonNullGraphType<IndicatorType>>("indicator").Description("The indicator.").Resolve(ctx => ctx.Loaders().Indicators.Load(ctx.Source.IndicatorId));
    }
}

public sealed class SeriesType : ObjectGraphType<SeriesDto>
{
    public SeriesType()
    {
        Name = "Series";
        Description = "One measure a paragraph gives for several periods, points ordered by period.";
        this.LinksField();
        Field(x => x.Key, type: typeof(NonNullGraphType<IdGraphType>)).Description("Stable key: paragraph id and a slug of the measure.");
        Field(x => x.DocumentId, type: typeof(NonNullGraphType<IdGraphType>)).Description("Id of the document.");
        Field(x => x.ParagraphId, type: typeof(NonNullGraphType<IdGraphType>)).Description("Id of the paragraph.");
        Field(x => x.Subject).Description("What is measured.");
        Field(x => x.Unit).Description("Unit.");
        Field(x => x.Kind).Description("Kind.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SeriesPointType>>>>("points").Description("Points ordered by period.")
            .Resolve(ctx => ctx.Source.Points)
            .WithComplexityImpact(1, 4);
    }
}

public sealed class QuotaType : ObjectGraphType<QuotaDto>
{
    public QuotaType()
    {
        Name = "Quota";
        Description = "A quota statement: its share when printed (null otherwise), who it is for, where it applies, since when.";
        this.LinksField();
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Stable id: paragraph (or sub-item) id, /q and the order.");
        Field(x => x.DocumentId, type: typeof(NonNullGraphType<IdGraphType>)).Description("Id of the document.");
        Field(x => x.ParagraphId, type: typeof(NonNullGraphType<IdGraphType>)).Description("Id of the paragraph.");
        Field(x => x.Percent, nullable: true).Description("The share in per cent; null when the text gives none.");
        Field(x => x.PercentUpper, nullable: true).Description("Upper bound of a range of shares.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("appliesTo").Description("Who the quota is for.")
            .Resolve(ctx => ctx.Source.AppliesTo);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("where").Description("Where it applies (party lists, boards, jobs, …).")
            .Resolve(ctx => ctx.Source.Where);
        Field(x => x.SinceYear, nullable: true).Description("Year since when it applies.");
        Field(x => x.IndicatorId, type: typeof(IdGraphType)).Description("The indicator holding its share.");
        Field(x => x.Quote).Description("The exact text.");
        Field(x => x.Start).Description("Offset of the quote in the paragraph's (or sub-item's) text.");
        Field(x => x.Length).Description("Length of the quote.");
        Field(x => x.Rule).Description("The rule that found it.");
    }
}

public sealed class IndicatorConnectionType() : ConnectionType<IndicatorType, IndicatorEdgeType, Served<IndicatorDto>>("IndicatorConnection", "indicators");

public sealed class IndicatorEdgeType() : EdgeType<IndicatorType, Served<IndicatorDto>>("IndicatorEdge", "the indicators");

public sealed class FactConnectionType() : ConnectionType<FactType, FactEdgeType, FactDto>("FactConnection", "facts");

public sealed class FactEdgeType() : EdgeType<FactType, FactDto>("FactEdge", "the facts");

public sealed class SeriesConnectionType() : ConnectionType<SeriesType, SeriesEdgeType, SeriesDto>("SeriesConnection", "series");

public sealed class SeriesEdgeType() : EdgeType<SeriesType, SeriesDto>("SeriesEdge", "the series");

public sealed class QuotaConnectionType() : ConnectionType<QuotaType, QuotaEdgeType, QuotaDto>("QuotaConnection", "quotas");

public sealed class QuotaEdgeType() : EdgeType<QuotaType, QuotaDto>("QuotaEdge", "the quotas");
