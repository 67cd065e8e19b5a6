namespace Connector.Domain.Contract;

/// <summary>
/// The flat environment variables of the TypeScript connector (<c>CTP_PROJECT_KEY</c>, <c>PAYPAL_CLIENT_ID</c>, ...) and
/// the configuration keys they fill, so a merchant's existing deployment settings work unchanged.
/// </summary>
public static class LegacyVariables
{
    /// <summary>Variable name → configuration key.</summary>
    public static IReadOnlyList<(string Variable, string Key)> All { get; } =
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
        ("CONNECTOR_EVENTS_SECRET", "Connector:EventsSecret"),
        ("CONNECT_GCP_PROJECT_ID", "Connector:GcpProjectId"),
        ("CONNECT_GCP_TOPIC_NAME", "Connector:GcpTopicName"),
        ("PAYMENT_TYPE_KEY", "Connector:PaymentTypeKey"),
        ("CUSTOMER_TYPE_KEY", "Connector:CustomerTypeKey"),
        ("PAYMENT_INTERACTION_TYPE_KEY", "Connector:InteractionTypeKey"),
    ];

    /// <summary>The configuration values of whichever variables are set (use with an in-memory configuration source).</summary>
    public static Dictionary<string, string?> Read(Func<string, string?> getVariable)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (variable, key) in All)
        {
            if (getVariable(variable) is { Length: > 0 } value)
            {
                values[key] = value;
            }
        }

        return values;
    }
}
