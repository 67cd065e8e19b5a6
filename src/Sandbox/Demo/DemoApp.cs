using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Sandbox.Demo;

/// <summary>
/// The demo checkout: a small storefront backend (BFF) with server-rendered pages. It talks only to the commercetools API
/// (the connector runs behind it as an API extension), exactly as a merchant's storefront would.
/// </summary>
internal static class DemoApp
{
    private const string CartCookie = "demo_cart";

    public static WebApplication Build(DemoCommercetoolsOptions commercetools, Action<WebApplicationBuilder> configure)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddSingleton(commercetools);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHttpClient(nameof(DemoCommercetools), c => c.Timeout = TimeSpan.FromSeconds(30));
        builder.Services.AddSingleton(sp => new DemoCommercetools(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(DemoCommercetools)), commercetools, sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<DemoCatalog>();
        builder.Services.AddSingleton<DemoCheckout>();
        configure(builder);
        var app = builder.Build();

        app.MapGet("/", ShopAsync);
        app.MapPost("/cart/add", AddToCartAsync);
        app.MapGet("/cart", CartAsync);
        app.MapPost("/cart/clear", ClearCart);
        app.MapPost("/checkout/paypal", PayWithPayPalAsync);
        app.MapPost("/checkout/card", PayWithCardAsync);
        app.MapPost("/checkout/pui", PayUponInvoiceAsync);
        app.MapGet("/paypal/return", PayPalReturnAsync);
        app.MapGet("/paypal/cancel", PayPalCancelAsync);
        app.MapGet("/result/{paymentId}", ResultAsync);
        app.MapPost("/result/{paymentId}/{operation}", ResultActionAsync);
        return app;
    }

    private static async Task<IResult> ShopAsync(HttpContext http, DemoCatalog catalog, CancellationToken ct) => await GuardAsync(async () =>
        Html(DemoPages.Shop(await catalog.GetCartAsync(http.Request.Cookies[CartCookie], ct), catalog.PricedByCommercetools)));

