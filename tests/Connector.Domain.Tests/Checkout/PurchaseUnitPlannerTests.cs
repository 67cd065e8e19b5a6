using System.Text;
using System.Text.Json.Nodes;
using Connector.Domain.Checkout;
using static Connector.Domain.Tests.Checkout.CartBuilder;

namespace Connector.Domain.Tests.Checkout;

public sealed class PurchaseUnitPlannerTests
{
    private static readonly PlannerOptions NoOptions = new();

    // Columns: currency, fraction digits, lines "name,qty,net,tax,gross|…" ('*' = custom line), shipping "net,tax,gross",
    // cart discount, cart net, cart tax, cart gross (= amountPlanned), prices include tax, expected plan.
    [Theory]
    // Lines carry tax, no shipping: net items with per-item tax.
    [InlineData("EUR", 2, "A,2,2000,380,2380|B,1,1000,190,1190", null, 0, 3000L, 570L, 3570, false,
        "NetItemsWithItemTax; item_total=30.00; tax_total=5.70; items=[A x2 @10.00 +1.90, B x1 @10.00 +1.90]")]
    // Same cart, shop shows gross prices: gross items.
    [InlineData("EUR", 2, "A,2,2000,380,2380|B,1,1000,190,1190", null, 0, 3000L, 570L, 3570, true,
        "GrossItems; item_total=35.70; items=[A x2 @11.90, B x1 @11.90]")]
    // Taxed shipping cannot be shown with per-item tax: net items with the cart's tax total.
    [InlineData("EUR", 2, "A,2,2000,380,2380|B,1,1000,190,1190", "500,95,595", 0, 3500L, 665L, 4165, false,
        "NetItemsWithTaxTotal; item_total=30.00; tax_total=6.65; shipping=5.00; items=[A x2 @10.00, B x1 @10.00]")]
    [InlineData("EUR", 2, "A,2,2000,380,2380|B,1,1000,190,1190", "500,95,595", 0, 3500L, 665L, 4165, true,
        "GrossItems; item_total=35.70; shipping=5.95; items=[A x2 @11.90, B x1 @11.90]")]
    // Untaxed shipping keeps per-item tax; shipping goes in gross.
    [InlineData("USD", 2, "A,1,10000,800,10800", "1000,0,1000", 0, 11000L, 800L, 11800, false,
        "NetItemsWithItemTax; item_total=100.00; tax_total=8.00; shipping=10.00; items=[A x1 @100.00 +8.00]")]
    // Net-priced shop with a cart discount (net): per-item tax still adds up.
    [InlineData("USD", 2, "A,1,10000,800,10800", "1000,0,1000", 1000, 10000L, 800L, 10800, false,
        "NetItemsWithItemTax; item_total=100.00; tax_total=8.00; shipping=10.00; discount=10.00; items=[A x1 @100.00 +8.00]")]
    // Rounding: 10.00 net over 3 units does not divide; the line goes as one unit at its total.
    [InlineData("EUR", 2, "A,3,1000,190,1190", null, 0, 1000L, 190L, 1190, false,
        "NetItemsWithItemTax; item_total=10.00; tax_total=1.90; items=[3 x A x1 @10.00 +1.90]")]
    // Net divides but tax does not: per-item tax would need "2 x A", so the cart's tax total is used instead.
    [InlineData("EUR", 2, "A,2,2000,381,2381", null, 0, 2000L, 381L, 2381, false,
        "NetItemsWithTaxTotal; item_total=20.00; tax_total=3.81; items=[A x2 @10.00]")]
    // ... and without a cart tax total, one unit at the line total keeps tax_total = Σ tax × qty.
    [InlineData("EUR", 2, "A,2,2000,381,2381", null, 0, 2000L, null, 2381, false,
        "NetItemsWithItemTax; item_total=20.00; tax_total=3.81; items=[2 x A x1 @20.00 +3.81]")]
    // Gross preferred, but 23.81 over 2 units does not divide while net does.
    [InlineData("EUR", 2, "A,2,2000,381,2381", null, 0, 2000L, 381L, 2381, true,
        "NetItemsWithTaxTotal; item_total=20.00; tax_total=3.81; items=[A x2 @10.00]")]
    // Gross line total that does not divide (33.34 × 3 ≠ 100.00) while net does: real quantities win.
    [InlineData("EUR", 2, "A,3,8403,1597,10000", null, 0, 8403L, 1597L, 10000, true,
        "NetItemsWithTaxTotal; item_total=84.03; tax_total=15.97; items=[A x3 @28.01]")]
    // Nothing divides: the preferred strategy with one unit at the line total.
    [InlineData("EUR", 2, "A,3,8404,1596,10000", null, 0, 8404L, 1596L, 10000, true,
        "GrossItems; item_total=100.00; items=[3 x A x1 @100.00]")]
    [InlineData("EUR", 2, "A,3,8404,1596,10000", null, 0, 8404L, 1596L, 10000, false,
        "NetItemsWithItemTax; item_total=84.04; tax_total=15.96; items=[3 x A x1 @84.04 +15.96]")]
    // Untaxed cart (tax mode Disabled): gross items.
    [InlineData("EUR", 2, "A,2,0,0,2000|B,1,0,0,500", "490,0,490", 0, null, null, 2990, false,
        "GrossItems; item_total=25.00; shipping=4.90; items=[A x2 @10.00, B x1 @5.00]")]
    // Untaxed cart where net = gross and tax = 0: still gross items (no tax to show).
    [InlineData("EUR", 2, "A,2,2000,0,2000", null, 0, 2000L, 0L, 2000, false,
        "GrossItems; item_total=20.00; items=[A x2 @10.00]")]
    // Gross-priced shop with a cart discount on the total (gross): only gross items add up.
    [InlineData("EUR", 2, "A,2,2000,380,2380|B,1,1000,190,1190", "500,95,595", 500, 3080L, 585L, 3665, false,
        "GrossItems; item_total=35.70; shipping=5.95; discount=5.00; items=[A x2 @11.90, B x1 @11.90]")]
    // A custom line with a negative total (voucher) becomes discount.
    [InlineData("EUR", 2, "A,2,2000,380,2380|*Voucher,1,-420,-80,-500", null, 0, 1580L, 300L, 1880, false,
        "NetItemsWithTaxTotal; item_total=20.00; tax_total=3.00; discount=4.20; items=[A x2 @10.00]")]
    [InlineData("EUR", 2, "A,2,2000,380,2380|*Voucher,1,-420,-80,-500", null, 0, 1580L, 300L, 1880, true,
        "GrossItems; item_total=23.80; discount=5.00; items=[A x2 @11.90]")]
    // A custom line with a positive total (fee) is an item like any other.
    [InlineData("EUR", 2, "A,1,1000,190,1190|*Gift wrap,1,200,38,238", null, 0, 1200L, 228L, 1428, false,
        "NetItemsWithItemTax; item_total=12.00; tax_total=2.28; items=[A x1 @10.00 +1.90, Gift wrap x1 @2.00 +0.38]")]
    // Zero-priced item and a zero-quantity empty line.
    [InlineData("EUR", 2, "A,1,1000,190,1190|Free,1,0,0,0|Gone,0,0,0,0", null, 0, 1000L, 190L, 1190, false,
        "NetItemsWithItemTax; item_total=10.00; tax_total=1.90; items=[A x1 @10.00 +1.90, Free x1 @0.00 +0.00]")]
    // Free shipping is not sent as a zero shipping amount.
    [InlineData("EUR", 2, "A,1,1000,190,1190", "0,0,0", 0, 1000L, 190L, 1190, false,
        "NetItemsWithItemTax; item_total=10.00; tax_total=1.90; items=[A x1 @10.00 +1.90]")]
    // Cart with only shipping.
    [InlineData("EUR", 2, "", "500,95,595", 0, 500L, 95L, 595, false,
        "NetItemsWithTaxTotal; item_total=0.00; tax_total=0.95; shipping=5.00; items=[]")]
    // External tax: the planner only looks at the amounts.
    [InlineData("USD", 2, "A,4,4000,330,4330", null, 0, 4000L, 330L, 4330, false,
        "NetItemsWithTaxTotal; item_total=40.00; tax_total=3.30; items=[A x4 @10.00]")]
    // JPY: no decimals anywhere.
    [InlineData("JPY", 0, "A,2,2000,200,2200|B,3,3000,300,3300", "500,50,550", 0, 5500L, 550L, 6050, false,
        "NetItemsWithTaxTotal; item_total=5000; tax_total=550; shipping=500; items=[A x2 @1000, B x3 @1000]")]
    [InlineData("JPY", 0, "A,3,1000,100,1100", null, 0, 1000L, 100L, 1100, true,
        "GrossItems; item_total=1100; items=[3 x A x1 @1100]")]
    // HUF with cents that are whole forints: PayPal gets forints.
    [InlineData("HUF", 2, "A,2,300000,81000,381000", null, 0, 300000L, 81000L, 381000, false,
        "NetItemsWithItemTax; item_total=3000; tax_total=810; items=[A x2 @1500 +405]")]
    // HUF unit price 250.50 is not representable although the line (1002) is: one unit at the total.
    [InlineData("HUF", 2, "A,4,100200,0,100200", null, 0, null, null, 100200, false,
        "GrossItems; item_total=1002; items=[4 x A x1 @1002]")]
    // HUF line with fillér: no breakdown at all, even though the total is whole forints.
    [InlineData("HUF", 2, "A,1,150050,0,150050|B,1,149950,0,149950", null, 0, null, null, 300000, false,
        "None")]
    // HUF tax with fillér in per-item tax, but the cart's tax total is whole: net items with tax total.
    [InlineData("HUF", 2, "A,1,100050,26950,127000|B,1,99950,27050,127000", null, 0, 200000L, 54000L, 254000, false,
        "GrossItems; item_total=2540; items=[A x1 @1270, B x1 @1270]")]
    // TWD behaves like HUF.
    [InlineData("TWD", 2, "A,2,10000,500,10500", "6000,300,6300", 0, 16000L, 800L, 16800, false,
        "NetItemsWithTaxTotal; item_total=100; tax_total=8; shipping=60; items=[A x2 @50]")]
    [InlineData("TWD", 2, "A,1,10050,500,10550", null, 0, 10050L, 500L, 10550, false,
        "None")]
    // GBP, CHF, SEK: ordinary two-decimal currencies.
    [InlineData("GBP", 2, "A,5,4165,835,5000", null, 0, 4165L, 835L, 5000, false,
        "NetItemsWithItemTax; item_total=41.65; tax_total=8.35; items=[A x5 @8.33 +1.67]")]
    [InlineData("GBP", 2, "A,3,4165,835,5000", null, 0, 4165L, 835L, 5000, false,
        "NetItemsWithItemTax; item_total=41.65; tax_total=8.35; items=[3 x A x1 @41.65 +8.35]")]
    [InlineData("CHF", 2, "A,2,1850,150,2000", "800,0,800", 0, 2650L, 150L, 2800, true,
        "GrossItems; item_total=20.00; shipping=8.00; items=[A x2 @10.00]")]
    // Inconsistent cart data (line totals do not add up to the cart total): amount only.
    [InlineData("EUR", 2, "A,1,1000,190,1190", null, 0, 1000L, 190L, 1200, false,
        "None")]
    // Line with net + tax ≠ gross and a cart total matching only the gross lines.
    [InlineData("EUR", 2, "A,1,1000,100,1190", null, 0, 1000L, 190L, 1190, false,
        "GrossItems; item_total=11.90; items=[A x1 @11.90]")]
    // Cart discount larger than what the items explain: amount only.
    [InlineData("EUR", 2, "A,1,1000,190,1190", null, 300, 1000L, 190L, 1000, false,
        "None")]
    // Line with quantity 0 but an amount: amount only.
    [InlineData("EUR", 2, "A,0,1000,190,1190", null, 0, 1000L, 190L, 1190, false,
        "None")]
    // Three fraction digits for EUR: values that end in 0 are fine.
    [InlineData("EUR", 3, "A,2,20000,3800,23800", null, 0, 20000L, 3800L, 23800, false,
        "NetItemsWithItemTax; item_total=20.00; tax_total=3.80; items=[A x2 @10.00 +1.90]")]
    [InlineData("EUR", 3, "A,1,20005,3800,23805", null, 0, 20005L, 3800L, 23805, false,
        "None")]
    public void Plans_breakdown_and_items_only_when_they_add_up_exactly(
        string currency, int digits, string lines, string? shipping, long discount, long? net, long? tax, long gross,
        bool pricesIncludeTax, string expected)
    {
        var cart = Cart(currency, digits, lines, shipping, discount, net, tax, gross);
        var amountPlanned = new Money(gross, currency, digits);
        if (expected == "None" && !amountPlanned.IsRepresentableInPayPal())
        {
            amountPlanned = new Money(gross / 100 * 100, currency, digits);
        }

        var plan = PurchaseUnitPlanner.Plan(amountPlanned, cart, new PlannerOptions { PricesIncludeTax = pricesIncludeTax });

        Describe(plan).ShouldBe(expected, plan.BreakdownOmittedReason);
        plan.Amount.ShouldBe(amountPlanned);
        plan.ToPayPalJson().ShouldBeAcceptedByPayPal();
        if (plan.Breakdown is null)
        {
            plan.BreakdownOmittedReason.ShouldNotBeNullOrEmpty();
            plan.Items.ShouldBeEmpty();
        }
        else
        {
            plan.BreakdownOmittedReason.ShouldBeNull();
        }
    }

