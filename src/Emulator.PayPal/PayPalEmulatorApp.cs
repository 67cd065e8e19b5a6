namespace Emulator.PayPal;

/// <summary>Builds the emulated PayPal API as a <see cref="WebApplication"/>, so the sandbox and tests can host it in-process.</summary>
public static class PayPalEmulatorApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        configure?.Invoke(builder);
        var app = builder.Build();
        app.MapGet("/", () => "Emulator.PayPal");
        return app;
    }
}
