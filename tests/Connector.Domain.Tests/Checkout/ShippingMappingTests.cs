using System.Text.Json.Nodes;
using Connector.Domain.Checkout;

namespace Connector.Domain.Tests.Checkout;

public sealed class ShippingMappingTests
{
    // Columns: first, last, street, number, additional, postal code, city, state, country, expected shipping JSON (null = none).
    [Theory]
    [InlineData("Erika", "Mustermann", "Heidestraße", "17", null, "51147", "Köln", null, "DE",
        """{"name":{"full_name":"Erika Mustermann"},"address":{"address_line_1":"Heidestraße 17","admin_area_2":"Köln","postal_code":"51147","country_code":"DE"}}""")]
    [InlineData("John", "Doe", "Main St", null, "Apt 4", "95131", "San Jose", "CA", "US",
        """{"name":{"full_name":"John Doe"},"address":{"address_line_1":"Main St","address_line_2":"Apt 4","admin_area_2":"San Jose","admin_area_1":"CA","postal_code":"95131","country_code":"US"}}""")]
    [InlineData(null, "Doe", null, null, null, null, null, null, "gb",
        """{"name":{"full_name":"Doe"},"address":{"country_code":"GB"}}""")]
    [InlineData(" Jo ", "  ", " Street ", " 1 ", "  ", null, null, null, " fr ",
        """{"name":{"full_name":"Jo"},"address":{"address_line_1":"Street 1","country_code":"FR"}}""")]
    [InlineData("Jo", "Doe", "Street", "1", null, "1000", "Town", null, null,
        """{"name":{"full_name":"Jo Doe"}}""")]
    [InlineData("Jo", "Doe", "Street", "1", null, "1000", "Town", null, "Germany",
        """{"name":{"full_name":"Jo Doe"}}""")]
    [InlineData(null, null, "Street", "1", null, "1000", "Town", null, "DE",
        """{"address":{"address_line_1":"Street 1","admin_area_2":"Town","postal_code":"1000","country_code":"DE"}}""")]
    [InlineData(null, null, "Street", "1", null, "1000", "Town", null, null, null)]
    public void Shipping_name_and_address_come_from_the_cart(
        string? first, string? last, string? street, string? number, string? additional, string? postalCode, string? city,
        string? state, string? country, string? expected)
    {
        var cart = new CheckoutCart
        {
            CurrencyCode = "EUR",
            FractionDigits = 2,
            TotalGrossCents = 1000,
            ShippingAddress = new CheckoutAddress
            {
                FirstName = first, LastName = last, StreetName = street, StreetNumber = number, AdditionalStreetInfo = additional,
                PostalCode = postalCode, City = city, State = state, Country = country,
            },
        };

        var json = PurchaseUnitPlanner.Plan(Money.FromCommercetools(1000, "EUR"), cart, new PlannerOptions()).ToPayPalJson();

        json["shipping"]?.ToJsonString().ShouldBe(expected is null ? null : JsonNode.Parse(expected)!.ToJsonString());
    }

    [Fact]
    public void No_shipping_address_means_no_shipping()
    {
        var cart = new CheckoutCart { CurrencyCode = "EUR", FractionDigits = 2, TotalGrossCents = 1000 };
        PurchaseUnitPlanner.Plan(Money.FromCommercetools(1000, "EUR"), cart, new PlannerOptions()).Shipping.ShouldBeNull();
    }

    [Fact]
    public void Long_address_parts_are_cut_to_PayPal_limits()
    {
        var cart = new CheckoutCart
        {
            CurrencyCode = "EUR",
            FractionDigits = 2,
            TotalGrossCents = 1000,
            ShippingAddress = new CheckoutAddress { FirstName = new string('f', 400), City = new string('c', 200), PostalCode = new string('9', 100), Country = "DE" },
        };

        var shipping = PurchaseUnitPlanner.Plan(Money.FromCommercetools(1000, "EUR"), cart, new PlannerOptions()).Shipping!;

        shipping.FullName!.Length.ShouldBe(300);
        shipping.AdminArea2!.Length.ShouldBe(120);
        shipping.PostalCode!.Length.ShouldBe(60);
    }
}
