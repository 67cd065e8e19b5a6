using Emulator.Commercetools.Infrastructure;
using Emulator.Commercetools.Store;

namespace Emulator.Commercetools.Carts;

/// <summary>Fields an order copies from its cart, which carts and orders then update with the same actions.</summary>
internal static class CheckoutFields
{
    public static readonly FieldActions Actions = new()
    {
        { "setShippingAddress", "shippingAddress", payload => Addresses.OptFromDraft(payload, "address") },
        { "setBillingAddress", "billingAddress", payload => Addresses.OptFromDraft(payload, "address") },
        { "setCustomerEmail", "customerEmail", "email" },
        { "setLocale", "locale", "locale" },
    };
}
