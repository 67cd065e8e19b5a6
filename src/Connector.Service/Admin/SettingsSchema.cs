using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Connector.Service.Admin;

/// <summary>How a setting is edited and validated.</summary>
internal enum SettingKind
{
    /// <summary>JSON boolean; a checkbox.</summary>
    Bool,

    /// <summary>Free JSON string; a text input.</summary>
    Text,

    /// <summary>JSON string from a fixed list; a select.</summary>
    Enum,

    /// <summary>Object of locale → string; one input per locale.</summary>
    Localized,

    /// <summary>Object with fixed sub-keys, each a <see cref="Text"/> or <see cref="Enum"/>.</summary>
    Group,
}

/// <summary>One known setting and what values it takes.</summary>
internal sealed record SettingField(string Key, string Label, SettingKind Kind, IReadOnlyList<string>? Options = null, IReadOnlyList<SettingField>? Children = null);

/// <summary>A titled group of settings on the page.</summary>
internal sealed record SettingSection(string Title, IReadOnlyList<SettingField> Fields);

/// <summary>
/// The settings object's schema: the keys of <see cref="Connector.Domain.Settings.SettingsDefaults"/> (plus the
/// optional Pay Upon Invoice mail template), their types and allowed values (PayPal JS SDK style options), and the
/// rules a saved object must follow.
/// </summary>
internal static partial class SettingsSchema
{
    /// <summary>What the API shows instead of a secret-looking stored value; sending it back keeps the stored value.</summary>
    public const string SecretMask = "********";

    private static readonly string[] MessageColors = ["blue", "black", "white", "white-no-border", "gray", "monochrome", "grayscale"];

    public static IReadOnlyList<SettingSection> Sections { get; } =
    [
        new("Payment methods", [
            Text("merchantId", "PayPal merchant id"),
            Bool("acceptPayPal", "Accept PayPal"),
            Bool("acceptPayLater", "Accept Pay Later"),
            Bool("acceptVenmo", "Accept Venmo"),
            Bool("acceptLocal", "Accept local payment methods"),
            Bool("acceptCredit", "Accept PayPal Credit"),
            Enum("payPalIntent", "Payment intent (capture at once, or authorize and capture later)", "Capture", "Authorize"),
            Bool("storeInVaultOnSuccess", "Save payment methods in the PayPal vault on success"),
            Localized("paymentDescription", "Payment description shown to the buyer"),
            Bool("sendTrackingToPayPal", "Send parcel tracking to PayPal"),
        ]),
        new("Buttons", [
            Bool("buttonPaymentPage", "Show buttons on the payment page"),
            Bool("buttonCartPage", "Show buttons on the cart page"),
            Bool("buttonDetailPage", "Show buttons on product detail pages"),
            Bool("buttonShippingPage", "Show buttons on the shipping page"),
            Enum("buttonShape", "Button shape", "rect", "pill", "sharp"),
            Group("paypalButtonConfig", "Button style",
                Enum("buttonColor", "Colour", "gold", "blue", "silver", "white", "black"),
                Enum("buttonLabel", "Label", "paypal", "checkout", "buynow", "pay", "installment", "subscribe", "donate")),
            Text("hostedFieldsPayButtonClasses", "CSS classes of the card form's pay button"),
            Text("hostedFieldsInputFieldClasses", "CSS classes of the card form's input fields"),
        ]),
        new("Pay Later messaging", [
            Group("payLaterMessagingType", "Message layout per page",
                Enum("home", "Home", "flex", "text"),
                Enum("category", "Category", "flex", "text"),
                Enum("product", "Product", "flex", "text"),
                Enum("cart", "Cart", "flex", "text"),
                Enum("payment", "Payment", "flex", "text")),
            Bool("payLaterMessageHomePage", "Show on the home page"),
            Bool("payLaterMessageCategoryPage", "Show on category pages"),
            Bool("payLaterMessageDetailsPage", "Show on product detail pages"),
            Bool("payLaterMessageCartPage", "Show on the cart page"),
            Bool("payLaterMessagePaymentPage", "Show on the payment page"),
            Enum("payLaterMessageTextLogoType", "Text layout: logo type", "primary", "alternative", "inline", "none"),
            Enum("payLaterMessageTextLogoPosition", "Text layout: logo position", "left", "right", "top"),
            Enum("payLaterMessageTextColor", "Text layout: text colour", "black", "white", "monochrome", "grayscale"),
            Enum("payLaterMessageTextSize", "Text layout: text size", "10", "11", "12", "13", "14", "15", "16"),
            Enum("payLaterMessageTextAlign", "Text layout: alignment", "left", "center", "right"),
            Enum("payLaterMessageFlexColor", "Flex layout: colour", MessageColors),
            Enum("payLaterMessageFlexRatio", "Flex layout: ratio", "1x1", "1x4", "8x1", "20x1"),
        ]),
        new("Card payments: 3-D Secure", [
            Enum("threeDSOption", "When to ask for 3-D Secure", "SCA_WHEN_REQUIRED", "SCA_ALWAYS"),
            Group("threeDSAction", "Action per 3-D Secure result (0, 1 or 2, as in the storefront integration)",
                [.. Enumerable.Range(1, 14).Select(i => Enum($"threeDSAction_{i}", $"Case {i}", "0", "1", "2"))]),
        ]),
        new("Pay Upon Invoice (Ratepay)", [
            Localized("ratePayBrandName", "Brand name"),
            Localized("ratePayLogoUrl", "Logo URL"),
            Localized("ratePayCustomerServiceInstructions", "Customer service instructions"),
            Localized("payUponInvoiceMailSubject", "Invoice e-mail subject"),
            Localized("payUponInvoiceMailTemplate", "Invoice e-mail template (placeholders ##price##, ##payment_reference##, ##iban##, ...)"),
        ]),
    ];

