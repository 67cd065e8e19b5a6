using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Connector.Service.Reconciliation;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace EndToEnd.Tests;

/// <summary>
/// Helpers for the reconciler's tests: private sandboxes with the reconciler on or off, PayPal orders approved by the
/// buyer, money moved directly at the PayPal emulator with the merchant's credentials (as if the connector's call had been
/// made but its answer lost), and one-shot passes run by a connector instance of their own.
/// </summary>
public static class ReconcilerDriver
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A private sandbox, PayPal webhooks off; the background reconciler on (short interval) or off.</summary>
    public static Task<PrivateSandbox> StartSandboxAsync(bool reconcilerOn, Dictionary<string, string?>? connectorSettings = null)
    {
        var connector = new Dictionary<string, string?>
        {
            ["Connector:Reconciler:Enabled"] = reconcilerOn ? "true" : "false",
            ["Connector:Reconciler:IntervalSeconds"] = "1",
            ["Connector:Reconciler:MinAgeSeconds"] = "1",
        };
        foreach (var (key, value) in connectorSettings ?? [])
        {
            connector[key] = value;
        }

        return PrivateSandbox.StartAsync(new Dictionary<string, Dictionary<string, string?>> { ["connector"] = connector });
    }

    /// <summary>A payment with a PayPal order created through the extension (<c>createPayPalOrderRequest</c> = "{}") and approved by the buyer.</summary>
    public static async Task<(JsonObject Payment, string OrderId)> ApprovedOrderAsync(SandboxFixture sandbox, CommercetoolsDriver ct, long cents)
    {
        var payment = await ct.CreatePayPalPaymentAsync("EUR", cents, Ct);
        payment = await ct.SetCustomFieldOkAsync(payment, "createPayPalOrderRequest", "{}", Ct);
        var order = payment.FieldJson("createPayPalOrderResponse");
        var approve = order["links"]!.AsArray().Single(l => l!["rel"]!.GetValue<string>() == "approve")!["href"]!.GetValue<string>();
        using (var decided = await BuyerDriver.DecideAsync(sandbox.Http, approve, "approve", Ct))
        {
            ((int)decided.StatusCode).ShouldBeLessThan(400);
        }

        return (payment, order["id"]!.GetValue<string>());
    }

    /// <summary>A call straight to the PayPal emulator's REST API with the merchant's credentials; the answer must be a success (204: an empty object).</summary>
    /// <summary>An approved order captured through the extension: the payment and PayPal's capture id.</summary>
    public static async Task<(JsonObject Payment, string CaptureId)> CapturedPaymentAsync(SandboxFixture sandbox, CommercetoolsDriver ct, long cents)
    {
        var (payment, _) = await ApprovedOrderAsync(sandbox, ct, cents);
        payment = await ct.SetCustomFieldOkAsync(await PaymentAsync(ct, payment), "capturePayPalOrderRequest", "{}", Ct);
        return (payment, payment.Transactions("Charge").ShouldHaveSingleItem()["interactionId"]!.GetValue<string>());
    }

    public static async Task<JsonObject> PayPalAsync(SandboxFixture sandbox, HttpMethod method, string path, JsonObject? body = null)
    {
        using var request = new HttpRequestMessage(method, sandbox.Info.PayPal.ApiUrl + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await sandbox.PayPalTokenAsync(Ct));
        request.Headers.TryAddWithoutValidation("PayPal-Request-Id", Guid.NewGuid().ToString());
        if (method != HttpMethod.Get)
        {
            request.Content = JsonContent.Create(body ?? []);
        }

        using var response = await sandbox.Http.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        response.IsSuccessStatusCode.ShouldBeTrue($"{method} {path}: {(int)response.StatusCode} {text}");
        return string.IsNullOrWhiteSpace(text) ? [] : JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>Captures the order directly at PayPal: PayPal moved the money, commercetools never heard. Returns the capture.</summary>
    public static async Task<JsonObject> CaptureAtPayPalAsync(SandboxFixture sandbox, string orderId)
    {
        var order = await PayPalAsync(sandbox, HttpMethod.Post, $"/v2/checkout/orders/{orderId}/capture");
        order["status"]!.GetValue<string>().ShouldBe("COMPLETED");
        return order["purchase_units"]![0]!["payments"]!["captures"]!.AsArray().Single()!.AsObject();
    }

    /// <summary>The payment as commercetools has it now.</summary>
    public static Task<JsonObject> PaymentAsync(CommercetoolsDriver ct, JsonObject payment) => ct.GetPaymentAsync(payment["id"]!.GetValue<string>(), Ct);

    public static List<JsonObject> Transactions(this JsonObject payment, string type) =>
        [.. payment.Transactions().Where(t => t["type"]!.GetValue<string>() == type)];

    /// <summary>Reads the payment until <paramref name="done"/> holds, for at most <paramref name="timeout"/> (a bound, not an expectation).</summary>
    public static async Task<JsonObject> EventuallyAsync(CommercetoolsDriver ct, JsonObject payment, Func<JsonObject, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var current = await PaymentAsync(ct, payment);
            if (done(current))
            {
                return current;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new ShouldAssertException($"the payment did not reach the expected state within {timeout}: {current.ToJsonString()}");
            }

            await Task.Delay(200, Ct);
        }
    }

    /// <summary>The configuration a connector instance needs to reach this sandbox (what a scheduled job would be given).</summary>
    public static Dictionary<string, string?> ConnectorConfiguration(SandboxFixture sandbox)
    {
        var settings = sandbox.UpstreamSettings();
        settings["Connector:ExtensionAuthorization"] = sandbox.Host.ExtensionAuthorization;
        // Test payments are seconds old; the production default (120 s) would leave them alone.
        settings["Connector:Reconciler:MinAgeSeconds"] = "0";
        return settings;
    }

    /// <summary>
    /// One pass of <c>reconcile</c> by a connector instance of its own (built like the web app, no web server), in process.
    /// Returns the exit code and the summary line.
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RunPassAsync(SandboxFixture sandbox, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var settings = ConnectorConfiguration(sandbox);
        var code = await ReconcileCommand.RunAsync(args, output, error, b =>
        {
            b.Configuration.AddInMemoryCollection(settings);
            b.Logging.SetMinimumLevel(LogLevel.Warning);
        }, Ct);
        return (code, output.ToString() + error);
    }

    /// <summary>A number from a summary line such as <c>reconcile: scanned=3 checked=2 ...</c>.</summary>
    public static int SummaryValue(string output, string name)
    {
        var line = output.Split('\n').Last(l => l.StartsWith("reconcile: ", StringComparison.Ordinal));
        var part = line.Split(' ').Single(p => p.StartsWith(name + "=", StringComparison.Ordinal));
        return int.Parse(part[(name.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Stores <c>payPalIntent</c> in the settings custom object (the connector then creates orders with that intent).</summary>
    public static async Task SetIntentAsync(CommercetoolsDriver ct, string intent)
    {
        var (status, stored) = await ct.SendAsync(HttpMethod.Get, "/custom-objects/paypal-commercetools-connector/settings", null, Ct);
        status.ShouldBe(HttpStatusCode.OK, stored?.ToJsonString());
        var value = stored!["value"]!.DeepClone().AsObject();
        value["payPalIntent"] = intent;
        var (saved, body) = await ct.SendAsync(HttpMethod.Post, "/custom-objects", new JsonObject
        {
            ["container"] = "paypal-commercetools-connector",
            ["key"] = "settings",
            ["version"] = stored["version"]!.DeepClone(),
            ["value"] = value,
        }, Ct);
        saved.ShouldBe(HttpStatusCode.OK, body?.ToJsonString());
    }
}
