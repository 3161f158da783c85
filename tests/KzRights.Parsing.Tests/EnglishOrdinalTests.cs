using KzRights.Parsing.Text;

namespace KzRights.Parsing.Tests;

public sealed class EnglishOrdinalTests
{
    [Theory]
    [InlineData("First", 1)]
    [InlineData("Ninety-third", 93)]
    [InlineData("Hundredth", 100)]
    [InlineData("One hundredth", 100)]
    [InlineData("One hundred and fifth", 105)]
    [InlineData("One hundred fifth", 105)]
    [InlineData("Hundred and fifth", 105)]
    [InlineData("One hundred and twenty-first", 121)]
    [InlineData("Two hundredth", 200)]
    [InlineData("Thirteenth", 13)]
    [InlineData("105th", 105)]
    [InlineData("93rd", 93)]
    public void Ordinals_in_words_and_figures_are_read(string text, int expected)
    {
        Assert.True(EnglishOrdinal.TryParse(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("One hundred")]
    [InlineData("Fifth hundred")]
    [InlineData("Third ninety")]
    [InlineData("Thirteen third")]
    [InlineData("Special")]
    [InlineData("")]
    [InlineData("0th")]
    public void Anything_else_is_not_an_ordinal(string text) => Assert.False(EnglishOrdinal.TryParse(text, out _));
}
