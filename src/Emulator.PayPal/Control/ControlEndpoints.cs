using System.Text.Json.Nodes;
using Emulator.PayPal.Disputes;
using Emulator.PayPal.Infrastructure;
using Emulator.PayPal.Orders;
using Emulator.PayPal.Payments;
using Emulator.PayPal.Vault;
using Emulator.PayPal.Webhooks;

namespace Emulator.PayPal.Control;

/// <summary>
/// Emulator-only endpoints under <c>/emulator</c> (no PayPal equivalent, no auth): things that happen on PayPal's side
/// (chargebacks, pending captures clearing, refunds from the PayPal dashboard) and knobs for latency and faults.
/// </summary>
internal static class ControlEndpoints
{
    public static void MapControlApi(this IEndpointRouteBuilder app)
    {
        var control = app.MapGroup("/emulator");
        control.MapGet("/", Describe);
        control.MapGet("/settings", GetSettings);
        control.MapPost("/settings", SetSettings);
        control.MapGet("/faults", (RuntimeSettings runtime) => new ApiResponse(200, FaultsJson(runtime)));
        control.MapPost("/faults", AddFault);
        control.MapDelete("/faults", (RuntimeSettings runtime) =>
        {
            runtime.ClearFaults();
            return ApiResponse.NoContent;
        });
        control.MapPost("/orders/{id}/approve", ApproveOrder);
        control.MapPost("/orders/{id}/complete", CompleteInvoiceOrder);
        control.MapPost("/setup-tokens/{id}/card", SubmitSetupTokenCard);
        control.MapPost("/captures/{id}/complete", (HttpContext http, string id, EmulatorStore store, EventQueue events) => SettlePending(http, id, store, events, "COMPLETED"));
        control.MapPost("/captures/{id}/deny", (HttpContext http, string id, EmulatorStore store, EventQueue events) => SettlePending(http, id, store, events, "DECLINED"));
        control.MapPost("/captures/{id}/reverse", (HttpContext http, string id, EmulatorStore store, PaymentsService payments) => RefundFromPayPal(http, id, store, payments, "PAYMENT.CAPTURE.REVERSED"));
        control.MapPost("/captures/{id}/refund", (HttpContext http, string id, EmulatorStore store, PaymentsService payments) => RefundFromPayPal(http, id, store, payments, "PAYMENT.CAPTURE.REFUNDED"));
        control.MapGet("/webhooks/deliveries", (WebhookDispatcher dispatcher) => new ApiResponse(200, new JsonObject
        {
            ["deliveries"] = new JsonArray([.. dispatcher.Attempts.Select(a => (JsonNode)new JsonObject
            {
                ["event_id"] = a.EventId,
                ["event_type"] = a.EventType,
                ["webhook_id"] = a.WebhookId,
                ["url"] = a.Url,
                ["attempt"] = a.Attempt,
                ["status_code"] = a.StatusCode,
                ["error"] = a.Error,
                ["delivered"] = a.Delivered,
                ["at"] = Time.Format(a.At),
                ["next_attempt_at"] = a.NextAttemptAt is { } next ? Time.Format(next) : null,
                ["transmission_id"] = a.TransmissionId,
            })]),
        }));
    }

    private static ApiResponse Describe() => new(200, new JsonObject
    {
        ["description"] = "Emulator-only control API. See src/Emulator.PayPal/README.md.",
        ["endpoints"] = new JsonArray(
            "GET|POST /emulator/settings {latency_ms, capture_outcome: COMPLETED|PENDING}",
            "GET|POST|DELETE /emulator/faults {mode: before|close|5xx|timeout, status, count, method, path (* = one segment), path_prefix, delay_ms, then: close|answer}",
            "POST /emulator/orders/{id}/approve {email}",
            "POST /emulator/orders/{id}/complete (Pay Upon Invoice)",
            "POST /emulator/setup-tokens/{id}/card {number, expiry, name?, security_code?} (card fields)",
            "POST /emulator/captures/{id}/complete | /deny (pending captures)",
            "POST /emulator/captures/{id}/reverse {amount} (chargeback)",
            "POST /emulator/captures/{id}/refund {amount, note_to_payer} (refund from PayPal's side)",
            "GET /emulator/webhooks/deliveries").WithDisputeControl(),
    });

