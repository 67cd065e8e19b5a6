using System.Text.Json.Nodes;
using Emulator.PayPal.Infrastructure;
using Emulator.PayPal.Orders;
using Emulator.PayPal.Webhooks;

namespace Emulator.PayPal.Vault;

/// <summary>Vault v3 state. Every public method expects to run under <see cref="EmulatorStore.Gate"/>.</summary>
internal sealed class VaultService(EmulatorStore store, EventQueue events)
{
    private long _sequence;

    public PaymentToken AddToken(string clientId, string customerId, string kind, JsonObject view, string baseUrl)
    {
        var token = new PaymentToken
        {
            Id = Ids.PaymentToken(),
            ClientId = clientId,
            CustomerId = customerId,
            Kind = kind,
            View = view,
            CreateTime = store.Now,
            Sequence = Interlocked.Increment(ref _sequence),
        };
        store.PaymentTokens[token.Id] = token;
        events.Publish(clientId, baseUrl, "VAULT.PAYMENT-TOKEN.CREATED", "payment_token", Render(token, baseUrl), "A payment token has been created.");
        return token;
    }

    /// <summary><c>store_in_vault: ON_SUCCESS</c>: the order's instrument becomes a payment token once money moved.</summary>
    public void VaultFromOrder(Order order, PaymentSourceState source, string baseUrl)
    {
        var customerId = source.VaultCustomerId ?? Ids.Customer();
        var view = JsonOut.CloneObject(source.View);
        view.Remove("attributes");
        view.Remove("authentication_result");
        if (source.Kind is "paypal" or "venmo")
        {
            view["payer_id"] = order.Payer?["payer_id"]?.DeepClone();
            view["usage_type"] = source.VaultUsageType ?? "MERCHANT";
            view["customer_type"] = source.VaultCustomerType;
        }

        var token = AddToken(order.ClientId, customerId, source.Kind, view, baseUrl);
        source.View["attributes"] = new JsonObject
        {
            ["vault"] = new JsonObject
            {
                ["id"] = token.Id,
                ["status"] = "VAULTED",
                ["customer"] = new JsonObject { ["id"] = customerId },
                ["links"] = new JsonArray
                {
                    Links.Make(baseUrl, "/v3/vault/payment-tokens/" + token.Id, "self", "GET"),
                },
            },
        };
    }

    public static JsonObject PayerFrom(PaymentToken token)
    {
        var view = token.View;
        return new JsonObject
        {
            ["email_address"] = view["email_address"]?.DeepClone(),
            ["payer_id"] = view["payer_id"]?.DeepClone() ?? view["account_id"]?.DeepClone(),
            ["name"] = view["name"] is JsonObject name && name["given_name"] is not null ? name.DeepClone() : null,
        };
    }

    public static JsonObject Render(PaymentToken token, string baseUrl) => new()
    {
        ["id"] = token.Id,
        ["customer"] = new JsonObject { ["id"] = token.CustomerId },
        ["payment_source"] = new JsonObject { [token.Kind] = token.View.DeepClone() },
        ["links"] = new JsonArray
        {
            VaultLink(baseUrl, "/v3/vault/payment-tokens/" + token.Id, "self", "GET"),
            VaultLink(baseUrl, "/v3/vault/payment-tokens/" + token.Id, "delete", "DELETE"),
        },
    };

    public static JsonObject VaultLink(string baseUrl, string path, string rel, string method)
    {
        var link = Links.Make(baseUrl, path, rel, method);
        link["encType"] = "application/json";
        return link;
    }

