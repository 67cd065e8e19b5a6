namespace Connector.Commercetools;

internal static class Placeholder;