    [Theory]
    [InlineData(3570, "EUR", "amountPlanned 35.80 EUR differs from the cart total 35.70 EUR", 3580)]
    [InlineData(3570, "USD", "the cart is in USD, the payment in EUR", 3570)]
    public void Amount_is_amountPlanned_and_no_breakdown_when_the_cart_does_not_match(long cartGross, string cartCurrency, string reason, long planned)
    {
        var cart = Cart(cartCurrency, 2, "A,2,2000,380,2380|B,1,1000,190,1190", null, 0, 3000, 570, cartGross,
            new CheckoutAddress { FirstName = "Jo", LastName = "Doe", Country = "DE" });
        var amountPlanned = Money.FromCommercetools(planned, "EUR");

        var plan = PurchaseUnitPlanner.Plan(amountPlanned, cart, NoOptions);

        plan.Amount.ShouldBe(amountPlanned);
        plan.Breakdown.ShouldBeNull();
        plan.Items.ShouldBeEmpty();
        plan.Strategy.ShouldBe(BreakdownStrategy.None);
        plan.BreakdownOmittedReason.ShouldBe(reason);
        plan.Shipping.ShouldNotBeNull().FullName.ShouldBe("Jo Doe");
        plan.ToPayPalJson()["amount"]!.ToJsonString().ShouldBe($$"""{"currency_code":"EUR","value":"{{amountPlanned.ToPayPalValue()}}"}""");
    }

