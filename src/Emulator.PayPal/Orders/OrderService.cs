using System.Text.Json.Nodes;
using Emulator.PayPal.Control;
using Emulator.PayPal.Infrastructure;
using Emulator.PayPal.Payments;
using Emulator.PayPal.Vault;
using Emulator.PayPal.Webhooks;
using Microsoft.Extensions.Options;

namespace Emulator.PayPal.Orders;

/// <summary>The Orders v2 state machine. Every public method expects to run under <see cref="EmulatorStore.Gate"/>.</summary>
internal sealed class OrderService(
    EmulatorStore store,
    EventQueue events,
    RuntimeSettings runtime,
    VaultService vault,
    IOptionsMonitor<EmulatorOptions> options)
{
    /// <summary>3 h to redirect plus 3 h to approve and capture.</summary>
    private static readonly TimeSpan ApprovalWindow = TimeSpan.FromHours(6);

    public static readonly TimeSpan AuthorizationValidity = TimeSpan.FromDays(29);

    public ApiResponse Create(ApiRequest request)
    {
        var body = request.Body ?? throw PayPalApiException.Missing("/intent");
        var intent = JsonRead.OptString(body, "intent", string.Empty) ?? throw PayPalApiException.Missing("/intent");
        if (intent is not ("CAPTURE" or "AUTHORIZE"))
        {
            throw PayPalApiException.Invalid("/intent", intent);
        }

        var units = PurchaseUnitValidator.ValidateAll(body["purchase_units"], request.ClientId);
        var processingInstruction = JsonRead.OptString(body, "processing_instruction", string.Empty);
        if (processingInstruction is not null and not ("ORDER_COMPLETE_ON_PAYMENT_APPROVAL" or "NO_INSTRUCTION"))
        {
            throw PayPalApiException.Invalid("/processing_instruction", processingInstruction);
        }

        var applicationContext = JsonRead.OptObject(body, "application_context", string.Empty);
        var now = store.Now;
        var order = new Order
        {
            Id = Ids.Resource(),
            ClientId = request.ClientId,
            Intent = intent,
            Status = OrderStatus.Created,
            CreateTime = now,
            UpdateTime = now,
            Units = units,
            BaseUrl = request.BaseUrl,
            ProcessingInstruction = processingInstruction,
            ApplicationContext = applicationContext,
            ReturnUrl = JsonRead.OptString(applicationContext, "return_url", "/application_context"),
            CancelUrl = JsonRead.OptString(applicationContext, "cancel_url", "/application_context"),
        };

        if (JsonRead.OptObject(body, "payment_source", string.Empty) is { } paymentSource)
        {
            var parsed = PaymentSources.Parse(paymentSource, store, request.ClientId);
            if (parsed.PaysWithoutPayer && request.RequestId is null)
            {
                throw new PayPalApiException(400, "PAYPAL_REQUEST_ID_REQUIRED", null, null, "header");
            }

            RequireDeviceData(request, parsed);

            ApplySource(order, parsed);
        }

        store.Orders[order.Id] = order;
        if (order.Status == OrderStatus.PendingApproval)
        {
            SchedulePayUponInvoice(order);
        }

        return new ApiResponse(201, OrderJson.Render(order, request.BaseUrl, request.PreferRepresentation ? OrderView.Full : OrderView.Minimal));
    }

    public Order Find(string id, string clientId) => store.Orders.FindOwned(id, clientId, "order_id");

    public ApiResponse Confirm(ApiRequest request, string id)
    {
        var order = Find(id, request.ClientId);
        var paymentSource = JsonRead.OptObject(request.Body, "payment_source", string.Empty) ?? throw PayPalApiException.Missing("/payment_source");
        switch (order.Status)
        {
            case OrderStatus.Approved:
                throw PayPalApiException.Unprocessable("PAYMENT_ALREADY_APPROVED", description: "Payment has already been approved.");
            case OrderStatus.Completed or OrderStatus.Voided or OrderStatus.PendingApproval:
                throw PayPalApiException.Unprocessable("ORDER_CANNOT_BE_CONFIRMED", description: "The order cannot be confirmed in its current status.");
        }

        var confirmed = PaymentSources.Parse(paymentSource, store, request.ClientId);
        RequireDeviceData(request, confirmed);
        ApplySource(order, confirmed);
        if (JsonRead.OptString(request.Body, "processing_instruction", string.Empty) is { } instruction)
        {
            order.ProcessingInstruction = instruction;
        }

        if (JsonRead.OptObject(request.Body, "application_context", string.Empty) is { } context)
        {
            order.ReturnUrl ??= JsonRead.OptString(context, "return_url", "/application_context");
            order.CancelUrl ??= JsonRead.OptString(context, "cancel_url", "/application_context");
        }

        order.UpdateTime = store.Now;
        if (order.Status == OrderStatus.PendingApproval)
        {
            SchedulePayUponInvoice(order);
        }

        return new ApiResponse(200, OrderJson.Render(order, request.BaseUrl));
    }

    /// <summary>Pay Upon Invoice needs the FraudNet session id (<c>PayPal-Client-Metadata-Id</c>) for Ratepay's risk check.</summary>
    private static void RequireDeviceData(ApiRequest request, PaymentSources.Parsed parsed)
    {
        if (parsed.IsPayUponInvoice && string.IsNullOrWhiteSpace(request.Header("PayPal-Client-Metadata-Id")))
        {
            throw PayPalApiException.Unprocessable(
                "DEVICE_DATA_NOT_AVAILABLE",
                description: "Device data is not available for this order: the PayPal-Client-Metadata-Id header is missing or incorrect.");
        }
    }

    private void ApplySource(Order order, PaymentSources.Parsed parsed)
    {
        order.Source = parsed.State;
        order.ReturnUrl = parsed.ReturnUrl ?? order.ReturnUrl;
        order.CancelUrl = parsed.CancelUrl ?? order.CancelUrl;
        order.Status = parsed.IsPayUponInvoice ? OrderStatus.PendingApproval
            : parsed.AwaitsPaymentDetails ? OrderStatus.Created
            : parsed.State.RequiresPayerAction ? OrderStatus.PayerActionRequired
            : OrderStatus.Approved;
        if (parsed.State.VaultId is not null && store.PaymentTokens.TryGetValue(parsed.State.VaultId, out var token))
        {
            order.Payer = VaultService.PayerFrom(token);
        }
    }

    public ApiResponse Capture(ApiRequest request, string id)
    {
        var order = Find(id, request.ClientId);
        PrepareForPayment(order, request, "CAPTURE");
        foreach (var unit in order.Units)
        {
            CaptureUnit(order, unit, null, unit.Amount, true, unit.InvoiceId, unit.CustomId, null, null, request.BaseUrl);
        }

        Complete(order, request.BaseUrl);
        return new ApiResponse(201, OrderJson.Render(order, request.BaseUrl, request.PreferRepresentation ? OrderView.Full : OrderView.MinimalWithPayments));
    }

    public ApiResponse Authorize(ApiRequest request, string id)
    {
        var order = Find(id, request.ClientId);
        PrepareForPayment(order, request, "AUTHORIZE");
        var now = store.Now;
        foreach (var unit in order.Units)
        {
            var declineCode = order.Source?.Kind == "card" ? CardDetails.DeclineCode(order.Source.CardName) : null;
            var authorization = new Authorization
            {
                Id = Ids.Resource(),
                ClientId = order.ClientId,
                Status = declineCode is null ? "CREATED" : "DENIED",
                Amount = unit.Amount,
                Order = order,
                Unit = unit,
                InvoiceId = unit.InvoiceId,
                CustomId = unit.CustomId,
                CreateTime = now,
                UpdateTime = now,
                ExpirationTime = now + AuthorizationValidity,
                ProcessorResponse = ProcessorResponse(order, declineCode),
            };
            unit.Authorizations.Add(authorization);
            store.Authorizations[authorization.Id] = authorization;
            events.Publish(
                order.ClientId,
                request.BaseUrl,
                declineCode is null ? "PAYMENT.AUTHORIZATION.CREATED" : "PAYMENT.AUTHORIZATION.DENIED",
                "authorization",
                PaymentJson.Authorization(authorization, request.BaseUrl),
                $"Payment authorization {(declineCode is null ? "created" : "denied")} for {authorization.Amount.Value} {authorization.Amount.Currency}");
        }

        Complete(order, request.BaseUrl);
        return new ApiResponse(201, OrderJson.Render(order, request.BaseUrl, request.PreferRepresentation ? OrderView.Full : OrderView.MinimalWithPayments));
    }

    private void PrepareForPayment(Order order, ApiRequest request, string action)
    {
        if (order.Intent != action)
        {
            throw PayPalApiException.Unprocessable("ACTION_DOES_NOT_MATCH_INTENT", "/intent", order.Intent,
                action == "CAPTURE"
                    ? "Order was created with an intent to 'AUTHORIZE'. Please use /authorize."
                    : "Order was created with an intent to 'CAPTURE'. Please use /capture.");
        }

        if (order.IsCaptured)
        {
            throw PayPalApiException.Unprocessable("ORDER_ALREADY_CAPTURED");
        }

        if (order.IsAuthorized)
        {
            throw PayPalApiException.Unprocessable("ORDER_ALREADY_AUTHORIZED");
        }

        if (order.Status is OrderStatus.Completed or OrderStatus.Voided)
        {
            throw PayPalApiException.Unprocessable("ORDER_COMPLETED_OR_VOIDED", description: "Order is voided or completed and hence cannot be processed.");
        }

        if (store.Now - order.CreateTime > ApprovalWindow)
        {
            throw PayPalApiException.Unprocessable("ORDER_EXPIRED", description: "The order has expired.");
        }

        if (JsonRead.OptObject(request.Body, "payment_source", string.Empty) is { } paymentSource
            && order.Status is OrderStatus.Created or OrderStatus.PayerActionRequired)
        {
            var parsed = PaymentSources.Parse(paymentSource, store, request.ClientId);
            if (parsed.PaysWithoutPayer)
            {
                ApplySource(order, parsed);
            }
        }

        if (order.Status != OrderStatus.Approved)
        {
            throw order.Status == OrderStatus.PayerActionRequired
                ? PayPalApiException.Unprocessable("ORDER_NOT_APPROVED")
                : PayPalApiException.Unprocessable("ORDER_NOT_APPROVED");
        }

        foreach (var unit in order.Units.Where(u => u.InvoiceId is not null))
        {
            var duplicate = store.Captures.Values.Any(c => c.ClientId == order.ClientId && c.InvoiceId == unit.InvoiceId && c.Order != order && c.Status is not ("DECLINED" or "FAILED"))
                || store.Authorizations.Values.Any(a => a.ClientId == order.ClientId && a.InvoiceId == unit.InvoiceId && a.Order != order && a.Status != "DENIED");
            if (duplicate)
            {
                throw PayPalApiException.Unprocessable("DUPLICATE_INVOICE_ID", $"/purchase_units/@reference_id=='{unit.ReferenceId}'/invoice_id", unit.InvoiceId);
            }
        }
    }

    /// <summary>Captures money on a unit (directly or from an authorization) and announces it.</summary>
    public Capture CaptureUnit(Order order, PurchaseUnit unit, Authorization? authorization, Money amount, bool finalCapture,
        string? invoiceId, string? customId, string? noteToPayer, string? softDescriptor, string baseUrl)
    {
        var now = store.Now;
        var declineCode = order.Source?.Kind == "card" && authorization is null ? CardDetails.DeclineCode(order.Source.CardName) : null;
        var pending = declineCode is null && runtime.CaptureOutcome == "PENDING";
        var capture = new Capture
        {
            Id = Ids.Resource(),
            ClientId = order.ClientId,
            Status = declineCode is not null ? "DECLINED" : pending ? "PENDING" : "COMPLETED",
            StatusReason = pending ? "PENDING_REVIEW" : null,
            Amount = amount,
            FinalCapture = finalCapture,
            Order = order,
            Unit = unit,
            Authorization = authorization,
            InvoiceId = invoiceId,
            CustomId = customId,
            NoteToPayer = noteToPayer,
            SoftDescriptor = softDescriptor,
            ProcessorResponse = authorization is null ? ProcessorResponse(order, declineCode) : null,
            FeeMinor = declineCode is null ? Payments.Capture.Fee(amount) : 0,
            CreateTime = now,
            UpdateTime = now,
        };
        unit.Captures.Add(capture);
        authorization?.Captures.Add(capture);
        store.Captures[capture.Id] = capture;
        var (eventType, verb) = capture.Status switch
        {
            "DECLINED" => ("PAYMENT.CAPTURE.DECLINED", "declined"),
            "PENDING" => ("PAYMENT.CAPTURE.PENDING", "is pending"),
            _ => ("PAYMENT.CAPTURE.COMPLETED", "completed"),
        };
        events.Publish(order.ClientId, baseUrl, eventType, "capture", PaymentJson.Capture(capture, baseUrl), $"Payment {verb} for {amount.Value} {amount.Currency}");
        return capture;
    }

    private void Complete(Order order, string baseUrl)
    {
        var succeeded = order.Units.Any(u => u.Captures.Any(c => c.Status is not ("DECLINED" or "FAILED")) || u.Authorizations.Any(a => a.Status != "DENIED"));
        order.Status = OrderStatus.Completed;
        order.UpdateTime = store.Now;
        if (succeeded && order.Source is { StoreInVault: true } source)
        {
            vault.VaultFromOrder(order, source, baseUrl);
        }

        events.Publish(order.ClientId, baseUrl, "CHECKOUT.ORDER.COMPLETED", "checkout-order", OrderJson.Render(order, baseUrl), "Checkout Order Completed");
    }

    private static JsonObject? ProcessorResponse(Order order, string? declineCode) =>
        order.Source?.Kind != "card"
            ? null
            : new JsonObject
            {
                ["avs_code"] = declineCode is null ? "Y" : "N",
                ["cvv_code"] = declineCode == "00N7" ? "N" : "M",
                ["response_code"] = declineCode ?? "0000",
            };

    /// <summary>The buyer approved on the approval page. Returns the payer id.</summary>
    public string Approve(Order order, string email, string baseUrl)
    {
        if (order.Status is not (OrderStatus.Created or OrderStatus.PayerActionRequired))
        {
            return order.Payer?["payer_id"]?.GetValue<string>() ?? string.Empty;
        }

        var payerId = Ids.PayerId();
        order.Payer = new JsonObject
        {
            ["name"] = new JsonObject { ["given_name"] = "John", ["surname"] = "Doe" },
            ["email_address"] = email,
            ["payer_id"] = payerId,
            ["address"] = new JsonObject { ["country_code"] = "US" },
        };
        order.Source ??= new PaymentSourceState { Kind = "paypal", View = [] };
        var view = order.Source.View;
        switch (order.Source.Kind)
        {
            case "paypal":
                view["email_address"] = email;
                view["account_id"] = payerId;
                view["account_status"] = "VERIFIED";
                view["name"] = new JsonObject { ["given_name"] = "John", ["surname"] = "Doe" };
                view["address"] = new JsonObject { ["country_code"] = "US" };
                break;
            case "venmo":
                view["email_address"] = email;
                view["account_id"] = payerId;
                view["user_name"] = email.Split('@')[0];
                view["name"] = new JsonObject { ["given_name"] = "John", ["surname"] = "Doe" };
                break;
            case "card":
                view["authentication_result"] = new JsonObject
                {
                    ["liability_shift"] = "POSSIBLE",
                    ["three_d_secure"] = new JsonObject { ["enrollment_status"] = "Y", ["authentication_status"] = "Y" },
                };
                break;
        }

        order.Status = OrderStatus.Approved;
        order.UpdateTime = store.Now;
        events.Publish(order.ClientId, baseUrl, "CHECKOUT.ORDER.APPROVED", "checkout-order", OrderJson.Render(order, baseUrl), "An order has been approved by buyer");
        if (order.ProcessingInstruction == "ORDER_COMPLETE_ON_PAYMENT_APPROVAL" && order.Intent == "CAPTURE")
        {
            foreach (var unit in order.Units)
            {
                CaptureUnit(order, unit, null, unit.Amount, true, unit.InvoiceId, unit.CustomId, null, null, baseUrl);
            }

            Complete(order, baseUrl);
        }

        return payerId;
    }

    private void SchedulePayUponInvoice(Order order)
    {
        var delay = TimeSpan.FromMilliseconds(Math.Max(0, options.CurrentValue.PayUponInvoiceDelayMs));
        order.PendingTimer?.Dispose();
        order.PendingTimer = store.Time.CreateTimer(_ => CompletePayUponInvoice(order.Id), null, delay, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Ratepay accepted the invoice: the order completes and the capture is recorded.</summary>
    public bool CompletePayUponInvoice(string orderId)
    {
        lock (store.Gate)
        {
            if (!store.Orders.TryGetValue(orderId, out var order) || order.Status != OrderStatus.PendingApproval)
            {
                return false;
            }

            order.PendingTimer?.Dispose();
            order.PendingTimer = null;
            order.Source?.View.TryAdd("payment_reference", "b8a1525dlYzu6Mn62umI");
            order.Source?.View.TryAdd("deposit_bank_details", new JsonObject
            {
                ["bic"] = "DEUTDEFFXXX",
                ["bank_name"] = "Deutsche Bank",
                ["iban"] = "DE89370400440532013000",
                ["account_holder_name"] = "Paypal - Ratepay GmbH - Test Bank Account",
            });
            order.Status = OrderStatus.Approved;
            foreach (var unit in order.Units)
            {
                CaptureUnit(order, unit, null, unit.Amount, true, unit.InvoiceId, unit.CustomId, null, null, order.BaseUrl);
            }

            Complete(order, order.BaseUrl);
            return true;
        }
    }
}
