using System.Text.Json.Nodes;

namespace Emulator.Commercetools.Infrastructure;

/// <summary>Factories for the error codes of the commercetools API.</summary>
internal static class Errors
{
    public static JsonObject Error(string code, string message, JsonObject? extra = null)
    {
        var error = new JsonObject { ["code"] = code, ["message"] = message };
        if (extra is not null)
        {
            foreach (var (name, value) in extra)
            {
                error[name] = value?.DeepClone();
            }
        }

        return error;
    }

    public static CtException InvalidInput(string message) => new(400, Error("InvalidInput", message));

    public static CtException InvalidOperation(string message) => new(400, Error("InvalidOperation", message));

    public static CtException InvalidJsonInput(string detail) =>
        new(400, Error("InvalidJsonInput", "Request body does not contain valid JSON.", new JsonObject { ["detailedErrorMessage"] = detail }));

    public static CtException InvalidField(string field, JsonNode? invalidValue, string? message = null, JsonArray? allowedValues = null)
    {
        var extra = new JsonObject { ["field"] = field, ["invalidValue"] = invalidValue?.DeepClone() };
        if (allowedValues is not null)
        {
            extra["allowedValues"] = allowedValues;
        }

        return new(400, Error("InvalidField", message ?? $"The value {invalidValue?.ToJsonString() ?? "null"} is not valid for field '{field}'.", extra));
    }

    /// <summary>A draft or action lacks a required property: commercetools answers InvalidJsonInput naming the path.</summary>
    public static CtException MissingValue(string path) => InvalidJsonInput($"{path}: Missing required value");

    /// <summary>An update action name outside the endpoint's action set (commercetools fails to deserialize it).</summary>
    public static CtException UnknownAction(string action) => InvalidJsonInput($"actions -> action: Unknown action '{action}'.");

    /// <summary>A required custom field without a value (the Type's field definition says <c>required</c>).</summary>
    public static CtException RequiredField(string field) =>
        new(400, Error("RequiredField", $"A value is required for field {field}.", new JsonObject { ["field"] = field }));

    public static CtException DuplicateField(string field, JsonNode? value) =>
        new(400, Error("DuplicateField", $"A duplicate value '{value?.ToJsonString()}' exists for field '{field}'.",
            new JsonObject { ["field"] = field, ["duplicateValue"] = value?.DeepClone() }));

    public static CtException ReferencedResourceNotFound(string typeId, string? id, string? key)
    {
        var extra = new JsonObject { ["typeId"] = typeId };
        if (id is not null)
        {
            extra["id"] = id;
        }

        if (key is not null)
        {
            extra["key"] = key;
        }

        var what = id is not null ? $"id '{id}'" : $"key '{key}'";
        return new(400, Error("ReferencedResourceNotFound", $"The referenced object of type '{typeId}' with {what} was not found. It either doesn't exist, or it can't be accessed from this endpoint (e.g., if the endpoint filters by store or customer account).", extra));
    }

    public static CtException NotFound(string idOrKey) =>
        new(404, Error("ResourceNotFound", $"The Resource with ID '{idOrKey}' was not found."));

    public static CtException NotFoundMessage(string message) => new(404, Error("ResourceNotFound", message));

    public static CtException ConcurrentModification(string id, long expected, long actual) =>
        new(409, Error("ConcurrentModification", $"Object {id} has a different version than expected. Expected: {expected} - Actual: {actual}.",
            new JsonObject { ["currentVersion"] = actual }));

    public static CtException SyntaxError(string message) => new(400, Error("SyntaxError", message));

    public static CtException MaxResourceLimitExceeded(string message, string typeId) =>
        new(400, Error("MaxResourceLimitExceeded", message, new JsonObject { ["exceededResource"] = new JsonObject { ["typeId"] = typeId } }));
}
