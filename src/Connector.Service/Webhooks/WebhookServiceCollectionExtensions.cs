using Microsoft.Extensions.Options;

namespace Connector.Service.Webhooks;

/// <summary>Registrations of the webhook endpoint.</summary>
internal static class WebhookServiceCollectionExtensions
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>()
            .BindConfiguration(WebhookOptions.SectionName)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>();
        services.AddHttpClient(WebhookCertificateCache.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddSingleton<WebhookCertificateCache>();
        services.AddTransient<WebhookAuthenticator>();
        services.AddTransient<WebhookProcessor>();
        services.AddOptions<PayUponInvoiceMailOptions>().BindConfiguration(PayUponInvoiceMailOptions.SectionName);
        services.AddSingleton<IValidateOptions<PayUponInvoiceMailOptions>, PayUponInvoiceMailOptionsValidator>();
        services.AddTransient<PayUponInvoiceMailer>();
        return services;
    }
}
