using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace EndToEnd.Tests;

/// <summary>
/// Money exactly once under the faults a merchant's backend really meets: for every money-moving operation, the first
/// attempt loses its answer (commercetools 409 because another write landed meanwhile, the connection dropped after PayPal
/// acted, or PayPal's answer came too late), the client re-reads and retries as the README says, and PayPal ends with
/// exactly the money intended while commercetools' transactions match PayPal's one to one. Faults are armed in the
/// PayPal emulator, which executes the call and then loses its answer, as PayPal completes what it received.
/// </summary>
public sealed class ExactlyOnceTests : IAsyncLifetime
{
    private PrivateSandbox? _sandbox;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private SandboxFixture Fixture => _sandbox!.Fixture;

    public async ValueTask InitializeAsync() =>
        _sandbox = await PrivateSandbox.StartAsync(new() { ["connector"] = new() { ["Connector:SettingsCacheSeconds"] = "0" } });

    public async ValueTask DisposeAsync() => await _sandbox!.DisposeAsync();

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var operation in new[] { "capturePayPalOrder", "authorizePayPalOrder", "capturePayPalAuthorization", "voidPayPalAuthorization", "partialRefund", "fullRefund" })
        {
            foreach (var fault in new[] { "conflict", "dropped", "late" })
            {
                data.Add(operation, fault);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_lost_answer_then_the_retry_moves_the_money_once_and_commercetools_matches_PayPal(string operation, string fault)
    {
        var ct = await CommercetoolsDriver.CreateAsync(Fixture, Ct);
        var (payment, orderId) = await PrepareAsync(ct, operation);
        var (field, value, path) = operation switch
        {
            "capturePayPalOrder" => ("capturePayPalOrderRequest", "{}", "/v2/checkout/orders/*/capture"),
            "authorizePayPalOrder" => ("authorizePayPalOrderRequest", "{}", "/v2/checkout/orders/*/authorize"),
            "capturePayPalAuthorization" => ("capturePayPalAuthorizationRequest", """{"amount":"12.00"}""", "/v2/payments/authorizations/*/capture"),
            "voidPayPalAuthorization" => ("voidPayPalAuthorizationRequest", "{}", "/v2/payments/authorizations/*/void"),
            "partialRefund" => ("refundPayPalOrderRequest", """{"amount":"7.50"}""", "/v2/payments/captures/*/refund"),
            _ => ("refundPayPalOrderRequest", "{}", "/v2/payments/captures/*/refund"),
        };

        await ArmAsync(fault switch
        {
            "conflict" => new JsonObject { ["mode"] = "timeout", ["delay_ms"] = 1500, ["then"] = "answer", ["method"] = "POST", ["path"] = path },
            "dropped" => new JsonObject { ["mode"] = "close", ["method"] = "POST", ["path"] = path },
            // Longer than the extension's time budget (10 s less 15 %): the connector gives up, PayPal has acted.
            _ => new JsonObject { ["mode"] = "timeout", ["delay_ms"] = 9000, ["then"] = "answer", ["method"] = "POST", ["path"] = path },
        });
        var attempt = ct.SetCustomFieldAsync(payment.Id(), payment["version"]!.GetValue<long>(), field, value, Ct);
        if (fault == "conflict")
        {
            // Meanwhile a back-office edit lands on the payment: the extension's answer arrives for a stale version.
            await Task.Delay(400, Ct);
            (await ct.SendAsync(HttpMethod.Post, $"/payments/{payment.Id()}", new JsonObject
            {
                ["version"] = payment["version"]!.GetValue<long>(),
                ["actions"] = new JsonArray(new JsonObject { ["action"] = "setCustomField", ["name"] = "PayPalCustomId", ["value"] = "back-office" }),
            }, Ct)).Status.ShouldBe(HttpStatusCode.OK);
        }

        var (firstStatus, firstBody) = await attempt;
        firstStatus.ShouldBe(fault == "conflict" ? HttpStatusCode.Conflict : HttpStatusCode.BadRequest, firstBody?.ToJsonString());
        await ClearFaultsAsync();

        // The client does what the README says: re-read, send the same request again.
        var retried = await ct.SetCustomFieldOkAsync(await ct.GetPaymentAsync(payment.Id(), Ct), field, value, Ct);
        retried.Field(field.Replace("Request", "Response", StringComparison.Ordinal))!.ShouldNotContain("\"success\":false");

        var order = await PayPalAsync(HttpMethod.Get, $"/v2/checkout/orders/{orderId}");
        var payments = order["purchase_units"]![0]!["payments"]!.AsObject();
        (int Captures, int Authorizations, int Refunds) expected = operation switch
        {
            "capturePayPalOrder" => (1, 0, 0),
            "authorizePayPalOrder" => (0, 1, 0),
            "capturePayPalAuthorization" => (1, 1, 0),
            "voidPayPalAuthorization" => (0, 1, 0),
            _ => (1, 0, 1),
        };
        Count(payments, "captures").ShouldBe(expected.Captures);
        Count(payments, "authorizations").ShouldBe(expected.Authorizations);
        Count(payments, "refunds").ShouldBe(expected.Refunds);
        if (operation == "partialRefund")
        {
            payments["refunds"]![0]!["amount"]!["value"]!.GetValue<string>().ShouldBe("7.50");
        }

        if (operation == "fullRefund")
        {
            payments["refunds"]![0]!["amount"]!["value"]!.GetValue<string>().ShouldBe("30.00");
        }

        if (operation == "voidPayPalAuthorization")
        {
            payments["authorizations"]![0]!["status"]!.GetValue<string>().ShouldBe("VOIDED");
        }

        OneToOne(retried, "Charge", payments["captures"]);
        OneToOne(retried, "Authorization", payments["authorizations"]);
        OneToOne(retried, "Refund", payments["refunds"]);
        retried.Transactions().Count(t => t["type"]!.GetValue<string>() == "CancelAuthorization").ShouldBe(operation == "voidPayPalAuthorization" ? 1 : 0);
    }

    [Fact]
    public async Task Two_identical_partial_refunds_are_one_refund_unless_each_carries_its_own_idempotencyKey()
    {
        var ct = await CommercetoolsDriver.CreateAsync(Fixture, Ct);
        var (payment, orderId) = await PrepareAsync(ct, "partialRefund");

        payment = await ct.SetCustomFieldOkAsync(payment, "refundPayPalOrderRequest", """{"amount":"1.00"}""", Ct);
        payment = await ct.SetCustomFieldOkAsync(payment, "refundPayPalOrderRequest", """{"amount":"1.00"}""", Ct);
        Count((await PayPalAsync(HttpMethod.Get, $"/v2/checkout/orders/{orderId}"))["purchase_units"]![0]!["payments"]!.AsObject(), "refunds").ShouldBe(1);

        payment = await ct.SetCustomFieldOkAsync(payment, "refundPayPalOrderRequest", """{"amount":"1.00","idempotencyKey":"return-1"}""", Ct);
        payment = await ct.SetCustomFieldOkAsync(payment, "refundPayPalOrderRequest", """{"amount":"1.00","idempotencyKey":"return-2"}""", Ct);

        var refunds = (await PayPalAsync(HttpMethod.Get, $"/v2/checkout/orders/{orderId}"))["purchase_units"]![0]!["payments"]!["refunds"]!.AsArray();
        refunds.Count.ShouldBe(3);
        OneToOne(payment, "Refund", refunds);
    }

    [Fact]
    public async Task A_capture_whose_answer_was_lost_is_recorded_by_the_retry_even_when_PayPal_says_already_captured()
    {
        var ct = await CommercetoolsDriver.CreateAsync(Fixture, Ct);
        var (payment, orderId) = await PrepareAsync(ct, "capturePayPalOrder");
        // Captured at PayPal with another request id (another client, or an id PayPal no longer remembers).
        await PayPalAsync(HttpMethod.Post, $"/v2/checkout/orders/{orderId}/capture", new JsonObject());

        payment = await ct.SetCustomFieldOkAsync(payment, "capturePayPalOrderRequest", "{}", Ct);

        payment.Field("capturePayPalOrderResponse")!.ShouldNotContain("\"success\":false");
        var captures = (await PayPalAsync(HttpMethod.Get, $"/v2/checkout/orders/{orderId}"))["purchase_units"]![0]!["payments"]!["captures"]!;
        OneToOne(payment, "Charge", captures);
        payment["paymentStatus"]!["interfaceCode"]!.GetValue<string>().ShouldBe("COMPLETED");
    }

    [Fact]
    public async Task A_capture_made_at_PayPal_is_recorded_once_by_getPayPalOrder_however_often_it_is_read()
    {
        var ct = await CommercetoolsDriver.CreateAsync(Fixture, Ct);
        var (payment, orderId) = await PrepareAsync(ct, "capturePayPalOrder");
        var captured = await PayPalAsync(HttpMethod.Post, $"/v2/checkout/orders/{orderId}/capture", new JsonObject());
        var captureId = captured["purchase_units"]![0]!["payments"]!["captures"]![0]!["id"]!.GetValue<string>();
        await PayPalAsync(HttpMethod.Post, $"/v2/payments/captures/{captureId}/refund", new JsonObject { ["amount"] = new JsonObject { ["currency_code"] = "EUR", ["value"] = "2.00" } });

        payment = await ct.SetCustomFieldOkAsync(payment, "getPayPalOrderRequest", "{}", Ct);
        payment = await ct.SetCustomFieldOkAsync(payment, "getPayPalOrderRequest", "{}", Ct);

        var payments = (await PayPalAsync(HttpMethod.Get, $"/v2/checkout/orders/{orderId}"))["purchase_units"]![0]!["payments"]!;
        OneToOne(payment, "Charge", payments["captures"]);
        OneToOne(payment, "Refund", payments["refunds"]);
        payment.Transactions().Single(t => t["type"]!.GetValue<string>() == "Refund")["amount"]!["centAmount"]!.GetValue<long>().ShouldBe(2_00);
    }

    /// <summary>A payment in the state the operation starts from; the amount is 30.00 EUR.</summary>
    private async Task<(JsonObject Payment, string OrderId)> PrepareAsync(CommercetoolsDriver ct, string operation)
    {
        var authorizeFlow = operation is "authorizePayPalOrder" or "capturePayPalAuthorization" or "voidPayPalAuthorization";
        await SetIntentAsync(ct, authorizeFlow ? "Authorize" : "Capture");
        var payment = await ct.CreatePayPalPaymentAsync("EUR", 30_00, Ct);
        payment = await ct.SetCustomFieldOkAsync(payment, "createPayPalOrderRequest", "{}", Ct);
        var created = payment.FieldJson("createPayPalOrderResponse");
        var approve = created["links"]!.AsArray().Single(l => l!["rel"]!.GetValue<string>() == "approve")!["href"]!.GetValue<string>();
        using (var decided = await BuyerDriver.DecideAsync(Fixture.Http, approve, "approve", Ct))
        {
            ((int)decided.StatusCode).ShouldBeLessThan(400);
        }

        if (operation is "capturePayPalAuthorization" or "voidPayPalAuthorization")
        {
            payment = await ct.SetCustomFieldOkAsync(payment, "authorizePayPalOrderRequest", "{}", Ct);
        }
        else if (operation is "partialRefund" or "fullRefund")
        {
            payment = await ct.SetCustomFieldOkAsync(payment, "capturePayPalOrderRequest", "{}", Ct);
        }

        return (payment, created["id"]!.GetValue<string>());
    }

    private static async Task SetIntentAsync(CommercetoolsDriver ct, string intent)
    {
        var (_, stored) = await ct.SendAsync(HttpMethod.Get, "/custom-objects/paypal-commercetools-connector/settings", null, Ct);
        var value = stored!["value"]!.DeepClone().AsObject();
        if (value["payPalIntent"]?.GetValue<string>() == intent)
        {
            return;
        }

        value["payPalIntent"] = intent;
        var (status, body) = await ct.SendAsync(HttpMethod.Post, "/custom-objects", new JsonObject
        {
            ["container"] = "paypal-commercetools-connector",
            ["key"] = "settings",
            ["value"] = value,
            ["version"] = stored["version"]!.GetValue<long>(),
        }, Ct);
        status.ShouldBe(HttpStatusCode.OK, body?.ToJsonString());
    }

    /// <summary>Each PayPal id of the kind appears exactly once among the payment's transactions of that type, and nothing else does.</summary>
    private static void OneToOne(JsonObject payment, string type, JsonNode? payPal)
    {
        var payPalIds = (payPal?.AsArray() ?? []).Select(x => x!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();
        var recorded = payment.Transactions().Where(t => t["type"]!.GetValue<string>() == type)
            .Select(t => t["interactionId"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();
        recorded.ShouldBe(payPalIds, $"{type} transactions must match PayPal one to one: {payment["transactions"]?.ToJsonString()}");
    }

    private static int Count(JsonObject payments, string kind) => payments[kind]?.AsArray().Count ?? 0;

    private async Task ArmAsync(JsonObject fault)
    {
        using var response = await Fixture.Http.PostAsJsonAsync($"{Fixture.Info.PayPal.ApiUrl}/emulator/faults", fault, Ct);
        ((int)response.StatusCode).ShouldBeLessThan(300, await response.Content.ReadAsStringAsync(Ct));
    }

    private async Task ClearFaultsAsync()
    {
        using var response = await Fixture.Http.DeleteAsync($"{Fixture.Info.PayPal.ApiUrl}/emulator/faults", Ct);
        ((int)response.StatusCode).ShouldBeLessThan(300);
    }

    private async Task<JsonObject> PayPalAsync(HttpMethod method, string path, JsonObject? body = null)
    {
        using var request = new HttpRequestMessage(method, Fixture.Info.PayPal.ApiUrl + path);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await Fixture.PayPalTokenAsync(Ct));
        request.Headers.Add("Prefer", "return=representation");
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await Fixture.Http.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        ((int)response.StatusCode).ShouldBeLessThan(300, text);
        return JsonNode.Parse(text)!.AsObject();
    }
}
