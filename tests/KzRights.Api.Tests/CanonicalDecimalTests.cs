using System.Globalization;
using KzRights.Data;

namespace KzRights.Api.Tests;

/// <summary>Decimals read from any provider take the form SQLite stores them in.</summary>
public sealed class CanonicalDecimalTests
{
    [Theory]
    [InlineData("3.000000", "3.0")]
    [InlineData("3", "3.0")]
    [InlineData("0.250000", "0.25")]
    [InlineData("0", "0.0")]
    [InlineData("0.000000", "0.0")]
    [InlineData("-12.500", "-12.5")]
    [InlineData("1250.5", "1250.5")]
    [InlineData("0.000001", "0.000001")]
    [InlineData("123456789012345678.000000", "123456789012345678.0")]
    public void A_decimal_loses_its_trailing_zeros_but_keeps_one_decimal_place(string stored, string canonical) =>
        Assert.Equal(canonical, CanonicalDecimal.Of(decimal.Parse(stored, CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture));
}
