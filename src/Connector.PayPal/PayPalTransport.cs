using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Connector.Domain;
using Connector.PayPal.Models;
using Microsoft.Extensions.Options;

namespace Connector.PayPal;

/// <summary>
/// The one HTTP connection to PayPal's REST APIs (https://developer.paypal.com/api/rest/) that every API area client
/// (<see cref="PayPalClient"/>) sends through: headers (<c>Prefer</c>, <c>PayPal-Request-Id</c>,
/// <c>PayPal-Client-Metadata-Id</c>, the partner attribution id), one read of the answer into both its typed value and
/// its JSON, and failures as <see cref="PayPalApiException"/>. Authentication is added by <see cref="PayPalTokenHandler"/>.
/// Paths are written only in the area clients; nothing outside this assembly sends a raw path.
/// </summary>
public sealed class PayPalTransport(HttpClient http, IOptions<PayPalOptions> options)
{
    private const string RepresentationPreference = "return=representation";

    internal static PayPalJsonContext Json => PayPalJsonContext.Default;

    /// <summary>A path segment from an id the connector did not make (escaped, so it cannot change the path).</summary>
    internal static string Segment(string id) => Uri.EscapeDataString(id);

    /// <summary>Sends a body the connector builds as a typed request.</summary>
    internal Task<PayPalResponse<T>> SendAsync<TBody, T>(HttpMethod method, string path, TBody body, JsonTypeInfo<TBody> bodyInfo, JsonTypeInfo<T> typeInfo,
        CancellationToken cancellationToken, string? requestId = null, string? clientMetadataId = null) =>
        SendCoreAsync(method, path, JsonContent(JsonSerializer.SerializeToUtf8Bytes(body, bodyInfo)), typeInfo, cancellationToken, requestId, clientMetadataId);

    /// <summary>Sends a JSON body that carries what a client passed through (a payment source, a patch), or no body.</summary>
    internal Task<PayPalResponse<T>> SendAsync<T>(HttpMethod method, string path, JsonNode? body, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken,
        string? requestId = null, string? clientMetadataId = null) =>
        SendCoreAsync(method, path, body is null ? null : JsonContent(Utf8(body)), typeInfo, cancellationToken,
            requestId, clientMetadataId);

    /// <summary>The node's JSON as UTF-8, written as <see cref="JsonNode.ToJsonString"/> writes it, without the string in between.</summary>
    private static byte[] Utf8(JsonNode body)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            body.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static ByteArrayContent JsonContent(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    private async Task<PayPalResponse<T>> SendCoreAsync<T>(HttpMethod method, string path, HttpContent? content, JsonTypeInfo<T> typeInfo,
        CancellationToken cancellationToken, string? requestId, string? clientMetadataId)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Content = content;

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

        var response = await http.SendTranslatingFailuresAsync(request, (method, path),
            static (call, e) => new PayPalApiException($"PayPal could not be reached ({call.method} {PathOnly(call.path)}).", e),
            static (call, e) => new PayPalApiException($"PayPal did not answer in time ({call.method} {PathOnly(call.path)}).", e),
            cancellationToken);
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
                // One parse for the stored/logged JSON and one typed read of the same bytes; no DOM copy. The document
                // reads the response's own byte array (no copy of it); it is not disposed because its root lives on in the
                // response, so the index it rents is left to the collector like any other allocation.
                var json = JsonDocument.Parse(bytes).RootElement;
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