    private static readonly Dictionary<string, SettingField> ByKey = Sections.SelectMany(s => s.Fields).ToDictionary(f => f.Key, StringComparer.Ordinal);

    public static SettingField? Find(string key) => ByKey.GetValueOrDefault(key);

    /// <summary>
    /// Keys that look like they hold a secret. The settings object is public to storefronts and should hold none,
    /// but if a merchant put one there the page and the API never show it.
    /// </summary>
    public static bool IsSecret(string key) => SecretName().IsMatch(key);

    /// <summary>
    /// The problems with <paramref name="candidate"/> as the new settings object, each naming the key. Unknown keys
    /// are allowed only when <paramref name="stored"/> already has them (they belong to the merchant's storefront).
    /// </summary>
    public static List<string> Validate(JsonObject candidate, JsonObject? stored)
    {
        var errors = new List<string>();
        foreach (var (key, value) in candidate)
        {
            if (Find(key) is { } field)
            {
                ValidateField(field, key, value, stored?[key] as JsonObject, errors);
            }
            else if (stored is null || !stored.ContainsKey(key))
            {
                errors.Add($"{key}: unknown setting (only the documented keys, and keys already stored, are accepted).");
            }
            else if (value is null)
            {
                errors.Add($"{key}: must not be null (leave the key out to remove it).");
            }
        }

        return errors;
    }

    private static void ValidateField(SettingField field, string path, JsonNode? value, JsonObject? storedGroup, List<string> errors)
    {
        switch (field.Kind)
        {
            case SettingKind.Bool:
                if (value?.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
                {
                    errors.Add($"{path}: must be true or false.");
                }

                break;
            case SettingKind.Text:
                if (value?.GetValueKind() is not JsonValueKind.String)
                {
                    errors.Add($"{path}: must be a string.");
                }
                else if (value.GetValue<string>().Length > 10000)
                {
                    errors.Add($"{path}: is longer than 10000 characters.");
                }

                break;
            case SettingKind.Enum:
                if (value?.GetValueKind() is not JsonValueKind.String || !field.Options!.Contains(value.GetValue<string>(), StringComparer.Ordinal))
                {
                    errors.Add($"{path}: must be one of {string.Join(", ", field.Options!.Select(o => $"\"{o}\""))}.");
                }

                break;
            case SettingKind.Localized:
                if (value is not JsonObject map)
                {
                    errors.Add($"{path}: must be an object of locale → text, e.g. {{\"de\": \"...\"}}.");
                    break;
                }

                foreach (var (locale, text) in map)
                {
                    if (!Locale().IsMatch(locale))
                    {
                        errors.Add($"{path}.{locale}: '{locale}' is not a locale (e.g. de, en-GB).");
                    }
                    else if (text?.GetValueKind() is not JsonValueKind.String)
                    {
                        errors.Add($"{path}.{locale}: must be a string.");
                    }
                    else if (field.Key == "ratePayLogoUrl" && text.GetValue<string>() is { Length: > 0 } url
                        && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
                    {
                        errors.Add($"{path}.{locale}: must be an absolute http(s) URL or empty.");
                    }
                }

                break;
            case SettingKind.Group:
                if (value is not JsonObject group)
                {
                    errors.Add($"{path}: must be an object with the keys {string.Join(", ", field.Children!.Select(c => c.Key))}.");
                    break;
                }

                foreach (var (subKey, subValue) in group)
                {
                    var child = field.Children!.FirstOrDefault(c => c.Key == subKey);
                    if (child is not null)
                    {
                        ValidateField(child, $"{path}.{subKey}", subValue, null, errors);
                    }
                    else if (storedGroup is null || !storedGroup.ContainsKey(subKey))
                    {
                        errors.Add($"{path}.{subKey}: unknown setting.");
                    }
                }

                break;
        }
    }

    private static SettingField Bool(string key, string label) => new(key, label, SettingKind.Bool);

    private static SettingField Text(string key, string label) => new(key, label, SettingKind.Text);

    private static SettingField Enum(string key, string label, params string[] options) => new(key, label, SettingKind.Enum, options);

    private static SettingField Localized(string key, string label) => new(key, label, SettingKind.Localized);

    private static SettingField Group(string key, string label, params SettingField[] children) => new(key, label, SettingKind.Group, Children: children);

    [GeneratedRegex("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex Locale();

    [GeneratedRegex("secret|password|passwd|token|api_?key|private_?key|credential", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();
}
