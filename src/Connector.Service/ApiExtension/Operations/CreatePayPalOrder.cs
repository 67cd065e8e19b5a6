using System.Text.Json.Nodes;
using Connector.Commercetools;
using Connector.Commercetools.Models;
using Connector.Domain;
using Connector.Domain.Contract;
using Connector.Domain.Checkout;
using Connector.PayPal;
using Connector.Service.Vault;
using Connector.Service.Settings;
using Connector.Service.Disputes;
using Connector.Service.ApiExtension;

namespace Connector.Service.ApiExtension.Operations;

/// <summary>
/// <c>createPayPalOrderRequest</c>: creates a PayPal order for the payment. Amounts always come from commercetools
/// (what the payment's cart still owes, or <c>amountPlanned</c> for a payment in no cart), never from the caller, so a
/// shopper with a My Payments token cannot change the price. Records <c>PayPalOrderId</c>, the interface id (the
/// payment's own order from now on), the amount put on the order (an interface interaction) and the status fields.
/// </summary>
internal sealed class CreatePayPalOrder(OperationServices services, VaultedTokenGuard vaultedTokens, VaultBindings vaultBindings) : IPaymentOperation
{
    private static readonly HashSet<string> PaymentSources = ["paypal", "venmo", "card", "pay_upon_invoice", "google_pay", "apple_pay", "token"];

    // Fields a caller may pass besides the connector's own; everything that carries amounts is refused.
    private static readonly HashSet<string> Known =
        ["payment_source", "paymentSource", "clientMetadataId", "custom_invoice_id", "custom_id", "storeInVaultOnSuccess", "application_context", "processing_instruction"];

    private const string PayUponInvoiceKey = "pay_upon_invoice";

    /// <summary>
    /// The TypeScript connector's messages for a refused order: <c>paymentSourceDeclined</c> when the processor declined
    /// the instrument, <c>paymentSourceNotVerified</c> when an address or the instrument could not be verified, otherwise
    /// <c>OTHER</c>; PayPal's details follow.
    /// </summary>
    public OperationResult? MapPayPalFailure(PayPalApiException failure)
    {
        var issues = failure.Issues;
        var message = issues.Any(i => i is "PAYMENT_SOURCE_DECLINED_BY_PROCESSOR" or "PAYMENT_SOURCE_CANNOT_BE_USED") ? "paymentSourceDeclined"
            : issues.Any(i => i is "PAYMENT_SOURCE_INFO_CANNOT_BE_VERIFIED" or "SHIPPING_ADDRESS_INVALID" or "BILLING_ADDRESS_INVALID" or "INVALID_COUNTRY_CODE" or "POSTAL_CODE_REQUIRED") ? "paymentSourceNotVerified"
            : "OTHER";
        return ActionEnvelope.Failure(message, ExtensionDispatcher.DetailsNode(failure));
    }

