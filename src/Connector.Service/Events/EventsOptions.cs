namespace Connector.Service.Events;

/// <summary>Settings of <c>POST /paypal-commercetools-events</c> (section <c>Connector</c>).</summary>
public sealed class EventsOptions
{
    public const string SectionName = "Connector";

    /// <summary>
    /// The shared secret the subscription push must present, as <c>Authorization: Bearer &lt;secret&gt;</c> or <c>?token=&lt;secret&gt;</c>
    /// (<c>Connector:EventsSecret</c>, <c>CONNECTOR_EVENTS_SECRET</c>). Unset: every push is refused.
    /// </summary>
    public string? EventsSecret { get; set; }
}
