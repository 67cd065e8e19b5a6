using System.Text.Json;
using System.Text.Json.Nodes;
using Emulator.Commercetools.Infrastructure;
using Emulator.Commercetools.Predicates;
using Emulator.Commercetools.Store;

namespace Emulator.Commercetools.Extensions;

/// <summary>API Extensions: registration only; <see cref="ExtensionInvoker"/> does the calling.</summary>
internal sealed class ExtensionBehavior : ResourceBehavior
{
    public const int MaxExtensions = 25;

    private static readonly string[] TriggerResourceTypes =
        ["cart", "order", "payment", "payment-method", "customer", "customer-group", "quote-request", "staged-quote", "quote", "business-unit", "shopping-list"];

    public override string TypeId => "extension";

    public override JsonObject CreateFromDraft(JsonObject draft, ResourceContext context)
    {
        if (context.Store.Collection(TypeId).Count >= MaxExtensions)
        {
            throw Errors.MaxResourceLimitExceeded($"You have exceeded the limit of {MaxExtensions} API Extensions.", "extension");
        }

        var key = KeyOf(draft);
        return new JsonObject
        {
            ["key"] = key,
            ["destination"] = ValidateDestination(JsonUtil.OptObject(draft, "destination") ?? throw Errors.MissingValue("destination")),
            ["triggers"] = ValidateTriggers(JsonUtil.OptArray(draft, "triggers") ?? throw Errors.MissingValue("triggers")),
            ["timeoutInMs"] = ValidateTimeout(JsonUtil.OptLong(draft, "timeoutInMs")),
            ["additionalContext"] = JsonUtil.OptObject(draft, "additionalContext")?.DeepClone(),
            ["dependencies"] = JsonUtil.OptArray(draft, "dependencies")?.DeepClone(),
            ["expansionPaths"] = ValidateExpansionPaths(JsonUtil.OptArray(draft, "expansionPaths")),
        };
    }

    public override bool Apply(JsonObject resource, string action, JsonObject payload, ResourceContext context) => action switch
    {
        "changeDestination" => JsonUtil.SetIfChanged(resource, "destination", ValidateDestination(JsonUtil.OptObject(payload, "destination") ?? throw Errors.MissingValue("destination"))),
        "changeTriggers" => JsonUtil.SetIfChanged(resource, "triggers", ValidateTriggers(JsonUtil.OptArray(payload, "triggers") ?? throw Errors.MissingValue("triggers"))),
        "setKey" => SetKey(resource, payload),
        "setTimeoutInMs" => JsonUtil.SetIfChanged(resource, "timeoutInMs", ValidateTimeout(JsonUtil.OptLong(payload, "timeoutInMs"))),
        "setDependencies" => JsonUtil.SetIfChanged(resource, "dependencies", JsonUtil.OptArray(payload, "dependencies")?.DeepClone()),
        "setExpansionPaths" => JsonUtil.SetIfChanged(resource, "expansionPaths", ValidateExpansionPaths(JsonUtil.OptArray(payload, "expansionPaths"))),
        "setAdditionalContext" => JsonUtil.SetIfChanged(resource, "additionalContext", JsonUtil.OptObject(payload, "additionalContext")?.DeepClone()),
        _ => throw UnknownAction(action),
    };

    /// <summary>Secrets are partly masked on read (all but the last 4 characters).</summary>
    public override bool PresentsStoredDocument => false;

    public override JsonObject Present(JsonElement body)
    {
        var view = JsonUtil.ToObject(body);
        if (view["destination"] is JsonObject destination)
        {
            if (destination["authentication"] is JsonObject auth)
            {
                Mask(auth, "headerValue");
                Mask(auth, "key");
            }

            Mask(destination, "accessSecret");
        }

        return view;
    }

    private static void Mask(JsonObject obj, string property)
    {
        if (obj[property] is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            var text = value.GetValue<string>();
            obj[property] = text.Length <= 4 ? "****" : "****" + text[^4..];
        }
    }

