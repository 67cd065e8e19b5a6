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

    /// <summary>The payer agreed on the approval page to save the wallet.</summary>
    public void ApproveSetupToken(SetupToken token, string email)
    {
        if (token.Status != "PAYER_ACTION_REQUIRED")
        {
            return;
        }

        token.View["email_address"] = email;
        token.View["payer_id"] = Ids.PayerId();
        token.View["name"] = new JsonObject { ["given_name"] = "John", ["surname"] = "Doe" };
        token.View["address"] = new JsonObject { ["country_code"] = "US" };
        token.Status = "APPROVED";
    }
}
