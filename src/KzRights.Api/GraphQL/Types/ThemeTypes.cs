using GraphQL;
using GraphQL.Types;
using KzRights.Data.Queries;

namespace KzRights.Api.GraphQL;

public sealed class ThemeType : ObjectGraphType<ThemeDto>
{
    public ThemeType()
    {
        Name = "Theme";
        Description = "An entry of the controlled vocabulary: a human-rights theme (kind theme, named after OHCHR's Universal Human Rights Index where one " +
            "fits) or a Sustainable Development Goal (kind sdg).";
        this.LinksField();
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Stable id, e.g. theme/torture or sdg/5.");
        Field(x => x.Name).Description("Name of the theme or goal.");
        Field(x => x.Kind).Description("theme or sdg.");
        Field(x => x.GoalNumber, nullable: true).Description("Number of the Sustainable Development Goal (1–17); null for themes.");
        Field<NonNullGraphType<ThemeCountsType>>("counts")
            .Description("How many records carry the theme.")
            .Resolve(ctx => ctx.Source.Counts);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IndicatorType>>>>("indicators")
            .Description("The first indicators (reading order) tagged with the theme; page through all of them with Query.indicators(theme:).")
            .Argument<IntGraphType>("first", $"How many, 1–{Paging.MaxLimit}.", a => a.DefaultValue = Paging.DefaultLimit)
            .Resolve(ctx => ctx.Loaders().ThemeIndicators.Load(new ThemeIndicatorsRequest(ctx.Source.Id, ctx.First())))
            .WithComplexityImpact(QueryLimitsRule.PageItemsImpact);
    }
}

public sealed class ThemeCountsType : ObjectGraphType<ThemeCountsDto>
{
    public ThemeCountsType()
    {
        Name = "ThemeCounts";
        Description = "How many records of each kind carry a theme.";
        Field(x => x.Paragraphs).Description("Paragraphs.");
        Field(x => x.Recommendations).Description("Recommendations.");
        Field(x => x.Indicators).Description("Indicators.");
    }
}

public sealed class ThemeTagType : ObjectGraphType<ThemeTagDto>
{
    public ThemeTagType()
    {
        Name = "ThemeTag";
        Description = "A theme assigned to a paragraph or recommendation, with why and how sure.";
        Field(x => x.ThemeId, type: typeof(NonNullGraphType<IdGraphType>)).Description("Id of the theme.");
        Field(x => x.Name).Description("Name of the theme.");
        Field(x => x.Kind).Description("theme or sdg.");
        Field(x => x.Confidence).Description("0.5–1; headings and explicit SDG mentions score highest.");
        Field(x => x.Reason).Description("The rule and the terms or heading that matched.");
    }
}
