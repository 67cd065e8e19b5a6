using System.Text.Json.Nodes;
using Emulator.PayPal.Infrastructure;
using Emulator.PayPal.Orders;
using Emulator.PayPal.Webhooks;

namespace Emulator.PayPal.Payments;

/// <summary>Payments v2: authorizations, captures, refunds. Every public method expects to run under <see cref="EmulatorStore.Gate"/>.</summary>
internal sealed class PaymentsService(EmulatorStore store, EventQueue events, OrderService orders)
{
    private const int MaxCapturesPerAuthorization = 10;
    private static readonly TimeSpan RefundWindow = TimeSpan.FromDays(180);

    public Authorization FindAuthorization(string id, string clientId) =>
        store.Authorizations.FindOwned(id, clientId, "authorization_id");

    public Capture FindCapture(string id, string clientId) =>
        store.Captures.FindOwned(id, clientId, "capture_id");

    public Refund FindRefund(string id, string clientId) =>
        store.Refunds.FindOwned(id, clientId, "refund_id");

    public ApiResponse CaptureAuthorization(ApiRequest request, string id)
    {
        var authorization = FindAuthorization(id, request.ClientId);
        CheckCapturable(authorization);
        var body = request.Body;
        var remaining = authorization.Amount.Minor - authorization.CapturedMinor;
        var amount = body?["amount"] is null
            ? authorization.Amount.With(remaining)
            : SameCurrency(Money.Parse(body["amount"], "/amount", "DECIMALS_NOT_SUPPORTED"), authorization.Amount.Currency);
        if (amount.Minor <= 0)
        {
            throw PayPalApiException.Invalid("/amount/value", amount.Value, "The amount must be greater than zero.");
        }

        if (amount.Minor > remaining)
        {
            throw PayPalApiException.Unprocessable("MAX_CAPTURE_AMOUNT_EXCEEDED", "/amount/value", amount.Value, "Capture amount exceeds allowable limit.");
        }

        if (authorization.Captures.Count >= MaxCapturesPerAuthorization)
        {
            throw PayPalApiException.Unprocessable("MAX_CAPTURE_COUNT_EXCEEDED", description: "Maximum number of allowable captures has been reached.");
        }

        var finalCapture = JsonRead.OptBool(body, "final_capture", string.Empty) ?? false;
        var invoiceId = JsonRead.OptString(body, "invoice_id", string.Empty);
        if (invoiceId is not null && store.Captures.Values.Any(c => c.ClientId == request.ClientId && c.InvoiceId == invoiceId && c.Order != authorization.Order))
        {
            throw PayPalApiException.Unprocessable("DUPLICATE_INVOICE_ID", "/invoice_id", invoiceId);
        }

        var softDescriptor = JsonRead.OptString(body, "soft_descriptor", string.Empty);
        if (softDescriptor is { Length: > 22 })
        {
            throw new PayPalApiException(400, "INVALID_STRING_LENGTH", "/soft_descriptor", softDescriptor);
        }

        var capture = orders.CaptureUnit(
            authorization.Order,
            authorization.Unit,
            authorization,
            amount,
            finalCapture,
            invoiceId ?? authorization.InvoiceId,
            authorization.CustomId,
            JsonRead.OptString(body, "note_to_payer", string.Empty),
            softDescriptor,
            request.BaseUrl);
        authorization.Status = finalCapture || authorization.CapturedMinor >= authorization.Amount.Minor ? "CAPTURED" : "PARTIALLY_CAPTURED";
        authorization.UpdateTime = store.Now;
        return new ApiResponse(201, Minimal(PaymentJson.Capture(capture, request.BaseUrl), request));
    }

