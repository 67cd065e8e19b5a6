using System.Text.Json.Nodes;
using System.Threading.Channels;
using Emulator.PayPal.Infrastructure;

namespace Emulator.PayPal.Webhooks;

/// <summary>Where state changes announce themselves; <see cref="WebhookDispatcher"/> delivers them in the background.</summary>
internal sealed class EventQueue(EmulatorStore store)
{
    private readonly Channel<WebhookEvent> _channel = Channel.CreateUnbounded<WebhookEvent>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<WebhookEvent> Reader => _channel.Reader;

    /// <summary>Call under the store lock, with a resource rendered at that moment.</summary>
    public WebhookEvent Publish(string clientId, string baseUrl, string eventType, string resourceType, JsonObject resource, string summary)
    {
        var id = Ids.WebhookEvent();
        var body = new JsonObject
        {
            ["id"] = id,
            ["event_version"] = "1.0",
            ["create_time"] = Time.Format(store.Now),
            ["resource_type"] = resourceType,
            ["resource_version"] = "2.0",
            ["event_type"] = eventType,
            ["summary"] = summary,
            ["resource"] = resource,
            ["links"] = new JsonArray
            {
                Links.Make(baseUrl, "/v1/notifications/webhooks-events/" + id, "self", "GET"),
                Links.Make(baseUrl, "/v1/notifications/webhooks-events/" + id + "/resend", "resend", "POST"),
            },
        };
        var evt = new WebhookEvent { Id = id, ClientId = clientId, EventType = eventType, BaseUrl = baseUrl, Body = body };
        lock (store.Gate)
        {
            store.Events[id] = evt;
        }

        _channel.Writer.TryWrite(evt);
        return evt;
    }
}
