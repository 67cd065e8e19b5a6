using System.Text.Json.Nodes;

namespace Connector.Domain.Settings;

/// <summary>
/// The connector's settings custom object (<c>paypal-commercetools-connector</c>/<c>settings</c>) and its defaults,
/// wire-compatible with the TypeScript connector. Missing keys fall back to these values; present ones are never overwritten.
/// </summary>
public static class SettingsDefaults
{
    public const string Container = "paypal-commercetools-connector";
    public const string Key = "settings";

    private const string DefaultsJson = """
    {
      "merchantId": "",
      "acceptPayPal": true,
      "acceptPayLater": true,
      "acceptVenmo": true,
      "acceptLocal": true,
      "acceptCredit": false,
      "buttonPaymentPage": true,
      "buttonCartPage": true,
      "buttonDetailPage": true,
      "buttonShippingPage": true,
      "buttonShape": "rect",
      "payLaterMessagingType": { "home": "flex", "category": "flex", "product": "text", "cart": "text", "payment": "text" },
      "payLaterMessageCartPage": true,
      "payLaterMessagePaymentPage": true,
      "payLaterMessageCategoryPage": true,
      "payLaterMessageDetailsPage": true,
      "payLaterMessageHomePage": true,
      "payLaterMessageTextLogoType": "primary",
      "payLaterMessageTextLogoPosition": "left",
      "payLaterMessageTextColor": "black",
      "payLaterMessageTextSize": "12",
      "payLaterMessageTextAlign": "left",
      "payLaterMessageFlexColor": "blue",
      "payLaterMessageFlexRatio": "1x1",
      "threeDSOption": "SCA_WHEN_REQUIRED",
      "payPalIntent": "Capture",
      "ratePayBrandName": { "de": "" },
      "ratePayLogoUrl": { "de": "" },
      "ratePayCustomerServiceInstructions": { "de": "" },
      "paymentDescription": { "en": "" },
      "storeInVaultOnSuccess": false,
      "paypalButtonConfig": { "buttonColor": "gold", "buttonLabel": "buynow" },
      "hostedFieldsPayButtonClasses": "",
      "hostedFieldsInputFieldClasses": "",
      "sendTrackingToPayPal": false,
      "threeDSAction": {
        "threeDSAction_1": "2", "threeDSAction_2": "2", "threeDSAction_3": "0", "threeDSAction_4": "0", "threeDSAction_5": "2",
        "threeDSAction_6": "1", "threeDSAction_7": "1", "threeDSAction_8": "1", "threeDSAction_9": "1", "threeDSAction_10": "2",
        "threeDSAction_11": "2", "threeDSAction_12": "1", "threeDSAction_13": "2", "threeDSAction_14": "1"
      },
      "payUponInvoiceMailSubject": { "de": "Pay Upon Invoice" }
    }
    """;

    /// <summary>A fresh copy of the defaults.</summary>
    public static JsonObject Create() => JsonNode.Parse(DefaultsJson)!.AsObject();

    /// <summary>
    /// The stored settings with every missing top-level key filled from the defaults; stored values win, including
    /// values of another JSON type (they are the merchant's). Returns a new object.
    /// </summary>
    public static JsonObject MergeUnder(JsonNode? stored)
    {
        var result = Create();
        if (stored is JsonObject existing)
        {
            foreach (var (key, value) in existing)
            {
                result[key] = value?.DeepClone();
            }
        }

        return result;
    }
}
