using System.Net;
using System.Text.Json.Nodes;
using Connector.Commercetools;
using Connector.Commercetools.Models;
using Connector.Domain.Contract;
using Connector.PayPal;
using Connector.PayPal.Models;

namespace Connector.Deploy;

/// <summary>The notification side of deploy: the commercetools subscription for parcel messages and the PayPal webhook.</summary>
public sealed partial class Deployer
{
    /// <summary>The PayPal events the connector handles, registered on its webhook.</summary>
    public static IReadOnlyList<string> WebhookEventTypes { get; } =
    [
        "CHECKOUT.ORDER.APPROVED", "CHECKOUT.ORDER.COMPLETED",
        "PAYMENT.AUTHORIZATION.CREATED", "PAYMENT.AUTHORIZATION.VOIDED",
        "PAYMENT.CAPTURE.COMPLETED", "PAYMENT.CAPTURE.PENDING", "PAYMENT.CAPTURE.DENIED", "PAYMENT.CAPTURE.DECLINED",
        "PAYMENT.CAPTURE.REFUNDED", "PAYMENT.CAPTURE.REVERSED",
        "VAULT.PAYMENT-TOKEN.CREATED", "VAULT.PAYMENT-TOKEN.DELETED",
        "CUSTOMER.DISPUTE.CREATED", "CUSTOMER.DISPUTE.UPDATED", "CUSTOMER.DISPUTE.RESOLVED",
    ];

    /// <summary>The order messages the subscription carries to the events endpoint.</summary>
    public static IReadOnlyList<string> SubscriptionMessageTypes { get; } = ["ParcelAddedToDelivery", "ParcelTrackingDataUpdated"];

