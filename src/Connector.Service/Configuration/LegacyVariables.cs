namespace Connector.Service.Configuration;

/// <summary>
/// Maps the flat environment variables of the TypeScript connector (<c>CTP_PROJECT_KEY</c>, <c>PAYPAL_CLIENT_ID</c>, ...)
/// onto our configuration sections, so a merchant's existing deployment settings work unchanged.
/// </summary>
public static class LegacyVariables
{
    private static readonly (string Variable, string Key)[] Map =
    [
        ("CTP_PROJECT_KEY", "Commercetools:ProjectKey"),
        ("CTP_CLIENT_ID", "Commercetools:ClientId"),
        ("CTP_CLIENT_SECRET", "Commercetools:ClientSecret"),
        ("CTP_SCOPE", "Commercetools:Scope"),
        ("CTP_REGION", "Commercetools:Region"),
        ("CTP_API_URL", "Commercetools:ApiUrl"),
        ("CTP_AUTH_URL", "Commercetools:AuthUrl"),
        ("PAYPAL_CLIENT_ID", "PayPal:ClientId"),
        ("PAYPAL_CLIENT_SECRET", "PayPal:ClientSecret"),
        ("PAYPAL_ENVIRONMENT", "PayPal:Environment"),
        ("PAYPAL_API_URL", "PayPal:ApiUrl"),
        ("PAYPAL_PARTNER_ATTRIBUTION_ID", "PayPal:PartnerAttributionId"),
        ("PAYPAL_WEBHOOK_ID", "PayPal:WebhookId"),
        ("CONNECTOR_EXTENSION_AUTHORIZATION", "Connector:ExtensionAuthorization"),
        ("CONNECTOR_PUBLIC_URL", "Connector:PublicUrl"),
        ("PAYMENT_TYPE_KEY", "Connector:PaymentTypeKey"),
        ("CUSTOMER_TYPE_KEY", "Connector:CustomerTypeKey"),
        ("PAYMENT_INTERACTION_TYPE_KEY", "Connector:InteractionTypeKey"),
    ];

    /// <summary>Adds a configuration source holding the values of whichever legacy variables are set.</summary>
    public static IConfigurationBuilder AddLegacyVariables(this IConfigurationBuilder configuration)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (variable, key) in Map)
        {
            if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value)
            {
                values[key] = value;
            }
        }

        return configuration.AddInMemoryCollection(values);
    }

    /// <summary>The variable names, for documentation and deploy.</summary>
    public static IReadOnlyList<(string Variable, string Key)> All => Map;
}