    private static async Task<IResult> AddToCartAsync(HttpContext http, DemoCatalog catalog, CancellationToken ct) => await GuardAsync(async () =>
    {
        var form = await http.Request.ReadFormAsync(ct);
        var product = DemoCatalog.FindProduct(form["sku"]) ?? throw new DemoException("unknown product");
        var cart = await ActiveCartAsync(http, catalog, ct) ?? await catalog.CreateCartAsync(ct);
        cart = await catalog.AddAsync(cart, product, ct);
        http.Response.Cookies.Append(CartCookie, cart.Id, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Path = "/" });
        return Results.Redirect("/cart");
    });

    private static async Task<IResult> CartAsync(HttpContext http, DemoCatalog catalog, TimeProvider time, CancellationToken ct) => await GuardAsync(async () =>
    {
        var cart = await ActiveCartAsync(http, catalog, ct);
        return Html(DemoPages.Cart(cart, http.Request.Query["message"].FirstOrDefault(), CardExpiry(time)));
    });

    private static IResult ClearCart(HttpContext http)
    {
        http.Response.Cookies.Delete(CartCookie, new CookieOptions { Path = "/" });
        return Results.Redirect("/");
    }

    private static async Task<IResult> PayWithPayPalAsync(HttpContext http, DemoCatalog catalog, DemoCheckout checkout, CancellationToken ct) => await GuardAsync(async () =>
    {
        var cart = await PayableCartAsync(http, catalog, ct);
        var origin = $"{http.Request.Scheme}://{http.Request.Host}";

        // The payment id is not known before the payment exists, so the cart identifies the way back; the payment is the
        // one the cart holds (see PayPalReturnAsync).
        var request = new JsonObject
        {
            ["payment_source"] = new JsonObject
            {
                ["paypal"] = new JsonObject
                {
                    ["experience_context"] = new JsonObject
                    {
                        ["return_url"] = $"{origin}/paypal/return?cart={cart.Id}",
                        ["cancel_url"] = $"{origin}/paypal/cancel?cart={cart.Id}",
                        ["user_action"] = "PAY_NOW",
                        ["shipping_preference"] = "SET_PROVIDED_ADDRESS",
                        ["brand_name"] = "Sandbox demo shop",
                    },
                },
            },
        };
        var (_, order) = await checkout.StartAsync(cart, "paypal", request, ct);
        var approval = DemoCheckout.ApprovalLink(order) ?? throw new DemoException("PayPal returned no approval link");
        return Results.Redirect(approval);
    });

    private static async Task<IResult> PayPalReturnAsync(HttpContext http, DemoCatalog catalog, DemoCheckout checkout, CancellationToken ct) => await GuardAsync(async () =>
    {
        var (cartId, payment) = await PaymentOfReturnAsync(http, checkout, ct);
        var authorizeOnly = await checkout.AuthorizeOnlyAsync(ct);
        var operation = authorizeOnly ? "authorizePayPalOrder" : "capturePayPalOrder";
        payment = await checkout.SetRequestAsync(payment, operation, [], ct);
        return await FinishAsync(http, checkout, cartId, payment, operation, ct);
    });

    private static async Task<IResult> PayPalCancelAsync(HttpContext http, DemoCheckout checkout, CancellationToken ct) => await GuardAsync(async () =>
    {
        var (cartId, payment) = await PaymentOfReturnAsync(http, checkout, ct);
        await checkout.RemoveFromCartAsync(cartId, payment["id"]!.GetValue<string>(), ct);
        return Results.Redirect("/cart?message=" + Uri.EscapeDataString("You cancelled the payment on PayPal. Your cart is still here; choose how to pay."));
    });

    private static async Task<IResult> PayWithCardAsync(HttpContext http, DemoCatalog catalog, DemoCheckout checkout, CancellationToken ct) => await GuardAsync(async () =>
    {
        var cart = await PayableCartAsync(http, catalog, ct);
        var form = await http.Request.ReadFormAsync(ct);

        // Card data goes straight to the payment request (the emulator's card path); it is never logged or shown.
        var request = new JsonObject
        {
            ["payment_source"] = new JsonObject
            {
                ["card"] = new JsonObject
                {
                    ["number"] = form["number"].ToString().Replace(" ", string.Empty, StringComparison.Ordinal),
                    ["expiry"] = form["expiry"].ToString(),
                    ["name"] = form["name"].ToString(),
                    ["security_code"] = "123",
                },
            },
        };
        var (payment, order) = await checkout.StartAsync(cart, "card", request, ct);
        if (DemoCheckout.ApprovalLink(order) is { } link && order["status"]?.GetValue<string>() == "PAYER_ACTION_REQUIRED")
        {
            // 3-D Secure: the buyer must act first; the return URL finishes like PayPal's.
            return Results.Redirect(link);
        }

        var operation = await checkout.AuthorizeOnlyAsync(ct) ? "authorizePayPalOrder" : "capturePayPalOrder";
        payment = await checkout.SetRequestAsync(payment, operation, [], ct);
        return await FinishAsync(http, checkout, cart.Id, payment, operation, ct);
    });

    private static async Task<IResult> PayUponInvoiceAsync(HttpContext http, DemoCatalog catalog, DemoCheckout checkout, CancellationToken ct) => await GuardAsync(async () =>
    {
        var cart = await PayableCartAsync(http, catalog, ct);
        var form = await http.Request.ReadFormAsync(ct);
        var request = new JsonObject
        {
            ["clientMetadataId"] = Guid.NewGuid().ToString("N"),
            ["payment_source"] = new JsonObject
            {
                ["pay_upon_invoice"] = new JsonObject
                {
                    ["birth_date"] = form["birth_date"].ToString(),
                    ["phone"] = new JsonObject { ["national_number"] = "6912345678", ["country_code"] = "49" },
                },
            },
        };
        var (payment, _) = await checkout.StartAsync(cart, "pay_upon_invoice", request, ct);

        // PayPal completes a Pay Upon Invoice order by itself after its checks (webhooks report it); nothing to capture.
        var (orderId, problem) = await checkout.CreateOrderAsync(cart.Id, ct);
        http.Response.Cookies.Delete(CartCookie, new CookieOptions { Path = "/" });
        return ResultRedirect(payment, orderId, problem ?? "PayPal is checking the invoice purchase; the order completes shortly.");
    });

    private static async Task<IResult> ResultAsync(string paymentId, HttpContext http, DemoCheckout checkout, CancellationToken ct) => await GuardAsync(async () =>
    {
        var payment = await checkout.GetPaymentAsync(paymentId, ct);
        return payment is null
            ? Html(DemoPages.Error("No such payment."), 404)
            : Html(DemoPages.Result(payment, http.Request.Query["order"].FirstOrDefault(), http.Request.Query["message"].FirstOrDefault()));
    });

    private static async Task<IResult> ResultActionAsync(string paymentId, string operation, HttpContext http, DemoCheckout checkout, CancellationToken ct) => await GuardAsync(async () =>
    {
        var payment = await checkout.GetPaymentAsync(paymentId, ct) ?? throw new DemoException("No such payment.");
        var order = http.Request.Query["order"].FirstOrDefault();
        var name = operation switch
        {
            "refund" => "refundPayPalOrder",
            "capture" => "capturePayPalAuthorization",
            "refresh" => "getPayPalOrder",
            _ => throw new DemoException("unknown action"),
        };
        try
        {
            payment = await checkout.SetRequestAsync(payment, name, [], ct);
            var response = DemoCheckout.ResponseOf(payment, name);
            var message = name switch
            {
                "refundPayPalOrder" => $"Refund {response["status"]}.",
                "capturePayPalAuthorization" => $"Capture {response["status"]}.",
                _ => $"PayPal says the order is {response["status"]}.",
            };
            return ResultRedirect(payment, order, message);
        }
        catch (DemoException e)
        {
            return ResultRedirect(payment, order, e.Message);
        }
    });

    /// <summary>After capture or authorization: a declined payment goes back to the cart, a successful one becomes an order.</summary>
    private static async Task<IResult> FinishAsync(HttpContext http, DemoCheckout checkout, string cartId, JsonObject payment, string operation, CancellationToken ct)
    {
        var paymentId = payment["id"]!.GetValue<string>();
        try
        {
            DemoCheckout.ResponseOf(payment, operation);
        }
        catch (DemoException e)
        {
            await checkout.RemoveFromCartAsync(cartId, paymentId, ct);
            return Results.Redirect("/cart?message=" + Uri.EscapeDataString(e.Message));
        }

        var paid = (payment["transactions"] as JsonArray ?? []).Any(t => t?["state"]?.GetValue<string>() is "Success" or "Pending");
        if (!paid)
        {
            // The failed payment keeps its record (the result page shows it) but leaves the cart, which can be paid again.
            await checkout.RemoveFromCartAsync(cartId, paymentId, ct);
            return ResultRedirect(payment, null, "The payment was declined. Your cart is still there: try another way to pay.");
        }

        var (orderId, problem) = await checkout.CreateOrderAsync(cartId, ct);
        http.Response.Cookies.Delete(CartCookie, new CookieOptions { Path = "/" });
        return ResultRedirect(payment, orderId, problem is null ? null : "Paid, but the order was not created: " + problem);
    }

    private static IResult ResultRedirect(JsonObject payment, string? orderId, string? message)
    {
        var query = new StringBuilder();
        if (orderId is not null)
        {
            query.Append(query.Length == 0 ? '?' : '&').Append("order=").Append(Uri.EscapeDataString(orderId));
        }

        if (message is not null)
        {
            query.Append(query.Length == 0 ? '?' : '&').Append("message=").Append(Uri.EscapeDataString(message));
        }

        return Results.Redirect($"/result/{payment["id"]!.GetValue<string>()}{query}");
    }

    /// <summary>PayPal sends the buyer back with the cart we named; the payment is the newest PayPal payment on that cart.</summary>
    private static async Task<(string CartId, JsonObject Payment)> PaymentOfReturnAsync(HttpContext http, DemoCheckout checkout, CancellationToken ct)
    {
        var cartId = http.Request.Query["cart"].FirstOrDefault();
        var token = http.Request.Query["token"].FirstOrDefault();
        if (cartId is null || !Guid.TryParse(cartId, out _))
        {
            throw new DemoException("The return from PayPal names no cart.");
        }

        var cart = await checkout.GetCartJsonAsync(cartId, ct) ?? throw new DemoException("The cart is gone.");
        foreach (var reference in (cart["paymentInfo"]?["payments"] as JsonArray ?? []).Reverse())
        {
            var payment = await checkout.GetPaymentAsync(reference?["id"]?.GetValue<string>(), ct);
            if (payment?["custom"]?["fields"]?["PayPalOrderId"]?.GetValue<string>() is { } orderId && (token is null || orderId == token))
            {
                return (cartId, payment);
            }
        }

        throw new DemoException("The cart holds no payment for this PayPal order.");
    }

    private static async Task<DemoCartView?> ActiveCartAsync(HttpContext http, DemoCatalog catalog, CancellationToken ct)
    {
        var cart = await catalog.GetCartAsync(http.Request.Cookies[CartCookie], ct);
        return cart is { State: "Active" } ? cart : null;
    }

    private static async Task<DemoCartView> PayableCartAsync(HttpContext http, DemoCatalog catalog, CancellationToken ct)
    {
        var cart = await ActiveCartAsync(http, catalog, ct);
        return cart is { IsEmpty: false } ? cart : throw new DemoException("Your cart is empty.");
    }

    private static string CardExpiry(TimeProvider time)
    {
        var inThreeYears = time.GetUtcNow().AddYears(3);
        return inThreeYears.ToString("yyyy-MM", CultureInfo.InvariantCulture);
    }

    private static async Task<IResult> GuardAsync(Func<Task<IResult>> step)
    {
        try
        {
            return await step();
        }
        catch (DemoException e)
        {
            return Results.Redirect("/cart?message=" + Uri.EscapeDataString(e.Message));
        }
        catch (HttpRequestException)
        {
            // The shopper sees a sentence, never a stack trace; the sandbox's console shows which service stopped.
            return Html(DemoPages.Error("The shop cannot reach commercetools right now. Please try again."), 503);
        }
    }

    private static IResult Html(string html, int status = 200) => Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
}