    private async Task EnsureSubscriptionAsync(DeployReport report, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.GcpProjectId) || string.IsNullOrWhiteSpace(options.GcpTopicName))
        {
            report.Add($"subscription {ConnectorContract.SubscriptionKey}: skipped (set CONNECT_GCP_PROJECT_ID and CONNECT_GCP_TOPIC_NAME to push parcel messages to the connector)");
            return;
        }

        var destination = new GoogleCloudPubSubDestination { ProjectId = options.GcpProjectId, Topic = options.GcpTopicName };
        List<MessageSubscription> messages = [new() { ResourceTypeId = "order", Types = [.. SubscriptionMessageTypes] }];
        var existing = await commercetools.Subscriptions.GetByKeyAsync(ConnectorContract.SubscriptionKey, cancellationToken);
        if (existing is null)
        {
            try
            {
                await commercetools.Subscriptions.CreateAsync(new SubscriptionDraft { Key = ConnectorContract.SubscriptionKey, Destination = destination, Messages = messages }, cancellationToken);
            }
            catch (CommercetoolsApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
            {
                // commercetools itself never answers 404 here; an API without /subscriptions (an emulator) does.
                report.Add($"subscription {ConnectorContract.SubscriptionKey}: not created, the API offers no subscriptions ({e.Message})");
                return;
            }

            report.Add($"subscription {ConnectorContract.SubscriptionKey}: created → GoogleCloudPubSub {destination.ProjectId}/{destination.Topic}");
            return;
        }

        var updates = new List<SubscriptionUpdateAction>();
        var current = existing.Destination;
        if (current.ValueKind != System.Text.Json.JsonValueKind.Object
            || Text(current, "type") != destination.Type || Text(current, "projectId") != destination.ProjectId || Text(current, "topic") != destination.Topic)
        {
            updates.Add(new ChangeSubscriptionDestination(destination));
        }

        if (existing.Messages.Count != 1 || existing.Messages[0].ResourceTypeId != "order"
            || !(existing.Messages[0].Types ?? []).Order(StringComparer.Ordinal).SequenceEqual(SubscriptionMessageTypes.Order(StringComparer.Ordinal)))
        {
            updates.Add(new SetSubscriptionMessages(messages));
        }

        await UpdateAsync(commercetools.Subscriptions, existing, updates, $"subscription {ConnectorContract.SubscriptionKey}", report, cancellationToken);
    }

    private Task RemoveSubscriptionAsync(DeployReport report, CancellationToken cancellationToken) =>
        RemoveAsync(commercetools.Subscriptions, ConnectorContract.SubscriptionKey, $"subscription {ConnectorContract.SubscriptionKey}", report, cancellationToken);

    /// <summary>
    /// Registers <c>{PublicUrl}/paypal-webhooks</c> with PayPal for <see cref="WebhookEventTypes"/>, reusing a registration with
    /// the same URL (adding missing event types). Returns the webhook id the connector verifies signatures with.
    /// </summary>
    private async Task<string?> EnsureWebhookAsync(DeployReport report, CancellationToken cancellationToken)
    {
        if (payPal is null)
        {
            report.Add("webhook: skipped (no PayPal client configured)");
            return null;
        }

        var url = options.WebhookUrl.ToString();
        var existing = (await ListWebhooksAsync(cancellationToken)).FirstOrDefault(w => SameUrl(Text(w, "url"), url));
        if (existing is null)
        {
            var body = new CreateWebhookRequest(url, EventTypes(WebhookEventTypes));
            var created = await payPal.Webhooks.CreateAsync(body, cancellationToken);
            var id = created.Value?["id"]?.GetValue<string>() ?? throw new InvalidOperationException("PayPal created the webhook but returned no id.");
            report.Add($"webhook {id}: created → {url}");
            return id;
        }

        var webhookId = Text(existing, "id")!;
        var registered = (existing["event_types"] as JsonArray ?? []).Select(t => t?["name"]?.GetValue<string>()).OfType<string>().ToHashSet(StringComparer.Ordinal);
        if (registered.Contains("*") || WebhookEventTypes.All(registered.Contains))
        {
            report.Add($"webhook {webhookId}: up to date");
            return webhookId;
        }

        // Keep event types someone else added; add ours.
        var union = registered.Union(WebhookEventTypes, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        await payPal.Webhooks.ReplaceEventTypesAsync(webhookId, EventTypes(union), cancellationToken);
        report.Add($"webhook {webhookId}: added event types {string.Join(", ", WebhookEventTypes.Except(registered, StringComparer.Ordinal))}");
        return webhookId;
    }

    private async Task RemoveWebhookAsync(DeployReport report, CancellationToken cancellationToken)
    {
        if (payPal is null)
        {
            return;
        }

        var url = options.WebhookUrl.ToString();
        foreach (var webhook in (await ListWebhooksAsync(cancellationToken)).Where(w => SameUrl(Text(w, "url"), url)))
        {
            var id = Text(webhook, "id")!;
            try
            {
                await payPal.Webhooks.DeleteAsync(id, cancellationToken);
            }
            catch (PayPalApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
            {
                // Removed meanwhile.
            }

            report.Add($"webhook {id}: removed");
        }
    }

    private async Task<List<JsonObject>> ListWebhooksAsync(CancellationToken cancellationToken)
    {
        var list = await payPal!.Webhooks.ListAsync(cancellationToken);
        return [.. (list.Value?["webhooks"] as JsonArray ?? []).OfType<JsonObject>().Where(w => Text(w, "id") is not null)];
    }

    private static List<WebhookEventType> EventTypes(IEnumerable<string> names) => [.. names.Select(n => new WebhookEventType(n))];

    private static bool SameUrl(string? a, string b) => a is not null && string.Equals(a.TrimEnd('/'), b.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    private static string? Text(JsonObject obj, string property) => obj[property] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static string? Text(System.Text.Json.JsonElement obj, string property) =>
        obj.TryGetProperty(property, out var v) && v.ValueKind == System.Text.Json.JsonValueKind.String ? v.GetString() : null;
}
