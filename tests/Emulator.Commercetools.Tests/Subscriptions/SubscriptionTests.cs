using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Emulator.Commercetools.Subscriptions;
using Emulator.Commercetools.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Emulator.Commercetools.Tests.Infrastructure.Catalog;

namespace Emulator.Commercetools.Tests.Subscriptions;

public sealed class SubscriptionTests
{
    private const string PushUrl = "https://connector.example/events";

    private static Dictionary<string, string?> Settings => new() { ["Emulator:Subscriptions:PushUrls:paypal-events"] = PushUrl };

    private static string SubscriptionDraft(string key = "paypal-events", string topic = "paypal-topic") => $$$"""
        {"key":"{{{key}}}","destination":{"type":"GoogleCloudPubSub","projectId":"gcp-project","topic":"{{{topic}}}"},
         "messages":[{"resourceTypeId":"order","types":["ParcelAddedToDelivery"]}]}
        """;

    private static JsonObject Decode(RecordedRequest request)
    {
        var envelope = JsonNode.Parse(request.Body)!;
        return JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String((string)envelope["message"]!["data"]!)))!.AsObject();
    }

    private static async Task<string> OrderWithParcelAsync(Api api)
    {
        await CreateAsync(api);
        var cart = await api.CreateAsync("/carts", """
            {"currency":"EUR","shippingAddress":{"country":"DE"},"lineItems":[{"sku":"SKU-1"}],"shippingMethod":{"typeId":"shipping-method","key":"standard"}}
            """);
        var order = await api.CreateAsync("/orders", $$"""{"id":"{{cart["id"]}}","version":1}""");
        await api.UpdateAsync($"/orders/{order["id"]}", 1,
            """{"action":"addDelivery","deliveryKey":"d1"}""",
            """{"action":"addParcelToDelivery","deliveryKey":"d1","parcelKey":"p1","trackingData":{"trackingId":"1Z999","carrier":"UPS"}}""");
        return (string)order["id"]!;
    }

    [Fact]
    public async Task Subscriptions_can_be_created_updated_and_deleted()
    {
        await using var host = await EmulatorHost.StartAsync(Settings);
        var api = await host.AdminAsync();
        var created = await api.CreateAsync("/subscriptions", SubscriptionDraft());
        ((string?)created["status"]).ShouldBe("Healthy");
        ((string?)created["format"]!["type"]).ShouldBe("Platform");

        var updated = await api.UpdateAsync("/subscriptions/key=paypal-events", 1,
            """{"action":"setMessages","messages":[{"resourceTypeId":"payment"}]}""",
            """{"action":"setChanges","changes":[{"resourceTypeId":"order"}]}""");
        ((long)updated["version"]!).ShouldBe(3);
        (await api.DeleteAsync("/subscriptions/key=paypal-events?version=3")).Status.ShouldBe(HttpStatusCode.OK);
        (await api.PostAsync("/subscriptions", """{"destination":{"type":"Carrier"},"messages":[{"resourceTypeId":"order"}]}""")).ShouldBeError(HttpStatusCode.BadRequest, "InvalidField");
    }

    [Fact]
    public async Task Matching_messages_are_pushed_as_pub_sub_envelopes()
    {
        await using var host = await EmulatorHost.StartAsync(Settings);
        var api = await host.AdminAsync();
        var subscription = await api.CreateAsync("/subscriptions", SubscriptionDraft());

        var test = await host.Pushes.NextAsync();
        ((string?)Decode(test)["notificationType"]).ShouldBe("ResourceCreated");
        ((string?)Decode(test)["resource"]!["id"]).ShouldBe((string)subscription["id"]!);

        var orderId = await OrderWithParcelAsync(api);
        var push = await host.Pushes.NextAsync();

        push.Method.ShouldBe(HttpMethod.Post);
        push.Uri.ShouldBe(new Uri(PushUrl));
        var envelope = JsonNode.Parse(push.Body)!;
        ((string?)envelope["subscription"]).ShouldBe("projects/gcp-project/subscriptions/paypal-events");
        ((string?)envelope["message"]!["messageId"]).ShouldNotBeNullOrEmpty();
        ((string?)envelope["message"]!["publishTime"]).ShouldNotBeNullOrEmpty();
        var notification = Decode(push);
        ((string?)notification["notificationType"]).ShouldBe("Message");
        ((string?)notification["projectKey"]).ShouldBe("paypal-sandbox");
        ((string?)notification["type"]).ShouldBe("ParcelAddedToDelivery");
        ((string?)notification["resource"]!["typeId"]).ShouldBe("order");
        ((string?)notification["resource"]!["id"]).ShouldBe(orderId);
        ((string?)notification["parcel"]!["trackingData"]!["trackingId"]).ShouldBe("1Z999");
        ((string?)notification["delivery"]!["key"]).ShouldBe("d1");

        // Only ParcelAddedToDelivery was subscribed: OrderCreated and DeliveryAdded are not pushed.
        host.Pushes.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Failed_pushes_are_retried_with_backoff_on_the_clock()
    {
        await using var host = await EmulatorHost.StartAsync(Settings);
        var api = await host.AdminAsync();
        var attempts = 0;
        host.Pushes.Responder = (request, _) => Task.FromResult(new HttpResponseMessage(
            Decode(request)["notificationType"]?.GetValue<string>() == "Message" && Interlocked.Increment(ref attempts) < 3
                ? HttpStatusCode.ServiceUnavailable
                : HttpStatusCode.NoContent));
        var dispatcher = host.Services.GetRequiredService<SubscriptionDispatcher>();
        var retries = System.Threading.Channels.Channel.CreateUnbounded<TimeSpan>();
        dispatcher.RetryScheduled += (_, _, backoff) => retries.Writer.TryWrite(backoff);
        await api.CreateAsync("/subscriptions", SubscriptionDraft());
        await host.Pushes.NextAsync();

        await OrderWithParcelAsync(api);

        await host.Pushes.NextAsync();
        var first = await retries.Reader.ReadAsync(TestContext.Current.CancellationToken);
        first.ShouldBe(TimeSpan.FromSeconds(1));
        host.Time.Advance(first);
        await host.Pushes.NextAsync();
        var second = await retries.Reader.ReadAsync(TestContext.Current.CancellationToken);
        second.ShouldBe(TimeSpan.FromSeconds(2));
        host.Time.Advance(second);
        var delivered = await host.Pushes.NextAsync();

        ((string?)Decode(delivered)["type"]).ShouldBe("ParcelAddedToDelivery");
        attempts.ShouldBe(3);
    }

    [Fact]
    public async Task A_pub_sub_topic_that_is_an_http_url_is_used_as_push_endpoint()
    {
        await using var host = await EmulatorHost.StartAsync();
        var api = await host.AdminAsync();
        await api.CreateAsync("/subscriptions", SubscriptionDraft("other", "http://localhost:9999/events"));
        (await host.Pushes.NextAsync()).Uri.ShouldBe(new Uri("http://localhost:9999/events"));
    }

    [Fact]
    public async Task Change_subscriptions_receive_resource_created_and_updated()
    {
        await using var host = await EmulatorHost.StartAsync(Settings);
        var api = await host.AdminAsync();
        await api.CreateAsync("/subscriptions", """
            {"key":"paypal-events","destination":{"type":"GoogleCloudPubSub","projectId":"p","topic":"t"},"changes":[{"resourceTypeId":"payment"}],"format":{"type":"Platform"}}
            """);
        await host.Pushes.NextAsync();

        var payment = await api.CreateAsync("/payments", Drafts.Payment());
        var created = Decode(await host.Pushes.NextAsync());
        ((string?)created["notificationType"]).ShouldBe("ResourceCreated");
        ((string?)created["resource"]!["id"]).ShouldBe((string)payment["id"]!);

        await api.UpdateAsync($"/payments/{payment["id"]}", 1, """{"action":"setKey","key":"kk"}""");
        var updated = Decode(await host.Pushes.NextAsync());
        ((string?)updated["notificationType"]).ShouldBe("ResourceUpdated");
        ((long)updated["version"]!).ShouldBe(2);
        ((long)updated["oldVersion"]!).ShouldBe(1);
    }

    [Fact]
    public async Task Cloud_events_format_wraps_the_message()
    {
        await using var host = await EmulatorHost.StartAsync(Settings);
        var api = await host.AdminAsync();
        await api.CreateAsync("/subscriptions", """
            {"key":"paypal-events","destination":{"type":"GoogleCloudPubSub","projectId":"p","topic":"t"},"messages":[{"resourceTypeId":"payment"}],"format":{"type":"CloudEvents","cloudEventsVersion":"1.0"}}
            """);
        await host.Pushes.NextAsync();

        await api.CreateAsync("/payments", Drafts.Payment());
        var cloudEvent = Decode(await host.Pushes.NextAsync());

        ((string?)cloudEvent["specversion"]).ShouldBe("1.0");
        ((string?)cloudEvent["type"]).ShouldBe("com.commercetools.payment.message.PaymentCreated");
        ((string?)cloudEvent["data"]!["type"]).ShouldBe("PaymentCreated");
    }
}
