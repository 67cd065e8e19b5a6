using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;

namespace Connector.Domain.Tokens;

/// <summary>How the connector calls an OAuth client-credentials API (commercetools, PayPal), registered once for both.</summary>
public static class ClientCredentialsApiRegistration
{
    // A token request is small and blocks every call waiting for a token; API calls may carry a whole cart or order.
    private static readonly TimeSpan TokenRequestTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan ApiRequestTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Registers the API's token client (<typeparamref name="TTokens"/>, one per process so every client shares the
    /// token), its bearer handler, the named HTTP client the token requests go through, and the typed API client
    /// (<typeparamref name="TClient"/>, with the bearer handler and the base address from the options). Both HTTP clients
    /// sit on <see cref="UpstreamHandler"/>, whose connection lifetime replaces the client factory's handler rotation.
    /// Returns the API client's builder so callers (tests) can swap the primary handler.
    /// </summary>
    public static IHttpClientBuilder AddClientCredentialsApi<
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TTokens,
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler,
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TClient>(
        this IServiceCollection services, string tokenClientName, Func<IServiceProvider, Uri> baseAddress)
        where TTokens : class
        where THandler : DelegatingHandler
        where TClient : class
    {
        services.AddSingleton<TTokens>();
        services.AddTransient<THandler>();
        services.AddHttpClient(tokenClientName, c => c.Timeout = TokenRequestTimeout)
            .ConfigurePrimaryHttpMessageHandler(UpstreamHandler.Create)
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        return services.AddHttpClient<TClient>((sp, http) =>
            {
                http.BaseAddress = baseAddress(sp);
                http.Timeout = ApiRequestTimeout;
            })
            .AddHttpMessageHandler<THandler>()
            .ConfigurePrimaryHttpMessageHandler(UpstreamHandler.Create)
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
    }
}
