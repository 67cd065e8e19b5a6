using System.Text.Json;
using System.Text.Json.Nodes;
using Connector.Commercetools.Models;
using Connector.PayPal;
using Connector.Service.ApiExtension.Operations;

namespace Connector.Service.ApiExtension;

/// <summary>
/// What an operation produced: the value for <c>&lt;name&gt;Response</c> (PayPal's answer as parsed, JSON the operation
/// built, or a raw string such as a client token) and the extra update actions (transactions, status fields, ids).
/// </summary>
/// <param name="ResponseElement">PayPal's answer as parsed once; stored and logged without building a DOM.</param>
/// <param name="ResponseJson">JSON the operation built itself.</param>
/// <param name="ResponseText">A raw string answer (a token): stored as is and never logged.</param>
/// <param name="Extras">Update actions after the response field.</param>
internal sealed record OperationResult(JsonElement? ResponseElement, JsonNode? ResponseJson, string? ResponseText, IReadOnlyList<UpdateAction> Extras)
{
    public static OperationResult Json(JsonNode? response, params IReadOnlyList<UpdateAction> extras) => new(null, response, null, extras);

    /// <summary>PayPal's answer as the response value; an answer without a body stores <c>{}</c>.</summary>
    public static OperationResult Json<T>(PayPalResponse<T> response, params IReadOnlyList<UpdateAction> extras) => new(response.Json, null, null, extras);

    public static OperationResult Text(string response, params IReadOnlyList<UpdateAction> extras) => new(null, null, response, extras);

    public static OperationResult Success(params IReadOnlyList<UpdateAction> extras) => new(null, new JsonObject { ["status"] = "success" }, null, extras);

    /// <summary>The <c>id</c> of the JSON response (the PayPal order a create made), if it has a string one.</summary>
    public string? ResponseId =>
        ResponseElement is { ValueKind: JsonValueKind.Object } element
            ? element.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null
            : ResponseJson?["id"] is JsonValue value && value.TryGetValue(out string? text) ? text : null;

    /// <summary>The JSON response as an element (what the envelope cleans and redacts), or null for a text or empty answer.</summary>
    public JsonElement? Element => ResponseElement ?? Connector.Domain.JsonText.ToElement(ResponseJson);
}
