using GraphQL;
using GraphQL.Types;
using KzRights.Data.Queries;

namespace KzRights.Api.GraphQL;

public sealed class EntityAttributeType : ObjectGraphType<EntityAttributeDto>
{
    public EntityAttributeType()
    {
        Name = "EntityAttribute";
        Description = "An attribute a mention states: adopted, signed, ratified, accession, inForce, approved, amended, since, date or period.";
        Field(x => x.Key).Description("The attribute.");
        Field(x => x.Value).Description("As precise as printed: 2024-04-15, 2020-06, 2022, 2023–2025, –2030.");
    }
}

public sealed class EntityMentionType : ObjectGraphType<EntityMentionDto>
{
    public EntityMentionType()
    {
        Name = "EntityMention";
        Description = "A mention of a named entity: the quote is the text at start/length of its paragraph (or sub-item).";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Stable id: paragraph (or sub-item) id, /e and the order in its text.");
        Field(x => x.EntityId, type: typeof(NonNullGraphType<IdGraphType>)).Description(
            "Normalized id of the entity, e.g. law/2024-04-15-womens-rights-and-child-safety.");
        Field(x => x.Kind).Description("law, treaty, plan, institution or event.");
        Field(x => x.DocumentId, type: typeof(NonNullGraphType<IdGraphType>)).Description("Id of the document.");
        Field(x => x.ParagraphId, type: typeof(NonNullGraphType<IdGraphType>)).Description("Id of the paragraph.");
        Field(x => x.SubItemId, type: typeof(IdGraphType)).Description("Id of the sub-item holding the mention; null when it is in the paragraph's own text.");
        Field(x => x.Language).Description("Language of the paragraph (ISO 639-1).");
        Field(x => x.Quote).Description("The exact text of the mention.");
        Field(x => x.Start).Description("Offset of the quote in the paragraph's (or sub-item's) text, in UTF-16 code units.");
        Field(x => x.Length).Description("Length of the quote.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EntityAttributeType>>>>("attributes")
            .Description("What this mention's sentence states about the entity.").Resolve(ctx => ctx.Source.Attributes);
        Field(x => x.Rule).Description("vocabulary (a name of the controlled list) or generic-law-name.");
        Field<NonNullGraphType<EntityType>>("entity").Description("The entity, with its mentions in every document.")
            .Resolve(ctx => ctx.Loaders().Entities.Load(ctx.Source.EntityId));
    }
}

public sealed class EntityDisagreementType : ObjectGraphType<EntityDisagreementDto>
{
    public EntityDisagreementType()
    {
        Name = "EntityDisagreement";
        Description = "Two mentions of one entity that state different values for the same attribute.";
        Field(x => x.Attribute).Description("The attribute they disagree on.");
        Field(x => x.FirstMentionId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The first mention.");
        Field(x => x.FirstValue).Description("What the first mention states.");
        Field(x => x.FirstQuote).Description("The first mention's quote.");
        Field(x => x.SecondMentionId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The second mention.");
        Field(x => x.SecondValue).Description("What the second mention states.");
        Field(x => x.SecondQuote).Description("The second mention's quote.");
        Field(x => x.AcrossDocuments).Description("True when the two mentions are in different documents.");
    }
}

public sealed class EntityType : ObjectGraphType<EntityDto>
{
    public EntityType()
    {
        Name = "Entity";
        Description = "A law, treaty, plan, institution or dated event named in the documents, with its mentions across documents.";
        this.LinksField();
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description(
            "Normalized id, e.g. law/2024-04-15-womens-rights-and-child-safety, treaty/iccpr-op2.");
        Field(x => x.Kind).Description("law, treaty, plan, institution or event.");
        Field(x => x.Name).Description("Name.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EntityAttributeType>>>>("attributes")
            .Description("What the mentions state (the first stated value of each attribute).").Resolve(ctx => ctx.Source.Attributes);
        Field(x => x.MentionCount).Description("How many mentions there are.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("documentIds").Description("Ids of the documents that mention it.")
            .Resolve(ctx => ctx.Source.DocumentIds);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EntityDisagreementType>>>>("disagreements")
            .Description("Attributes on which mentions disagree, with both quotes.").Resolve(ctx => ctx.Source.Disagreements);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EntityMentionType>>>>("mentions")
            .Description("Every mention in reading order.")
            // Lists leave mentions out; the batch loader fetches them for every entity of the page in one query.
            .Resolve(ctx => ctx.Source.Mentions.Count == ctx.Source.MentionCount
                ? ctx.Source.Mentions
                : ctx.Loaders().Entities.Load(ctx.Source.Id).Then(e => e?.Mentions ?? []))
            .WithComplexityImpact(1, 5);
    }
}

public sealed class EntityConnectionType() : ConnectionType<EntityType, EntityEdgeType, EntityDto>("EntityConnection", "entities");

public sealed class EntityEdgeType() : EdgeType<EntityType, EntityDto>("EntityEdge", "the entities");
