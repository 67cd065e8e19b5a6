using System.Globalization;
using System.Net;
using System.Text;
using Emulator.PayPal.Infrastructure;
using Emulator.PayPal.Orders;
using Emulator.PayPal.Vault;

namespace Emulator.PayPal.Approval;

/// <summary>
/// The buyer's side of PayPal: one page per order (<c>/checkoutnow?token=</c>) or setup token
/// (<c>/agreements/approve?approval_session_id=</c>, and <c>/checkoutnow?token=</c> too) with one form, approve or cancel.
/// </summary>
internal static class ApprovalEndpoints
{
    public static void MapApprovalPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/checkoutnow", Show);
        app.MapPost("/checkoutnow", Decide);
        app.MapGet("/agreements/approve", Show);
        app.MapPost("/agreements/approve", Decide);
    }

    private static string? TokenOf(HttpRequest request)
    {
        var token = request.Query["token"].ToString();
        if (string.IsNullOrEmpty(token))
        {
            token = request.Query["approval_session_id"].ToString();
        }

        if (string.IsNullOrEmpty(token))
        {
            token = request.Query["ba_token"].ToString();
        }

        return string.IsNullOrEmpty(token) ? null : token;
    }

    private static IResult Show(HttpContext http, EmulatorStore store)
    {
        var id = TokenOf(http.Request);
        var action = ApiRequest.BaseUrlOf(http.Request) + http.Request.Path + "?" + (http.Request.Path.StartsWithSegments("/agreements") ? "approval_session_id=" : "token=") + Uri.EscapeDataString(id ?? string.Empty);
        lock (store.Gate)
        {
            if (id is not null && store.Orders.TryGetValue(id, out var order))
            {
                return order.Status is OrderStatus.Created or OrderStatus.PayerActionRequired
                    ? Html(200, "Pay with PayPal", OrderSummary(order) + Form(action, "Pay now"))
                    : Html(200, "Order " + order.Id, $"<p id=\"status\">This order is {E(order.Status)}; there is nothing to approve.</p>");
            }

            if (id is not null && store.SetupTokens.TryGetValue(id, out var setupToken))
            {
                if (setupToken.Status == "PAYER_ACTION_REQUIRED" && setupToken.Kind == "card")
                {
                    return Html(200, "Save your card", $"<p>Enter the card to save with the merchant (setup token <code>{E(setupToken.Id)}</code>). Empty fields use the test card {E(PayPalEmulatorDefaults.TestCardNumber)}.</p>" + Form(action, "Save card", CardFields));
                }

                return setupToken.Status == "PAYER_ACTION_REQUIRED"
                    ? Html(200, "Save your PayPal account", $"<p>Save your {E(setupToken.Kind)} account with the merchant for future payments (setup token <code>{E(setupToken.Id)}</code>).</p>" + Form(action, "Agree and continue"))
                    : Html(200, "Setup token " + setupToken.Id, $"<p id=\"status\">This setup token is {E(setupToken.Status)}; there is nothing to approve.</p>");
            }
        }

        return Html(404, "Not found", "<p id=\"status\">This checkout session does not exist or has expired.</p>");
    }

    private static async Task<IResult> Decide(HttpContext http, EmulatorStore store, OrderService orders, VaultService vault)
    {
        var id = TokenOf(http.Request);
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(http.RequestAborted) : null;
        var decision = form?["decision"].ToString();
        var email = form?["email"].ToString();
        if (string.IsNullOrWhiteSpace(email))
        {
            email = PayPalEmulatorDefaults.BuyerEmail;
        }

        var baseUrl = ApiRequest.BaseUrlOf(http.Request);
        lock (store.Gate)
        {
            if (id is not null && store.Orders.TryGetValue(id, out var order))
            {
                if (decision == "cancel")
                {
                    return order.CancelUrl is null
                        ? Html(200, "Cancelled", "<p id=\"status\">You cancelled the payment. You can close this window.</p>")
                        : SeeOther(WithQuery(order.CancelUrl, ("token", order.Id)));
                }

                if (order.Status is not (OrderStatus.Created or OrderStatus.PayerActionRequired or OrderStatus.Approved))
                {
                    return Html(409, "Order " + order.Id, $"<p id=\"status\">This order is {E(order.Status)}; it cannot be approved.</p>");
                }

                var payerId = orders.Approve(order, email, baseUrl);
                return order.ReturnUrl is null
                    ? Html(200, "Approved", $"<p id=\"status\">Payment approved. Order <code>{E(order.Id)}</code>, payer <code>{E(payerId)}</code>. You can close this window.</p>")
                    : SeeOther(WithQuery(order.ReturnUrl, ("token", order.Id), ("PayerID", payerId)));
            }

            if (id is not null && store.SetupTokens.TryGetValue(id, out var setupToken))
            {
                if (decision == "cancel")
                {
                    return setupToken.CancelUrl is null
                        ? Html(200, "Cancelled", "<p id=\"status\">You cancelled. You can close this window.</p>")
                        : SeeOther(WithQuery(setupToken.CancelUrl, ("approval_token_id", setupToken.Id)));
                }

                if (setupToken.Kind == "card" && setupToken.Status == "PAYER_ACTION_REQUIRED" && CardFrom(form) is { } card)
                {
                    try
                    {
                        vault.SubmitCard(setupToken, card, "/payment_source/card");
                    }
                    catch (PayPalApiException ex)
                    {
                        return Html(422, "Card not accepted", $"<p id=\"status\">{E(ex.Issue)}: {E(ex.Description)}</p>");
                    }
                }

                vault.ApproveSetupToken(setupToken, email);
                return setupToken.ReturnUrl is null
                    ? Html(200, "Approved", $"<p id=\"status\">Payment method saved. Setup token <code>{E(setupToken.Id)}</code>. You can close this window.</p>")
                    : SeeOther(WithQuery(setupToken.ReturnUrl, ("approval_token_id", setupToken.Id), ("approval_session_id", setupToken.Id)));
            }
        }

        return Html(404, "Not found", "<p id=\"status\">This checkout session does not exist or has expired.</p>");
    }

    private static IResult SeeOther(string url) => new SeeOtherResult(url);

    private sealed class SeeOtherResult(string url) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = url;
            return Task.CompletedTask;
        }
    }

    public static string WithQuery(string url, params (string Name, string Value)[] parameters)
    {
        var fragment = string.Empty;
        var hash = url.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            fragment = url[hash..];
            url = url[..hash];
        }

        var builder = new StringBuilder(url);
        foreach (var (name, value) in parameters)
        {
            builder.Append(builder.ToString().Contains('?', StringComparison.Ordinal) ? '&' : '?')
                .Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return builder.Append(fragment).ToString();
    }

    private static string OrderSummary(Order order)
    {
        var html = new StringBuilder();
        foreach (var unit in order.Units)
        {
            var data = unit.Data;
            var payee = data["payee"];
            html.Append(CultureInfo.InvariantCulture, $"<section class=\"unit\"><h2>{E(data["description"]?.ToString() ?? "Your order")}</h2>");
            html.Append(CultureInfo.InvariantCulture, $"<p>Pay <strong id=\"amount\">{E(unit.Amount.Value)} {E(unit.Amount.Currency)}</strong> to <span id=\"payee\">{E(payee?["email_address"]?.ToString() ?? payee?["merchant_id"]?.ToString() ?? "the merchant")}</span></p>");
            if (data["items"] is System.Text.Json.Nodes.JsonArray items && items.Count > 0)
            {
                html.Append("<table class=\"items\"><tr><th>Item</th><th>Qty</th><th>Price</th></tr>");
                foreach (var item in items)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(item?["name"]?.ToString())}</td><td>{E(item?["quantity"]?.ToString())}</td><td>{E(item?["unit_amount"]?["value"]?.ToString())} {E(item?["unit_amount"]?["currency_code"]?.ToString())}</td></tr>");
                }

                html.Append("</table>");
            }

            html.Append("</section>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">Order <code id=\"order-id\">{E(order.Id)}</code> · intent {E(order.Intent)}</p>");
        return html.ToString();
    }

    /// <summary>The card typed into the page's card fields, or null when the number field was left empty.</summary>
    private static System.Text.Json.Nodes.JsonObject? CardFrom(IFormCollection? form)
    {
        var number = form?["card_number"].ToString();
        if (string.IsNullOrWhiteSpace(number))
        {
            return null;
        }

        var card = new System.Text.Json.Nodes.JsonObject { ["number"] = number, ["expiry"] = form!["card_expiry"].ToString() };
        foreach (var (field, name) in new[] { ("card_name", "name"), ("card_security_code", "security_code") })
        {
            if (!string.IsNullOrWhiteSpace(form[field].ToString()))
            {
                card[name] = form[field].ToString();
            }
        }

        return card;
    }

    private const string CardFields =
        """
          <label>Card number <input id="card_number" name="card_number" autocomplete="off"></label>
          <label>Expiry (YYYY-MM) <input id="card_expiry" name="card_expiry"></label>
          <label>Name on card <input id="card_name" name="card_name"></label>
          <label>Security code <input id="card_security_code" name="card_security_code" autocomplete="off"></label>
        """;

    private static string Form(string action, string approveLabel, string extraFields = "") =>
        $"""
        <form method="post" action="{E(action)}">
          <label>Buyer e-mail <input type="email" id="email" name="email" value="{E(PayPalEmulatorDefaults.BuyerEmail)}"></label>
        {extraFields}
          <div class="buttons">
            <button type="submit" id="approve" name="decision" value="approve">{E(approveLabel)}</button>
            <button type="submit" id="cancel" name="decision" value="cancel">Cancel and return to merchant</button>
          </div>
        </form>
        """;

    private const string Style =
        "body{font-family:sans-serif;max-width:32rem;margin:2rem auto} .buttons{margin-top:1rem} "
        + "button{padding:.5rem 1rem;margin-right:.5rem} #approve{background:#ffc439;border:0;border-radius:4px} table{width:100%}";

    private static IResult Html(int status, string title, string body) => Results.Content(
        $"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>{E(title)} - PayPal (emulator)</title><style>{Style}</style></head>
        <body><h1>{E(title)}</h1><p><em>PayPal emulator: no real money moves.</em></p>{body}</body></html>
        """,
        "text/html; charset=utf-8",
        Encoding.UTF8,
        status);

    private static string E(string? value) => WebUtility.HtmlEncode(value ?? string.Empty);
}
