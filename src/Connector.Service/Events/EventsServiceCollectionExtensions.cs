namespace Connector.Service.Events;

/// <summary>Registrations of the events endpoint.</summary>
internal static class EventsServiceCollectionExtensions
{
    public static IServiceCollection AddEvents(this IServiceCollection services)
    {
        services.AddOptions<EventsOptions>().BindConfiguration(EventsOptions.SectionName);
        services.AddTransient<ParcelTracking>();
        return services;
    }
}