    [Fact]
    public void Without_a_cart_only_the_amount_is_sent()
    {
        var plan = PurchaseUnitPlanner.Plan(Money.FromCommercetools(1999, "EUR"), null, new PlannerOptions { InvoiceId = "pay-1" });

        plan.ToPayPalJson().ToJsonString().ShouldBe("""{"amount":{"currency_code":"EUR","value":"19.99"},"invoice_id":"pay-1"}""");
        plan.BreakdownOmittedReason.ShouldBe("there is no cart");
    }

    [Fact]
    public void Full_purchase_unit_json()
    {
        var cart = Cart("EUR", 2, "Shirt,2,2000,380,2380|*Gift wrap,1,200,38,238", "500,95,595", 0, 2700, 513, 3213,
            new CheckoutAddress
            {
                FirstName = "Erika", LastName = "Mustermann", StreetName = "Heidestraße", StreetNumber = "17",
                AdditionalStreetInfo = "3. OG", PostalCode = "51147", City = "Köln", State = "NRW", Country = "DE",
            });
        var options = new PlannerOptions { InvoiceId = "inv-1", CustomId = "cust-1", Description = "My shop order" };

        var json = PurchaseUnitPlanner.Plan(Money.FromCommercetools(3213, "EUR"), cart, options).ToPayPalJson();

        json.ToJsonString().ShouldBe(JsonNode.Parse("""
            {
              "amount": {
                "currency_code": "EUR", "value": "32.13",
                "breakdown": {
                  "item_total": {"currency_code": "EUR", "value": "22.00"},
                  "tax_total": {"currency_code": "EUR", "value": "5.13"},
                  "shipping": {"currency_code": "EUR", "value": "5.00"}
                }
              },
              "items": [
                {"name": "Shirt", "quantity": "2", "unit_amount": {"currency_code": "EUR", "value": "10.00"}, "sku": "SKU-Shirt"},
                {"name": "Gift wrap", "quantity": "1", "unit_amount": {"currency_code": "EUR", "value": "2.00"}}
              ],
              "shipping": {
                "name": {"full_name": "Erika Mustermann"},
                "address": {
                  "address_line_1": "Heidestraße 17", "address_line_2": "3. OG", "admin_area_2": "Köln",
                  "admin_area_1": "NRW", "postal_code": "51147", "country_code": "DE"
                }
              },
              "invoice_id": "inv-1",
              "custom_id": "cust-1",
              "description": "My shop order"
            }
            """)!.ToJsonString());
    }