    private static ApiResponse GetSettings(RuntimeSettings runtime) => new(200, SettingsJson(runtime));

    private static async Task<IResult> SetSettings(HttpContext http, RuntimeSettings runtime)
    {
        var body = (await ApiRequest.ReadAsync(http)).Body;
        if (body?["latency_ms"] is { } latency)
        {
            var value = latency.GetValueKind() == System.Text.Json.JsonValueKind.Number ? latency.GetValue<int>() : -1;
            runtime.LatencyMs = value >= 0 ? value : throw PayPalApiException.Invalid("/latency_ms", latency.ToJsonString());
        }

        if (JsonRead.OptString(body, "capture_outcome", string.Empty) is { } outcome)
        {
            runtime.CaptureOutcome = outcome is "COMPLETED" or "PENDING" ? outcome : throw PayPalApiException.Invalid("/capture_outcome", outcome);
        }

        return new ApiResponse(200, SettingsJson(runtime));
    }

    private static JsonObject SettingsJson(RuntimeSettings runtime) => new()
    {
        ["latency_ms"] = runtime.LatencyMs,
        ["capture_outcome"] = runtime.CaptureOutcome,
        ["faults"] = FaultsJson(runtime)["faults"]!.DeepClone(),
    };

    private static async Task<IResult> AddFault(HttpContext http, RuntimeSettings runtime)
    {
        var body = (await ApiRequest.ReadAsync(http)).Body;
        var modeName = JsonRead.OptString(body, "mode", string.Empty);
        var mode = Fault.ParseMode(modeName) ?? throw PayPalApiException.Invalid("/mode", modeName, "One of before, close, 5xx, timeout.");
        var status = OptInt(body, "status") ?? (mode == FaultMode.ServerError ? 500 : 503);
        if (status is < 500 or > 599 || (mode == FaultMode.ServerError && status is not (500 or 503)))
        {
            throw PayPalApiException.Invalid("/status", status.ToString(System.Globalization.CultureInfo.InvariantCulture), "Faults are 5xx answers (500 or 503 in 5xx mode).");
        }

        var then = JsonRead.OptString(body, "then", string.Empty);
        if (then is not (null or "close" or "answer"))
        {
            throw PayPalApiException.Invalid("/then", then, "close or answer.");
        }

        runtime.AddFault(new Fault
        {
            Mode = mode,
            Status = status,
            Remaining = Math.Max(1, OptInt(body, "count") ?? 1),
            PathPrefix = JsonRead.OptString(body, "path_prefix", string.Empty),
            Path = JsonRead.OptString(body, "path", string.Empty),
            Method = JsonRead.OptString(body, "method", string.Empty),
            DelayMs = OptInt(body, "delay_ms") is { } delay && delay >= 0 ? delay : mode == FaultMode.Timeout ? throw PayPalApiException.Missing("/delay_ms") : 0,
            AnswerAfterDelay = then == "answer",
        });
        return new ApiResponse(201, FaultsJson(runtime));
    }

    private static int? OptInt(JsonObject? body, string name)
    {
        var node = body?[name];
        if (node is null)
        {
            return null;
        }

        return node.GetValueKind() == System.Text.Json.JsonValueKind.Number && node.AsValue().TryGetValue<int>(out var value)
            ? value
            : throw PayPalApiException.Syntax("/" + name, node.ToJsonString());
    }

    private static JsonObject FaultsJson(RuntimeSettings runtime) => new()
    {
        ["faults"] = new JsonArray([.. runtime.Faults().Select(f => (JsonNode)new JsonObject
        {
            ["mode"] = Fault.ModeName(f.Mode),
            ["status"] = f.Mode is FaultMode.Before or FaultMode.ServerError ? f.Status : null,
            ["remaining"] = f.Remaining,
            ["path_prefix"] = f.PathPrefix,
            ["path"] = f.Path,
            ["method"] = f.Method,
            ["delay_ms"] = f.Mode == FaultMode.Timeout ? f.DelayMs : null,
            ["then"] = f.Mode == FaultMode.Timeout ? (f.AnswerAfterDelay ? "answer" : "close") : null,
        })]),
    };

