using System.Text.RegularExpressions;
using KzRights.Parsing.Themes;

namespace KzRights.Parsing.Tests.Themes;

public sealed partial class ThemeVocabularyTests
{
    private static readonly ThemeVocabulary Vocabulary = ThemeVocabulary.Default;

    [Fact]
    public void Ids_are_unique_stable_slugs()
    {
        Assert.All(Vocabulary.HumanRightsThemes, t => Assert.Matches(ThemeSlug(), t.Id));
        Assert.All(Vocabulary.Goals, t => Assert.Matches(GoalSlug(), t.Id));
        Assert.Equal(Vocabulary.Themes.Count, Vocabulary.Themes.Select(t => t.Id).Distinct().Count());
    }

    [Fact]
    public void The_vocabulary_is_small_with_about_forty_themes_and_the_seventeen_goals()
    {
        Assert.InRange(Vocabulary.HumanRightsThemes.Count(), 30, 42);
        Assert.Equal(Enumerable.Range(1, 17).Select(n => $"sdg/{n}"), Vocabulary.Goals.Select(g => g.Id));
        Assert.Equal(Enumerable.Range(1, 17), Vocabulary.Goals.Select(g => g.GoalNumber!.Value));
    }

    [Theory]
    [InlineData("sdg/1", "No poverty")]
    [InlineData("sdg/2", "Zero hunger")]
    [InlineData("sdg/5", "Gender equality")]
    [InlineData("sdg/10", "Reduced inequalities")]
    [InlineData("sdg/16", "Peace, justice and strong institutions")]
    [InlineData("sdg/17", "Partnerships for the goals")]
    public void Goals_carry_their_official_short_names(string id, string name) =>
        Assert.Equal(name, Vocabulary[id].Name);

    [Theory]
    [InlineData("theme/womens-rights", "Women's rights")]
    [InlineData("theme/gender-based-violence", "Gender-based violence")]
    [InlineData("theme/rights-of-the-child", "Rights of the child")]
    [InlineData("theme/persons-with-disabilities", "Persons with disabilities")]
    [InlineData("theme/torture", "Torture and other cruel, inhuman or degrading treatment")]
    [InlineData("theme/death-penalty", "Death penalty")]
    [InlineData("theme/freedom-of-expression", "Freedom of opinion and expression")]
    [InlineData("theme/freedom-of-assembly", "Freedom of peaceful assembly")]
    [InlineData("theme/freedom-of-association", "Freedom of association")]
    [InlineData("theme/human-rights-defenders", "Human rights defenders")]
    [InlineData("theme/freedom-of-religion", "Freedom of thought, conscience and religion")]
    [InlineData("theme/administration-of-justice", "Administration of justice & fair trial")]
    [InlineData("theme/liberty-and-security", "Liberty and security of the person")]
    [InlineData("theme/conditions-of-detention", "Conditions of detention")]
    [InlineData("theme/trafficking-in-persons", "Trafficking in persons")]
    [InlineData("theme/national-human-rights-institution", "National human rights institution")]
    [InlineData("theme/equality-non-discrimination", "Equality & non-discrimination")]
    [InlineData("theme/sexual-orientation-gender-identity", "Sexual orientation and gender identity")]
    [InlineData("theme/refugees-asylum-seekers", "Refugees & asylum-seekers")]
    [InlineData("theme/participation-public-affairs", "Participation in public affairs and right to vote")]
    [InlineData("theme/universal-periodic-review", "Universal Periodic Review")]
    [InlineData("theme/domestic-violence", "Domestic violence")]
    public void Themes_use_the_universal_human_rights_index_names(string id, string name) =>
        Assert.Equal(name, Vocabulary[id].Name);

    [Fact]
    public void Every_theme_has_a_strong_term_and_every_related_goal_is_a_goal()
    {
        Assert.All(Vocabulary.HumanRightsThemes, t => Assert.Contains(t.Terms, term => term.Weight == TermWeight.Strong));
        Assert.All(Vocabulary.HumanRightsThemes.SelectMany(t => t.RelatedGoalIds),
            id => Assert.Equal(ThemeKind.SustainableDevelopmentGoal, Vocabulary[id].Kind));
    }

    [Fact]
    public void The_themes_named_for_goal_links_point_to_the_natural_goals()
    {
        Assert.Contains("sdg/5", Vocabulary["theme/womens-rights"].RelatedGoalIds);
        Assert.Contains("sdg/16", Vocabulary["theme/administration-of-justice"].RelatedGoalIds);
        Assert.Contains("sdg/3", Vocabulary["theme/right-to-health"].RelatedGoalIds);
        Assert.Contains("sdg/4", Vocabulary["theme/right-to-education"].RelatedGoalIds);
        Assert.Contains("sdg/8", Vocabulary["theme/right-to-work"].RelatedGoalIds);
        Assert.Equal(["sdg/13", "sdg/15"], Vocabulary["theme/environment"].RelatedGoalIds);
        Assert.Contains("sdg/10", Vocabulary["theme/equality-non-discrimination"].RelatedGoalIds);
        Assert.Contains("sdg/1", Vocabulary["theme/social-security"].RelatedGoalIds);
    }

    /// <summary>Each term, written out plainly (stems cut, gaps empty), must tag its own theme: a typo in the
    /// notation or a term swallowed by its theme's own exception phrases would otherwise go unnoticed.</summary>
    [Fact]
    public void Every_term_tags_its_own_theme_when_written_out()
    {
        var tagger = new ThemeTagger();
        var failures = new List<string>();
        foreach (var theme in Vocabulary.HumanRightsThemes)
        {
            foreach (var term in theme.Terms.Where(t => t.RequiresAnyOf.Count == 0))
            {
                var text = string.Join(' ', term.Phrase.Split(' ').Where(w => w is not ("…" or "...")).Select(w => w.TrimEnd('*')));
                if (!tagger.Tag(text, new ThemeContext([text])).Any(t => t.ThemeId == theme.Id))
                {
                    failures.Add($"{theme.Id}: {term}");
                }
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public void A_vocabulary_with_a_duplicate_id_or_an_unknown_goal_is_rejected()
    {
        var theme = Vocabulary["theme/torture"];
        Assert.Throws<ArgumentException>(() => new ThemeVocabulary([theme, theme]));
        Assert.Throws<ArgumentException>(() => new ThemeVocabulary([theme]));
    }

    [GeneratedRegex(@"^theme/[a-z]+(-[a-z]+)*$")]
    private static partial Regex ThemeSlug();

    [GeneratedRegex(@"^sdg/([1-9]|1[0-7])$")]
    private static partial Regex GoalSlug();
}