    [Theory]
    [InlineData(12345, "HUF", 2, "amountPlanned 123.45 HUF cannot be represented exactly in HUF, which PayPal accepts without decimals.")]
    [InlineData(150, "JPY", 2, "amountPlanned 1.50 JPY cannot be represented exactly in JPY, which PayPal accepts without decimals.")]
    [InlineData(0, "EUR", 2, "amountPlanned must be greater than zero; got 0.00 EUR.")]
    [InlineData(-100, "EUR", 2, "amountPlanned -1.00 EUR is negative; PayPal amounts cannot be negative.")]
    [InlineData(1000, "KRW", 0, "amountPlanned is in KRW, which PayPal does not support.")]
    public void An_amount_PayPal_cannot_take_is_rejected(long units, string currency, int digits, string message) =>
        Should.Throw<DomainValidationException>(() => PurchaseUnitPlanner.Plan(new Money(units, currency, digits), null, NoOptions))
            .Message.ShouldBe(message);

    [Theory]
    [InlineData(127, 255, null)]
    [InlineData(128, 1, "invoice_id must be at most 127 characters; got 128.")]
    [InlineData(1, 256, "custom_id must be at most 255 characters; got 256.")]
    public void Ids_longer_than_PayPal_allows_are_rejected(int invoiceLength, int customLength, string? message)
    {
        var options = new PlannerOptions { InvoiceId = new string('i', invoiceLength), CustomId = new string('c', customLength) };
        var plan = () => PurchaseUnitPlanner.Plan(Money.FromCommercetools(100, "EUR"), null, options);
        if (message is null)
        {
            plan().InvoiceId!.Length.ShouldBe(invoiceLength);
        }
        else
        {
            Should.Throw<DomainValidationException>(plan).Message.ShouldBe(message);
        }
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("   ", null)]
    [InlineData(" Order at My Shop ", "Order at My Shop")]
    public void Description_is_trimmed_and_blank_is_omitted(string? description, string? expected) =>
        PurchaseUnitPlanner.Plan(Money.FromCommercetools(100, "EUR"), null, new PlannerOptions { Description = description })
            .Description.ShouldBe(expected);

