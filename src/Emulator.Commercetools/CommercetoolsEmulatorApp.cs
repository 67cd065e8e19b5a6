namespace Emulator.Commercetools;

/// <summary>Builds the emulated Commercetools API as a <see cref="WebApplication"/>, so the sandbox and tests can host it in-process.</summary>
public static class CommercetoolsEmulatorApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        configure?.Invoke(builder);
        var app = builder.Build();
        app.MapGet("/", () => "Emulator.Commercetools");
        return app;
    }
}
