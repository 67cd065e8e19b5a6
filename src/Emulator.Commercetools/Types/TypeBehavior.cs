using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Emulator.Commercetools.Infrastructure;
using Emulator.Commercetools.Store;

namespace Emulator.Commercetools.Types;

/// <summary>Types: field definitions that Custom Fields are validated against.</summary>
internal sealed partial class TypeBehavior : ResourceBehavior
{
    private static readonly HashSet<string> FieldTypeNames =
        ["Boolean", "String", "LocalizedString", "Enum", "LocalizedEnum", "Number", "Money", "Date", "Time", "DateTime", "Reference", "Set"];

    public override string TypeId => "type";

    public override JsonObject CreateFromDraft(JsonObject draft, ResourceContext context)
    {
        var key = JsonUtil.ReqString(draft, "key");
        JsonUtil.ValidateKey(key);
        var name = JsonUtil.OptLocalizedString(draft, "name") ?? throw Errors.MissingValue("name");
        var resourceTypeIds = JsonUtil.OptArray(draft, "resourceTypeIds") ?? throw Errors.MissingValue("resourceTypeIds");
        if (resourceTypeIds.Count == 0 || resourceTypeIds.Any(r => r?.GetValueKind() != JsonValueKind.String))
        {
            throw Errors.InvalidField("resourceTypeIds", resourceTypeIds);
        }

        var definitions = new JsonArray();
        foreach (var definition in JsonUtil.Objects(JsonUtil.OptArray(draft, "fieldDefinitions"), "fieldDefinitions"))
        {
            var validated = ValidateDefinition(definition);
            if (definitions.Any(d => (string?)d!["name"] == (string?)validated["name"]))
            {
                throw DuplicateDefinition((string)validated["name"]!);
            }

            definitions.Add(validated);
        }

        return new JsonObject
        {
            ["key"] = key,
            ["name"] = name,
            ["description"] = JsonUtil.OptLocalizedString(draft, "description"),
            ["resourceTypeIds"] = resourceTypeIds.DeepClone(),
            ["fieldDefinitions"] = definitions,
        };
    }

    public override bool Apply(JsonObject resource, string action, JsonObject payload, ResourceContext context)
    {
        var definitions = resource["fieldDefinitions"] as JsonArray ?? [];
        resource["fieldDefinitions"] = definitions;
        switch (action)
        {
            case "addFieldDefinition":
                var definition = ValidateDefinition(JsonUtil.ReqObject(payload, "fieldDefinition"));
                if (FindDefinition(definitions, (string)definition["name"]!) is not null)
                {
                    throw DuplicateDefinition((string)definition["name"]!);
                }

                definitions.Add(definition);
                return true;
            case "removeFieldDefinition":
                var toRemove = FindDefinition(definitions, JsonUtil.ReqString(payload, "fieldName"))
                    ?? throw Errors.InvalidOperation($"The field definition '{payload["fieldName"]}' does not exist.");
                definitions.Remove(toRemove);
                return true;
            case "changeName":
                return JsonUtil.SetIfChanged(resource, "name", JsonUtil.OptLocalizedString(payload, "name") ?? throw Errors.MissingValue("name"));
            case "changeKey":
                var key = JsonUtil.ReqString(payload, "key");
                JsonUtil.ValidateKey(key);
                return JsonUtil.SetIfChanged(resource, "key", key);
            case "setDescription":
                return JsonUtil.SetIfChanged(resource, "description", JsonUtil.OptLocalizedString(payload, "description"));
            case "changeLabel":
                var labelled = RequireDefinition(definitions, payload);
                return JsonUtil.SetIfChanged(labelled, "label", JsonUtil.OptLocalizedString(payload, "label") ?? throw Errors.MissingValue("label"));
            case "changeInputHint":
                var hinted = RequireDefinition(definitions, payload);
                return JsonUtil.SetIfChanged(hinted, "inputHint", JsonUtil.ReqString(payload, "inputHint"));
            case "changeFieldDefinitionOrder":
                var names = (JsonUtil.OptArray(payload, "fieldNames") ?? throw Errors.MissingValue("fieldNames")).Select(n => (string?)n).ToList();
                if (names.Count != definitions.Count || names.Distinct().Count() != names.Count || names.Any(n => FindDefinition(definitions, n ?? string.Empty) is null))
                {
                    throw Errors.InvalidOperation("fieldNames must contain every field definition name exactly once.");
                }

                var reordered = new JsonArray(names.Select(n => FindDefinition(definitions, n!)!.DeepClone()).ToArray());
                return JsonUtil.SetIfChanged(resource, "fieldDefinitions", reordered);
            case "addEnumValue":
            case "addLocalizedEnumValue":
                var enumDefinition = RequireDefinition(definitions, payload);
                var fieldType = (JsonObject)enumDefinition["type"]!;
                var values = fieldType["name"]?.GetValue<string>() == "Set" ? (JsonObject)fieldType["elementType"]! : fieldType;
                var list = values["values"] as JsonArray ?? throw Errors.InvalidOperation("The field definition is not an enum.");
                var value = JsonUtil.ReqObject(payload, "value");
                var valueKey = JsonUtil.ReqString(value, "key", "value.key");
                if (list.Any(v => (string?)v!["key"] == valueKey))
                {
                    throw new CtException(400, Errors.Error("DuplicateEnumValues", $"The enum value '{valueKey}' already exists."));
                }

                list.Add(value.DeepClone());
                return true;
            default:
                throw UnknownAction(action);
        }
    }

