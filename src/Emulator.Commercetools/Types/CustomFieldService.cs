using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Emulator.Commercetools.Infrastructure;
using Emulator.Commercetools.Store;

namespace Emulator.Commercetools.Types;

/// <summary>Custom Fields: resolves the Type of a CustomFieldsDraft and validates every value against its FieldDefinition.</summary>
internal sealed class CustomFieldService(ResourceStore store)
{
    /// <summary>Reads a CustomFieldsDraft <c>{type, fields?}</c> into the stored <c>{type:{typeId,id}, fields}</c>.</summary>
    public JsonObject? FromDraft(JsonObject? draft, string resourceTypeId, string path = "custom")
    {
        if (draft is null)
        {
            return null;
        }

        var typeIdentifier = JsonUtil.OptObject(draft, "type", path + ".type") ?? throw Errors.MissingValue(path + ".type");
        var type = ResolveType(typeIdentifier, resourceTypeId);
        var fields = new JsonObject();
        var fieldDrafts = JsonUtil.OptObject(draft, "fields", path + ".fields");
        if (fieldDrafts is not null)
        {
            foreach (var (name, value) in fieldDrafts)
            {
                if (JsonUtil.IsNull(value))
                {
                    continue;
                }

                fields[name] = Validate(type, name, value);
            }
        }

        CheckRequired(type, fields);
        return new JsonObject
        {
            ["type"] = JsonUtil.Reference("type", type.GetProperty("id").GetString()!),
            ["fields"] = fields,
        };
    }

    /// <summary>setCustomType: absent type removes the custom fields.</summary>
    public bool SetCustomType(JsonObject target, JsonObject action, string resourceTypeId, string property = "custom")
    {
        var typeIdentifier = JsonUtil.OptObject(action, "type");
        if (typeIdentifier is null)
        {
            return target.Remove(property);
        }

        var custom = FromDraft(new JsonObject { ["type"] = typeIdentifier.DeepClone(), ["fields"] = action["fields"]?.DeepClone() }, resourceTypeId);
        return JsonUtil.SetIfChanged(target, property, custom);
    }

    /// <summary>setCustomField: null removes; removing a missing field is an InvalidOperation.</summary>
    public bool SetCustomField(JsonObject target, JsonObject action, string property = "custom")
    {
        var name = JsonUtil.ReqString(action, "name");
        if (target[property] is not JsonObject custom)
        {
            throw Errors.InvalidOperation("This resource has no custom type set; use setCustomType first.");
        }

        var fields = custom["fields"] as JsonObject ?? [];
        custom["fields"] = fields;
        var value = action["value"];
        if (JsonUtil.IsNull(value))
        {
            if (!fields.ContainsKey(name))
            {
                throw Errors.InvalidOperation($"Cannot remove custom field '{name}' because it does not exist.");
            }

            var type = LoadType((string)custom["type"]!["id"]!);
            if (type.HasValue && FindDefinition(type.Value, name) is { } def && def.TryGetProperty("required", out var req) && req.ValueKind == JsonValueKind.True)
            {
                throw Errors.RequiredField(name);
            }

            fields.Remove(name);
            return true;
        }

        var typeBody = LoadType((string)custom["type"]!["id"]!) ?? throw Errors.InvalidOperation("The custom type of this resource no longer exists.");
        var validated = Validate(typeBody, name, value);
        return JsonUtil.SetIfChanged(fields, name, validated);
    }

    public JsonElement ResolveType(JsonObject identifier, string resourceTypeId)
    {
        var id = JsonUtil.OptString(identifier, "id", "type.id");
        var key = JsonUtil.OptString(identifier, "key", "type.key");
        if ((id is null) == (key is null))
        {
            throw Errors.InvalidJsonInput("type: a ResourceIdentifier needs exactly one of 'id' or 'key'.");
        }

        var typeId = JsonUtil.OptString(identifier, "typeId", "type.typeId");
        if (typeId is not null && typeId != "type")
        {
            throw Errors.InvalidJsonInput($"type.typeId: expected 'type' but got '{typeId}'.");
        }

        var collection = store.Collection("type");
        var stored = id is not null ? collection.Get(id) : collection.GetByKey(key!);
        if (stored is null)
        {
            throw Errors.ReferencedResourceNotFound("type", id, key);
        }

        var ids = stored.Body.GetProperty("resourceTypeIds").EnumerateArray().Select(e => e.GetString()).ToList();
        if (!ids.Contains(resourceTypeId))
        {
            throw Errors.InvalidOperation($"The type '{stored.Body.GetProperty("key").GetString()}' does not have the resourceTypeId '{resourceTypeId}'.");
        }

        return stored.Body;
    }

