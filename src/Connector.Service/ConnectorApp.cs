namespace Connector.Service;

/// <summary>Builds the connector host; the sandbox and the tests host it in-process with the same code as <c>Program</c>.</summary>
public static class ConnectorApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        configure?.Invoke(builder);
        var app = builder.Build();
        app.MapGet("/health", () => TypedResults.Ok());
        return app;
    }
}