    private void CheckCapturable(Authorization authorization)
    {
        switch (authorization.Status)
        {
            case "VOIDED":
                throw PayPalApiException.Unprocessable("AUTHORIZATION_VOIDED", description: "A voided authorization cannot be captured or reauthorized.");
            case "CAPTURED":
                throw PayPalApiException.Unprocessable("AUTHORIZATION_ALREADY_CAPTURED", description: "Authorization has already been captured.");
            case "DENIED":
                throw PayPalApiException.Unprocessable("AUTHORIZATION_DENIED", description: "A denied authorization cannot be captured.");
        }

        if (store.Now > authorization.ExpirationTime)
        {
            throw PayPalApiException.Unprocessable("AUTHORIZATION_EXPIRED", description: "An expired authorization cannot be captured.");
        }
    }

    public ApiResponse Void(ApiRequest request, string id)
    {
        var authorization = FindAuthorization(id, request.ClientId);
        switch (authorization.Status)
        {
            case "VOIDED":
                throw PayPalApiException.Unprocessable("PREVIOUSLY_VOIDED", description: "Authorization has been previously voided and hence cannot be voided again.");
            case "CAPTURED":
                throw PayPalApiException.Unprocessable("PREVIOUSLY_CAPTURED", description: "Authorization has been previously captured and hence cannot be voided.");
            case "DENIED":
                throw PayPalApiException.Unprocessable("CANNOT_BE_VOIDED", description: "A reauthorization cannot be voided. Please void the original parent authorization.");
        }

        authorization.Status = "VOIDED";
        authorization.UpdateTime = store.Now;
        var rendered = PaymentJson.Authorization(authorization, request.BaseUrl);
        events.Publish(request.ClientId, request.BaseUrl, "PAYMENT.AUTHORIZATION.VOIDED", "authorization", rendered, $"A payment authorization was voided");
        return request.PreferRepresentation ? new ApiResponse(200, PaymentJson.Authorization(authorization, request.BaseUrl)) : ApiResponse.NoContent;
    }

    public ApiResponse Reauthorize(ApiRequest request, string id)
    {
        var original = FindAuthorization(id, request.ClientId);
        CheckCapturable(original);
        if (original.Status != "CREATED" || original.Reauthorized)
        {
            throw PayPalApiException.Unprocessable("REAUTHORIZATION_NOT_SUPPORTED", description: "A reauthorization is possible once, for an authorization that was not captured.");
        }

        var amount = request.Body?["amount"] is null
            ? original.Amount
            : SameCurrency(Money.Parse(request.Body["amount"], "/amount", "DECIMALS_NOT_SUPPORTED"), original.Amount.Currency);
        if (amount.Minor <= 0 || amount.Minor > original.Amount.Minor * 115 / 100)
        {
            throw PayPalApiException.Invalid("/amount/value", amount.Value, "The reauthorized amount must be positive and at most 115% of the original.");
        }

        var now = store.Now;
        var authorization = new Authorization
        {
            Id = Ids.Resource(),
            ClientId = original.ClientId,
            Status = "CREATED",
            Amount = amount,
            Order = original.Order,
            Unit = original.Unit,
            InvoiceId = original.InvoiceId,
            CustomId = original.CustomId,
            CreateTime = now,
            UpdateTime = now,
            ExpirationTime = now + OrderService.AuthorizationValidity,
        };
        original.Reauthorized = true;
        original.Unit.Authorizations.Add(authorization);
        store.Authorizations[authorization.Id] = authorization;
        var rendered = PaymentJson.Authorization(authorization, request.BaseUrl);
        events.Publish(request.ClientId, request.BaseUrl, "PAYMENT.AUTHORIZATION.CREATED", "authorization", rendered, "A payment authorization was created");
        return new ApiResponse(201, Minimal(PaymentJson.Authorization(authorization, request.BaseUrl), request));
    }

    public ApiResponse RefundCapture(ApiRequest request, string id)
    {
        var capture = FindCapture(id, request.ClientId);
        var body = request.Body;
        Money? amount = body?["amount"] is null ? null : Money.Parse(body["amount"], "/amount", "DECIMALS_NOT_SUPPORTED");
        var refund = Refund(capture, amount, JsonRead.OptString(body, "invoice_id", string.Empty), JsonRead.OptString(body, "custom_id", string.Empty),
            JsonRead.OptString(body, "note_to_payer", string.Empty), request.BaseUrl);
        return new ApiResponse(201, Minimal(PaymentJson.Refund(refund, request.BaseUrl), request));
    }

