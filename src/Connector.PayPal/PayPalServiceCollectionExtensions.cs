using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Connector.PayPal;

/// <summary>DI registration of the PayPal client.</summary>
public static class PayPalServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="PayPalClient"/> (the API area clients over one <see cref="PayPalTransport"/>) with its token handler and options bound from <see cref="PayPalOptions.SectionName"/>,
    /// validated at start-up. Returns the client builder so callers can swap the primary handler.
    /// </summary>
    public static IHttpClientBuilder AddPayPalClient(this IServiceCollection services)
    {
        services.AddOptions<PayPalOptions>()
            .BindConfiguration(PayPalOptions.SectionName)
            .Validate(o => o.ResolveUrl() is not null, PayPalOptions.ValidationMessage)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<PayPalOptions>, PayPalOptionsValidator>();
        services.AddSingleton<PayPalTokenService>();
        services.AddTransient<PayPalTokenHandler>();
        services.AddHttpClient(PayPalTokenService.AuthClientName, (sp, c) => c.Timeout = TimeSpan.FromSeconds(10))
            .ConfigurePrimaryHttpMessageHandler(Connector.Domain.UpstreamHandler.Create)
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.AddTransient<PayPalClient>();
        return services.AddHttpClient<PayPalTransport>((sp, http) =>
            {
                http.BaseAddress = sp.GetRequiredService<IOptions<PayPalOptions>>().Value.BaseUri;
                http.Timeout = TimeSpan.FromSeconds(30);
            })
            .AddHttpMessageHandler<PayPalTokenHandler>()
            .ConfigurePrimaryHttpMessageHandler(Connector.Domain.UpstreamHandler.Create)
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
    }
}
