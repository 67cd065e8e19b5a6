using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace EndToEnd.Tests;

/// <summary>
/// A shopper pays with their own token through <c>/me/payments</c> (seed 002): the whole PayPal flow works, the amount
/// charged is the cart's, and nothing of another shopper's payments or the merchant's secrets is reachable.
/// </summary>
public sealed class MyPaymentsTests(SandboxFixture sandbox)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_shopper_with_a_password_token_pays_the_cart_total_through_My_Payments()
    {
        var vault = await VaultDriver.CreateAsync(sandbox, Ct);
        var customer = await vault.CreateCustomerAsync(Ct);
        var shopper = await ShopperAsync(customer);
        var cart = await CartAsync(vault, customer, 24_50);

        var payment = await shopper.CreateAsync(24_50, new JsonObject(), HttpStatusCode.Created);
        payment["customer"]!["id"]!.GetValue<string>().ShouldBe(customer.Id());
        await AddPaymentAsync(vault, cart, payment.Id());

        payment = await shopper.SetFieldOkAsync(payment, "createPayPalOrderRequest", "{}");
        var created = payment.FieldJson("createPayPalOrderResponse");
        created["purchase_units"]![0]!["amount"]!["value"]!.GetValue<string>().ShouldBe("24.50");
        var approve = created["links"]!.AsArray().Single(l => l!["rel"]!.GetValue<string>() == "approve")!["href"]!.GetValue<string>();
        using (var decided = await BuyerDriver.DecideAsync(sandbox.Http, approve, "approve", Ct))
        {
            ((int)decided.StatusCode).ShouldBeLessThan(400);
        }

        payment = await shopper.SetFieldOkAsync(payment, "capturePayPalOrderRequest", "{}");

        var charge = payment.Transactions().ShouldHaveSingleItem();
        charge["type"]!.GetValue<string>().ShouldBe("Charge");
        charge["state"]!.GetValue<string>().ShouldBe("Success");
        charge["amount"]!["centAmount"]!.GetValue<long>().ShouldBe(24_50);
        var text = payment.ToJsonString();
        payment["interfaceInteractions"].ShouldBeNull("My Payments is a restricted view");
        text.ShouldNotContain(sandbox.Info.PayPal.ClientSecret);
        text.ShouldNotContain(sandbox.Info.Commercetools.ClientSecret);
    }

    [Fact]
    public async Task An_anonymous_session_pays_through_My_Payments()
    {
        var vault = await VaultDriver.CreateAsync(sandbox, Ct);
        var shopper = await AnonymousShopperAsync();
        var (_, cartBody) = await vault.Commercetools.SendAsync(HttpMethod.Post, "/carts", CartDraft(15_00, anonymousId: shopper.AnonymousId), Ct);
        var payment = await shopper.CreateAsync(15_00, new JsonObject(), HttpStatusCode.Created);
        payment["anonymousId"]!.GetValue<string>().ShouldBe(shopper.AnonymousId);
        await AddPaymentAsync(vault, cartBody!.AsObject(), payment.Id());

        payment = await shopper.SetFieldOkAsync(payment, "createPayPalOrderRequest", "{}");

        payment.FieldJson("createPayPalOrderResponse")["purchase_units"]![0]!["amount"]!["value"]!.GetValue<string>().ShouldBe("15.00");
    }

    [Fact]
    public async Task A_shopper_cannot_lower_the_amount_below_the_cart_total()
    {
        var vault = await VaultDriver.CreateAsync(sandbox, Ct);
        var customer = await vault.CreateCustomerAsync(Ct);
        var shopper = await ShopperAsync(customer);
        var cart = await CartAsync(vault, customer, 99_00);
        var payment = await shopper.CreateAsync(1, new JsonObject(), HttpStatusCode.Created);
        await AddPaymentAsync(vault, cart, payment.Id());

        var (status, body) = await shopper.SetFieldAsync(payment, "createPayPalOrderRequest", "{}");

        status.ShouldBe(HttpStatusCode.BadRequest, body?.ToJsonString());
        body.ErrorCode().ShouldBe("InvalidInput");
        body.ErrorMessage().ShouldContain("amountPlanned");
    }

    [Fact]
    public async Task A_shopper_payment_created_with_an_order_request_but_no_cart_is_refused()
    {
        var vault = await VaultDriver.CreateAsync(sandbox, Ct);
        var shopper = await ShopperAsync(await vault.CreateCustomerAsync(Ct));

        var (status, body) = await shopper.CreateRawAsync(1, new JsonObject { ["createPayPalOrderRequest"] = "{}" });

        status.ShouldBe(HttpStatusCode.BadRequest, body?.ToJsonString());
        body.ErrorCode().ShouldBe("InvalidInput");
        body.ErrorMessage().ShouldContain("cart");
    }

    [Fact]
    public async Task A_shopper_cannot_read_change_or_capture_another_shopper_s_payment()
    {
        var vault = await VaultDriver.CreateAsync(sandbox, Ct);
        var b = await vault.CreateCustomerAsync(Ct);
        var shopperB = await ShopperAsync(b);
        var cartB = await CartAsync(vault, b, 50_00);
        var paymentB = await shopperB.CreateAsync(50_00, new JsonObject(), HttpStatusCode.Created);
        await AddPaymentAsync(vault, cartB, paymentB.Id());
        paymentB = await shopperB.SetFieldOkAsync(paymentB, "createPayPalOrderRequest", "{}");
        var orderOfB = paymentB.FieldJson("createPayPalOrderResponse")["id"]!.GetValue<string>();
        var approve = paymentB.FieldJson("createPayPalOrderResponse")["links"]!.AsArray().Single(l => l!["rel"]!.GetValue<string>() == "approve")!["href"]!.GetValue<string>();
        using (await BuyerDriver.DecideAsync(sandbox.Http, approve, "approve", Ct))
        {
        }

        var shopperA = await ShopperAsync(await vault.CreateCustomerAsync(Ct));
        (await shopperA.SendAsync(HttpMethod.Get, $"/me/payments/{paymentB.Id()}", null)).Status.ShouldBe(HttpStatusCode.NotFound);
        (await shopperA.SetFieldAsync(paymentB, "capturePayPalOrderRequest", "{}")).Status.ShouldBe(HttpStatusCode.NotFound);

        var paymentA = await shopperA.CreateAsync(1_00, new JsonObject(), HttpStatusCode.Created);
        var (status, body) = await shopperA.SetFieldAsync(paymentA, "capturePayPalOrderRequest", new JsonObject { ["orderId"] = orderOfB }.ToJsonString());
        status.ShouldBe(HttpStatusCode.BadRequest, body?.ToJsonString());
        body.ErrorMessage().ShouldContain("orderId");

        paymentB = await shopperB.SetFieldOkAsync(await shopperB.GetAsync(paymentB.Id()), "capturePayPalOrderRequest", "{}");
        paymentB.Transactions().ShouldHaveSingleItem()["amount"]!["centAmount"]!.GetValue<long>().ShouldBe(50_00);
    }

    [Fact]
    public async Task A_shopper_cannot_vault_for_or_pay_with_another_customer_s_token_through_My_Payments()
    {
        var vault = await VaultDriver.CreateAsync(sandbox, Ct);
        var (_, tokenOfB) = await vault.VaultCardAsync(await vault.CreateCustomerAsync(Ct), Ct);
        var a = await vault.CreateCustomerAsync(Ct);
        var shopperA = await ShopperAsync(a);
        var cart = await CartAsync(vault, a, 10_00);
        var payment = await shopperA.CreateAsync(10_00, new JsonObject(), HttpStatusCode.Created);
        await AddPaymentAsync(vault, cart, payment.Id());

        var (status, body) = await shopperA.SetFieldAsync(payment, "createPayPalOrderRequest",
            new JsonObject { ["payment_source"] = new JsonObject { ["card"] = new JsonObject { ["vault_id"] = tokenOfB } } }.ToJsonString());

        status.ShouldBe(HttpStatusCode.BadRequest, body?.ToJsonString());
        body.ErrorCode().ShouldBe("InvalidInput");
    }

    private static JsonObject CartDraft(long centAmount, string? customerId = null, string? anonymousId = null)
    {
        var draft = new JsonObject
        {
            ["currency"] = "EUR",
            ["country"] = "DE",
            ["taxMode"] = "Disabled",
            ["customLineItems"] = new JsonArray(new JsonObject
            {
                ["name"] = new JsonObject { ["en"] = "Gift wrap" },
                ["money"] = new JsonObject { ["currencyCode"] = "EUR", ["centAmount"] = centAmount },
                ["slug"] = "gift-wrap",
                ["quantity"] = 1,
            }),
        };
        if (customerId is not null)
        {
            draft["customerId"] = customerId;
        }

        if (anonymousId is not null)
        {
            draft["anonymousId"] = anonymousId;
        }

        return draft;
    }

    private static async Task<JsonObject> CartAsync(VaultDriver vault, JsonObject customer, long centAmount)
    {
        var (status, body) = await vault.Commercetools.SendAsync(HttpMethod.Post, "/carts", CartDraft(centAmount, customerId: customer.Id()), Ct);
        status.ShouldBe(HttpStatusCode.Created, body?.ToJsonString());
        body!["totalPrice"]!["centAmount"]!.GetValue<long>().ShouldBe(centAmount);
        return body.AsObject();
    }

    /// <summary>The storefront backend attaches the payment to the cart (as it would after creating it).</summary>
    private static async Task AddPaymentAsync(VaultDriver vault, JsonObject cart, string paymentId)
    {
        var (status, body) = await vault.Commercetools.SendAsync(HttpMethod.Post, $"/carts/{cart.Id()}", new JsonObject
        {
            ["version"] = cart["version"]!.GetValue<long>(),
            ["actions"] = new JsonArray(new JsonObject { ["action"] = "addPayment", ["payment"] = new JsonObject { ["typeId"] = "payment", ["id"] = paymentId } }),
        }, Ct);
        status.ShouldBe(HttpStatusCode.OK, body?.ToJsonString());
    }

    private async Task<Shopper> ShopperAsync(JsonObject customer)
    {
        var info = sandbox.Info.Commercetools;
        var token = await TokenAsync($"{info.AuthUrl}/oauth/{info.ProjectKey}/customers/token",
            [new("grant_type", "password"), new("username", customer["email"]!.GetValue<string>()), new("password", VaultDriver.Password)]);
        return new Shopper(sandbox, token["access_token"]!.GetValue<string>(), null);
    }

    private async Task<Shopper> AnonymousShopperAsync()
    {
        var info = sandbox.Info.Commercetools;
        var token = await TokenAsync($"{info.AuthUrl}/oauth/{info.ProjectKey}/anonymous/token", [new("grant_type", "client_credentials")]);
        var anonymousId = token["scope"]!.GetValue<string>().Split(' ').Single(s => s.StartsWith("anonymous_id:", StringComparison.Ordinal))["anonymous_id:".Length..];
        return new Shopper(sandbox, token["access_token"]!.GetValue<string>(), anonymousId);
    }

    private async Task<JsonObject> TokenAsync(string url, List<KeyValuePair<string, string>> form)
    {
        var info = sandbox.Info.Commercetools;
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{info.ClientId}:{info.ClientSecret}")));
        using var response = await sandbox.Http.SendAsync(request, Ct);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body?.ToJsonString());
        return body!;
    }

    /// <summary>A shopper's client: only <c>/me/...</c> with the shopper's own token.</summary>
    private sealed class Shopper(SandboxFixture sandbox, string token, string? anonymousId)
    {
        public string? AnonymousId => anonymousId;

        public async Task<JsonObject> CreateAsync(long centAmount, JsonObject fields, HttpStatusCode expected)
        {
            var (status, body) = await CreateRawAsync(centAmount, fields);
            status.ShouldBe(expected, body?.ToJsonString());
            return body!.AsObject();
        }

        public Task<(HttpStatusCode Status, JsonNode? Body)> CreateRawAsync(long centAmount, JsonObject fields) =>
            SendAsync(HttpMethod.Post, "/me/payments", new JsonObject
            {
                ["amountPlanned"] = new JsonObject { ["currencyCode"] = "EUR", ["centAmount"] = centAmount },
                ["paymentMethodInfo"] = new JsonObject { ["paymentInterface"] = "PayPal", ["method"] = "paypal" },
                ["custom"] = new JsonObject { ["type"] = new JsonObject { ["typeId"] = "type", ["key"] = "paypal-payment-type" }, ["fields"] = fields },
            });

        public async Task<JsonObject> GetAsync(string id)
        {
            var (status, body) = await SendAsync(HttpMethod.Get, $"/me/payments/{id}", null);
            status.ShouldBe(HttpStatusCode.OK, body?.ToJsonString());
            return body!.AsObject();
        }

        public Task<(HttpStatusCode Status, JsonNode? Body)> SetFieldAsync(JsonObject payment, string name, string value) =>
            SendAsync(HttpMethod.Post, $"/me/payments/{payment.Id()}", new JsonObject
            {
                ["version"] = payment["version"]!.GetValue<long>(),
                ["actions"] = new JsonArray(new JsonObject { ["action"] = "setCustomField", ["name"] = name, ["value"] = value }),
            });

        public async Task<JsonObject> SetFieldOkAsync(JsonObject payment, string name, string value)
        {
            var (status, body) = await SetFieldAsync(payment, name, value);
            status.ShouldBe(HttpStatusCode.OK, body?.ToJsonString());
            return body!.AsObject();
        }

        public async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(HttpMethod method, string path, JsonNode? body)
        {
            var info = sandbox.Info.Commercetools;
            using var request = new HttpRequestMessage(method, $"{info.ApiUrl}/{info.ProjectKey}{path}");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            if (body is not null)
            {
                request.Content = JsonContent.Create(body);
            }

            using var response = await sandbox.Http.SendAsync(request, Ct);
            var text = await response.Content.ReadAsStringAsync(Ct);
            return (response.StatusCode, string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text));
        }
    }
}