    /// <summary>A refund from the merchant API or from PayPal's side (control API); announces PAYMENT.CAPTURE.REFUNDED.</summary>
    public Refund Refund(Capture capture, Money? requested, string? invoiceId, string? customId, string? noteToPayer, string baseUrl,
        string eventType = "PAYMENT.CAPTURE.REFUNDED", string? reason = null)
    {
        switch (capture.Status)
        {
            case "PENDING":
                throw PayPalApiException.Unprocessable("PENDING_CAPTURE", description: "Cannot initiate a refund as the capture is pending.");
            case "DECLINED" or "FAILED":
                throw PayPalApiException.Unprocessable("REFUND_NOT_ALLOWED", description: "Refund cannot be issued for this capture.");
            case "REFUNDED":
                throw PayPalApiException.Unprocessable("CAPTURE_FULLY_REFUNDED", description: "The capture has already been fully refunded.");
        }

        if (store.Now - capture.CreateTime > RefundWindow)
        {
            throw PayPalApiException.Unprocessable("REFUND_TIME_LIMIT_EXCEEDED", description: "You are over the time limit to perform a refund on this capture.");
        }

        var remaining = capture.Amount.Minor - capture.RefundedMinor;
        var amount = requested is { } r ? SameCurrency(r, capture.Amount.Currency) : capture.Amount.With(remaining);
        if (amount.Minor <= 0)
        {
            throw PayPalApiException.Invalid("/amount/value", amount.Value, "The refund amount must be greater than zero.");
        }

        if (amount.Minor > remaining)
        {
            throw PayPalApiException.Unprocessable("REFUND_AMOUNT_EXCEEDED", "/amount/value", amount.Value, "The refund amount must be less than or equal to the capture amount that has not yet been refunded.");
        }

        var now = store.Now;
        var refund = new Refund
        {
            Id = Ids.Resource(),
            ClientId = capture.ClientId,
            Status = "COMPLETED",
            StatusReason = reason,
            Amount = amount,
            Capture = capture,
            InvoiceId = invoiceId ?? capture.InvoiceId,
            CustomId = customId ?? capture.CustomId,
            NoteToPayer = noteToPayer,
            FeeMinor = capture.Amount.Minor == 0 ? 0 : capture.FeeMinor * amount.Minor / capture.Amount.Minor,
            CreateTime = now,
            UpdateTime = now,
        };
        capture.Refunds.Add(refund);
        store.Refunds[refund.Id] = refund;
        capture.Status = capture.RefundedMinor >= capture.Amount.Minor ? "REFUNDED" : "PARTIALLY_REFUNDED";
        capture.StatusReason = reason ?? capture.StatusReason;
        capture.UpdateTime = now;
        events.Publish(capture.ClientId, baseUrl, eventType, "refund", PaymentJson.Refund(refund, baseUrl),
            eventType == "PAYMENT.CAPTURE.REVERSED" ? $"A {amount.Value} {amount.Currency} capture payment was reversed" : $"A {amount.Value} {amount.Currency} capture payment was refunded");
        return refund;
    }

    private static Money SameCurrency(Money money, string currency) =>
        money.Currency == currency
            ? money
            : throw PayPalApiException.Unprocessable("CURRENCY_MISMATCH", "/amount/currency_code", money.Currency, "Currency of the request must match the currency of the original transaction.");

    private static JsonObject Minimal(JsonObject full, ApiRequest request) =>
        request.PreferRepresentation ? full : new JsonObject { ["id"] = full["id"]?.DeepClone(), ["status"] = full["status"]?.DeepClone(), ["links"] = full["links"]?.DeepClone() };
}