    /// <summary>
    /// A card setup token created without a number receives its card (what the JS SDK's card fields submit to PayPal).
    /// <paramref name="card"/> is a <c>payment_source.card</c> object; errors point at <paramref name="sp"/>.
    /// </summary>
    public void SubmitCard(SetupToken token, JsonObject card, string sp)
    {
        if (token.Kind != "card" || token.Status != "PAYER_ACTION_REQUIRED")
        {
            throw PayPalApiException.Unprocessable("SETUP_TOKEN_NOT_AWAITING_CARD", "id", token.Id, "Only a card setup token created without card details takes a card.");
        }

        var view = CardView(card, sp);
        foreach (var (name, value) in token.View)
        {
            view[name] ??= value?.DeepClone();
        }

        token.View = view;
        token.Status = "APPROVED";
    }

    private JsonObject CardView(JsonObject source, string sp)
    {
        var view = CardDetails.Read(source, sp, store.Now).View();
        view.Remove("type");
        return view;
    }

    /// <summary>The payer agreed on the approval page to save the wallet.</summary>
    public void ApproveSetupToken(SetupToken token, string email)
    {
        if (token.Status != "PAYER_ACTION_REQUIRED")
        {
            return;
        }

        if (token.Kind == "card")
        {
            SubmitCard(token, new JsonObject { ["number"] = PayPalEmulatorDefaults.TestCardNumber, ["expiry"] = $"{store.Now.Year + 3:D4}-12" }, "/payment_source/card");
            return;
        }

        token.View["email_address"] = email;
        token.View["payer_id"] = Ids.PayerId();
        token.View["name"] = new JsonObject { ["given_name"] = "John", ["surname"] = "Doe" };
        token.View["address"] = new JsonObject { ["country_code"] = "US" };
        token.Status = "APPROVED";
    }

    public ApiResponse CreateSetupToken(ApiRequest request)
    {
        var body = request.Body ?? throw PayPalApiException.Missing("/payment_source");
        var paymentSource = JsonRead.OptObject(body, "payment_source", string.Empty) ?? throw PayPalApiException.Missing("/payment_source");
        var customerId = CustomerIdOf(body) ?? Ids.Customer();
        var entry = paymentSource.FirstOrDefault(kv => kv.Value is JsonObject);
        var kind = entry.Key ?? throw PayPalApiException.Invalid("/payment_source", "{}", "A payment source is required.");
        var source = (JsonObject)entry.Value!;
        var sp = "/payment_source/" + kind;
        var context = JsonRead.OptObject(source, "experience_context", sp);
        SetupToken token;
        switch (kind)
        {
            case "card" when source["number"] is null && source["single_use_token"] is null:
            {
                // The JS SDK's card fields: the setup token is created first, the card arrives later through the fields.
                var view = PaymentSources.Scrub(source);
                view.Remove("verification_method");
                JsonRead.OptString(source, "verification_method", sp);
                token = NewSetupToken(request.ClientId, customerId, kind, "PAYER_ACTION_REQUIRED", view, context);
                break;
            }

            case "card":
            {
                token = NewSetupToken(request.ClientId, customerId, kind, "APPROVED", CardView(source, sp), context);
                break;
            }

            case "paypal" or "venmo":
            {
                var usageType = JsonRead.OptString(source, "usage_type", sp) ?? throw PayPalApiException.Missing(sp + "/usage_type");
                if (usageType is not ("MERCHANT" or "PLATFORM"))
                {
                    throw PayPalApiException.Invalid(sp + "/usage_type", usageType);
                }

                var view = PaymentSources.Scrub(source);
                view["customer_type"] ??= "CONSUMER";
                token = NewSetupToken(request.ClientId, customerId, kind, "PAYER_ACTION_REQUIRED", view, context);
                break;
            }

            default:
                throw PayPalApiException.Invalid(sp, null, "The emulator vaults card, paypal and venmo payment sources.");
        }

        store.SetupTokens[token.Id] = token;
        return new ApiResponse(201, RenderSetupToken(token, request.BaseUrl));
    }

    private SetupToken NewSetupToken(string clientId, string customerId, string kind, string status, JsonObject view, JsonObject? context) => new()
    {
        Id = Ids.Resource(),
        ClientId = clientId,
        CustomerId = customerId,
        Kind = kind,
        Status = status,
        View = view,
        ReturnUrl = JsonRead.OptString(context, "return_url", "/payment_source/experience_context"),
        CancelUrl = JsonRead.OptString(context, "cancel_url", "/payment_source/experience_context"),
        CreateTime = store.Now,
    };

