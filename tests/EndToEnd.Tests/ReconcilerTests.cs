using System.Net.Http.Json;
using System.Diagnostics;
using System.Text.Json.Nodes;
using static EndToEnd.Tests.ReconcilerDriver;

namespace EndToEnd.Tests;

/// <summary>
/// What PayPal did reaches commercetools even when every answer and webhook is lost: money moved directly at the PayPal
/// emulator (the connector's call made, its answer lost; PayPal webhooks off) shows up on the payment through the
/// reconciler, once. Each test has a private sandbox; polls are bounded, timings are never asserted.
/// </summary>
public sealed class ReconcilerTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_capture_whose_answer_was_lost_is_recorded_once_by_the_background_reconciler()
    {
        await using var sandbox = await StartSandboxAsync(reconcilerOn: true);
        var fixture = sandbox.Fixture;
        var ct = await CommercetoolsDriver.CreateAsync(fixture, Ct);
        var (payment, orderId) = await ApprovedOrderAsync(fixture, ct, 42_50);
        var capture = await CaptureAtPayPalAsync(fixture, orderId);
        (await PaymentAsync(ct, payment)).Transactions("Charge").ShouldBeEmpty();

        var repaired = await EventuallyAsync(ct, payment, p => p.Transactions("Charge").Count > 0, Bound);

        var charge = repaired.Transactions("Charge").ShouldHaveSingleItem();
        charge["interactionId"]!.GetValue<string>().ShouldBe(capture["id"]!.GetValue<string>());
        charge["state"]!.GetValue<string>().ShouldBe("Success");
        charge["amount"]!["centAmount"]!.GetValue<long>().ShouldBe(42_50);
        charge["amount"]!["currencyCode"]!.GetValue<string>().ShouldBe(capture["amount"]!["currency_code"]!.GetValue<string>());
        repaired["paymentStatus"]!["interfaceCode"]!.GetValue<string>().ShouldBe("COMPLETED");

        // Nothing is left to do, however often it is looked at again.
        var (code, output) = await RunPassAsync(fixture, "--deep");
        code.ShouldBe(0, output);
        SummaryValue(output, "repaired").ShouldBe(0, output);
        (await PaymentAsync(ct, payment)).Transactions("Charge").ShouldHaveSingleItem();
    }

    [Fact]
    public async Task A_lost_capture_is_also_repaired_by_reading_the_order_through_the_extension()
    {
        await using var sandbox = await StartSandboxAsync(reconcilerOn: false);
        var fixture = sandbox.Fixture;
        var ct = await CommercetoolsDriver.CreateAsync(fixture, Ct);
        var (payment, orderId) = await ApprovedOrderAsync(fixture, ct, 19_99);
        var capture = await CaptureAtPayPalAsync(fixture, orderId);

        var read = await ct.SetCustomFieldOkAsync(await PaymentAsync(ct, payment), "getPayPalOrderRequest", "{}", Ct);

        var charge = read.Transactions("Charge").ShouldHaveSingleItem();
        charge["interactionId"]!.GetValue<string>().ShouldBe(capture["id"]!.GetValue<string>());
        charge["state"]!.GetValue<string>().ShouldBe("Success");
        charge["amount"]!["centAmount"]!.GetValue<long>().ShouldBe(19_99);

        read = await ct.SetCustomFieldOkAsync(read, "getPayPalOrderRequest", "{}", Ct);
        read.Transactions("Charge").ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Two_reconcilers_racing_over_the_same_payments_record_each_capture_once()
    {
        await using var sandbox = await StartSandboxAsync(reconcilerOn: false);
        var fixture = sandbox.Fixture;
        var ct = await CommercetoolsDriver.CreateAsync(fixture, Ct);
        var lagging = new List<(JsonObject Payment, string CaptureId)>();
        for (var i = 0; i < 6; i++)
        {
            var (payment, orderId) = await ApprovedOrderAsync(fixture, ct, 10_00 + i);
            lagging.Add((payment, (await CaptureAtPayPalAsync(fixture, orderId))["id"]!.GetValue<string>()));
        }

        // Two connector instances (as two replicas would), each with its own clients, one pass each, at once.
        var passes = await Task.WhenAll(RunPassAsync(fixture), RunPassAsync(fixture));

        foreach (var (code, output) in passes)
        {
            code.ShouldBe(0, output);
            SummaryValue(output, "failed").ShouldBe(0, output);
        }

        passes.Sum(p => SummaryValue(p.Output, "repaired")).ShouldBe(lagging.Count, string.Join(" | ", passes.Select(p => p.Output)));
        foreach (var (payment, captureId) in lagging)
        {
            var charge = (await PaymentAsync(ct, payment)).Transactions("Charge").ShouldHaveSingleItem();
            charge["interactionId"]!.GetValue<string>().ShouldBe(captureId);
            charge["state"]!.GetValue<string>().ShouldBe("Success");
        }
    }

    [Fact]
    public async Task An_authorization_and_its_void_made_at_PayPal_are_both_recorded()
    {
        await using var sandbox = await StartSandboxAsync(reconcilerOn: true, new() { ["Connector:SettingsCacheSeconds"] = "0" });
        var fixture = sandbox.Fixture;
        var ct = await CommercetoolsDriver.CreateAsync(fixture, Ct);
        await SetIntentAsync(ct, "Authorize");
        var (payment, orderId) = await ApprovedOrderAsync(fixture, ct, 30_00);
        payment.FieldJson("createPayPalOrderResponse")["intent"]!.GetValue<string>().ShouldBe("AUTHORIZE");

        var authorized = await PayPalAsync(fixture, HttpMethod.Post, $"/v2/checkout/orders/{orderId}/authorize");
        var authorizationId = authorized["purchase_units"]![0]!["payments"]!["authorizations"]![0]!["id"]!.GetValue<string>();
        await PayPalAsync(fixture, HttpMethod.Post, $"/v2/payments/authorizations/{authorizationId}/void");

        var repaired = await EventuallyAsync(ct, payment, p => p.Transactions("CancelAuthorization").Count > 0, Bound);

        var authorization = repaired.Transactions("Authorization").ShouldHaveSingleItem();
        authorization["interactionId"]!.GetValue<string>().ShouldBe(authorizationId);
        authorization["state"]!.GetValue<string>().ShouldBe("Success");
        authorization["amount"]!["centAmount"]!.GetValue<long>().ShouldBe(30_00);
        var cancel = repaired.Transactions("CancelAuthorization").ShouldHaveSingleItem();
        cancel["interactionId"]!.GetValue<string>().ShouldBe(authorizationId);
        cancel["state"]!.GetValue<string>().ShouldBe("Success");
        repaired.Transactions("Charge").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_chargeback_whose_dispute_webhooks_were_all_lost_is_recorded_once_by_a_pass()
    {
        await using var sandbox = await StartSandboxAsync(reconcilerOn: false);
        var fixture = sandbox.Fixture;
        var ct = await CommercetoolsDriver.CreateAsync(fixture, Ct);
        var (payment, captureId) = await CapturedPaymentAsync(fixture, ct, 50_00);
        using var opened = await fixture.Http.PostAsJsonAsync($"{fixture.Info.PayPal.ApiUrl}/emulator/captures/{captureId}/disputes",
            new JsonObject { ["dispute_life_cycle_stage"] = "CHARGEBACK", ["reason"] = "UNAUTHORISED" }, Ct);
        var dispute = (await opened.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        ((int)opened.StatusCode).ShouldBe(201, dispute.ToJsonString());

        var (code, output) = await RunPassAsync(fixture);
        code.ShouldBe(0, output);
        SummaryValue(output, "repaired").ShouldBe(1, output);
        (code, output) = await RunPassAsync(fixture);
        SummaryValue(output, "repaired").ShouldBe(0, output);

        var repaired = await PaymentAsync(ct, payment);
        repaired.Field("PayPalDisputeId").ShouldBe(dispute["dispute_id"]!.GetValue<string>());
        var chargeback = repaired.Transactions("Chargeback").ShouldHaveSingleItem();
        chargeback["state"]!.GetValue<string>().ShouldBe("Pending");
        chargeback["amount"]!["centAmount"]!.GetValue<long>().ShouldBe(50_00);
    }

    [Fact]
    public async Task A_refund_made_at_PayPal_on_a_settled_payment_is_found_only_by_a_deep_pass_and_recorded_once()
    {
        await using var sandbox = await StartSandboxAsync(reconcilerOn: false);
        var fixture = sandbox.Fixture;
        var ct = await CommercetoolsDriver.CreateAsync(fixture, Ct);
        var (payment, captureId) = await CapturedPaymentAsync(fixture, ct, 50_00);
        var refund = await PayPalAsync(fixture, HttpMethod.Post, $"/v2/payments/captures/{captureId}/refund",
            new JsonObject { ["amount"] = new JsonObject { ["value"] = "5.00", ["currency_code"] = "EUR" } });

        // The payment looks settled (order COMPLETED, charge Success): an ordinary pass does not ask PayPal about it.
        var (code, output) = await RunPassAsync(fixture);
        code.ShouldBe(0, output);
        SummaryValue(output, "checked").ShouldBe(0, output);
        (await PaymentAsync(ct, payment)).Transactions("Refund").ShouldBeEmpty();

        (code, output) = await RunPassAsync(fixture, "--deep");
        code.ShouldBe(0, output);
        SummaryValue(output, "repaired").ShouldBe(1, output);
        (code, output) = await RunPassAsync(fixture, "--deep");
        code.ShouldBe(0, output);
        SummaryValue(output, "repaired").ShouldBe(0, output);

        var recorded = (await PaymentAsync(ct, payment)).Transactions("Refund").ShouldHaveSingleItem();
        recorded["interactionId"]!.GetValue<string>().ShouldBe(refund["id"]!.GetValue<string>());
        recorded["state"]!.GetValue<string>().ShouldBe("Success");
        recorded["amount"]!["centAmount"]!.GetValue<long>().ShouldBe(5_00);
    }

    [Fact]
    public async Task The_reconcile_command_exits_non_zero_when_payments_fail_and_zero_once_all_are_in_line()
    {
        await using var sandbox = await StartSandboxAsync(reconcilerOn: false);
        var fixture = sandbox.Fixture;
        var ct = await CommercetoolsDriver.CreateAsync(fixture, Ct);
        var (payment, orderId) = await ApprovedOrderAsync(fixture, ct, 12_34);
        var capture = await CaptureAtPayPalAsync(fixture, orderId);

        // PayPal unreachable: the payment cannot be checked.
        var (code, output) = await RunProcessAsync(fixture, "http://127.0.0.1:9", "reconcile", "--since", "1h");
        code.ShouldBe(1, output);
        SummaryValue(output, "checked").ShouldBe(1, output);
        SummaryValue(output, "failed").ShouldBe(2, output); // the payment, and the list of disputes
        (await PaymentAsync(ct, payment)).Transactions("Charge").ShouldBeEmpty();

        (code, output) = await RunProcessAsync(fixture, fixture.Info.PayPal.ApiUrl, "reconcile", "--since", "1h");
        code.ShouldBe(0, output);
        SummaryValue(output, "repaired").ShouldBe(1, output);
        SummaryValue(output, "failed").ShouldBe(0, output);
        (await PaymentAsync(ct, payment)).Transactions("Charge").ShouldHaveSingleItem()["interactionId"]!.GetValue<string>()
            .ShouldBe(capture["id"]!.GetValue<string>());

        // Settled now: nothing to check; and a window that ends before the payment changed reads nothing.
        (code, output) = await RunProcessAsync(fixture, fixture.Info.PayPal.ApiUrl, "reconcile");
        code.ShouldBe(0, output);
        SummaryValue(output, "checked").ShouldBe(0, output);
        SummaryValue(output, "scanned").ShouldBe(1, output);

        (code, output) = await RunProcessAsync(fixture, fixture.Info.PayPal.ApiUrl, "reconcile", "--since", "yesterday");
        code.ShouldBe(2, output);
    }

    /// <summary>Runs the connector's own executable (<c>Connector.Service.dll reconcile ...</c>) as a scheduled job would, configured by environment variables.</summary>
    private static async Task<(int ExitCode, string Output)> RunProcessAsync(SandboxFixture fixture, string payPalUrl, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Connector.Service.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in ConnectorConfiguration(fixture))
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        start.Environment["PayPal__ApiUrl"] = payPalUrl;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(Ct);
        var stderr = process.StandardError.ReadToEndAsync(Ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(120));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
