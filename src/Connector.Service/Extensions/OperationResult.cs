using System.Text.Json.Nodes;
using Connector.Commercetools.Models;

namespace Connector.Service.Extensions;

/// <summary>
/// What an operation produced: the value for <c>&lt;name&gt;Response</c> (JSON, or a raw string such as a client token)
/// and the extra update actions (transactions, status fields, ids).
/// </summary>
internal sealed record OperationResult(JsonNode? ResponseJson, string? ResponseText, IReadOnlyList<UpdateAction> Extras)
{
    public static OperationResult Json(JsonNode? response, params IReadOnlyList<UpdateAction> extras) => new(response, null, extras);

    public static OperationResult Text(string response, params IReadOnlyList<UpdateAction> extras) => new(null, response, extras);

    public static OperationResult Success(params IReadOnlyList<UpdateAction> extras) => new(new JsonObject { ["status"] = "success" }, null, extras);
}