    public SetupToken FindSetupToken(string id, string clientId) =>
        store.SetupTokens.FindOwned(id, clientId, "id");

    public PaymentToken FindPaymentToken(string id, string clientId) =>
        store.PaymentTokens.FindOwned(id, clientId, "id");

    public ApiResponse CreatePaymentToken(ApiRequest request)
    {
        var body = request.Body ?? throw PayPalApiException.Missing("/payment_source");
        var paymentSource = JsonRead.OptObject(body, "payment_source", string.Empty) ?? throw PayPalApiException.Missing("/payment_source");
        var requestedCustomer = CustomerIdOf(body);
        if (JsonRead.OptObject(paymentSource, "token", "/payment_source") is { } tokenSource)
        {
            var id = JsonRead.ReqString(tokenSource, "id", "/payment_source/token");
            var type = JsonRead.ReqString(tokenSource, "type", "/payment_source/token");
            if (type is not ("SETUP_TOKEN" or "BILLING_AGREEMENT"))
            {
                throw PayPalApiException.Invalid("/payment_source/token/type", type);
            }

            if (!store.SetupTokens.TryGetValue(id, out var setup) || setup.ClientId != request.ClientId)
            {
                throw new PayPalApiException(404, "INVALID_RESOURCE_ID", "/payment_source/token/id", id, "body", "Specified resource ID does not exist. Please check the resource ID and try again.");
            }

            if (setup.Status == "PAYER_ACTION_REQUIRED")
            {
                throw PayPalApiException.Unprocessable("PAYER_ACTION_REQUIRED", "/payment_source/token/id", id, "The payer has not yet approved the setup token. Redirect the payer to the 'approve' link of the setup token.");
            }

            // A second exchange of the same setup token answers the token the first one created.
            if (setup.PaymentTokenId is not null && store.PaymentTokens.TryGetValue(setup.PaymentTokenId, out var existing))
            {
                return new ApiResponse(201, Render(existing, request.BaseUrl));
            }

            var view = JsonOut.CloneObject(setup.View);
            if (view["payer_id"] is not null)
            {
                view["account_id"] = view["payer_id"]!.DeepClone();
            }

            var created = AddToken(request.ClientId, requestedCustomer ?? setup.CustomerId, setup.Kind, view, request.BaseUrl);
            setup.PaymentTokenId = created.Id;
            return new ApiResponse(201, Render(created, request.BaseUrl));
        }

        if (JsonRead.OptObject(paymentSource, "card", "/payment_source") is { } cardSource)
        {
            var card = CardDetails.Read(cardSource, "/payment_source/card", store.Now).View();
            card.Remove("type");
            var created = AddToken(request.ClientId, requestedCustomer ?? Ids.Customer(), "card", card, request.BaseUrl);
            return new ApiResponse(201, Render(created, request.BaseUrl));
        }

        throw PayPalApiException.Invalid("/payment_source", null, "Use a token (SETUP_TOKEN or BILLING_AGREEMENT) or a card.");
    }

    public ApiResponse DeletePaymentToken(ApiRequest request, string id)
    {
        var token = FindPaymentToken(id, request.ClientId);
        store.PaymentTokens.Remove(token.Id);
        events.Publish(token.ClientId, request.BaseUrl, "VAULT.PAYMENT-TOKEN.DELETED", "payment_token", Render(token, request.BaseUrl), "A payment token has been deleted.");
        return ApiResponse.NoContent;
    }

