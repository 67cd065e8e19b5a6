using System.Net;
using System.Text.Json.Nodes;

namespace Connector.PayPal;

/// <summary>
/// A successful PayPal answer: the typed view the connector reads, the raw JSON it stores in the
/// <c>&lt;name&gt;Response</c> field, and the status (201 first time, 200 on an idempotent repeat, 204 for no content).
/// </summary>
public sealed record PayPalResponse<T>(T? Value, JsonNode? Raw, HttpStatusCode StatusCode, string? DebugId);