    private static async Task<IResult> ApproveOrder(HttpContext http, string id, EmulatorStore store, OrderService orders)
    {
        var body = (await ApiRequest.ReadAsync(http)).Body;
        var baseUrl = ApiRequest.BaseUrlOf(http.Request);
        lock (store.Gate)
        {
            var order = store.Orders.TryGetValue(id, out var found) ? found : throw PayPalApiException.NotFound("order_id", id);
            if (order.Status is not (OrderStatus.Created or OrderStatus.PayerActionRequired or OrderStatus.Approved))
            {
                throw PayPalApiException.Unprocessable("ORDER_CANNOT_BE_APPROVED", description: "Only CREATED or PAYER_ACTION_REQUIRED orders can be approved.");
            }

            orders.Approve(order, JsonRead.OptString(body, "email", string.Empty) ?? PayPalEmulatorDefaults.BuyerEmail, baseUrl);
            return new ApiResponse(200, OrderJson.Render(order, baseUrl));
        }
    }

    private static async Task<IResult> SubmitSetupTokenCard(HttpContext http, string id, EmulatorStore store, VaultService vault)
    {
        var body = (await ApiRequest.ReadAsync(http)).Body ?? throw PayPalApiException.Missing("/number");
        lock (store.Gate)
        {
            var token = store.SetupTokens.TryGetValue(id, out var found) ? found : throw PayPalApiException.NotFound("id", id);
            vault.SubmitCard(token, body, string.Empty);
            return new ApiResponse(200, VaultService.RenderSetupToken(token, ApiRequest.BaseUrlOf(http.Request)));
        }
    }

    private static IResult CompleteInvoiceOrder(HttpContext http, string id, EmulatorStore store, OrderService orders)
    {
        if (!orders.CompletePayUponInvoice(id))
        {
            throw PayPalApiException.Unprocessable("ORDER_NOT_PENDING_APPROVAL", description: "Only PENDING_APPROVAL orders complete this way.");
        }

        lock (store.Gate)
        {
            return new ApiResponse(200, OrderJson.Render(store.Orders[id], ApiRequest.BaseUrlOf(http.Request)));
        }
    }

    private static IResult SettlePending(HttpContext http, string id, EmulatorStore store, EventQueue events, string outcome)
    {
        var baseUrl = ApiRequest.BaseUrlOf(http.Request);
        lock (store.Gate)
        {
            var capture = store.Captures.TryGetValue(id, out var found) ? found : throw PayPalApiException.NotFound("capture_id", id);
            if (capture.Status != "PENDING")
            {
                throw PayPalApiException.Unprocessable("CAPTURE_NOT_PENDING", description: "Only PENDING captures can be completed or denied.");
            }

            capture.Status = outcome;
            capture.StatusReason = null;
            capture.UpdateTime = store.Now;
            var rendered = PaymentJson.Capture(capture, baseUrl);
            events.Publish(capture.ClientId, baseUrl, outcome == "COMPLETED" ? "PAYMENT.CAPTURE.COMPLETED" : "PAYMENT.CAPTURE.DENIED", "capture", rendered,
                $"Payment {(outcome == "COMPLETED" ? "completed" : "denied")} for {capture.Amount.Value} {capture.Amount.Currency}");
            return new ApiResponse(200, PaymentJson.Capture(capture, baseUrl));
        }
    }

    private static async Task<IResult> RefundFromPayPal(HttpContext http, string id, EmulatorStore store, PaymentsService payments, string eventType)
    {
        var body = (await ApiRequest.ReadAsync(http)).Body;
        var baseUrl = ApiRequest.BaseUrlOf(http.Request);
        lock (store.Gate)
        {
            var capture = store.Captures.TryGetValue(id, out var found) ? found : throw PayPalApiException.NotFound("capture_id", id);
            Money? amount = body?["amount"] is null ? null : Money.Parse(body["amount"], "/amount", "DECIMALS_NOT_SUPPORTED");
            var reversal = eventType == "PAYMENT.CAPTURE.REVERSED";
            var refund = payments.Refund(capture, amount, null, null, JsonRead.OptString(body, "note_to_payer", string.Empty), baseUrl, eventType, reversal ? "CHARGEBACK" : null);

            return new ApiResponse(201, PaymentJson.Refund(refund, baseUrl));
        }
    }
}
