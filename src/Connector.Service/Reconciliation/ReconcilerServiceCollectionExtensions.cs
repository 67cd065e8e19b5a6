using Microsoft.Extensions.Options;

namespace Connector.Service.Reconciliation;

/// <summary>Registrations of the reconciler: the pass, its counters and the background service (idle unless enabled).</summary>
internal static class ReconcilerServiceCollectionExtensions
{
    public static IServiceCollection AddReconciler(this IServiceCollection services)
    {
        services.AddOptions<ReconcilerOptions>()
            .BindConfiguration(ReconcilerOptions.SectionName)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReconcilerOptions>, ReconcilerOptionsValidator>();
        services.AddSingleton<ReconcilerTelemetry>();
        services.AddTransient<PaymentReconciler>();
        services.AddHostedService<ReconcilerService>();
        return services;
    }
}
