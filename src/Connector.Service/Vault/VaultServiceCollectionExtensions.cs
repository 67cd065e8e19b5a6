namespace Connector.Service.Vault;

/// <summary>Whose PayPal vault a customer has, who owns a saved token, and the PaymentMethod mirror of vaulted tokens.</summary>
internal static class VaultServiceCollectionExtensions
{
    public static IServiceCollection AddVault(this IServiceCollection services)
    {
        services.AddSingleton<VaultBindings>();
        services.AddTransient<VaultedTokenGuard>();
        services.AddTransient<PaymentMethodMirror>();
        return services;
    }
}
