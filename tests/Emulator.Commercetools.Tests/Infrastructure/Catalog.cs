using System.Text.Json.Nodes;

namespace Emulator.Commercetools.Tests.Infrastructure;

/// <summary>A small catalog: one product (EUR 19.99, EUR 18.99 in AT, USD 24.99), DE 19% gross and US 10% net taxes, one shipping method.</summary>
public sealed record Catalog(string ProductId, string TaxCategoryId, string ShippingMethodId)
{
    public static async Task<Catalog> CreateAsync(Api api)
    {
        var productType = await api.CreateAsync("/product-types", """{"key":"default","name":"Default","description":"d"}""");
        var taxCategory = await api.CreateAsync("/tax-categories", """
            {"key":"standard","name":"Standard","rates":[
              {"name":"DE 19%","amount":0.19,"includedInPrice":true,"country":"DE"},
              {"name":"AT 20%","amount":0.2,"includedInPrice":true,"country":"AT"},
              {"name":"US 10%","amount":0.1,"includedInPrice":false,"country":"US"},
              {"name":"US-CA 7.25%","amount":0.0725,"includedInPrice":false,"country":"US","state":"CA"}]}
            """);
        var product = await api.CreateAsync("/products", $$$"""
            {"key":"shirt","productType":{"typeId":"product-type","id":"{{{productType["id"]}}}"},"name":{"en":"Shirt"},"slug":{"en":"shirt"},
             "taxCategory":{"typeId":"tax-category","key":"standard"},"publish":true,
             "masterVariant":{"sku":"SKU-1","prices":[
               {"value":{"currencyCode":"EUR","centAmount":1999}},
               {"value":{"currencyCode":"EUR","centAmount":1899},"country":"AT"},
               {"value":{"currencyCode":"USD","centAmount":2499}}]},
             "variants":[{"sku":"SKU-2","prices":[{"value":{"currencyCode":"EUR","centAmount":999}}]}]}
            """);
        await api.CreateAsync("/zones", """{"key":"europe","name":"Europe","locations":[{"country":"DE"},{"country":"AT"}]}""");
        await api.CreateAsync("/zones", """{"key":"us","name":"US","locations":[{"country":"US"}]}""");
        var shipping = await api.CreateAsync("/shipping-methods", """
            {"key":"standard","name":"Standard","taxCategory":{"typeId":"tax-category","key":"standard"},"isDefault":true,
             "zoneRates":[
               {"zone":{"typeId":"zone","key":"europe"},"shippingRates":[{"price":{"currencyCode":"EUR","centAmount":499},"freeAbove":{"currencyCode":"EUR","centAmount":10000}}]},
               {"zone":{"typeId":"zone","key":"us"},"shippingRates":[{"price":{"currencyCode":"USD","centAmount":599}}]}]}
            """);
        return new Catalog((string)product["id"]!, (string)taxCategory["id"]!, (string)shipping["id"]!);
    }

    public static long Cents(JsonNode? money) => (long)money!["centAmount"]!;
}
