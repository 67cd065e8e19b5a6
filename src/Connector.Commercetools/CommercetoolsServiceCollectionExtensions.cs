using Connector.Domain.Tokens;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Connector.Commercetools;

/// <summary>DI registration of the commercetools client.</summary>
public static class CommercetoolsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="CommercetoolsClient"/> with its token handler, options bound from
    /// <see cref="CommercetoolsOptions.SectionName"/> and validated at start-up. Returns the client builder so
    /// callers (tests) can swap the primary handler.
    /// </summary>
    public static IHttpClientBuilder AddCommercetoolsClient(this IServiceCollection services)
    {
        services.AddOptions<CommercetoolsOptions>()
            .BindConfiguration(CommercetoolsOptions.SectionName)
            .Validate(o => !o.Validate().Any(), "Commercetools API/auth URL missing or not absolute (set CTP_API_URL and CTP_AUTH_URL, or CTP_REGION).")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<CommercetoolsOptions>, CommercetoolsOptionsValidator>();
        return services.AddClientCredentialsApi<CommercetoolsTokenCache, CommercetoolsAuthHandler, CommercetoolsClient>(CommercetoolsTokenCache.AuthClientName,
            sp => sp.GetRequiredService<IOptions<CommercetoolsOptions>>().Value.ProjectBaseUri);
    }
}