    public async Task<OperationResult> ExecuteAsync(PaymentOperationContext context, CancellationToken cancellationToken)
    {
        var field = context.Field;
        var payment = context.Payment;
        var request = RequestJson.ParseObject(context.RequestValue, field);
        foreach (var (key, _) in request)
        {
            if (key is "purchase_units" or "intent" or "amount")
            {
                throw new DomainValidationException($"{field}.{key} cannot be set: amounts and intent come from commercetools and the connector settings.");
            }

            if (!Known.Contains(key))
            {
                throw new DomainValidationException($"{field}.{key} is not supported (allowed: {string.Join(", ", Known.Order(StringComparer.Ordinal))}).");
            }
        }

        var source = ReadPaymentSource(request, field);
        var clientMetadataId = RequestJson.OptionalString(request, "clientMetadataId", field);
        if (clientMetadataId is { Length: > 36 })
        {
            throw new DomainValidationException($"{field}.clientMetadataId must be at most 36 characters.");
        }

        var customId = RequestJson.OptionalString(request, "custom_id", field);
        var requestedInvoiceId = RequestJson.OptionalString(request, "custom_invoice_id", field);
        if (requestedInvoiceId is not null && PaymentGuard.IsShopperChange(payment))
        {
            // PayPal reports disputes and refunds by invoice id: a shopper must not make one payment pose as another.
            throw new OperationRefusedException($"{field}.custom_invoice_id cannot be set with a shopper's token.");
        }

        var invoiceId = requestedInvoiceId ?? payment.Id;
        var storeInVault = RequestJson.OptionalBool(request, "storeInVaultOnSuccess", field);
        if (payment.Transactions.Any(t => t.Type is nameof(TransactionType.Charge) or nameof(TransactionType.Authorization)
                && t.State is nameof(TransactionState.Success) or nameof(TransactionState.Pending)))
        {
            throw new OperationRefusedException($"{field}: the payment has already moved money with its PayPal order; use a new payment for a new order.");
        }

        if (source is { } vaultSource)
        {
            await vaultedTokens.EnsureOwnedAsync(payment, vaultSource.Key, vaultSource.Value, field, cancellationToken);
        }

        var settingsTask = services.Settings.GetAsync(cancellationToken).AsTask();
        var cart = await services.Commercetools.FindCartByPaymentAsync(payment.Id, cancellationToken);
        var settings = await settingsTask;

        var amountPlanned = PaymentActions.ToMoney(payment.AmountPlanned);
        if (!Currencies.IsSupportedByPayPal(amountPlanned.CurrencyCode))
        {
            throw new DomainValidationException($"{field}: PayPal does not accept the currency {amountPlanned.CurrencyCode} of the payment's amountPlanned.");
        }

        var checkoutCart = cart is null ? null : CartMapping.ToCheckoutCart(cart);
        var purchase = PaymentGuard.PurchaseAmount(payment, cart, field);
        var locale = cart?.Locale;
        var plan = PurchaseUnitPlanner.Plan(purchase, checkoutCart, new PlannerOptions
        {
            InvoiceId = invoiceId,
            CustomId = customId,
            Description = settings.GetLocalized("paymentDescription", locale),
        });

        var body = new JsonObject
        {
            ["intent"] = settings.Intent,
            ["purchase_units"] = new JsonArray(plan.ToPayPalJson()),
        };
        if (request["application_context"] is JsonObject applicationContext)
        {
            body["application_context"] = applicationContext.DeepClone();
        }

        if (source is not null)
        {
            var (sourceKey, sourceValue) = source.Value;
            if (sourceKey == PayUponInvoiceKey)
            {
                PayUponInvoice.EnsureApplicable(purchase, checkoutCart);
                if (clientMetadataId is null)
                {
                    throw new DomainValidationException($"{field}.clientMetadataId is required for Pay Upon Invoice (PayPal's fraud check needs it).");
                }

                sourceValue = (JsonObject)PayUponInvoice.BuildPaymentSource(checkoutCart!, sourceValue, new PayUponInvoiceExperience
                {
                    BrandName = settings.GetLocalized("ratePayBrandName", locale),
                    LogoUrl = settings.GetLocalized("ratePayLogoUrl", locale),
                    CustomerServiceInstructions = settings.GetLocalized("ratePayCustomerServiceInstructions", locale),
                    Locale = locale,
                })[PayUponInvoiceKey]!.DeepClone();
                body["intent"] = PayUponInvoice.Intent;
                body["processing_instruction"] = PayUponInvoice.ProcessingInstruction;
            }
            else if (request["processing_instruction"] is JsonValue instruction)
            {
                body["processing_instruction"] = instruction.DeepClone();
            }

            if (sourceValue["attributes"] is JsonObject attributes && attributes["customer"] is not null)
            {
                // The vault customer is always the payment's own customer, never one the caller names.
                attributes.Remove("customer");
            }

            if (storeInVault ?? settings.StoreInVaultOnSuccess)
            {
                await AddVaultAttributesAsync(sourceKey, sourceValue, payment, field, cancellationToken);
            }

            body["payment_source"] = new JsonObject { [sourceKey] = sourceValue };
        }

        var response = await services.PayPal.Orders.CreateAsync(body, PaymentLookups.RequestId(context, context.Operation), clientMetadataId, cancellationToken);
        var order = response.Value!;
        // The interfaceId is what every later operation trusts (a shopper cannot write it); PayPalOrderId stays for clients.
        var actions = new List<UpdateAction>
        {
            new SetCustomField(PaymentLookups.OrderIdField, CustomFieldValues.String(order.Id)),
            new SetInterfaceId(order.Id),
            PaymentGuard.RecordOrderAmount(services.Options.InteractionTypeKey, order.Id, purchase, services.Time.GetUtcNow()),
        };

        if (customId is not null)
        {
            actions.Add(new SetCustomField(ConnectorContract.PayPalCustomIdField, CustomFieldValues.String(customId)));
        }

        actions.AddRange(PaymentActions.StatusFields(order));
        return OperationResult.Json(response, actions);
    }

    private static (string Key, JsonObject Value)? ReadPaymentSource(JsonObject request, string field)
    {
        var node = request["payment_source"] ?? request["paymentSource"];
        if (node is null)
        {
            return null;
        }

        if (node is not JsonObject obj || obj.Count != 1)
        {
            throw new DomainValidationException($"{field}.payment_source must be an object with exactly one payment source ({string.Join(", ", PaymentSources.Order(StringComparer.Ordinal))}).");
        }

        var (key, value) = obj.First();
        if (!PaymentSources.Contains(key))
        {
            throw new DomainValidationException($"{field}.payment_source.{key} is not a supported payment source ({string.Join(", ", PaymentSources.Order(StringComparer.Ordinal))}).");
        }

        if (value is not JsonObject sourceValue)
        {
            throw new DomainValidationException($"{field}.payment_source.{key} must be a JSON object.");
        }

        if (key == "token" && sourceValue["id"] is null)
        {
            throw new DomainValidationException($"{field}.payment_source.token.id is required.");
        }

        return (key, (JsonObject)sourceValue.DeepClone());
    }

    private async Task AddVaultAttributesAsync(string sourceKey, JsonObject source, Payment payment, string field, CancellationToken cancellationToken)
    {
        if (sourceKey is not ("paypal" or "venmo" or "card"))
        {
            throw new DomainValidationException($"{field}: storeInVaultOnSuccess works with paypal, venmo and card, not {sourceKey}.");
        }

        var customerId = payment.Customer?.Id
            ?? throw new DomainValidationException($"{field}: storeInVaultOnSuccess needs a payment that belongs to a customer.");
        var attributes = source["attributes"] as JsonObject ?? [];
        source["attributes"] = attributes;
        attributes["vault"] = sourceKey switch
        {
            "paypal" => new JsonObject { ["store_in_vault"] = "ON_SUCCESS", ["usage_type"] = "MERCHANT", ["customer_type"] = "CONSUMER" },
            "venmo" => new JsonObject { ["store_in_vault"] = "ON_SUCCESS", ["usage_type"] = "MERCHANT" },
            _ => new JsonObject { ["store_in_vault"] = "ON_SUCCESS" },
        };

        if (await vaultBindings.GetAsync(customerId, cancellationToken) is { } payPalUserId)
        {
            attributes["customer"] = new JsonObject { ["id"] = payPalUserId };
        }
    }
}
