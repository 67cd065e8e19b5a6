using Connector.Domain.Tokens;
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
        services.AddTransient<PayPalClient>();
        return services.AddClientCredentialsApi<PayPalTokenService, PayPalTokenHandler, PayPalTransport>(PayPalTokenService.AuthClientName,
            sp => sp.GetRequiredService<IOptions<PayPalOptions>>().Value.BaseUri);
    }
}
