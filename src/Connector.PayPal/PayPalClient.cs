using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Connector.PayPal.Models;
using Microsoft.Extensions.Options;

namespace Connector.PayPal;

/// <summary>
/// Typed client for the PayPal REST APIs the connector uses: Orders v2, Payments v2, Vault v3, Identity and
/// Notifications (https://developer.paypal.com/api/rest/). Authentication is added by <see cref="PayPalTokenHandler"/>.
/// Every call that creates or moves money takes a <c>requestId</c> sent as <c>PayPal-Request-Id</c>; callers derive it
/// from business ids so a retried call cannot charge twice. Failures throw <see cref="PayPalApiException"/>.
/// </summary>
public sealed partial class PayPalClient(HttpClient http, IOptions<PayPalOptions> options)
{
    private const string RepresentationPreference = "return=representation";

    private static PayPalJsonContext Json => PayPalJsonContext.Default;

    /// <summary><c>POST /v2/checkout/orders</c> (create order).</summary>
    public Task<PayPalResponse<PayPalOrder>> CreateOrderAsync(JsonObject body, string requestId, string? clientMetadataId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "v2/checkout/orders", body, Json.PayPalOrder, cancellationToken, requestId, clientMetadataId);

    /// <summary><c>GET /v2/checkout/orders/{id}</c> (show order details).</summary>
    public Task<PayPalResponse<PayPalOrder>> GetOrderAsync(string orderId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"v2/checkout/orders/{Segment(orderId)}", null, Json.PayPalOrder, cancellationToken);

    /// <summary><c>POST /v2/checkout/orders/{id}/capture</c> (capture payment for order).</summary>
    public Task<PayPalResponse<PayPalOrder>> CaptureOrderAsync(string orderId, JsonObject? body, string requestId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"v2/checkout/orders/{Segment(orderId)}/capture", body ?? [], Json.PayPalOrder, cancellationToken, requestId);

    /// <summary><c>POST /v2/checkout/orders/{id}/authorize</c> (authorize payment for order).</summary>
    public Task<PayPalResponse<PayPalOrder>> AuthorizeOrderAsync(string orderId, JsonObject? body, string requestId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"v2/checkout/orders/{Segment(orderId)}/authorize", body ?? [], Json.PayPalOrder, cancellationToken, requestId);

    /// <summary><c>PATCH /v2/checkout/orders/{id}</c> (update order; 204 on success).</summary>
    public Task<PayPalResponse<JsonNode>> PatchOrderAsync(string orderId, JsonArray patch, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Patch, $"v2/checkout/orders/{Segment(orderId)}", patch, Json.JsonNode, cancellationToken);

    /// <summary><c>POST /v2/checkout/orders/{id}/track</c> (add tracking information).</summary>
    public Task<PayPalResponse<PayPalOrder>> AddTrackingAsync(string orderId, JsonObject body, string requestId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"v2/checkout/orders/{Segment(orderId)}/track", body, Json.PayPalOrder, cancellationToken, requestId);

    /// <summary><c>PATCH /v2/checkout/orders/{id}/trackers/{tracker_id}</c> (update or cancel tracking; 204).</summary>
    public Task<PayPalResponse<JsonNode>> UpdateTrackingAsync(string orderId, string trackerId, JsonArray patch, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Patch, $"v2/checkout/orders/{Segment(orderId)}/trackers/{Segment(trackerId)}", patch, Json.JsonNode, cancellationToken);

    /// <summary><c>POST /v2/payments/authorizations/{id}/capture</c> (capture authorized payment).</summary>
    public Task<PayPalResponse<PayPalCapture>> CaptureAuthorizationAsync(string authorizationId, CaptureAuthorizationRequest body, string requestId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"v2/payments/authorizations/{Segment(authorizationId)}/capture",
            JsonSerializer.SerializeToNode(body, Json.CaptureAuthorizationRequest), Json.PayPalCapture, cancellationToken, requestId);

    /// <summary><c>POST /v2/payments/authorizations/{id}/void</c> (void authorized payment).</summary>
    public Task<PayPalResponse<PayPalAuthorization>> VoidAuthorizationAsync(string authorizationId, string requestId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"v2/payments/authorizations/{Segment(authorizationId)}/void", null, Json.PayPalAuthorization, cancellationToken, requestId);

    /// <summary><c>GET /v2/payments/authorizations/{id}</c>.</summary>
    public Task<PayPalResponse<PayPalAuthorization>> GetAuthorizationAsync(string authorizationId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"v2/payments/authorizations/{Segment(authorizationId)}", null, Json.PayPalAuthorization, cancellationToken);

    /// <summary><c>GET /v2/payments/captures/{id}</c> (show captured payment details).</summary>
    public Task<PayPalResponse<PayPalCapture>> GetCaptureAsync(string captureId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"v2/payments/captures/{Segment(captureId)}", null, Json.PayPalCapture, cancellationToken);

    /// <summary><c>POST /v2/payments/captures/{id}/refund</c> (refund captured payment; no amount = all that is left).</summary>
    public Task<PayPalResponse<PayPalRefund>> RefundCaptureAsync(string captureId, RefundCaptureRequest body, string requestId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"v2/payments/captures/{Segment(captureId)}/refund",
            JsonSerializer.SerializeToNode(body, Json.RefundCaptureRequest), Json.PayPalRefund, cancellationToken, requestId);


