using System.Globalization;

namespace Connector.Domain.Checkout;

/// <summary>
/// Maps a payment and its cart to PayPal <c>purchase_units[0]</c> (the createPayPalOrder mapping).
/// </summary>
/// <remarks>
/// <para>The amount is always the payment's <c>amountPlanned</c>, never a caller's value.</para>
/// <para>
/// A breakdown and items are sent only when a cart is given, <c>amountPlanned</c> equals the cart's gross total,
/// and PayPal's rules hold exactly: item_total + tax_total + shipping − discount = value,
/// item_total = Σ unit_amount × quantity and, when items carry tax, tax_total = Σ tax × quantity, with every amount
/// representable in PayPal's decimals. Strategies are tried in order (net items with per-item tax, net items with the
/// cart's tax total, gross items; gross first when <see cref="PlannerOptions.PricesIncludeTax"/>); the first that adds
/// up wins. If none does, the order carries the amount only: an inconsistent breakdown is never sent.
/// </para>
/// <para>
/// Rounding: commercetools computes line totals, so unit × quantity may differ from the total by a cent. A line
/// whose total (and tax) does not divide evenly by its quantity is sent as quantity 1 at the line total, named
/// "3 x Name", which keeps every sum exact. Lines with a negative total (custom line items used as
/// discounts) are folded into <c>discount</c>. A strategy that keeps every real quantity is preferred over an
/// earlier one that had to collapse lines.
/// </para>
/// </remarks>
public static class PurchaseUnitPlanner
{
    /// <summary>PayPal's limit for <c>invoice_id</c>.</summary>
    public const int MaxInvoiceIdLength = 127;

    /// <summary>PayPal's limit for <c>custom_id</c>.</summary>
    public const int MaxCustomIdLength = 255;

    /// <summary>PayPal's limit for <c>description</c>, item <c>name</c> and <c>sku</c>.</summary>
    public const int MaxTextLength = 127;

    private const long MaxPayPalQuantity = 9_999_999_999;

    /// <summary>Plans <c>purchase_units[0]</c>.</summary>
    /// <param name="amountPlanned">The payment's <c>amountPlanned</c>; becomes <c>amount</c>.</param>
    /// <param name="cart">The cart holding the payment, or null when there is none.</param>
    /// <param name="options">invoice id, custom id, description and presentation preference.</param>
    /// <exception cref="DomainValidationException">
    /// <paramref name="amountPlanned"/> is not positive or not representable in PayPal, or an id is too long.
    /// </exception>
    public static PurchaseUnitPlan Plan(Money amountPlanned, CheckoutCart? cart, PlannerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        amountPlanned.ToPayPalValue("amountPlanned");
        if (!amountPlanned.IsPositive)
        {
            throw new DomainValidationException($"amountPlanned must be greater than zero; got {amountPlanned}.");
        }

        var invoiceId = CheckLength(options.InvoiceId, MaxInvoiceIdLength, "invoice_id");
        var customId = CheckLength(options.CustomId, MaxCustomIdLength, "custom_id");
        var itemised = cart is null ? Itemised.Omitted("there is no cart") : Itemise(amountPlanned, cart, options.PricesIncludeTax);

        return new PurchaseUnitPlan
        {
            Amount = amountPlanned,
            Breakdown = itemised.Breakdown,
            Items = itemised.Items,
            Strategy = itemised.Strategy,
            BreakdownOmittedReason = itemised.Reason,
            Shipping = MapShipping(cart?.ShippingAddress),
            InvoiceId = invoiceId,
            CustomId = customId,
            Description = Cut(options.Description, MaxTextLength),
        };
    }

    private static Itemised Itemise(Money amountPlanned, CheckoutCart cart, bool grossFirst)
    {
        if (!string.Equals(cart.CurrencyCode, amountPlanned.CurrencyCode, StringComparison.Ordinal))
        {
            return Itemised.Omitted($"the cart is in {cart.CurrencyCode}, the payment in {amountPlanned.CurrencyCode}");
        }

        Money cartTotal;
        try
        {
            cartTotal = new Money(cart.TotalGrossCents, cart.CurrencyCode, cart.FractionDigits);
        }
        catch (DomainValidationException ex)
        {
            return Itemised.Omitted($"the cart total is invalid: {ex.Message}");
        }

        if (cartTotal.CompareTo(amountPlanned) != 0)
        {
            return Itemised.Omitted($"amountPlanned {amountPlanned} differs from the cart total {cartTotal}");
        }

        if (cart.DiscountCents < 0)
        {
            return Itemised.Omitted("the cart discount is negative");
        }

        BreakdownStrategy[] order = grossFirst
            ? [BreakdownStrategy.GrossItems, BreakdownStrategy.NetItemsWithItemTax, BreakdownStrategy.NetItemsWithTaxTotal]
            : [BreakdownStrategy.NetItemsWithItemTax, BreakdownStrategy.NetItemsWithTaxTotal, BreakdownStrategy.GrossItems];
        var failures = new List<string>(order.Length);
        Itemised? firstExact = null;
        foreach (var strategy in order)
        {
            var attempt = TryStrategy(strategy, cart);
            if (attempt.Breakdown is null)
            {
                failures.Add($"{strategy}: {attempt.Reason}");
                continue;
            }

            // Real quantities beat the preferred presentation: a later strategy is used if it needs no "3 x Name" lines.
            if (!attempt.CollapsedLines)
            {
                return attempt;
            }

            firstExact ??= attempt;
        }

        return firstExact ?? Itemised.Omitted("no exact breakdown (" + string.Join("; ", failures) + ")");
    }