    private static JsonNode? ValidateTimeout(long? timeout)
    {
        if (timeout is null)
        {
            return null;
        }

        if (timeout is < 1 or > 10000)
        {
            throw Errors.InvalidField("timeoutInMs", timeout.Value, "The timeoutInMs must be between 1 and 10000.");
        }

        return timeout.Value;
    }

    private static JsonArray? ValidateExpansionPaths(JsonArray? paths)
    {
        if (paths is { Count: > 3 })
        {
            throw Errors.InvalidInput("An Extension can have at most 3 expansionPaths.");
        }

        return (JsonArray?)paths?.DeepClone();
    }

    private static JsonObject ValidateDestination(JsonObject destination)
    {
        var type = JsonUtil.ReqString(destination, "type", "destination.type");
        switch (type)
        {
            case "HTTP":
            case "GoogleCloudFunction":
                var url = JsonUtil.ReqString(destination, "url", "destination.url");
                if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                {
                    throw Errors.InvalidField("destination.url", url, $"The URL '{url}' is not a valid absolute http(s) URL.");
                }

                if (type == "HTTP" && JsonUtil.OptObject(destination, "authentication", "destination.authentication") is { } auth)
                {
                    var authType = JsonUtil.ReqString(auth, "type", "destination.authentication.type");
                    var required = authType switch
                    {
                        "AuthorizationHeader" => "headerValue",
                        "AzureFunctions" => "key",
                        _ => throw Errors.InvalidField("destination.authentication.type", authType, null, ["AuthorizationHeader", "AzureFunctions"]),
                    };
                    JsonUtil.ReqString(auth, required, "destination.authentication." + required);
                }

                break;
            case "AWSLambda":
                JsonUtil.ReqString(destination, "arn", "destination.arn");
                JsonUtil.ReqString(destination, "accessKey", "destination.accessKey");
                JsonUtil.ReqString(destination, "accessSecret", "destination.accessSecret");
                break;
            default:
                throw Errors.InvalidField("destination.type", type, null, ["HTTP", "AWSLambda", "GoogleCloudFunction"]);
        }

        var copy = (JsonObject)destination.DeepClone();
        JsonUtil.StripNulls(copy);
        return copy;
    }

    private static JsonArray ValidateTriggers(JsonArray triggers)
    {
        if (triggers.Count == 0)
        {
            throw Errors.InvalidInput("An Extension needs at least one trigger.");
        }

        var result = new JsonArray();
        foreach (var trigger in JsonUtil.Objects(triggers, "triggers"))
        {
            var resourceTypeId = JsonUtil.ReqString(trigger, "resourceTypeId", "triggers.resourceTypeId");
            if (!TriggerResourceTypes.Contains(resourceTypeId))
            {
                throw Errors.InvalidField("triggers.resourceTypeId", resourceTypeId, null, new JsonArray(TriggerResourceTypes.Select(t => (JsonNode?)t).ToArray()));
            }

            var actions = JsonUtil.OptArray(trigger, "actions", "triggers.actions") ?? throw Errors.MissingValue("triggers.actions");
            if (actions.Count == 0 || actions.Any(a => (string?)a is not ("Create" or "Update")))
            {
                throw Errors.InvalidField("triggers.actions", actions, null, ["Create", "Update"]);
            }

            var copy = new JsonObject { ["resourceTypeId"] = resourceTypeId, ["actions"] = actions.DeepClone() };
            if (JsonUtil.OptString(trigger, "condition", "triggers.condition") is { Length: > 0 } condition)
            {
                try
                {
                    PredicateParser.Parse(condition);
                }
                catch (PredicateSyntaxException ex)
                {
                    throw Errors.InvalidInput($"The trigger condition is not a valid predicate: {ex.Message}");
                }

                copy["condition"] = condition;
            }

            result.Add(copy);
        }

        return result;
    }
}
