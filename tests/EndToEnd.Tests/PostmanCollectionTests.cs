using System.Net;
using System.Text.Json.Nodes;

namespace EndToEnd.Tests;

/// <summary>
/// Every payment request of the merchants' Postman collection, sent unchanged (only its variables filled and the
/// PayPal ids it hard-codes replaced by real ones) against the sandbox, behaves as docs/contract.md says.
/// </summary>
public sealed class PostmanCollectionTests : IAsyncLifetime
{
    private PrivateSandbox? _sandbox;
    private PostmanCollection _postman = PostmanCollection.Load();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private SandboxFixture Sandbox => _sandbox!.Fixture;

    public async ValueTask InitializeAsync()
    {
        // Settings are edited between tests (payPalIntent), so this class reads them uncached.
        _sandbox = await PrivateSandbox.StartAsync(new() { ["connector"] = new() { ["Connector:SettingsCacheSeconds"] = "0" } });
        var info = Sandbox.Info.Commercetools;
        _postman.Variables["host"] = info.ApiUrl;
        _postman.Variables["auth_url"] = info.AuthUrl;
        _postman.Variables["project-key"] = info.ProjectKey;
        _postman.Variables["client_id"] = info.ClientId;
        _postman.Variables["client_secret"] = info.ClientSecret;
        var (status, token) = await _postman.SendAsync(Sandbox.Http, "Obtain access token", Ct);
        status.ShouldBe(HttpStatusCode.OK);
        _postman.Variables["ctp_access_token"] = token!["access_token"]!.GetValue<string>();
    }

    public async ValueTask DisposeAsync() => await _sandbox!.DisposeAsync();

