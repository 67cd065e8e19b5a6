using System.Text.Json.Nodes;
using Emulator.PayPal.Infrastructure;

namespace Emulator.PayPal.Webhooks;

internal sealed class Webhook : OwnedResource
{
    public required string Url { get; set; }

    public required List<string> EventTypes { get; set; }

    public bool Accepts(string eventType) => EventTypes.Contains("*") || EventTypes.Contains(eventType);
}

internal sealed class WebhookEvent : OwnedResource
{
    public required string EventType { get; init; }

    public required string BaseUrl { get; init; }

    /// <summary>The full event as delivered.</summary>
    public required JsonObject Body { get; init; }
}