    [Fact]
    public void Long_texts_are_cut_to_PayPal_limits_without_splitting_characters()
    {
        var longName = new string('n', 126) + "😀" + "tail";
        var cart = new CheckoutCart
        {
            CurrencyCode = "EUR",
            FractionDigits = 2,
            TotalGrossCents = 100,
            Lines = [new CheckoutLine { Name = longName, Sku = new string('s', 200), Quantity = 1, TotalGrossCents = 100 }],
        };
        var options = new PlannerOptions { Description = new string('d', 300) };

        var plan = PurchaseUnitPlanner.Plan(Money.FromCommercetools(100, "EUR"), cart, options);

        plan.Description!.Length.ShouldBe(127);
        plan.Items[0].Name.ShouldBe(new string('n', 126));
        plan.Items[0].Sku!.Length.ShouldBe(127);
        plan.ToPayPalJson().ShouldBeAcceptedByPayPal();
    }

    [Theory]
    [InlineData("", "Item")]
    [InlineData("  ", "Item")]
    [InlineData(" Shirt ", "Shirt")]
    public void Item_names_are_never_empty(string name, string expected)
    {
        var cart = new CheckoutCart
        {
            CurrencyCode = "EUR",
            FractionDigits = 2,
            TotalGrossCents = 100,
            Lines = [new CheckoutLine { Name = name, Quantity = 1, TotalGrossCents = 100 }],
        };

        PurchaseUnitPlanner.Plan(Money.FromCommercetools(100, "EUR"), cart, NoOptions).Items[0].Name.ShouldBe(expected);
    }

