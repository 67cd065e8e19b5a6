using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Sandbox.Demo;

/// <summary>Server-rendered HTML of the demo shop. Element ids are stable: the browser tests use them.</summary>
internal static class DemoPages
{
    public static string Shop(DemoCartView? cart, bool pricedByCommercetools)
    {
        var body = new StringBuilder();
        body.Append("<h1>Pick something</h1><div class=\"grid\">");
        foreach (var p in DemoCatalog.Products)
        {
            body.Append(CultureInfo.InvariantCulture, $"""
                <form class="card product" method="post" action="/cart/add">
                  <h2>{E(p.Name)}</h2><p>{E(p.Description)}</p>
                  <p class="price">{Money(p.PriceCents)}</p>
                  <input type="hidden" name="sku" value="{E(p.Sku)}">
                  <button type="submit" id="add-{E(p.Sku)}">Add to cart</button>
                </form>
                """);
        }

        body.Append("</div>");
        if (!pricedByCommercetools)
        {
            body.Append("<p class=\"note\">The commercetools API behind this demo has no products, tax categories or shipping methods yet, so the demo prices the cart itself. Payments still go through commercetools and the connector.</p>");
        }

        return Layout("Demo shop", body.ToString(), cart);
    }

    public static string Cart(DemoCartView? cart, string? message, string cardExpiry)
    {
        var body = new StringBuilder("<h1>Your cart</h1>");
        if (message is not null)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p id=\"message\" class=\"message\">{E(message)}</p>");
        }

        if (cart is null || cart.IsEmpty)
        {
            body.Append("<p id=\"empty\">Your cart is empty. <a href=\"/\">Pick a product</a>.</p>");
            return Layout("Cart", body.ToString(), cart);
        }

        body.Append("<table id=\"cart\"><tr><th>Item</th><th class=\"num\">Qty</th><th class=\"num\">Price</th><th class=\"num\">Total</th></tr>");
        foreach (var line in cart.Lines)
        {
            body.Append(CultureInfo.InvariantCulture, $"<tr class=\"line\" data-sku=\"{E(line.Sku)}\"><td>{E(line.Name)}</td><td class=\"num\">{line.Quantity}</td><td class=\"num\">{Money(line.UnitCents)}</td><td class=\"num\">{Money(line.TotalCents)}</td></tr>");
        }

        body.Append(CultureInfo.InvariantCulture, $"""
            <tr><td colspan="3">Shipping (standard, Germany)</td><td class="num" id="shipping">{Money(cart.ShippingCents)}</td></tr>
            <tr class="sub"><td colspan="3">Net</td><td class="num" id="net">{Money(cart.NetCents)}</td></tr>
            <tr class="sub"><td colspan="3">VAT {DemoCatalog.VatPercent}% (included)</td><td class="num" id="tax">{Money(cart.TaxCents)}</td></tr>
            <tr class="total"><td colspan="3">Total</td><td class="num" id="total">{Money(cart.GrossCents)}</td></tr>
            </table>
            <p class="muted">Ship to Erika Mustermann, Heidestraße 17, 51147 Köln, DE. {(cart.PricedByCommercetools ? "Priced by commercetools." : "Priced by the demo (the commercetools API has no catalog yet).")}</p>
            <h2>Pay</h2>
            <div class="grid pay">
              <form class="card" method="post" action="/checkout/paypal">
                <h3>PayPal</h3><p>You approve the payment on PayPal's page, then come back here.</p>
                <button type="submit" id="pay-paypal" class="paypal">Pay with PayPal</button>
              </form>
              <form class="card" method="post" action="/checkout/card">
                <h3>Card</h3>
                <label>Number <input name="number" id="card-number" value="4111111111111111" autocomplete="off"></label>
                <label>Expiry <input name="expiry" id="card-expiry" value="{E(cardExpiry)}"></label>
                <label>Name <input name="name" id="card-name" value="Erika Mustermann"></label>
                <button type="submit" id="pay-card">Pay by card</button>
              </form>
              <form class="card" method="post" action="/checkout/pui">
                <h3>Pay Upon Invoice</h3><p>Pay later by bank transfer (Germany).</p>
                <label>Birth date <input name="birth_date" id="pui-birth-date" value="1990-01-01"></label>
                <button type="submit" id="pay-pui">Buy on invoice</button>
              </form>
            </div>
            <form method="post" action="/cart/clear"><button type="submit" id="clear" class="link">Empty the cart</button></form>
            """);
        return Layout("Cart", body.ToString(), cart);
    }

    public static string Result(JsonObject payment, string? orderId, string? message)
    {
        var fields = payment["custom"]?["fields"];
        var status = payment["paymentStatus"]?["interfaceCode"]?.GetValue<string>() ?? "unknown";
        var body = new StringBuilder();
        var transactions = (payment["transactions"] as JsonArray ?? []).Select(t => t!.AsObject()).ToList();
        var succeeded = transactions.Any(t => t["state"]?.GetValue<string>() == "Success" && t["type"]?.GetValue<string>() is "Charge" or "Authorization");
        body.Append(CultureInfo.InvariantCulture, $"<h1>{(succeeded ? "Thank you!" : "Payment")}</h1>");
        if (message is not null)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p id=\"message\" class=\"message\">{E(message)}</p>");
        }

        body.Append(CultureInfo.InvariantCulture, $"""
            <dl>
              <dt>commercetools payment</dt><dd><code id="payment-id">{E(payment["id"]?.GetValue<string>())}</code> (version {payment["version"]})</dd>
              <dt>Amount</dt><dd id="amount">{Money(payment["amountPlanned"]?["centAmount"]?.GetValue<long>() ?? 0)}</dd>
              <dt>Method</dt><dd id="method">{E(payment["paymentMethodInfo"]?["method"]?.GetValue<string>())}</dd>
              <dt>PayPal order</dt><dd><code id="paypal-order-id">{E(fields?["PayPalOrderId"]?.GetValue<string>())}</code> status <strong id="order-status">{E(status)}</strong></dd>
              <dt>commercetools order</dt><dd id="order">{(orderId is null ? "not created" : "<code>" + E(orderId) + "</code>")}</dd>
            </dl>
            <h2>Transactions</h2>
            <table id="transactions"><tr><th>Type</th><th>State</th><th class="num">Amount</th><th>PayPal id</th></tr>
            """);
        foreach (var t in transactions)
        {
            var type = t["type"]?.GetValue<string>();
            var state = t["state"]?.GetValue<string>();
            body.Append(CultureInfo.InvariantCulture, $"<tr class=\"transaction\" data-type=\"{E(type)}\" data-state=\"{E(state)}\"><td>{E(type)}</td><td class=\"state-{E(state)}\">{E(state)}</td><td class=\"num\">{Money(t["amount"]?["centAmount"]?.GetValue<long>() ?? 0)}</td><td><code>{E(t["interactionId"]?.GetValue<string>())}</code></td></tr>");
        }

        if (transactions.Count == 0)
        {
            body.Append("<tr><td colspan=\"4\" class=\"muted\">none yet</td></tr>");
        }

        body.Append("</table>");
        body.Append(Dispute(fields?["PayPalDispute"]?.GetValue<string>()));
        body.Append("<div class=\"actions\">");
        var id = E(payment["id"]?.GetValue<string>());
        long Sum(string type) => transactions.Where(t => t["type"]?.GetValue<string>() == type && t["state"]?.GetValue<string>() == "Success")
            .Sum(t => t["amount"]?["centAmount"]?.GetValue<long>() ?? 0);
        var hasCharge = Sum("Charge") > Sum("Refund");
        var hasAuthorization = transactions.Any(t => t["type"]?.GetValue<string>() == "Authorization" && t["state"]?.GetValue<string>() == "Success");
        if (hasCharge)
        {
            body.Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"/result/{id}/refund\"><button type=\"submit\" id=\"refund\">Refund</button></form>");
        }
        else if (hasAuthorization)
        {
            body.Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"/result/{id}/capture\"><button type=\"submit\" id=\"capture\">Capture the authorization</button></form>");
        }

        body.Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"/result/{id}/refresh\"><button type=\"submit\" id=\"refresh\">Ask PayPal for the order status</button></form></div>");
        body.Append("<p><a href=\"/\" id=\"continue\">Continue shopping</a></p>");
        return Layout("Payment", body.ToString(), null);
    }

    public static string Error(string message) => Layout("Error", $"<h1>Something went wrong</h1><p id=\"message\" class=\"message\">{E(message)}</p><p><a href=\"/cart\">Back to the cart</a></p>", null);

    private static string Layout(string title, string body, DemoCartView? cart)
    {
        var count = cart?.Lines.Sum(l => l.Quantity) ?? 0;
        return $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{E(title)} - Sandbox demo shop</title><style>{Style}</style></head>
            <body><header><a href="/" class="brand">Sandbox demo shop</a><a href="/cart" id="cart-link">Cart ({count})</a></header>
            <main>{body}</main>
            <footer>Offline demo: commercetools and PayPal are emulated, no real money moves.</footer></body></html>
            """;
    }

    public static string Money(long cents)
    {
        var sign = cents < 0 ? "-" : string.Empty;
        var abs = Math.Abs(cents);
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{abs / 100}.{abs % 100:D2} €");
    }

    /// <summary>The payment's current PayPal dispute (the connector's <c>PayPalDispute</c> view), when there is one.</summary>
    private static string Dispute(string? viewText)
    {
        JsonObject? view;
        try
        {
            view = string.IsNullOrEmpty(viewText) ? null : JsonNode.Parse(viewText) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            view = null;
        }

        if (view is null)
        {
            return string.Empty;
        }

        string? Text(string name) => view[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        string? Amount(string name) => view[name] is JsonObject m ? $"{m["value"]?.GetValue<string>()} {m["currency_code"]?.GetValue<string>()}" : null;
        var rows = new StringBuilder();
        foreach (var (label, key, value) in new[]
        {
            ("Dispute", "dispute-id", Text("id")), ("Status", "dispute-status", Text("status")), ("Stage", "dispute-stage", Text("stage")),
            ("Reason", "dispute-reason", Text("reason")), ("Disputed amount", "dispute-amount", Amount("amount")),
            ("Seller response due", "dispute-due", Text("sellerResponseDueDate")), ("Outcome", "dispute-outcome", Text("outcome")),
            ("Refunded to the buyer", "dispute-refunded", Amount("amountRefunded")),
        })
        {
            if (value is not null)
            {
                rows.Append(CultureInfo.InvariantCulture, $"<dt>{label}</dt><dd id=\"{key}\">{E(value)}</dd>");
            }
        }

        return $"<h2>Dispute</h2><dl id=\"dispute\">{rows}</dl>";
    }

    private static string E(string? value) => WebUtility.HtmlEncode(value ?? string.Empty);

    private const string Style = """
        body{font-family:system-ui,sans-serif;margin:0;color:#1f2933;background:#f5f7fa}
        header{display:flex;justify-content:space-between;padding:1rem 2rem;background:#102a43;color:#fff}
        header a{color:#fff;text-decoration:none;font-weight:600}
        main{max-width:60rem;margin:1.5rem auto;padding:0 1rem}
        footer{text-align:center;color:#829ab1;font-size:.85rem;margin:2rem}
        .grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(13rem,1fr));gap:1rem}
        .card{background:#fff;border-radius:8px;padding:1rem;box-shadow:0 1px 3px rgba(0,0,0,.12);display:flex;flex-direction:column;gap:.4rem}
        .card h2,.card h3{margin:.2rem 0;font-size:1.1rem}
        .price{font-size:1.2rem;font-weight:700}
        button{padding:.55rem 1rem;border:0;border-radius:6px;background:#243b53;color:#fff;cursor:pointer;font-size:1rem}
        button.paypal{background:#ffc439;color:#111}
        button.link{background:none;color:#486581;text-decoration:underline;padding:0;margin-top:1rem}
        label{display:flex;flex-direction:column;font-size:.85rem;color:#486581}
        input{padding:.35rem;border:1px solid #bcccdc;border-radius:4px;font-size:.95rem}
        table{width:100%;border-collapse:collapse;background:#fff;border-radius:8px;overflow:hidden}
        th,td{padding:.5rem .75rem;border-bottom:1px solid #e4e7eb;text-align:left}
        .num{text-align:right}
        tr.total td{font-weight:700;font-size:1.1rem}
        tr.sub td{color:#627d98}
        .message{background:#fff3c4;border-left:4px solid #f0b429;padding:.6rem 1rem}
        .note,.muted{color:#627d98;font-size:.9rem}
        .state-Success{color:#2f8132;font-weight:600}.state-Failure{color:#ba2525;font-weight:600}.state-Pending{color:#b44d12}
        .actions{display:flex;gap:1rem;margin-top:1rem}
        dl{display:grid;grid-template-columns:14rem 1fr;gap:.4rem;background:#fff;padding:1rem;border-radius:8px}
        dt{color:#627d98}dd{margin:0}
        """;
}
