using System.Text;
using System.Text.Json.Nodes;
using Emulator.PayPal.Infrastructure;

namespace Emulator.PayPal.Webhooks;

internal static class WebhookEndpoints
{
    private const int MaxWebhooksPerApp = 10;

    public static readonly IReadOnlyDictionary<string, string> EventTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["CHECKOUT.ORDER.APPROVED"] = "An order has been approved by buyer.",
        ["CHECKOUT.ORDER.COMPLETED"] = "Checkout Order Completed",
        ["CHECKOUT.PAYMENT-APPROVAL.REVERSED"] = "A problem occurred after the buyer approved the order but before you captured the payment.",
        ["PAYMENT.AUTHORIZATION.CREATED"] = "A payment authorization is created, approved, executed, or a future payment authorization is created.",
        ["PAYMENT.AUTHORIZATION.VOIDED"] = "A payment authorization is voided.",
        ["PAYMENT.AUTHORIZATION.DENIED"] = "A payment authorization is denied.",
        ["PAYMENT.CAPTURE.COMPLETED"] = "A payment capture completes.",
        ["PAYMENT.CAPTURE.PENDING"] = "The state of a payment capture changes to pending.",
        ["PAYMENT.CAPTURE.DENIED"] = "A payment capture is denied.",
        ["PAYMENT.CAPTURE.DECLINED"] = "A payment capture is declined.",
        ["PAYMENT.CAPTURE.REFUNDED"] = "A merchant refunds a payment capture.",
        ["PAYMENT.CAPTURE.REVERSED"] = "PayPal reverses a payment capture.",
        ["CUSTOMER.DISPUTE.CREATED"] = "A dispute is created.",
        ["CUSTOMER.DISPUTE.UPDATED"] = "A dispute is updated.",
        ["CUSTOMER.DISPUTE.RESOLVED"] = "A dispute is resolved.",
        ["VAULT.PAYMENT-TOKEN.CREATED"] = "A payment token is created to save a payment method.",
        ["VAULT.PAYMENT-TOKEN.DELETED"] = "A payment token is deleted.",
        ["VAULT.PAYMENT-TOKEN.DELETION-INITIATED"] = "A request to delete a payment token has been submitted to the Payment Method Tokens API.",
    };

    public static void MapWebhookCertificate(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/notifications/certs/{name}", (string name, WebhookSigner signer) =>
            name == WebhookSigner.CertName
                ? Results.Text(signer.CertificatePem, "application/x-pem-file")
                : Results.NotFound());
    }

    public static void MapWebhooksApi(this RouteGroupBuilder api)
    {
        var notifications = api.MapGroup("/v1/notifications");
        notifications.MapPost("/webhooks", Create);
        notifications.MapGet("/webhooks", List);
        notifications.MapGet("/webhooks/{id}", Get);
        notifications.MapMethods("/webhooks/{id}", ["PATCH"], Patch);
        notifications.MapDelete("/webhooks/{id}", Delete);
        notifications.MapGet("/webhooks/{id}/event-types", GetEventTypes);
        notifications.MapGet("/webhooks-event-types", ListEventTypes);
        notifications.MapGet("/webhooks-events/{id}", GetEvent);
        notifications.MapPost("/webhooks-events/{id}/resend", Resend);
        notifications.MapPost("/verify-webhook-signature", Verify);
    }

    private static async Task<IResult> Create(HttpContext http, EmulatorStore store)
    {
        var request = await ApiRequest.ReadAsync(http);
        var body = request.Body ?? throw PayPalApiException.Missing("/url");
        var url = ValidUrl(JsonRead.ReqString(body, "url", string.Empty), "/url");
        var eventTypes = ValidEventTypes(body["event_types"], "/event_types");
        return store.Idempotent(request, Retention.Payments, () =>
        {
            var mine = store.Webhooks.Values.Where(w => w.ClientId == request.ClientId).ToList();
            if (mine.Any(w => w.Url == url))
            {
                throw new PayPalApiException(400, "WEBHOOK_URL_ALREADY_EXISTS", "/url", url, "body", "Webhook URL already exists.");
            }

            if (mine.Count >= MaxWebhooksPerApp)
            {
                throw new PayPalApiException(400, "WEBHOOK_NUMBER_LIMIT_EXCEEDED", null, null, "body", "Maximum number of webhooks exceeded.");
            }

            var webhook = new Webhook { Id = Ids.Resource(), ClientId = request.ClientId, Url = url, EventTypes = eventTypes };
            store.Webhooks[webhook.Id] = webhook;
            return new ApiResponse(201, Render(webhook, request.BaseUrl));
        });
    }

    private static Task<IResult> List(HttpContext http, EmulatorStore store) =>
        Answer.Show(http, store, request => new JsonObject
        {
            ["webhooks"] = new JsonArray([.. store.Webhooks.Values.Where(w => w.ClientId == request.ClientId).Select(w => (JsonNode)Render(w, request.BaseUrl))]),
        });

    private static Task<IResult> Get(HttpContext http, string id, EmulatorStore store) =>
        Answer.Show(http, store, request => Render(Find(store, id, request.ClientId), request.BaseUrl));

    private static Task<IResult> GetEventTypes(HttpContext http, string id, EmulatorStore store) =>
        Answer.Show(http, store, request => new JsonObject { ["event_types"] = TypesJson(Find(store, id, request.ClientId).EventTypes) });

    private static async Task<IResult> Patch(HttpContext http, string id, EmulatorStore store)
    {
        var request = await ApiRequest.ReadAsync(http);
        var operations = request.ArrayBody ?? throw new PayPalApiException(400, "MALFORMED_REQUEST_JSON", description: "The request body must be a JSON Patch array.");
        lock (store.Gate)
        {
            var webhook = Find(store, id, request.ClientId);
            var url = webhook.Url;
            var types = webhook.EventTypes;
            for (var i = 0; i < operations.Count; i++)
            {
                var op = JsonRead.ReqString(operations[i], "op", $"/{i}");
                var path = JsonRead.ReqString(operations[i], "path", $"/{i}");
                if (op != "replace")
                {
                    throw new PayPalApiException(400, "INVALID_PATCH_OPERATION", $"/{i}/op", op, "body", "Only replace is supported.");
                }

                switch (path)
                {
                    case "/url":
                        url = ValidUrl(JsonRead.ReqString(operations[i], "value", $"/{i}"), $"/{i}/value");
                        break;
                    case "/event_types":
                        types = ValidEventTypes(operations[i]?["value"], $"/{i}/value");
                        break;
                    default:
                        throw new PayPalApiException(400, "FIELD_NOT_PATCHABLE", $"/{i}/path", path, "body", "Field cannot be patched.");
                }
            }

            webhook.Url = url;
            webhook.EventTypes = types;
            return new ApiResponse(200, Render(webhook, request.BaseUrl));
        }
    }

    private static Task<IResult> Delete(HttpContext http, string id, EmulatorStore store) =>
        Answer.Locked(http, store, request =>
        {
            store.Webhooks.Remove(Find(store, id, request.ClientId).Id);
            return ApiResponse.NoContent;
        });

    private static ApiResponse ListEventTypes() => new(200, new JsonObject
    {
        ["event_types"] = new JsonArray([.. EventTypes.Select(kv => (JsonNode)new JsonObject
        {
            ["name"] = kv.Key,
            ["description"] = kv.Value,
            ["status"] = "ENABLED",
            ["resource_versions"] = new JsonArray("1.0", "2.0"),
        })]),
    });

    private static Task<IResult> GetEvent(HttpContext http, string id, EmulatorStore store) =>
        Answer.Show(http, store, request => store.Events.FindOwned(id, request.ClientId, "event_id").Body.DeepClone());

    private static async Task<IResult> Resend(HttpContext http, string id, EmulatorStore store, WebhookDispatcher dispatcher)
    {
        var request = await ApiRequest.ReadAsync(http);
        var only = JsonRead.OptArray(request.Body, "webhook_ids", string.Empty)?.Select(n => n?.ToString()).FirstOrDefault();
        WebhookEvent evt;
        lock (store.Gate)
        {
            evt = store.Events.FindOwned(id, request.ClientId, "event_id");
        }

        dispatcher.Dispatch(evt, only);
        return new ApiResponse(202, evt.Body.DeepClone());
    }

    private static async Task<IResult> Verify(HttpContext http, WebhookSigner signer, WebhookDispatcher dispatcher)
    {
        var request = await ApiRequest.ReadAsync(http);
        var body = request.Body ?? throw PayPalApiException.Missing("/auth_algo");
        var authAlgo = JsonRead.ReqString(body, "auth_algo", string.Empty);
        var certUrl = JsonRead.ReqString(body, "cert_url", string.Empty);
        var transmissionId = JsonRead.ReqString(body, "transmission_id", string.Empty);
        var signature = JsonRead.ReqString(body, "transmission_sig", string.Empty);
        var transmissionTime = JsonRead.ReqString(body, "transmission_time", string.Empty);
        var webhookId = JsonRead.ReqString(body, "webhook_id", string.Empty);
        var webhookEvent = JsonRead.OptObject(body, "webhook_event", string.Empty) ?? throw PayPalApiException.Missing("/webhook_event");

        // The emulator knows the exact bytes it sent; for anything else the event is re-serialised compactly, as PayPal does.
        var sent = dispatcher.Transmission(transmissionId);
        var bytes = sent is { } s && JsonNode.DeepEquals(JsonNode.Parse(s.Body), webhookEvent)
            ? s.Body
            : Encoding.UTF8.GetBytes(JsonOut.Serialize(webhookEvent));
        var ok = authAlgo == WebhookSigner.AuthAlgo
            && certUrl.EndsWith(WebhookSigner.CertPath, StringComparison.Ordinal)
            && signer.Verify(transmissionId, transmissionTime, webhookId, bytes, signature);
        return new ApiResponse(200, new JsonObject { ["verification_status"] = ok ? "SUCCESS" : "FAILURE" });
    }

    private static Webhook Find(EmulatorStore store, string id, string clientId) =>
        store.Webhooks.FindOwned(id, clientId, "webhook_id");

    private static string ValidUrl(string url, string field) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? url
            : throw PayPalApiException.Invalid(field, url, "The webhook URL must be an absolute http(s) URL.");

    private static List<string> ValidEventTypes(JsonNode? node, string field)
    {
        if (node is not JsonArray array || array.Count == 0)
        {
            throw node is null ? PayPalApiException.Missing(field) : PayPalApiException.Invalid(field, node.ToJsonString(), "At least one event type is required.");
        }

        var names = new List<string>();
        for (var i = 0; i < array.Count; i++)
        {
            var name = JsonRead.ReqString(array[i], "name", $"{field}/{i}");
            if (name != "*" && !EventTypes.ContainsKey(name))
            {
                throw PayPalApiException.Invalid($"{field}/{i}/name", name, "The event type is not supported.");
            }

            if (!names.Contains(name))
            {
                names.Add(name);
            }
        }

        return names;
    }

    private static JsonArray TypesJson(IEnumerable<string> names) =>
        new([.. names.Select(n => (JsonNode)new JsonObject { ["name"] = n, ["description"] = EventTypes.GetValueOrDefault(n, "ALL") })]);

    private static JsonObject Render(Webhook webhook, string baseUrl)
    {
        var self = "/v1/notifications/webhooks/" + webhook.Id;
        return new JsonObject
        {
            ["id"] = webhook.Id,
            ["url"] = webhook.Url,
            ["event_types"] = TypesJson(webhook.EventTypes),
            ["links"] = new JsonArray
            {
                Links.Make(baseUrl, self, "self", "GET"),
                Links.Make(baseUrl, self, "update", "PATCH"),
                Links.Make(baseUrl, self, "delete", "DELETE"),
            },
        };
    }
}