    [Fact]
    public async Task Token_introspection_reports_the_token_active()
    {
        var (status, body) = await _postman.SendAsync(Sandbox.Http, "Token Introspection", Ct);
        status.ShouldBe(HttpStatusCode.OK);
        body!["active"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task Capture_intent_requests_run_from_order_to_full_refund()
    {
        await SetIntentAsync("Capture");
        await NewPaymentAsync(130_00);
        await OkAsync("SetCustomType For Payment");

        var payment = await OkAsync("getClientToken");
        payment.Field("getClientTokenResponse").ShouldNotBeNullOrWhiteSpace();
        payment.Field("getClientTokenResponse")!.ShouldNotStartWith("{");

        payment = await OkAsync("CreateOrder");
        var order = payment.FieldJson("createPayPalOrderResponse");
        order["status"]!.GetValue<string>().ShouldBe("CREATED");
        var orderId = order["id"]!.GetValue<string>();
        await ApproveAsync(order);

        payment = await OkAsync("GetOrder");
        payment.FieldJson("getPayPalOrderResponse")["status"]!.GetValue<string>().ShouldBe("APPROVED");

        // Sent unchanged, the collection's placeholder order id is not this payment's order: a clear refusal, nothing applied.
        var (refused, error) = await _postman.SendAsync(Sandbox.Http, "UpdateOrder", Ct);
        refused.ShouldBe(HttpStatusCode.BadRequest, error?.ToJsonString());
        error.ErrorCode().ShouldBe("InvalidOperation");
        error.ErrorMessage().ShouldContain("orderId is not this payment's PayPal order");

        _postman.Patch("UpdateOrder", "4CW85179BD877004V", orderId);
        payment = await OkAsync("UpdateOrder");
        payment.FieldJson("updatePayPalOrderResponse")["status"]!.GetValue<string>().ShouldBe("success");

        payment = await OkAsync("CaptureOrder");
        var charge = payment.Transactions().Single(t => t["type"]!.GetValue<string>() == "Charge");
        charge["state"]!.GetValue<string>().ShouldBe("Success");
        charge["amount"]!["centAmount"]!.GetValue<long>().ShouldBe(130_00);
        var captureId = charge["interactionId"]!.GetValue<string>();

        payment = await OkAsync("GetCapture");
        payment.FieldJson("getPayPalCaptureResponse")["id"]!.GetValue<string>().ShouldBe(captureId);

        payment = await OkAsync("createTrackingInformation");
        payment.FieldJson("createTrackingInformationResponse")["id"]!.GetValue<string>().ShouldBe(orderId);

        _postman.Patch("updateTrackingInformation", "7ED57114A9758913N-ABCDE", $"{captureId}-ABCDE");
        payment = await OkAsync("updateTrackingInformation");
        payment.FieldJson("updateTrackingInformationResponse")["status"]!.GetValue<string>().ShouldBe("success");

        payment = await OkAsync("Partial Refund");
        payment = await OkAsync("Refund");
        var refunds = payment.Transactions().Where(t => t["type"]!.GetValue<string>() == "Refund").Select(t => t["amount"]!["centAmount"]!.GetValue<long>()).ToList();
        refunds.ShouldBe([2_00, 128_00]);

        var (status, settings) = await _postman.SendAsync(Sandbox.Http, "GetSettings", Ct);
        status.ShouldBe(HttpStatusCode.OK);
        settings!["value"]!["payPalIntent"]!.GetValue<string>().ShouldBe("Capture");
    }

    [Fact]
    public async Task Authorize_intent_requests_authorize_capture_and_void()
    {
        await SetIntentAsync("Authorize");
        await NewPaymentAsync(40_00);
        await OkAsync("SetCustomType For Payment");
        var payment = await OkAsync("CreateOrder");
        await ApproveAsync(payment.FieldJson("createPayPalOrderResponse"));
        payment = await OkAsync("AuthorizeOrder");
        payment.Transactions().Single(t => t["type"]!.GetValue<string>() == "Authorization")["state"]!.GetValue<string>().ShouldBe("Success");
        payment = await OkAsync("CaptureAuthorization");
        payment.Transactions().Single(t => t["type"]!.GetValue<string>() == "Charge")["amount"]!["centAmount"]!.GetValue<long>().ShouldBe(40_00);

        foreach (var example in new[] { "VoidAuthorization", "VoidAuthorization/VoidAuthorization for specific transaction" })
        {
            await NewPaymentAsync(15_00);
            await OkAsync("SetCustomType For Payment");
            payment = await OkAsync("CreateOrder");
            await ApproveAsync(payment.FieldJson("createPayPalOrderResponse"));
            payment = await OkAsync("AuthorizeOrder");
            var authorizationId = payment.Transactions().Single(t => t["type"]!.GetValue<string>() == "Authorization")["interactionId"]!.GetValue<string>();
            if (example.Contains('/', StringComparison.Ordinal))
            {
                _postman = PostmanCollection.LoadWith(_postman);
                _postman.Patch(example, "commercetools-transaction-interaction-id", authorizationId);
            }

            payment = await OkAsync(example);
            var cancel = payment.Transactions().Single(t => t["type"]!.GetValue<string>() == "CancelAuthorization");
            cancel["interactionId"]!.GetValue<string>().ShouldBe(authorizationId);
            cancel["amount"]!["centAmount"]!.GetValue<long>().ShouldBe(15_00);
        }
    }

    [Theory]
    [InlineData("CreateOrder/PayPal", "PAYER_ACTION_REQUIRED")]
    [InlineData("CreateOrder/Venmo", null)]
    [InlineData("CreateOrder/Card", "CREATED")]
    [InlineData("CreateOrder/Google Pay", null)]
    [InlineData("CreateOrder/Apple Pay", null)]
    public async Task Create_order_examples_create_a_PayPal_order(string example, string? expectedStatus)
    {
        await SetIntentAsync("Capture");
        // The card example vaults on success, which needs the payment's customer.
        await NewPaymentAsync(20_00, withCustomer: true);
        await OkAsync("SetCustomType For Payment");

        var payment = await OkAsync(example);

        var order = payment.FieldJson("createPayPalOrderResponse");
        order["success"].ShouldBeNull(order.ToJsonString());
        order["id"]!.GetValue<string>().ShouldBe(payment.Field("PayPalOrderId"));
        if (expectedStatus is not null)
        {
            order["status"]!.GetValue<string>().ShouldBe(expectedStatus);
        }
    }

    [Fact]
    public async Task Pay_Upon_Invoice_example_without_a_cart_is_refused_with_InvalidInput()
    {
        await NewPaymentAsync(20_00);
        await OkAsync("SetCustomType For Payment");

        var (status, body) = await _postman.SendAsync(Sandbox.Http, "CreateOrder/PayUponInvoice", Ct);

        status.ShouldBe(HttpStatusCode.BadRequest);
        body!["errors"]![0]!["code"]!.GetValue<string>().ShouldBe("InvalidInput");
        body["errors"]![0]!["message"]!.GetValue<string>().ShouldContain("cart");
    }

    [Fact]
    public async Task Pay_Upon_Invoice_example_for_a_cart_creates_an_order_that_waits_for_Ratepay()
    {
        await SetSettingsAsync(v =>
        {
            v["payPalIntent"] = "Authorize";
            v["ratePayBrandName"] = new JsonObject { ["de"] = "Demo Shop" };
            v["ratePayCustomerServiceInstructions"] = new JsonObject { ["de"] = "Kundenservice: 0800 123456" };
        });
        var ct = await CommercetoolsDriver.CreateAsync(Sandbox, Ct);
        var catalog = await CheckoutDriver.CatalogAsync(ct, "EUR", 19_99, "DE", "0.19", withShipping: false);
        var cart = await CheckoutDriver.CartAsync(ct, catalog, "EUR", "DE", quantity: 1);
        var payment = await CheckoutDriver.PayForCartAsync(ct, cart, "EUR", cart["taxedPrice"]!["totalGross"]!["centAmount"]!.GetValue<long>());
        _postman.Variables["payment-id"] = payment["id"]!.GetValue<string>();
        _postman.Variables["payment-version"] = payment["version"]!.ToString();

        payment = await OkAsync("CreateOrder/PayUponInvoice");

        var order = payment.FieldJson("createPayPalOrderResponse");
        order["status"]!.GetValue<string>().ShouldBe("PENDING_APPROVAL");
        order["intent"]?.GetValue<string>().ShouldBe("CAPTURE");
        var source = order["payment_source"]!["pay_upon_invoice"]!;
        source["name"]!["surname"]!.GetValue<string>().ShouldBe("Mustermann");
        payment["interfaceInteractions"]!.AsArray().Select(i => i!["fields"]!["data"]!.GetValue<string>())
            .ShouldAllBe(data => !data.Contains("1990-01-01") && !data.Contains("6912345678"));
    }

    private async Task<JsonObject> OkAsync(string name)
    {
        var (status, body) = await _postman.SendAsync(Sandbox.Http, name, Ct);
        status.ShouldBe(HttpStatusCode.OK, $"{name}: {body?.ToJsonString()}");
        var payment = body!.AsObject();
        _postman.Variables["payment-version"] = payment["version"]!.ToString();
        foreach (var (field, value) in payment["custom"]?["fields"]?.AsObject() ?? [])
        {
            if (field.EndsWith("Response", StringComparison.Ordinal) && value is JsonValue v && v.GetValue<string>().StartsWith("{\"success\":false", StringComparison.Ordinal))
            {
                throw new ShouldAssertException($"{name}: {field} reports a failure: {v}");
            }
        }

        return payment;
    }

    private async Task NewPaymentAsync(long cents, bool withCustomer = false)
    {
        var ct = await CommercetoolsDriver.CreateAsync(Sandbox, Ct);
        var draft = new JsonObject { ["amountPlanned"] = new JsonObject { ["currencyCode"] = "EUR", ["centAmount"] = cents } };
        if (withCustomer)
        {
            var (customerStatus, customer) = await ct.SendAsync(HttpMethod.Post, "/customers", new JsonObject
            {
                ["email"] = $"postman-{Guid.NewGuid():N}@example.com",
                ["password"] = "secret-Passw0rd",
            }, Ct);
            customerStatus.ShouldBe(HttpStatusCode.Created, customer?.ToJsonString());
            draft["customer"] = new JsonObject { ["typeId"] = "customer", ["id"] = customer!["customer"]!["id"]!.DeepClone() };
        }

        var (status, payment) = await ct.SendAsync(HttpMethod.Post, "/payments", draft, Ct);
        status.ShouldBe(HttpStatusCode.Created, payment?.ToJsonString());
        _postman.Variables["payment-id"] = payment!["id"]!.GetValue<string>();
        _postman.Variables["payment-version"] = payment["version"]!.ToString();
        _postman = PostmanCollection.LoadWith(_postman);
    }

    private async Task ApproveAsync(JsonObject order)
    {
        var link = order["links"]!.AsArray().First(l => l!["rel"]!.GetValue<string>() is "approve" or "payer-action")!["href"]!.GetValue<string>();
        using var response = await BuyerDriver.DecideAsync(Sandbox.Http, link, "approve", Ct);
        ((int)response.StatusCode).ShouldBeLessThan(400);
    }

    private Task SetIntentAsync(string intent) => SetSettingsAsync(v => v["payPalIntent"] = intent);

    private async Task SetSettingsAsync(Action<JsonObject> change)
    {
        var ct = await CommercetoolsDriver.CreateAsync(Sandbox, Ct);
        var (status, current) = await ct.SendAsync(HttpMethod.Get, "/custom-objects/paypal-commercetools-connector/settings", null, Ct);
        status.ShouldBe(HttpStatusCode.OK);
        var value = current!["value"]!.AsObject();
        change(value);
        var (updated, body) = await ct.SendAsync(HttpMethod.Post, "/custom-objects", new JsonObject
        {
            ["container"] = "paypal-commercetools-connector",
            ["key"] = "settings",
            ["value"] = value.DeepClone(),
            ["version"] = current["version"]!.DeepClone(),
        }, Ct);
        ((int)updated).ShouldBeLessThan(300, body?.ToJsonString());
    }
}
