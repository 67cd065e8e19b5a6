using System.Text.Json;
using System.Text.Json.Nodes;
using Connector.Commercetools;
using Connector.Commercetools.Models;
using Connector.Domain;
using Connector.Service.ApiExtension.Operations;

namespace Connector.Service.ApiExtension;

/// <summary>
/// The update actions of every operation, in the order the TypeScript connector emits them: request interaction, response field,
/// response interaction, request field cleared, then the operation's extras. Interaction data is redacted.
/// </summary>
internal static class ActionEnvelope
{
    public static IEnumerable<UpdateAction> ForPayment(string operation, string interactionTypeKey, string requestValue, OperationResult result, DateTimeOffset now)
    {
        var (responseText, logged) = ResponseTexts(result);
        yield return Interaction(interactionTypeKey, operation + "Request", RedactText(requestValue), now);
        yield return new SetCustomField(operation + "Response", CustomFieldValues.String(responseText));
        yield return Interaction(interactionTypeKey, operation + "Response", logged, now);
        yield return new SetCustomField(operation + "Request", null);
        foreach (var extra in result.Extras)
        {
            yield return extra;
        }
    }

    /// <summary>Customer operations write only the response field, clear the request and add their extras.</summary>
    public static IEnumerable<UpdateAction> ForCustomer(string operation, OperationResult result)
    {
        yield return new SetCustomField(operation + "Response", CustomFieldValues.String(ResponseText(result)));
        yield return new SetCustomField(operation + "Request", null);
        foreach (var extra in result.Extras)
        {
            yield return extra;
        }
    }

    /// <summary>The TypeScript connector's failure shape: <c>{"success":false,"message":M,"details":D}</c>.</summary>
    public static OperationResult Failure(string message, JsonNode? details) =>
        OperationResult.Json(new JsonObject { ["success"] = false, ["message"] = message, ["details"] = details });

    private static string ResponseText(OperationResult result) =>
        result.ResponseText ?? (result.Element is { } json ? JsonCleaner.StripNullsAndEmpty(json) : "{}");

    /// <summary>
    /// The stored response text and its redacted copy for the interaction log, each written in one pass over the parsed
    /// answer. Raw-string responses are tokens (client token, id token): they are kept out of the log entirely.
    /// </summary>
    private static (string Stored, string Logged) ResponseTexts(OperationResult result)
    {
        if (result.ResponseText is { } text)
        {
            return (text, "[redacted]");
        }

        if (result.Element is not { } json)
        {
            return ("{}", "{}");
        }

        var stored = JsonCleaner.StripNullsAndEmpty(json);
        var logged = json.ValueKind is JsonValueKind.Object or JsonValueKind.Array ? Redactor.Redact(json, clean: true) : Redactor.RedactText(stored);
        return (stored, logged);
    }

    /// <summary>An interface interaction of the connector's type: <c>type</c>, <c>data</c> (as given; callers redact) and <c>timestamp</c>.</summary>
    public static AddInterfaceInteraction Interaction(string typeKey, string type, string data, DateTimeOffset now) =>
        new(Reference.TypeByKey(typeKey), new Dictionary<string, FieldValue>
        {
            ["type"] = CustomFieldValues.String(type),
            ["data"] = CustomFieldValues.String(data),
            ["timestamp"] = CustomFieldValues.String(now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture)),
        });

    private static string RedactText(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
            {
                return Redactor.Redact(document.RootElement, clean: false);
            }
        }
        catch (JsonException)
        {
            // Not JSON (a raw token id or client token): fall through to the text rules.
        }

        return Redactor.RedactText(text);
    }
}