    public ApiResponse ListPaymentTokens(ApiRequest request)
    {
        var query = request.Http.Request.Query;
        var customerId = query["customer_id"].ToString();
        if (string.IsNullOrEmpty(customerId))
        {
            throw new PayPalApiException(400, "MISSING_REQUIRED_PARAMETER", "customer_id", null, "query", "A required field / parameter is missing.");
        }

        CheckCustomerId(customerId, "customer_id", "query");
        var pageSize = PositiveInt(query["page_size"].ToString(), "page_size", 5);
        var page = PositiveInt(query["page"].ToString(), "page", 1);
        var totalText = query["total_required"].ToString();
        var totalRequired = totalText.Length == 0 ? false : bool.TryParse(totalText, out var parsed) ? parsed
            : throw new PayPalApiException(400, "INVALID_PARAMETER_SYNTAX", "total_required", totalText, "query", "The value of a field does not conform to the expected format.");

        var tokens = store.PaymentTokens.Values.Where(t => t.ClientId == request.ClientId && t.CustomerId == customerId).OrderBy(t => t.Sequence).ToList();
        var totalPages = (tokens.Count + pageSize - 1) / pageSize;
        string Href(int p) =>
            $"/v3/vault/payment-tokens?customer_id={Uri.EscapeDataString(customerId)}&page={p}&page_size={pageSize}&total_required={(totalRequired ? "true" : "false")}";
        var links = new JsonArray
        {
            VaultLink(request.BaseUrl, Href(page), "self", "GET"),
            VaultLink(request.BaseUrl, Href(1), "first", "GET"),
            VaultLink(request.BaseUrl, Href(Math.Max(1, totalPages)), "last", "GET"),
        };
        if (page > 1)
        {
            links.Add(VaultLink(request.BaseUrl, Href(Math.Min(page - 1, Math.Max(1, totalPages))), "prev", "GET"));
        }

        if (page < totalPages)
        {
            links.Add(VaultLink(request.BaseUrl, Href(page + 1), "next", "GET"));
        }

        return new ApiResponse(200, new JsonObject
        {
            ["customer"] = new JsonObject { ["id"] = customerId },
            ["payment_tokens"] = new JsonArray([.. tokens.Skip((page - 1) * pageSize).Take(pageSize).Select(t => (JsonNode)Render(t, request.BaseUrl))]),
            ["total_items"] = totalRequired ? tokens.Count : null,
            ["total_pages"] = totalRequired ? totalPages : null,
            ["links"] = links,
        });
    }

    public static JsonObject RenderSetupToken(SetupToken token, string baseUrl)
    {
        var links = new JsonArray { VaultLink(baseUrl, "/v3/vault/setup-tokens/" + token.Id, "self", "GET") };
        if (token.Status == "PAYER_ACTION_REQUIRED")
        {
            links.Add(VaultLink(baseUrl, "/agreements/approve?approval_session_id=" + token.Id, "approve", "GET"));
        }

        links.Add(VaultLink(baseUrl, "/v3/vault/payment-tokens", "confirm", "POST"));
        return new JsonObject
        {
            ["id"] = token.Id,
            ["customer"] = new JsonObject { ["id"] = token.CustomerId },
            ["status"] = token.Status,
            ["payment_source"] = new JsonObject { [token.Kind] = token.View.DeepClone() },
            ["links"] = links,
        };
    }

    private static string? CustomerIdOf(JsonObject body)
    {
        var id = JsonRead.OptString(body["customer"], "id", "/customer");
        if (id is not null)
        {
            CheckCustomerId(id, "/customer/id", "body");
        }

        return id;
    }

    private static void CheckCustomerId(string id, string field, string location)
    {
        if (id.Length is < 7 or > 36 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
        {
            throw new PayPalApiException(400, "INVALID_PARAMETER_SYNTAX", field, id, location, "The value of a field does not conform to the expected format.");
        }
    }

    private static int PositiveInt(string text, string name, int fallback)
    {
        if (text.Length == 0)
        {
            return fallback;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= 1
            ? value
            : throw new PayPalApiException(400, "INVALID_PARAMETER_VALUE", name, text, "query", "The value of a field is invalid.");
    }
}
