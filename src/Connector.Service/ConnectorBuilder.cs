using Connector.Commercetools;
using Connector.Domain.Contract;
using Connector.PayPal;
using Connector.Service.Admin;
using Connector.Service.Configuration;
using Connector.Service.Vault;
using Connector.Service.Health;
using Connector.Service.ApiExtension;
using Connector.Service.Events;
using Connector.Service.Reconciliation;
using Connector.Service.Settings;
using Connector.Service.Telemetry;
using Connector.Service.Webhooks;
using Microsoft.Extensions.Options;

namespace Connector.Service;

/// <summary>The connector's service registrations and routes: <c>AddConnector</c> / <c>MapConnector</c>.</summary>
public static class ConnectorBuilder
{
    public static WebApplicationBuilder AddConnector(this WebApplicationBuilder builder)
    {
        builder.Configuration.AddInMemoryCollection(LegacyVariables.Read(Environment.GetEnvironmentVariable));
        var services = builder.Services;
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, ServiceJsonContext.Default));
        services.AddOptions<ConnectorOptions>()
            .BindConfiguration(ConnectorOptions.SectionName)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ConnectorOptions>, ConnectorOptionsValidator>();
        services.AddSingleton(TimeProvider.System);
        services.AddCommercetoolsClient();
        services.AddPayPalClient();
        services.AddSingleton<SettingsProvider>();
        builder.AddConnectorTelemetry();

        services.AddApiExtension();
        services.AddVault();
        services.AddWebhooks();
        services.AddEvents();
        services.AddAdmin();
        services.AddReconciler();
        return builder;
    }

    public static WebApplication MapConnector(this WebApplication app)
    {
        app.MapHealth();
        app.MapAdmin();
        app.MapApiExtension();
        app.MapWebhooks();
        app.MapEvents();
        return app;
    }
}
