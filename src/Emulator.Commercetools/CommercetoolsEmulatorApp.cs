using Emulator.Commercetools.Auth;
using Emulator.Commercetools.Carts;
using Emulator.Commercetools.CustomObjects;
using Emulator.Commercetools.Customers;
using Emulator.Commercetools.Extensions;
using Emulator.Commercetools.Infrastructure;
using Emulator.Commercetools.Messages;
using Emulator.Commercetools.MyCarts;
using Emulator.Commercetools.MyPayments;
using Emulator.Commercetools.Orders;
using Emulator.Commercetools.Products;
using Emulator.Commercetools.Projects;
using Emulator.Commercetools.ShippingMethods;
using Emulator.Commercetools.TaxCategories;
using Emulator.Commercetools.PaymentMethods;
using Emulator.Commercetools.Payments;
using Emulator.Commercetools.Persistence;
using Emulator.Commercetools.Store;
using Emulator.Commercetools.Subscriptions;
using Emulator.Commercetools.Types;

namespace Emulator.Commercetools;

/// <summary>Builds the emulated Commercetools API as a <see cref="WebApplication"/>, so the sandbox and tests can host it in-process.</summary>
public static class CommercetoolsEmulatorApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        // Request logs would carry query strings such as /oauth/introspect?token=…
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        builder.Services.AddCommercetoolsEmulator(builder.Configuration);
        configure?.Invoke(builder);
        var app = builder.Build();
        app.UseCommercetoolsEmulator();
        return app;
    }

    private static void AddCommercetoolsEmulator(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(_ => EmulatorOptions.FromConfiguration(configuration));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<TokenService>();
        services.AddSingleton(sp =>
        {
            var dataFile = sp.GetRequiredService<EmulatorOptions>().DataFile;
            return new ResourceStore(dataFile is null ? null : new SqlitePersistence(dataFile));
        });
        services.AddSingleton<CustomFieldService>();
        services.AddSingleton<SubscriptionDispatcher>();
        services.AddSingleton<IMessageSink>(sp => sp.GetRequiredService<SubscriptionDispatcher>());
        services.AddHostedService(sp => sp.GetRequiredService<SubscriptionDispatcher>());
        services.AddSingleton<MessageLog>();
        services.AddSingleton<ExtensionInvoker>();
        services.AddSingleton<ResourceService>();
        services.AddHttpClient(ExtensionInvoker.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddHttpClient(SubscriptionDispatcher.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30));
    }

    private static void UseCommercetoolsEmulator(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<EmulatorOptions>();
        app.Use((context, next) =>
        {
            var correlationId = context.Request.Headers["X-Correlation-ID"].ToString();
            context.Response.Headers["X-Correlation-ID"] = string.IsNullOrEmpty(correlationId) ? $"projects/{options.ProjectKey}/{Guid.NewGuid()}" : correlationId;
            return next(context);
        });
        app.UseMiddleware<ErrorHandlingMiddleware>();
        app.UseMiddleware<ApiAuthMiddleware>();
        app.UseRouting();
        app.UseMiddleware<ScopeMiddleware>();

        app.MapGet("/", Handlers.Of(_ => Results.Text($"Emulator.Commercetools: project '{options.ProjectKey}'")));
        app.MapOAuthEndpoints();

        var api = app.MapGroup("/" + options.ProjectKey);
        api.MapProjectEndpoints(options);
        api.MapResource("/types", new TypeBehavior(), ScopeArea.Types);
        var payments = new PaymentBehavior(options.StrictTransactionStates);
        api.MapResource("/payments", payments, ScopeArea.Payments);
        api.MapMyPaymentEndpoints(payments);
        api.MapResource("/extensions", new ExtensionBehavior(), ScopeArea.Extensions);
        var carts = new CartBehavior();
        api.MapResource("/carts", carts, ScopeArea.Orders);
        api.MapOrderEndpoints(carts);
        api.MapMyCartEndpoints(carts);
        api.MapResource("/products", new ProductBehavior(), ScopeArea.Products);
        api.MapProductProjectionEndpoints();
        api.MapResource("/product-types", new ProductTypeBehavior(), ScopeArea.Products);
        api.MapResource("/tax-categories", new TaxCategoryBehavior(), ScopeArea.TaxCategories);
        api.MapResource("/zones", new ZoneBehavior(), ScopeArea.ShippingMethods);
        api.MapResource("/shipping-methods", new ShippingMethodBehavior(), ScopeArea.ShippingMethods);
        api.MapCustomObjectEndpoints();
        api.MapCustomerEndpoints();
        api.MapMessageEndpoints();
        api.MapResource("/payment-methods", new PaymentMethodBehavior(), ScopeArea.PaymentMethods);
        api.MapResource("/subscriptions", new SubscriptionBehavior(), ScopeArea.Subscriptions);

        app.MapFallback(new RequestDelegate(ErrorHandlingMiddleware.WriteNotFoundAsync));
    }
}