    private static JsonObject RequireDefinition(JsonArray definitions, JsonObject payload)
    {
        var name = JsonUtil.ReqString(payload, "fieldName");
        return FindDefinition(definitions, name) ?? throw Errors.InvalidOperation($"The field definition '{name}' does not exist.");
    }

    private static JsonObject? FindDefinition(JsonArray definitions, string name) =>
        definitions.OfType<JsonObject>().FirstOrDefault(d => (string?)d["name"] == name);

    private static CtException DuplicateDefinition(string name) =>
        new(400, Errors.Error("DuplicateFieldDefinition", $"A field definition with name '{name}' already exists.", new JsonObject { ["fieldName"] = name }));

    private static JsonObject ValidateDefinition(JsonObject definition)
    {
        var name = JsonUtil.ReqString(definition, "name", "fieldDefinitions.name");
        if (name.Length > 36 || !FieldNamePattern().IsMatch(name))
        {
            throw Errors.InvalidField("name", name, $"The field definition name '{name}' must match ^[A-Za-z0-9_-]+$ and have at most 36 characters.");
        }

        var label = JsonUtil.OptLocalizedString(definition, "label", "fieldDefinitions.label") ?? throw Errors.MissingValue("label");
        var required = JsonUtil.OptBool(definition, "required", "fieldDefinitions.required") ?? throw Errors.MissingValue("required");
        var type = JsonUtil.ReqObject(definition, "type", "fieldDefinitions.type");
        ValidateFieldType(type);
        var result = new JsonObject
        {
            ["name"] = name,
            ["label"] = label,
            ["required"] = required,
            ["type"] = type.DeepClone(),
        };
        var hint = JsonUtil.OptString(definition, "inputHint");
        if (hint is not null)
        {
            if (hint is not ("SingleLine" or "MultiLine"))
            {
                throw Errors.InvalidField("inputHint", hint);
            }

            result["inputHint"] = hint;
        }
        else
        {
            result["inputHint"] = "SingleLine";
        }

        return result;
    }

    private static void ValidateFieldType(JsonObject type)
    {
        var name = JsonUtil.ReqString(type, "name", "type.name");
        if (!FieldTypeNames.Contains(name))
        {
            throw Errors.InvalidField("type.name", name, null, new JsonArray(FieldTypeNames.Select(n => (JsonNode?)n).ToArray()));
        }

        switch (name)
        {
            case "Enum" or "LocalizedEnum":
                if (JsonUtil.OptArray(type, "values") is null)
                {
                    throw Errors.MissingValue("type.values");
                }

                break;
            case "Reference":
                JsonUtil.ReqString(type, "referenceTypeId", "type.referenceTypeId");
                break;
            case "Set":
                ValidateFieldType(JsonUtil.ReqObject(type, "elementType", "type.elementType"));
                break;
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex FieldNamePattern();
}
