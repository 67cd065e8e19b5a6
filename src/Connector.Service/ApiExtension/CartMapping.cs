using Connector.Commercetools.Models;
using Connector.Domain;
using Connector.Domain.Checkout;
using Connector.Service.ApiExtension.Operations;

namespace Connector.Service.ApiExtension;

/// <summary>commercetools cart → the domain's <see cref="CheckoutCart"/> (line totals as commercetools computed them).</summary>
internal static class CartMapping
{
    /// <summary>What the shopper pays for the cart: <c>taxedPrice.totalGross</c>, or <c>totalPrice</c> without taxes.</summary>
    public static Money TotalGross(Cart cart)
    {
        var currency = cart.TotalPrice.CurrencyCode;
        var digits = cart.TotalPrice.FractionDigits ?? Currencies.CommercetoolsFractionDigits(currency);
        return Money.FromCommercetools(cart.TaxedPrice?.TotalGross.CentAmount ?? cart.TotalPrice.CentAmount, currency, digits);
    }

    public static CheckoutCart ToCheckoutCart(Cart cart)
    {
        var total = TotalGross(cart);
        var locale = cart.Locale;
        return new CheckoutCart
        {
            CurrencyCode = total.CurrencyCode,
            FractionDigits = total.FractionDigits,
            TotalGrossCents = total.MinorUnits,
            TotalNetCents = cart.TaxedPrice?.TotalNet.CentAmount,
            TotalTaxCents = cart.TaxedPrice?.TotalTax?.CentAmount,
            TaxMode = cart.TaxMode ?? "Platform",
            Lines = [.. cart.LineItems.Select(li => Line(Localized(li.Name, locale) ?? li.Variant?.Sku ?? "Item", li.Variant?.Sku, li.Quantity, li.Price?.Value, li.TotalPrice, li.TaxedPrice, false)),
                     .. cart.CustomLineItems.Select(cli => Line(Localized(cli.Name, locale) ?? cli.Slug ?? "Item", cli.Slug, cli.Quantity, cli.Money, cli.TotalPrice, cli.TaxedPrice, true))],
            Shipping = cart.ShippingInfo?.Price is { } shippingPrice ? Shipping(cart.ShippingInfo.ShippingMethodName, shippingPrice, cart.ShippingInfo.TaxedPrice) : null,
            DiscountCents = cart.DiscountOnTotalPrice?.DiscountedAmount?.CentAmount ?? 0,
            ShippingAddress = Address(cart.ShippingAddress),
            BillingAddress = Address(cart.BillingAddress),
            CustomerEmail = cart.CustomerEmail,
            Locale = locale,
            Country = cart.Country,
        };
    }

    /// <summary>
    /// Gross, net and tax of a line or the shipping: as commercetools taxed them, the untaxed price as both gross and net
    /// (no tax) when it did not, and gross minus net when it gave no tax portion.
    /// </summary>
    private static (long Gross, long Net, long Tax) Taxed(TypedMoney untaxed, TaxedItemPrice? taxed)
    {
        var gross = taxed?.TotalGross.CentAmount ?? untaxed.CentAmount;
        var net = taxed?.TotalNet.CentAmount ?? untaxed.CentAmount;
        return (gross, net, taxed?.TotalTax?.CentAmount ?? (gross - net));
    }

    private static CheckoutShipping Shipping(string? methodName, TypedMoney price, TaxedItemPrice? taxed)
    {
        var (gross, net, tax) = Taxed(price, taxed);
        return new CheckoutShipping { MethodName = methodName, GrossCents = gross, NetCents = net, TaxCents = tax };
    }

    private static CheckoutLine Line(string name, string? sku, long quantity, TypedMoney? unitPrice, TypedMoney total, TaxedItemPrice? taxed, bool custom)
    {
        var (gross, net, tax) = Taxed(total, taxed);
        return new CheckoutLine
        {
            Name = name,
            Sku = sku,
            Quantity = quantity,
            TotalGrossCents = gross,
            TotalNetCents = net,
            TotalTaxCents = tax,
            // Unit amounts are only exact when the totals divide evenly; the planner checks and falls back otherwise.
            UnitGrossCents = quantity > 0 && gross % quantity == 0 ? gross / quantity : unitPrice?.CentAmount ?? 0,
            UnitNetCents = quantity > 0 && net % quantity == 0 ? net / quantity : 0,
            IsCustomLine = custom,
        };
    }

    private static CheckoutAddress? Address(Address? a) => a is null ? null : new CheckoutAddress
    {
        FirstName = a.FirstName,
        LastName = a.LastName,
        StreetName = a.StreetName,
        StreetNumber = a.StreetNumber,
        AdditionalStreetInfo = a.AdditionalStreetInfo,
        PostalCode = a.PostalCode,
        City = a.City,
        State = a.State,
        Country = a.Country,
        Email = a.Email,
        Phone = a.Phone ?? a.Mobile,
    };

    private static string? Localized(Dictionary<string, string>? text, string? locale)
    {
        if (text is null || text.Count == 0)
        {
            return null;
        }

        if (locale is not null && text.TryGetValue(locale, out var exact))
        {
            return exact;
        }

        var language = locale?.Split('-')[0];
        return language is not null && text.TryGetValue(language, out var byLanguage) ? byLanguage
            : text.TryGetValue("en", out var en) ? en
            : text.Values.First();
    }
}
