namespace Emulator.Commercetools.Tests.Infrastructure;

/// <summary>JSON drafts used across tests.</summary>
public static class Drafts
{
    public const string PaymentType = """
        {"key":"paypal-payment-type","name":{"en":"PayPal payment"},"resourceTypeIds":["payment"],
         "fieldDefinitions":[
           {"name":"PayPalOrderId","label":{"en":"Order id"},"required":false,"type":{"name":"String"},"inputHint":"SingleLine"},
           {"name":"createPayPalOrderRequest","label":{"en":"Request"},"required":false,"type":{"name":"String"}},
           {"name":"createPayPalOrderResponse","label":{"en":"Response"},"required":false,"type":{"name":"String"}},
           {"name":"attempts","label":{"en":"Attempts"},"required":false,"type":{"name":"Number"}}
         ]}
        """;

    public const string InteractionType = """
        {"key":"paypal-interaction","name":{"en":"Interaction"},"resourceTypeIds":["payment-interface-interaction"],
         "fieldDefinitions":[
           {"name":"type","label":{"en":"Type"},"required":false,"type":{"name":"String"}},
           {"name":"data","label":{"en":"Data"},"required":false,"type":{"name":"String"}},
           {"name":"timestamp","label":{"en":"Timestamp"},"required":false,"type":{"name":"DateTime"}}
         ]}
        """;

    public static string Payment(long centAmount = 1000, string currency = "EUR", string? key = null) =>
        "{" + (key is null ? "" : "\"key\":\"" + key + "\",")
        + "\"amountPlanned\":{\"currencyCode\":\"" + currency + "\",\"centAmount\":" + centAmount.ToString(System.Globalization.CultureInfo.InvariantCulture) + "},"
        + "\"paymentMethodInfo\":{\"paymentInterface\":\"PayPal\",\"method\":\"paypal\"}}";

    public static string Extension(string url, string condition = "", int? timeoutInMs = null, string key = "paypal-payment-extension", string resourceTypeId = "payment", string actions = "\"Create\",\"Update\"")
    {
        var trigger = new System.Text.Json.Nodes.JsonObject
        {
            ["resourceTypeId"] = resourceTypeId,
            ["actions"] = System.Text.Json.Nodes.JsonNode.Parse("[" + actions + "]"),
        };
        if (condition.Length > 0)
        {
            trigger["condition"] = condition;
        }

        var draft = new System.Text.Json.Nodes.JsonObject
        {
            ["key"] = key,
            ["destination"] = new System.Text.Json.Nodes.JsonObject
            {
                ["type"] = "HTTP",
                ["url"] = url,
                ["authentication"] = new System.Text.Json.Nodes.JsonObject { ["type"] = "AuthorizationHeader", ["headerValue"] = "Basic c2VjcmV0OnZhbHVl" },
            },
            ["triggers"] = new System.Text.Json.Nodes.JsonArray(trigger),
        };
        if (timeoutInMs is not null)
        {
            draft["timeoutInMs"] = timeoutInMs;
        }

        return draft.ToJsonString();
    }

    public static string Charge(long centAmount) =>
        "{\"action\":\"addTransaction\",\"transaction\":{\"type\":\"Charge\",\"amount\":{\"currencyCode\":\"EUR\",\"centAmount\":" + centAmount.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}}}";

    public static string AddPayment(string paymentId) =>
        "{\"action\":\"addPayment\",\"payment\":{\"typeId\":\"payment\",\"id\":\"" + paymentId + "\"}}";
}