    private static Itemised TryStrategy(BreakdownStrategy strategy, CheckoutCart cart)
    {
        try
        {
            return TryStrategyCore(strategy, cart);
        }
        catch (OverflowException)
        {
            return Itemised.Omitted("the amounts are too large");
        }
    }

    private static Itemised TryStrategyCore(BreakdownStrategy strategy, CheckoutCart cart)
    {
        var net = strategy != BreakdownStrategy.GrossItems;
        var withItemTax = strategy == BreakdownStrategy.NetItemsWithItemTax;
        var payPalDecimals = Currencies.PayPalDecimals(cart.CurrencyCode);
        // Minor units per smallest PayPal unit: 100 for HUF cents, since PayPal takes whole forints.
        var step = cart.FractionDigits > payPalDecimals ? DecimalText.Pow10(cart.FractionDigits - payPalDecimals) : 1;
        Money Amount(long cents) => new(cents, cart.CurrencyCode, cart.FractionDigits);

        if (net)
        {
            var carriesTax = cart.TotalTaxCents is > 0 || cart.Lines.Any(l => l.TotalTaxCents != 0) || cart.Shipping is { TaxCents: not 0 };
            if (!carriesTax)
            {
                return Itemised.Omitted("the cart carries no tax");
            }

            if (cart.Lines.FirstOrDefault(l => checked(l.TotalNetCents + l.TotalTaxCents) != l.TotalGrossCents) is { } inconsistent)
            {
                return Itemised.Omitted($"line '{inconsistent.Name}' has net + tax ≠ gross");
            }
        }

        if (withItemTax && cart.Shipping is { TaxCents: not 0 })
        {
            return Itemised.Omitted("shipping is taxed, which per-item tax cannot show");
        }

        if (strategy == BreakdownStrategy.NetItemsWithTaxTotal)
        {
            if (cart.TotalTaxCents is not { } cartTax || cartTax < 0)
            {
                return Itemised.Omitted("the cart has no total tax");
            }

            if (cart.Shipping is { } s && checked(s.NetCents + s.TaxCents) != s.GrossCents)
            {
                return Itemised.Omitted("shipping has net + tax ≠ gross");
            }
        }

        var items = new List<PlannedItem>(cart.Lines.Count);
        long itemTotal = 0, taxTotal = 0, foldedDiscount = 0;
        var collapsed = false;
        foreach (var line in cart.Lines)
        {
            var amount = net ? line.TotalNetCents : line.TotalGrossCents;
            var tax = withItemTax ? line.TotalTaxCents : 0;
            if (line.Quantity <= 0)
            {
                if (amount == 0 && tax == 0)
                {
                    continue;
                }

                return Itemised.Omitted($"line '{line.Name}' has quantity {line.Quantity.ToString(CultureInfo.InvariantCulture)}");
            }

            if (amount < 0 && !withItemTax)
            {
                foldedDiscount = checked(foldedDiscount - amount);
                continue;
            }

            if (amount < 0 || tax < 0)
            {
                return Itemised.Omitted($"line '{line.Name}' has a negative amount");
            }

            if (amount % step != 0 || tax % step != 0)
            {
                return Itemised.Omitted($"line '{line.Name}' total {Amount(amount)} is not representable in PayPal");
            }

            var (item, wasCollapsed) = ToItem(line, amount, tax, step, withItemTax, Amount);
            items.Add(item);
            collapsed |= wasCollapsed;
            itemTotal = checked(itemTotal + amount);
            taxTotal = checked(taxTotal + tax);
        }

        var shipping = cart.Shipping is null ? 0 : strategy == BreakdownStrategy.NetItemsWithTaxTotal ? cart.Shipping.NetCents : cart.Shipping.GrossCents;
        if (strategy == BreakdownStrategy.NetItemsWithTaxTotal)
        {
            taxTotal = cart.TotalTaxCents!.Value;
        }

        var discount = checked(cart.DiscountCents + foldedDiscount);
        if (shipping < 0)
        {
            return Itemised.Omitted("shipping is negative");
        }

        if (shipping % step != 0 || taxTotal % step != 0 || discount % step != 0)
        {
            return Itemised.Omitted("shipping, tax or discount is not representable in PayPal");
        }

        var sum = checked(itemTotal + taxTotal + shipping - discount);
        if (sum != cart.TotalGrossCents)
        {
            return Itemised.Omitted(
                $"item_total {Amount(itemTotal)} + tax_total {Amount(taxTotal)} + shipping {Amount(shipping)} − discount {Amount(discount)} = {Amount(sum)}, not {Amount(cart.TotalGrossCents)}");
        }

        var breakdown = new Breakdown
        {
            ItemTotal = Amount(itemTotal),
            TaxTotal = net ? Amount(taxTotal) : null,
            Shipping = shipping != 0 ? Amount(shipping) : null,
            Discount = discount != 0 ? Amount(discount) : null,
        };
        return new Itemised(breakdown, items, strategy, null, collapsed);
    }

