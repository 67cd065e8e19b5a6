using Emulator.PayPal.Approval;
using Emulator.PayPal.Auth;
using Emulator.PayPal.Control;
using Emulator.PayPal.Disputes;
using Emulator.PayPal.Infrastructure;
using Emulator.PayPal.Orders;
using Emulator.PayPal.Payments;
using Emulator.PayPal.Vault;
using Emulator.PayPal.Webhooks;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Emulator.PayPal;

/// <summary>Builds the emulated PayPal API as a <see cref="WebApplication"/>, so the sandbox and tests can host it in-process.</summary>
public static class PayPalEmulatorApp
{
    /// <param name="configure">Runs after the emulator's own registrations and before Build: add configuration, UseUrls, replace services (TimeProvider, webhook HttpClient).</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        AddEmulator(builder.Services, builder.Configuration);
        configure?.Invoke(builder);
        var app = builder.Build();
        UseEmulator(app);
        return app;
    }

    private static void AddEmulator(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EmulatorOptions>(configuration.GetSection(EmulatorOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<EmulatorStore>();
        services.AddSingleton<EventQueue>();
        services.AddSingleton<RuntimeSettings>();
        services.AddSingleton<OrderService>();
        services.AddSingleton<VaultService>();
        services.AddSingleton<OrderUpdates>();
        services.AddSingleton<PaymentsService>();
        services.AddSingleton<DisputeService>();
        services.AddSingleton<WebhookSigner>();
        services.AddSingleton<WebhookDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookDispatcher>());
        services.AddHttpClient(WebhookDispatcher.HttpClientName);
    }

    private static void UseEmulator(WebApplication app)
    {
        app.UseMiddleware<ErrorHandlingMiddleware>();
        app.UseMiddleware<LatencyAndFaultsMiddleware>();

        app.MapGet("/", () => Results.Text("Emulator.PayPal: an offline PayPal REST API. See README.md."));
        app.MapAuthApi();
        app.MapApprovalPage();
        app.MapWebhookCertificate();
        app.MapControlApi();
        app.MapDisputeControl();

        var api = app.MapGroup(string.Empty).AddEndpointFilter(AuthEndpoints.RequireBearer);
        api.MapIdentityApi();
        api.MapOrdersApi();
        api.MapPaymentsApi();
        api.MapVaultApi();
        api.MapWebhooksApi();
        api.MapDisputesApi();
        api.AddEndpointFilter(DisputeHold.Filter);

        app.MapFallback((HttpContext http) => ErrorHandlingMiddleware.Envelope(new PayPalApiException(404, "RESOURCE_NOT_FOUND", description: "The requested resource or method does not exist."), http));
    }
}
