using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Emulator.Commercetools.Infrastructure;
using Emulator.Commercetools.Messages;
using Emulator.Commercetools.Store;

namespace Emulator.Commercetools.Subscriptions;

/// <summary>
/// Delivers notifications to subscriptions as Google Pub/Sub push requests
/// (<c>{message:{data:base64, attributes, messageId, publishTime}, subscription}</c>), retrying non-2xx answers with
/// capped exponential backoff on the injected clock. Each delivery runs independently, so one failing endpoint does not
/// hold up others.
/// </summary>
internal sealed partial class SubscriptionDispatcher(
    ResourceStore store,
    EmulatorOptions options,
    IHttpClientFactory httpClientFactory,
    TimeProvider time,
    ILogger<SubscriptionDispatcher> logger) : IMessageSink, IHostedService
{
    public const string HttpClientName = "ct-subscriptions";
    public const int MaxAttempts = 50;
    public static readonly TimeSpan InitialBackoff = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(60);

    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Task, byte> _inFlight = new();

    /// <summary>Raised after a failed attempt, once the backoff timer exists (lets tests advance a fake clock without sleeping).</summary>
    internal event Action<string, int, TimeSpan>? RetryScheduled;

    /// <summary>Raised after a delivery attempt with its HTTP status (0 when unreachable).</summary>
    internal event Action<string, int, int>? Attempted;

    public void OnMessages(IReadOnlyList<JsonObject> messages)
    {
        var subscriptions = store.Collection("subscription").All();
        if (subscriptions.Count == 0)
        {
            return;
        }

        foreach (var message in messages)
        {
            var typeId = (string)message["resource"]!["typeId"]!;
            var type = (string)message["type"]!;
            foreach (var subscription in subscriptions.Where(s => SubscriptionBehavior.WantsMessage(s.Body, typeId, type)))
            {
                var notification = IsCloudEvents(subscription.Body) ? CloudEvent(message, typeId) : PlatformMessage(message);
                Enqueue(subscription.Body, notification, new JsonObject { ["resourceTypeId"] = typeId, ["type"] = type });
            }
        }
    }

    public void OnChange(ResourceChange change)
    {
        if (change.TypeId == "subscription" && change.Kind == "ResourceCreated")
        {
            // commercetools sends a test notification when a subscription is created; Connect event apps skip it (202).
            Enqueue(JsonUtil.ToElement(change.Resource), ChangeNotification(change), new JsonObject { ["resourceTypeId"] = "subscription" });
            return;
        }

        foreach (var subscription in store.Collection("subscription").All().Where(s => SubscriptionBehavior.WantsChange(s.Body, change.TypeId)))
        {
            Enqueue(subscription.Body, ChangeNotification(change), new JsonObject { ["resourceTypeId"] = change.TypeId });
        }
    }

    private JsonObject PlatformMessage(JsonObject message)
    {
        var notification = new JsonObject { ["notificationType"] = "Message", ["projectKey"] = options.ProjectKey };
        foreach (var (name, value) in message)
        {
            notification[name] = value?.DeepClone();
        }

        return notification;
    }

    private JsonObject CloudEvent(JsonObject message, string typeId) => new()
    {
        ["specversion"] = "1.0",
        ["id"] = message["id"]!.DeepClone(),
        ["type"] = $"com.commercetools.{typeId}.message.{message["type"]}",
        ["source"] = $"/{options.ProjectKey}/{typeId}s",
        ["subject"] = message["resource"]!["id"]!.DeepClone(),
        ["time"] = message["createdAt"]!.DeepClone(),
        ["sequence"] = ((long)message["sequenceNumber"]!).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["sequencetype"] = "Integer",
        ["dataref"] = $"/{options.ProjectKey}/messages/{message["id"]}",
        ["data"] = PlatformMessage(message),
    };

    private JsonObject ChangeNotification(ResourceChange change)
    {
        var notification = new JsonObject
        {
            ["notificationType"] = change.Kind,
            ["projectKey"] = options.ProjectKey,
            ["resource"] = JsonUtil.Reference(change.TypeId, (string)change.Resource["id"]!),
            ["version"] = change.Version,
            ["modifiedAt"] = change.ModifiedAt,
        };
        if (change.Resource["key"] is JsonValue key)
        {
            notification["resourceUserProvidedIdentifiers"] = new JsonObject { ["key"] = key.DeepClone() };
        }

        if (change.OldVersion is { } oldVersion)
        {
            notification["oldVersion"] = oldVersion;
        }

        if (change.Kind == "ResourceDeleted")
        {
            notification["dataErasure"] = false;
        }

        return notification;
    }

    private static bool IsCloudEvents(JsonElement subscription) =>
        subscription.TryGetProperty("format", out var format) && format.GetProperty("type").GetString() == "CloudEvents";

    /// <summary>Where a subscription's pushes go: <c>Emulator:Subscriptions:PushUrls:{key}</c>, else a Pub/Sub topic that is itself an http(s) URL.</summary>
    public Uri? PushUrl(JsonElement subscription)
    {
        if (subscription.TryGetProperty("key", out var key) && options.PushUrls.TryGetValue(key.GetString()!, out var configured))
        {
            return new Uri(configured);
        }

        var destination = subscription.GetProperty("destination");
        if (destination.GetProperty("type").GetString() == "GoogleCloudPubSub"
            && Uri.TryCreate(destination.GetProperty("topic").GetString(), UriKind.Absolute, out var topicUrl)
            && (topicUrl.Scheme == Uri.UriSchemeHttp || topicUrl.Scheme == Uri.UriSchemeHttps))
        {
            return topicUrl;
        }

        return null;
    }

    private void Enqueue(JsonElement subscription, JsonObject notification, JsonObject attributes)
    {
        var url = PushUrl(subscription);
        var subscriptionId = subscription.GetProperty("id").GetString()!;
        if (url is null)
        {
            Log.NoPushUrl(logger, subscriptionId);
            return;
        }

        var destination = subscription.GetProperty("destination");
        var projectId = destination.TryGetProperty("projectId", out var p) ? p.GetString() : "emulator";
        var subscriptionName = subscription.TryGetProperty("key", out var k) ? k.GetString() : subscriptionId;
        var messageId = Guid.NewGuid().ToString("N");
        var publishTime = Timestamps.Format(time.GetUtcNow());
        var envelope = new JsonObject
        {
            ["message"] = new JsonObject
            {
                ["data"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(notification.ToJsonString())),
                ["attributes"] = attributes,
                ["messageId"] = messageId,
                ["message_id"] = messageId,
                ["publishTime"] = publishTime,
                ["publish_time"] = publishTime,
            },
            ["subscription"] = $"projects/{projectId}/subscriptions/{subscriptionName}",
        };

        var task = Task.Run(() => DeliverAsync(subscriptionId, url, envelope.ToJsonString(), _stopping.Token));
        _inFlight[task] = 0;
        task.ContinueWith(t => _inFlight.TryRemove(t, out _), TaskScheduler.Default);
    }

    private async Task DeliverAsync(string subscriptionId, Uri url, string body, CancellationToken cancellationToken)
    {
        var backoff = InitialBackoff;
        for (var attempt = 1; attempt <= MaxAttempts && !cancellationToken.IsCancellationRequested; attempt++)
        {
            var status = 0;
            try
            {
                using var content = new StringContent(body, Encoding.UTF8, "application/json");
                using var response = await httpClientFactory.CreateClient(HttpClientName).PostAsync(url, content, cancellationToken);
                status = (int)response.StatusCode;
            }
            catch (HttpRequestException ex)
            {
                Log.Unreachable(logger, subscriptionId, url, ex.Message);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (TaskCanceledException)
            {
                Log.Unreachable(logger, subscriptionId, url, "timeout");
            }

            Attempted?.Invoke(subscriptionId, attempt, status);
            if (status is >= 200 and < 300)
            {
                return;
            }

            Log.Retrying(logger, subscriptionId, status, attempt, backoff);
            var delay = Task.Delay(backoff, time, cancellationToken);
            RetryScheduled?.Invoke(subscriptionId, attempt, backoff);
            try
            {
                await delay;
            }
            catch (OperationCanceledException)
            {
                return;
            }

            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
        }

        Log.GaveUp(logger, subscriptionId, MaxAttempts);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await Task.WhenAll(_inFlight.Keys).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stopping.Dispose();
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Subscription {SubscriptionId} has no push URL configured; notification dropped")]
        public static partial void NoPushUrl(ILogger logger, string subscriptionId);

        [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Subscription {SubscriptionId} push to {Url} failed: {Reason}")]
        public static partial void Unreachable(ILogger logger, string subscriptionId, Uri url, string reason);

        [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Subscription {SubscriptionId} push answered {Status} (attempt {Attempt}); retrying in {Backoff}")]
        public static partial void Retrying(ILogger logger, string subscriptionId, int status, int attempt, TimeSpan backoff);

        [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Subscription {SubscriptionId} push abandoned after {Attempts} attempts")]
        public static partial void GaveUp(ILogger logger, string subscriptionId, int attempts);
    }
}