    [Fact]
    public void Quantities_beyond_PayPal_limit_are_sent_as_one_unit()
    {
        var cart = new CheckoutCart
        {
            CurrencyCode = "JPY",
            FractionDigits = 0,
            TotalGrossCents = 20_000_000_000,
            Lines = [new CheckoutLine { Name = "Screw", Quantity = 10_000_000_000, TotalGrossCents = 20_000_000_000 }],
        };

        var plan = PurchaseUnitPlanner.Plan(Money.FromCommercetools(20_000_000_000, "JPY"), cart, NoOptions);

        plan.Items.ShouldHaveSingleItem().Quantity.ShouldBe("1");
        plan.Items[0].Name.ShouldBe("10000000000 x Screw");
        plan.ToPayPalJson().ShouldBeAcceptedByPayPal();
    }

    [Fact]
    public void Overflowing_cart_amounts_give_no_breakdown()
    {
        var cart = new CheckoutCart
        {
            CurrencyCode = "EUR",
            FractionDigits = 2,
            TotalGrossCents = 100,
            Lines =
            [
                new CheckoutLine { Name = "A", Quantity = 1, TotalGrossCents = long.MaxValue },
                new CheckoutLine { Name = "B", Quantity = 1, TotalGrossCents = long.MaxValue },
            ],
        };

        var plan = PurchaseUnitPlanner.Plan(Money.FromCommercetools(100, "EUR"), cart, NoOptions);

        plan.Breakdown.ShouldBeNull();
        plan.BreakdownOmittedReason.ShouldNotBeNull().ShouldContain("too large");
    }

    [Fact]
    public void Options_are_required() =>
        Should.Throw<ArgumentNullException>(() => PurchaseUnitPlanner.Plan(Money.FromCommercetools(100, "EUR"), null, null!));

