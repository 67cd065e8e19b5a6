using Emulator.Commercetools.Carts;

namespace Emulator.Commercetools.Tests.Carts;

public sealed class CartCalculatorTests
{
    [Theory]
    [InlineData(1999, 3, "0.19", true, "HalfEven", "LineItemLevel", 5039, 5997)]
    [InlineData(1999, 3, "0.19", true, "HalfEven", "UnitPriceLevel", 5040, 5997)]
    [InlineData(1000, 1, "0.19", false, "HalfEven", "LineItemLevel", 1000, 1190)]
    [InlineData(5, 1, "0.1", false, "HalfEven", "LineItemLevel", 5, 5)]
    [InlineData(5, 1, "0.1", false, "HalfUp", "LineItemLevel", 5, 6)]
    [InlineData(15, 1, "0.1", false, "HalfEven", "LineItemLevel", 15, 17)]
    [InlineData(15, 1, "0.1", false, "HalfDown", "LineItemLevel", 15, 16)]
    [InlineData(5, 3, "0.1", false, "HalfUp", "UnitPriceLevel", 15, 18)]
    [InlineData(5, 3, "0.1", false, "HalfUp", "LineItemLevel", 15, 17)]
    [InlineData(0, 4, "0.2", true, "HalfEven", "LineItemLevel", 0, 0)]
    [InlineData(100, 1, "0", true, "HalfEven", "LineItemLevel", 100, 100)]
    [InlineData(9999999999, 1000, "0.2", true, "HalfEven", "LineItemLevel", 8333333332500, 9999999999000)]
    public void Tax_math_is_exact_integer_cents(long unit, long quantity, string rate, bool included, string rounding, string mode, long net, long gross)
    {
        var result = CartCalculator.Tax(unit, quantity, decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture), included, rounding, mode);
        result.Net.ShouldBe(net);
        result.Gross.ShouldBe(gross);
        result.Tax.ShouldBe(gross - net);
    }

    [Theory]
    [InlineData("2.5", "HalfEven", 2)]
    [InlineData("3.5", "HalfEven", 4)]
    [InlineData("2.5", "HalfUp", 3)]
    [InlineData("2.5", "HalfDown", 2)]
    [InlineData("2.51", "HalfDown", 3)]
    [InlineData("2.49", "HalfUp", 2)]
    public void Rounding_modes(string value, string mode, long expected) =>
        CartCalculator.Round(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), mode).ShouldBe(expected);
}
