using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sandbox;

namespace EndToEnd.Tests;

/// <summary>
/// The demo checkout in headless Chromium (Debian's chromium driven by playwright-core, tests/js/checkout.mjs): a shopper
/// picks products, pays and comes back. The script reports what the pages showed; the tests then check the outcome
/// through the commercetools and PayPal APIs, not through the pages alone. Needs `.ci/install-deps` (chromium, npm install).
/// </summary>
public sealed class BrowserTests(SandboxFixture sandbox)
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromSeconds(150);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_info_file_names_the_demo_checkout_which_serves_the_seeded_catalog()
    {
        var json = JsonNode.Parse(JsonSerializer.Serialize(sandbox.Info, SandboxJsonContext.Default.SandboxInfo))!.AsObject();
        var url = json["demo"]!["url"]!.GetValue<string>();
        url.ShouldStartWith("http://127.0.0.1:");

        var page = await sandbox.Http.GetStringAsync(url + "/", Ct);
        page.ShouldContain("id=\"add-DEMO-MUG\"");
        page.ShouldContain("id=\"add-DEMO-BACKPACK\"");
    }

    [Fact]
    public async Task Paying_with_PayPal_in_the_browser_approves_on_PayPal_s_page_records_a_Charge_and_the_Refund_button_refunds_it()
    {
        var result = await RunAsync("paypal");

        result["approvalAmount"]!.GetValue<string>().ShouldBe(PayPalValue(result["cartTotal"]!.GetValue<string>()) + " EUR");
        result["orderStatus"]!.GetValue<string>().ShouldBe("COMPLETED");
        var payment = await PaymentAsync(result);
        payment["paymentMethodInfo"]!["method"]!.GetValue<string>().ShouldStartWith("paypal");
        await AssertChargedAndRefundedAsync(payment, result);
    }

    [Fact]
    public async Task Paying_by_card_in_the_browser_needs_no_redirect_and_records_a_Charge_that_the_Refund_button_refunds()
    {
        var result = await RunAsync("card");

        result["steps"]!.AsArray().Select(s => s!["name"]!.GetValue<string>()).ShouldNotContain("paypal-approval");
        result["orderStatus"]!.GetValue<string>().ShouldBe("COMPLETED");
        var payment = await PaymentAsync(result);
        payment["paymentMethodInfo"]!["method"]!.GetValue<string>().ShouldStartWith("card");
        await AssertChargedAndRefundedAsync(payment, result);
    }

    [Fact]
    public async Task A_declined_card_shows_the_decline_records_a_failed_Charge_and_offers_no_refund()
    {
        var result = await RunAsync("decline");

        result["message"]!.GetValue<string>().ShouldContain("declined");
        result["afterRefund"].ShouldBeNull();
        var payment = await PaymentAsync(result);
        var charge = payment.Transactions().ShouldHaveSingleItem();
        charge["type"]!.GetValue<string>().ShouldBe("Charge");
        charge["state"]!.GetValue<string>().ShouldBe("Failure");
        var order = await PayPalOrderAsync(result["payPalOrderId"]!.GetValue<string>());
        order["purchase_units"]![0]!["payments"]!["captures"]![0]!["status"]!.GetValue<string>().ShouldBe("DECLINED");
        (await CartsHoldingAsync(payment)).ShouldBeEmpty("the declined payment left the cart");
    }

    [Fact]
    public async Task Cancelling_on_PayPal_s_page_returns_to_the_cart_with_a_message_and_nothing_is_charged()
    {
        var result = await RunAsync("cancel");

        result["message"]!.GetValue<string>().ShouldContain("cancelled");
        result["cartLinesAfter"]!.GetValue<int>().ShouldBe(result["cartLines"]!.GetValue<int>());
        var orderId = result["approvalOrderId"]!.GetValue<string>();
        var order = await PayPalOrderAsync(orderId);
        order["status"]!.GetValue<string>().ShouldBeOneOf("CREATED", "PAYER_ACTION_REQUIRED");

        var ct = await CommercetoolsDriver.CreateAsync(sandbox, Ct);
        var (status, body) = await ct.SendAsync(HttpMethod.Get, "/payments?where=" + Uri.EscapeDataString($"interfaceId=\"{orderId}\""), null, Ct);
        status.ShouldBe(HttpStatusCode.OK);
        var payment = body!["results"]!.AsArray().ShouldHaveSingleItem()!.AsObject();
        payment.Transactions().ShouldBeEmpty();
        (await CartsHoldingAsync(payment)).ShouldBeEmpty("the cancelled payment left the cart");
    }

    private async Task<JsonArray> CartsHoldingAsync(JsonObject payment)
    {
        var ct = await CommercetoolsDriver.CreateAsync(sandbox, Ct);
        var where = $"paymentInfo(payments(id=\"{payment["id"]!.GetValue<string>()}\"))";
        var (status, body) = await ct.SendAsync(HttpMethod.Get, "/carts?where=" + Uri.EscapeDataString(where), null, Ct);
        status.ShouldBe(HttpStatusCode.OK, body?.ToJsonString());
        return body!["results"]!.AsArray();
    }

    private async Task AssertChargedAndRefundedAsync(JsonObject payment, JsonObject result)
    {
        var total = Cents(result["cartTotal"]!.GetValue<string>());
        payment["amountPlanned"]!["centAmount"]!.GetValue<long>().ShouldBe(total);
        var transactions = payment.Transactions().ToList();
        var charge = transactions.Single(t => t["type"]!.GetValue<string>() == "Charge");
        charge["state"]!.GetValue<string>().ShouldBe("Success");
        charge["amount"]!["centAmount"]!.GetValue<long>().ShouldBe(total);
        var refund = transactions.Single(t => t["type"]!.GetValue<string>() == "Refund");
        refund["state"]!.GetValue<string>().ShouldBe("Success");
        refund["amount"]!["centAmount"]!.GetValue<long>().ShouldBe(total);

        var order = await PayPalOrderAsync(result["payPalOrderId"]!.GetValue<string>());
        var capture = order["purchase_units"]![0]!["payments"]!["captures"]![0]!;
        capture["id"]!.GetValue<string>().ShouldBe(charge["interactionId"]!.GetValue<string>());
        capture["status"]!.GetValue<string>().ShouldBe("REFUNDED");
    }

    private async Task<JsonObject> PaymentAsync(JsonObject result)
    {
        var ct = await CommercetoolsDriver.CreateAsync(sandbox, Ct);
        return await ct.GetPaymentAsync(result["paymentId"]!.GetValue<string>(), Ct);
    }

    private async Task<JsonObject> PayPalOrderAsync(string orderId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{sandbox.Info.PayPal.ApiUrl}/v2/checkout/orders/{orderId}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await sandbox.PayPalTokenAsync(Ct));
        using var response = await sandbox.Http.SendAsync(request, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
    }

    /// <summary>Runs the browser script for one path; returns its RESULT line after checking the exit code.</summary>
    private async Task<JsonObject> RunAsync(string path)
    {
        var demo = sandbox.Info.Demo ?? throw new ShouldAssertException("the sandbox fixture runs no demo checkout");
        var root = RepositoryRoot();
        var script = Path.Combine(root, "tests", "js", "checkout.mjs");
        File.Exists(Path.Combine(root, "tests", "js", "node_modules", "playwright-core", "package.json"))
            .ShouldBeTrue("playwright-core is not installed: run .ci/install-deps (npm install in tests/js)");
        var screenshots = Path.Combine(root, "artifacts", "screenshots");

        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root };
        foreach (var argument in new[] { script, demo.Url, path, screenshots })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var stdout = process.StandardOutput.ReadToEndAsync(Ct);
        var stderr = process.StandardError.ReadToEndAsync(Ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(ScriptTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new ShouldAssertException($"the browser script ({path}) did not finish within {ScriptTimeout.TotalSeconds} s");
        }

        var output = await stdout;
        var errors = await stderr;
        TestContext.Current.AddAttachment($"browser-{path}.log", output + Environment.NewLine + errors);
        var line = output.Split('\n').LastOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal))
            ?? throw new ShouldAssertException($"the browser script printed no RESULT (exit {process.ExitCode}):{Environment.NewLine}{output}{errors}");
        process.ExitCode.ShouldBe(0, $"browser script ({path}) failed: {line}{Environment.NewLine}{errors}");
        return JsonNode.Parse(line["RESULT ".Length..])!.AsObject();
    }

    private static string RepositoryRoot([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", ".."));

    /// <summary>"42.79 €" (the demo's display) → 4279.</summary>
    private static long Cents(string display) =>
        long.Parse(PayPalValue(display).Replace(".", string.Empty, StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture);

    private static string PayPalValue(string display) => display.Replace("€", string.Empty, StringComparison.Ordinal).Trim();
}