    private JsonElement? LoadType(string id) => store.Collection("type").Get(id)?.Body;

    private static JsonElement? FindDefinition(JsonElement type, string name)
    {
        if (type.TryGetProperty("fieldDefinitions", out var defs))
        {
            foreach (var def in defs.EnumerateArray())
            {
                if (def.GetProperty("name").GetString() == name)
                {
                    return def;
                }
            }
        }

        return null;
    }

    private static void CheckRequired(JsonElement type, JsonObject fields)
    {
        if (!type.TryGetProperty("fieldDefinitions", out var defs))
        {
            return;
        }

        foreach (var def in defs.EnumerateArray())
        {
            if (def.TryGetProperty("required", out var req) && req.ValueKind == JsonValueKind.True && !fields.ContainsKey(def.GetProperty("name").GetString()!))
            {
                throw Errors.RequiredField(def.GetProperty("name").GetString()!);
            }
        }
    }

    private static JsonNode Validate(JsonElement type, string name, JsonNode value)
    {
        var def = FindDefinition(type, name)
            ?? throw Errors.InvalidField(name, value, $"The field '{name}' is not defined in the type '{type.GetProperty("key").GetString()}'.");
        return ValidateValue(def.GetProperty("type"), name, value);
    }

    internal static JsonNode ValidateValue(JsonElement fieldType, string name, JsonNode value)
    {
        var kind = value.GetValueKind();
        var typeName = fieldType.GetProperty("name").GetString();
        switch (typeName)
        {
            case "Boolean" when kind is JsonValueKind.True or JsonValueKind.False:
            case "String" when kind == JsonValueKind.String:
            case "Number" when kind == JsonValueKind.Number:
                return value.DeepClone();
            case "LocalizedString" when value is JsonObject obj && obj.All(p => p.Value?.GetValueKind() == JsonValueKind.String):
                return value.DeepClone();
            case "Enum" or "LocalizedEnum" when kind == JsonValueKind.String:
                var allowed = fieldType.GetProperty("values").EnumerateArray().Select(v => v.GetProperty("key").GetString()).ToList();
                var key = value.GetValue<string>();
                if (!allowed.Contains(key))
                {
                    throw Errors.InvalidField(name, value, null, new JsonArray(allowed.Select(a => (JsonNode?)a).ToArray()));
                }

                return value.DeepClone();
            case "Money" when value is JsonObject:
                return Currencies.FromDraft(value, name);
            case "Date" when kind == JsonValueKind.String && DateOnly.TryParseExact(value.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _):
                return value.DeepClone();
            case "Time" when kind == JsonValueKind.String && TimeOnly.TryParse(value.GetValue<string>(), CultureInfo.InvariantCulture, out _):
                return value.DeepClone();
            case "DateTime" when kind == JsonValueKind.String && Timestamps.Normalize(value.GetValue<string>()) is { } normalized:
                return normalized;
            case "Reference" when value is JsonObject reference && reference["id"] is JsonValue idValue && idValue.GetValueKind() == JsonValueKind.String:
                var referenceTypeId = fieldType.GetProperty("referenceTypeId").GetString()!;
                var givenTypeId = (string?)reference["typeId"];
                if (givenTypeId is not null && givenTypeId != referenceTypeId)
                {
                    break;
                }

                return JsonUtil.Reference(referenceTypeId, idValue.GetValue<string>());
            case "Set" when value is JsonArray array:
                var elementType = fieldType.GetProperty("elementType");
                var result = new JsonArray();
                foreach (var item in array)
                {
                    if (JsonUtil.IsNull(item))
                    {
                        throw Errors.InvalidField(name, value);
                    }

                    var validated = ValidateValue(elementType, name, item);
                    if (!result.Any(r => JsonNode.DeepEquals(r, validated)))
                    {
                        result.Add(validated);
                    }
                }

                return result;
        }

        throw Errors.InvalidField(name, value, $"The value {value.ToJsonString()} is not valid for field '{name}' of type {typeName}.");
    }
}
