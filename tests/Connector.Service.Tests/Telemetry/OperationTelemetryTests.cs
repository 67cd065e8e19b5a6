using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json.Nodes;
using Connector.Commercetools;
using Connector.Domain;
using Connector.PayPal;
using Connector.Service.Telemetry;
using Connector.Service.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace Connector.Service.Tests.Telemetry;

public sealed class OperationTelemetryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_operation_is_counted_by_outcome_timed_and_traced_with_the_payment_and_PayPal_order_ids()
    {
        await using var sandbox = await LoggedSandbox.StartAsync();
        var meters = sandbox.ConnectorServices.GetRequiredService<IMeterFactory>();
        using var operations = new MetricCollector<long>(meters, ConnectorTelemetry.Name, ConnectorTelemetry.OperationsInstrument);
        using var durations = new MetricCollector<double>(meters, ConnectorTelemetry.Name, ConnectorTelemetry.OperationDurationInstrument);
        using var upstream = new MetricCollector<double>(meters, ConnectorTelemetry.Name, ConnectorTelemetry.UpstreamDurationInstrument);
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ConnectorTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var token = await sandbox.CommercetoolsTokenAsync(Ct);

        var payment = await CreatePaymentAsync(sandbox, token);
        var paymentId = payment["id"]!.GetValue<string>();
        payment = await SetFieldAsync(sandbox, token, payment, "createPayPalOrderRequest", "{}", HttpStatusCode.OK);
        var orderId = payment["custom"]!["fields"]!["PayPalOrderId"]!.GetValue<string>();
        // Not approved yet: PayPal refuses the capture (business error, written to the response field).
        payment = await SetFieldAsync(sandbox, token, payment, "capturePayPalOrderRequest", "{}", HttpStatusCode.OK);
        // Not JSON: invalid input, the update is rejected.
        await SetFieldAsync(sandbox, token, payment, "refundPayPalOrderRequest", "{not json", HttpStatusCode.BadRequest);

        var counted = operations.GetMeasurementSnapshot()
            .Select(m => $"{m.Tags["operation"]}:{m.Tags["outcome"]}={m.Value}")
            .ToList();
        counted.ShouldBe(["createPayPalOrder:success=1", "capturePayPalOrder:business_error=1", "refundPayPalOrder:invalid_input=1"], ignoreOrder: true);
        durations.GetMeasurementSnapshot().Count.ShouldBe(3);
        durations.GetMeasurementSnapshot().ShouldAllBe(m => m.Value >= 0);

        var apis = upstream.GetMeasurementSnapshot().Select(m => (string)m.Tags["api"]!).Distinct().ToList();
        apis.ShouldContain("paypal");
        apis.ShouldContain("commercetools");

        var ours = spans.Where(s => (string?)s.GetTagItem("commercetools.payment.id") == paymentId).ToList();
        ours.Select(s => s.OperationName).ShouldBe(["createPayPalOrder", "capturePayPalOrder", "refundPayPalOrder"]);
        ours.ShouldAllBe(s => (string?)s.GetTagItem("paypal.order.id") == orderId);
        ours.Select(s => (string?)s.GetTagItem("connector.outcome")).ShouldBe(["success", "business_error", "invalid_input"]);
        ours[2].Status.ShouldBe(ActivityStatusCode.Error);
        ours.ShouldAllBe(s => ((string?)s.GetTagItem("commercetools.correlation.id"))!.StartsWith("projects/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("domain validation", OperationOutcome.InvalidInput)]
    [InlineData("PayPal 422", OperationOutcome.BusinessError)]
    [InlineData("PayPal 401", OperationOutcome.UpstreamError)]
    [InlineData("PayPal 503", OperationOutcome.UpstreamError)]
    [InlineData("PayPal no answer", OperationOutcome.UpstreamError)]
    [InlineData("commercetools no answer", OperationOutcome.UpstreamError)]
    [InlineData("deadline", OperationOutcome.UpstreamError)]
    [InlineData("bug", OperationOutcome.InternalError)]
    public void Outcomes_mirror_what_the_dispatcher_answers(string failure, string outcome)
    {
        Exception exception = failure switch
        {
            "domain validation" => new DomainValidationException("x: is required"),
            "PayPal 422" => new PayPalApiException(HttpStatusCode.UnprocessableEntity, "UNPROCESSABLE_ENTITY", "m", "d", [], null),
            "PayPal 401" => new PayPalApiException(HttpStatusCode.Unauthorized, "AUTHENTICATION_FAILURE", "m", null, [], null),
            "PayPal 503" => new PayPalApiException(HttpStatusCode.ServiceUnavailable, null, "m", null, [], null),
            "PayPal no answer" => new PayPalApiException("no answer", null),
            "commercetools no answer" => new CommercetoolsApiException("no answer", new HttpRequestException()),
            "deadline" => new OperationCanceledException(),
            _ => new InvalidOperationException("bug"),
        };
        OperationOutcome.Classify(exception).ShouldBe(outcome);
    }

    [Theory]
    [InlineData("projects/paypal-sandbox/extension/1f2e", "projects/paypal-sandbox/extension/1f2e")]
    [InlineData("abc\r\nINJECTED log line", null)]
    [InlineData("", null)]
    public void Only_id_like_correlation_ids_reach_logs_and_spans(string header, string? kept) =>
        OperationTelemetry.SafeCorrelationId(header).ShouldBe(kept);

    private static async Task<JsonObject> CreatePaymentAsync(LoggedSandbox sandbox, string token)
    {
        var (status, body) = await sandbox.CommercetoolsAsync(token, HttpMethod.Post, "/payments", new JsonObject
        {
            ["amountPlanned"] = new JsonObject { ["currencyCode"] = "EUR", ["centAmount"] = 10_00 },
            ["paymentMethodInfo"] = new JsonObject { ["paymentInterface"] = "PayPal", ["method"] = "paypal" },
            ["custom"] = new JsonObject { ["type"] = new JsonObject { ["typeId"] = "type", ["key"] = "paypal-payment-type" }, ["fields"] = new JsonObject() },
        }, Ct);
        status.ShouldBe(HttpStatusCode.Created, body?.ToJsonString());
        return body!.AsObject();
    }

    private static async Task<JsonObject> SetFieldAsync(LoggedSandbox sandbox, string token, JsonObject payment, string field, string value, HttpStatusCode expected)
    {
        var (status, body) = await sandbox.CommercetoolsAsync(token, HttpMethod.Post, $"/payments/{payment["id"]}", new JsonObject
        {
            ["version"] = payment["version"]!.GetValue<long>(),
            ["actions"] = new JsonArray(new JsonObject { ["action"] = "setCustomField", ["name"] = field, ["value"] = value }),
        }, Ct);
        status.ShouldBe(expected, body?.ToJsonString());
        return body!.AsObject();
    }
}
