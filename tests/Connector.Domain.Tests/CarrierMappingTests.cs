namespace Connector.Domain.Tests;

public sealed class CarrierMappingTests
{
    [Theory]
    [InlineData("DHL", null, "DHL_API")]
    [InlineData("dhl", "DE", "DHL_API")]
    [InlineData("DHL Paket", "DE", "DHL_API")]
    [InlineData("DHL Express", "US", "DHL")]
    [InlineData("DHL", "GB", "DHL_UK")]
    [InlineData("DHL", "fr", "DHL_FR")]
    [InlineData("Deutsche Post", "DE", "DEUTSCHE_DE")]
    [InlineData("DPD", null, "DPD")]
    [InlineData("DPD", "DE", "DPD_DE")]
    [InlineData("dpd", "GB", "DPD_UK")]
    [InlineData("DPD", "US", "DPD")]
    [InlineData("UPS", "US", "UPS")]
    [InlineData("United Parcel Service", null, "UPS")]
    [InlineData("FedEx", "US", "FEDEX")]
    [InlineData("Fed-Ex", null, "FEDEX")]
    [InlineData("FedEx", "GB", "FEDEX_UK")]
    [InlineData("GLS", "DE", "GLS_DE")]
    [InlineData("GLS", "BE", "GLS")]
    [InlineData("Hermes", "DE", "HERMES_DE")]
    [InlineData("hermes", "de", "HERMES_DE")]
    [InlineData("Hermes", "IT", "HERMES_IT")]
    [InlineData("USPS", "US", "USPS")]
    [InlineData("Royal Mail", "GB", "ROYAL_MAIL")]
    [InlineData("royal-mail", null, "ROYAL_MAIL")]
    [InlineData("PostNL", "NL", "POSTNL_INTERNATIONAL")]
    [InlineData("Colissimo", "FR", "FR_COLIS")]
    [InlineData("Colis Privé", "FR", "COLIS_PRIVE")]
    [InlineData("Chronopost", "FR", "CHRONOPOST_FR")]
    [InlineData("La Poste", "FR", "LA_POSTE_SUIVI")]
    [InlineData("Swiss Post", "CH", "SWISS_POST")]
    [InlineData("  UPS  ", "US", "UPS")]
    [InlineData("DHL_API", "DE", "DHL_API")]
    [InlineData("HERMES_DE", null, "HERMES_DE")]
    [InlineData("ROYAL_MAIL", "ZZ", "ROYAL_MAIL")]
    public void Known_carriers_map_to_PayPal_enum_values(string carrier, string? country, string expected) =>
        CarrierMapping.Map(carrier, country).ShouldBe((expected, (string?)null));

    [Theory]
    [InlineData(null, null, "Unknown")]
    [InlineData("", "DE", "Unknown")]
    [InlineData("   ", "DE", "Unknown")]
    [InlineData("OTHER", "DE", "Unknown")]
    [InlineData("Hermes", "US", "Hermes")]
    [InlineData("Hermes", null, "Hermes")]
    [InlineData("Bike Courier Berlin", "DE", "Bike Courier Berlin")]
    [InlineData("DHL_MADE_UP", "DE", "DHL_MADE_UP")]
    [InlineData("Österreichische Post", "AT", "Österreichische Post")]
    [InlineData("快递", "CN", "快递")]
    [InlineData("UPS", "not a country", "UPS_FALLBACK")]
    public void Unknown_carriers_fall_back_to_OTHER_with_the_name(string? carrier, string? country, string expectedName)
    {
        var result = CarrierMapping.Map(carrier, country);
        if (expectedName == "UPS_FALLBACK")
        {
            // A malformed country only loses the country-specific mapping.
            result.ShouldBe(("UPS", (string?)null));
            return;
        }

        result.ShouldBe(("OTHER", expectedName));
    }

    [Fact]
    public void Long_names_are_cut_to_PayPal_limit()
    {
        var (carrier, name) = CarrierMapping.Map(new string('x', 100), "DE");
        carrier.ShouldBe("OTHER");
        name!.Length.ShouldBe(64);
    }
}