    /// <summary><c>POST /v1/identity/generate-token</c>: a client token for the JS SDK's card fields.</summary>
    public Task<PayPalResponse<ClientTokenResponse>> GenerateClientTokenAsync(string? customerId, CancellationToken cancellationToken)
    {
        var body = new JsonObject();
        if (!string.IsNullOrEmpty(customerId))
        {
            body["customer_id"] = customerId;
        }

        return SendAsync(HttpMethod.Post, "v1/identity/generate-token", body, Json.ClientTokenResponse, cancellationToken);
    }

    /// <summary><c>POST /v3/vault/setup-tokens</c>.</summary>
    public Task<PayPalResponse<JsonNode>> CreateSetupTokenAsync(JsonObject body, string requestId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "v3/vault/setup-tokens", body, Json.JsonNode, cancellationToken, requestId);

    /// <summary><c>POST /v3/vault/payment-tokens</c>.</summary>
    public Task<PayPalResponse<JsonNode>> CreatePaymentTokenAsync(JsonObject body, string requestId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "v3/vault/payment-tokens", body, Json.JsonNode, cancellationToken, requestId);

    /// <summary><c>GET /v3/vault/payment-tokens/{id}</c>.</summary>
    public Task<PayPalResponse<JsonNode>> GetPaymentTokenAsync(string tokenId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"v3/vault/payment-tokens/{Segment(tokenId)}", null, Json.JsonNode, cancellationToken);

    /// <summary><c>GET /v3/vault/payment-tokens?customer_id=</c> (one page).</summary>
    public Task<PayPalResponse<JsonNode>> ListPaymentTokensAsync(string customerId, int page, int pageSize, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"v3/vault/payment-tokens?customer_id={Uri.EscapeDataString(customerId)}&page={page}&page_size={pageSize}&total_required=true",
            null, Json.JsonNode, cancellationToken);

    /// <summary><c>DELETE /v3/vault/payment-tokens/{id}</c> (204).</summary>
    public Task<PayPalResponse<JsonNode>> DeletePaymentTokenAsync(string tokenId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, $"v3/vault/payment-tokens/{Segment(tokenId)}", null, Json.JsonNode, cancellationToken);

    /// <summary><c>GET /v3/vault/setup-tokens/{id}</c>: a setup token (its vault customer, status and source).</summary>
    public Task<PayPalResponse<JsonNode>> GetSetupTokenAsync(string setupTokenId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"v3/vault/setup-tokens/{Segment(setupTokenId)}", null, Json.JsonNode, cancellationToken);

    private static string Segment(string id) => Uri.EscapeDataString(id);

    internal async Task<PayPalResponse<T>> SendAsync<T>(HttpMethod method, string path, JsonNode? body, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken,
        string? requestId = null, string? clientMetadataId = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        if (method != HttpMethod.Get && method != HttpMethod.Delete)
        {
            request.Headers.TryAddWithoutValidation("Prefer", RepresentationPreference);
        }

        if (requestId is not null)
        {
            request.Headers.TryAddWithoutValidation("PayPal-Request-Id", requestId);
        }

        if (!string.IsNullOrEmpty(clientMetadataId))
        {
            request.Headers.TryAddWithoutValidation("PayPal-Client-Metadata-Id", clientMetadataId);
        }

        if (options.Value.PartnerAttributionId is { Length: > 0 } bn)
        {
            request.Headers.TryAddWithoutValidation("PayPal-Partner-Attribution-Id", bn);
        }

        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new PayPalApiException($"PayPal could not be reached ({method} {PathOnly(path)}).", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new PayPalApiException($"PayPal did not answer in time ({method} {PathOnly(path)}).", e);
        }

        using (response)
        {
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var debugId = response.Headers.TryGetValues("Paypal-Debug-Id", out var ids) ? ids.FirstOrDefault() : null;
            if (!response.IsSuccessStatusCode)
            {
                throw BuildException(response.StatusCode, Encoding.UTF8.GetString(bytes), method, path);
            }

            if (IsBlank(bytes))
            {
                return new PayPalResponse<T>(default, null, response.StatusCode, debugId);
            }

            try
            {
                // One parse for the stored/logged JSON and one typed read of the same bytes; no DOM copy.
                var reader = new Utf8JsonReader(bytes);
                var json = JsonElement.ParseValue(ref reader);
                var value = json.ValueKind == JsonValueKind.Null ? default : JsonSerializer.Deserialize(bytes, typeInfo);
                return new PayPalResponse<T>(value, json.ValueKind == JsonValueKind.Null ? null : json, response.StatusCode, debugId);
            }
            catch (JsonException e)
            {
                throw new PayPalApiException($"PayPal returned a body that could not be read ({method} {PathOnly(path)}).", e);
            }
        }
    }

    private static bool IsBlank(ReadOnlySpan<byte> bytes) => bytes.Trim(" \t\r\n"u8).IsEmpty;

    private static PayPalApiException BuildException(HttpStatusCode status, string body, HttpMethod method, string path)
    {
        PayPalErrorResponse? error = null;
        try
        {
            error = string.IsNullOrWhiteSpace(body) ? null : JsonSerializer.Deserialize(body, Json.PayPalErrorResponse);
        }
        catch (JsonException)
        {
            // Not PayPal's envelope (a gateway page, say): the status alone decides.
        }

        var details = error?.Details?.Select(d => new PayPalErrorDetail(d.Issue, d.Field, d.Description)).ToList() ?? [];
        var message = error?.Message ?? error?.ErrorDescription ?? $"PayPal answered {(int)status} to {method} {PathOnly(path)}.";
        return new PayPalApiException(status, error?.Name ?? error?.Error, message, error?.DebugId, details, body);
    }

    private static string PathOnly(string path)
    {
        var i = path.IndexOf('?', StringComparison.Ordinal);
        return i < 0 ? path : path[..i];
    }
}
