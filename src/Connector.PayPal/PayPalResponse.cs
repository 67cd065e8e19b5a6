using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Connector.PayPal;

/// <summary>
/// A successful PayPal answer: the typed view the connector reads, the parsed JSON it stores in the
/// <c>&lt;name&gt;Response</c> field, and the status (201 first time, 200 on an idempotent repeat, 204 for no content).
/// </summary>
/// <param name="Value">The typed view of the body (default when there is no body).</param>
/// <param name="Json">The body as parsed once (read-only); null when there is no body.</param>
/// <param name="StatusCode">PayPal's status code.</param>
/// <param name="DebugId">PayPal's <c>Paypal-Debug-Id</c> header.</param>
public sealed record PayPalResponse<T>(T? Value, JsonElement? Json, HttpStatusCode StatusCode, string? DebugId)
{
    private JsonNode? _raw;

    /// <summary>
    /// The body as a mutable node, made on first use from <see cref="Json"/> (the same instance on every read); code that
    /// only stores or logs the answer uses <see cref="Json"/> and never pays for the node.
    /// </summary>
    public JsonNode? Raw => _raw ??= Json is { } json ? JsonNode.Parse(json.GetRawText()) : null;
}