    [Fact]
    public void Random_carts_never_produce_a_breakdown_PayPal_would_reject()
    {
        var random = new Random(20261123);
        string[] currencies = ["EUR", "USD", "JPY", "HUF", "TWD", "GBP"];
        var withBreakdown = 0;
        for (var run = 0; run < 3000; run++)
        {
            var currency = currencies[random.Next(currencies.Length)];
            var digits = Currencies.CommercetoolsFractionDigits(currency);
            // Whole-unit prices half of the time so HUF and TWD get representable carts too.
            var granularity = random.Next(2) == 0 ? (digits == 0 ? 1L : 100L) : 1L;
            var lines = new List<CheckoutLine>();
            for (var i = random.Next(0, 5); i > 0; i--)
            {
                var quantity = random.Next(1, 6);
                var lineNet = random.Next(0, 5000) * granularity;
                var lineTax = random.Next(3) == 0 ? 0 : lineNet * random.Next(0, 25) / 100 / granularity * granularity;
                if (random.Next(10) == 0)
                {
                    lineNet = -lineNet;
                    lineTax = -lineTax;
                }

                lines.Add(new CheckoutLine { Name = $"L{i}", Quantity = quantity, TotalNetCents = lineNet, TotalTaxCents = lineTax, TotalGrossCents = lineNet + lineTax });
            }

            CheckoutShipping? shipping = random.Next(2) == 0
                ? null
                : new CheckoutShipping { NetCents = random.Next(0, 1000) * granularity, TaxCents = random.Next(2) * 19 * granularity };
            if (shipping is not null)
            {
                shipping = shipping with { GrossCents = shipping.NetCents + shipping.TaxCents };
            }

            var discount = random.Next(4) == 0 ? random.Next(0, 500) * granularity : 0;
            var net = lines.Sum(l => l.TotalNetCents) + (shipping?.NetCents ?? 0) - discount;
            var taxTotal = lines.Sum(l => l.TotalTaxCents) + (shipping?.TaxCents ?? 0);
            var gross = net + taxTotal + (random.Next(8) == 0 ? random.Next(-3, 4) : 0);
            var amount = new Money(Math.Max(gross, 1) / granularity * granularity + (granularity == 1 && gross > 0 ? 0 : granularity), currency, digits);
            if (!amount.IsRepresentableInPayPal())
            {
                continue;
            }

            var cart = new CheckoutCart
            {
                CurrencyCode = currency,
                FractionDigits = digits,
                TotalGrossCents = random.Next(5) == 0 ? amount.MinorUnits : gross,
                TotalNetCents = net,
                TotalTaxCents = taxTotal,
                Lines = lines,
                Shipping = shipping,
                DiscountCents = discount,
            };

            var plan = PurchaseUnitPlanner.Plan(amount, cart, new PlannerOptions { PricesIncludeTax = random.Next(2) == 0 });

            plan.Amount.ShouldBe(amount);
            plan.ToPayPalJson().ShouldBeAcceptedByPayPal();
            if (plan.Breakdown is not null)
            {
                withBreakdown++;
                cart.TotalGrossCents.ShouldBe(amount.MinorUnits);
            }
        }

        withBreakdown.ShouldBeGreaterThan(300);
    }

    internal static string Describe(PurchaseUnitPlan plan)
    {
        if (plan.Breakdown is not { } breakdown)
        {
            return "None";
        }

        var text = new StringBuilder($"{plan.Strategy}; item_total={breakdown.ItemTotal.ToPayPalValue()}");
        Append(text, "tax_total", breakdown.TaxTotal);
        Append(text, "shipping", breakdown.Shipping);
        Append(text, "discount", breakdown.Discount);
        text.Append("; items=[");
        text.AppendJoin(", ", plan.Items.Select(item =>
            $"{item.Name} x{item.Quantity} @{item.UnitAmount.ToPayPalValue()}" + (item.Tax is { } tax ? $" +{tax.ToPayPalValue()}" : string.Empty)));
        return text.Append(']').ToString();
    }

    private static void Append(StringBuilder text, string name, Money? money)
    {
        if (money is { } value)
        {
            text.Append($"; {name}={value.ToPayPalValue()}");
        }
    }
}
