using Connector.Service.ApiExtension.Operations;

namespace Connector.Service.ApiExtension;

/// <summary>The API extension commercetools calls: its dispatcher, the services operations share, and every operation handler.</summary>
internal static class ApiExtensionServiceCollectionExtensions
{
    public static IServiceCollection AddApiExtension(this IServiceCollection services)
    {
        services.AddSingleton<TypeIdResolver>();
        services.AddTransient<OperationServices>();
        services.AddTransient<ExtensionDispatcher>();
        services.AddOperations();
        return services;
    }
}
