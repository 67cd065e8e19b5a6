using Connector.Commercetools;
using Connector.Domain.Contract;
using Connector.PayPal;
using Connector.Service.Admin;
using Connector.Service.Configuration;
using Connector.Service.Customers;
using Connector.Service.Disputes;
using Connector.Service.Endpoints;
using Connector.Service.Events;
using Connector.Service.Extensions;
using Connector.Service.Extensions.Operations;
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
        services.AddSingleton<TypeIdResolver>();
        services.AddTransient<OperationServices>();
        services.AddTransient<ExtensionDispatcher>();
        services.AddOperations();
        builder.AddConnectorTelemetry();
        services.AddAdmin();


        services.AddTransient<PaymentMethodMirror>();
        services.AddSingleton<VaultBindings>();
        services.AddWebhooks();
        services.AddEvents();
        services.AddReconciler();
        services.AddTransient<VaultedTokenGuard>();
        return builder;
    }

    public static WebApplication MapConnector(this WebApplication app)
    {
        app.MapHealthEndpoints();
        app.MapAdminEndpoints();
        app.MapExtensionEndpoints();
        app.MapWebhookEndpoints();
        app.MapEventEndpoints();
        return app;
    }
}
