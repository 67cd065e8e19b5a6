namespace Connector.PayPal;

internal static class Placeholder;