    private static (PlannedItem Item, bool Collapsed) ToItem(CheckoutLine line, long amount, long tax, long step, bool withItemTax, Func<long, Money> money)
    {
        var quantity = line.Quantity;
        var name = string.IsNullOrWhiteSpace(line.Name) ? "Item" : line.Name.Trim();
        var collapsed = !DividesEvenly(amount, tax, quantity, step);
        if (collapsed)
        {
            // Sent as one unit at the line total so that item_total stays exactly the sum commercetools computed.
            name = $"{quantity.ToString(CultureInfo.InvariantCulture)} x {name}";
            quantity = 1;
        }

        var item = new PlannedItem
        {
            Name = Cut(name, MaxTextLength)!,
            Sku = Cut(line.Sku, MaxTextLength),
            Quantity = quantity.ToString(CultureInfo.InvariantCulture),
            UnitAmount = money(amount / quantity),
            Tax = withItemTax ? money(tax / quantity) : null,
        };
        return (item, collapsed);
    }

    private static bool DividesEvenly(long amount, long tax, long quantity, long step)
    {
        if (quantity > MaxPayPalQuantity || quantity > long.MaxValue / step)
        {
            return false;
        }

        var divisor = quantity * step;
        return amount % divisor == 0 && tax % divisor == 0;
    }

    private static PlannedShipping? MapShipping(CheckoutAddress? address)
    {
        if (address is null)
        {
            return null;
        }

        var fullName = Cut(Join(address.FirstName, address.LastName), 300);
        var country = address.Country?.Trim().ToUpperInvariant();
        if (country is not { Length: 2 } || !country.All(char.IsAsciiLetterUpper))
        {
            country = null;
        }

        if (fullName is null && country is null)
        {
            return null;
        }

        return new PlannedShipping
        {
            FullName = fullName,
            AddressLine1 = Cut(Join(address.StreetName, address.StreetNumber), 300),
            AddressLine2 = Cut(address.AdditionalStreetInfo, 300),
            AdminArea2 = Cut(address.City, 120),
            AdminArea1 = Cut(address.State, 300),
            PostalCode = Cut(address.PostalCode, 60),
            CountryCode = country,
        };
    }

    private static string? CheckLength(string? value, int max, string field)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return value.Length <= max
            ? value
            : throw new DomainValidationException($"{field} must be at most {max.ToString(CultureInfo.InvariantCulture)} characters; got {value.Length.ToString(CultureInfo.InvariantCulture)}.");
    }

    private static string? Join(string? first, string? second) =>
        string.Join(' ', new[] { first?.Trim(), second?.Trim() }.Where(part => !string.IsNullOrEmpty(part)));

    internal static string? Cut(string? value, int max)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (trimmed.Length <= max)
        {
            return trimmed;
        }

        // Never split a surrogate pair: PayPal would reject the lone half.
        var length = char.IsHighSurrogate(trimmed[max - 1]) ? max - 1 : max;
        return trimmed[..length].TrimEnd();
    }

    private sealed record Itemised(Breakdown? Breakdown, IReadOnlyList<PlannedItem> Items, BreakdownStrategy Strategy, string? Reason, bool CollapsedLines = false)
    {
        internal static Itemised Omitted(string reason) => new(null, [], BreakdownStrategy.None, reason);
    }
}
