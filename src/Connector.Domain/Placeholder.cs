namespace Connector.Domain;

internal static class Placeholder;
