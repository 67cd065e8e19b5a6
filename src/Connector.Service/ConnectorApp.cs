namespace Connector.Service;

/// <summary>Builds the connector host; <c>Program</c>, the sandbox and the tests all use this.</summary>
public static class ConnectorApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.AddConnector();
        configure?.Invoke(builder);
        return builder.Build().MapConnector();
    }
}
