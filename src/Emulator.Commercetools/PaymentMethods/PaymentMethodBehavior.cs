using System.Text.Json;
using System.Text.Json.Nodes;
using Emulator.Commercetools.Infrastructure;
using Emulator.Commercetools.Payments;
using Emulator.Commercetools.Store;

namespace Emulator.Commercetools.PaymentMethods;

/// <summary>
/// PaymentMethods. Default rule chosen by the emulator (undocumented upstream): making a method the
/// default clears the previous default of the same owner (customer, business unit, or both), which gets its own
/// version bump and PaymentMethodDefaultSet message.
/// </summary>
internal sealed class PaymentMethodBehavior : ResourceBehavior
{
    private static readonly string[] Statuses = ["Active", "Inactive"];
    private readonly Lock _defaultsGate = new();

    public override string TypeId => "payment-method";

    public override string? ExtensionTypeId => "payment-method";

    public override JsonObject CreateFromDraft(JsonObject draft, ResourceContext context)
    {
        var key = KeyOf(draft);
        var status = Status(JsonUtil.OptString(draft, "paymentMethodStatus") ?? "Active");
        var isDefault = JsonUtil.OptBool(draft, "default") ?? false;
        if (isDefault && status == "Inactive")
        {
            throw Errors.InvalidOperation("An Inactive PaymentMethod cannot be the default.");
        }

        JsonObject? token = null;
        if (JsonUtil.OptObject(draft, "token") is { } tokenDraft)
        {
            token = new JsonObject { ["value"] = JsonUtil.ReqString(tokenDraft, "value", "token.value") };
        }

        return new JsonObject
        {
            ["key"] = key,
            ["name"] = JsonUtil.OptLocalizedString(draft, "name"),
            ["customer"] = References.ResolveOptional(context.Store, draft, "customer", "customer"),
            ["businessUnit"] = BusinessUnit(JsonUtil.OptObject(draft, "businessUnit")),
            ["method"] = JsonUtil.OptString(draft, "method"),
            ["paymentInterface"] = JsonUtil.OptString(draft, "paymentInterface"),
            ["interfaceAccount"] = JsonUtil.OptString(draft, "interfaceAccount"),
            ["token"] = token,
            ["paymentMethodStatus"] = status,
            ["default"] = isDefault,
            ["custom"] = context.CustomFields.FromDraft(JsonUtil.OptObject(draft, "custom"), "payment-method"),
        };
    }

    public override void OnCreated(JsonObject resource, ResourceContext context) =>
        context.AddMessage("PaymentMethodCreated", new JsonObject { ["paymentMethod"] = Masked(resource) });

    public override void OnDeleted(JsonObject resource, ResourceContext context) =>
        context.AddMessage("PaymentMethodDeleted", new JsonObject { ["paymentMethod"] = Masked(resource) });

    public override bool Apply(JsonObject method, string action, JsonObject payload, ResourceContext context)
    {
        switch (action)
        {
            case "setKey":
                return SetWithMessage(method, "key", KeyOf(payload), "PaymentMethodKeySet", context);
            case "setName":
                return SetWithMessage(method, "name", JsonUtil.OptLocalizedString(payload, "name"), "PaymentMethodNameSet", context);
            case "setMethod":
                return SetWithMessage(method, "method", Blank(JsonUtil.OptString(payload, "method")), "PaymentMethodMethodSet", context);
            case "setPaymentInterface":
                return SetWithMessage(method, "paymentInterface", Blank(JsonUtil.OptString(payload, "paymentInterface")), "PaymentMethodPaymentInterfaceSet", context);
            case "setInterfaceAccount":
                return SetWithMessage(method, "interfaceAccount", Blank(JsonUtil.OptString(payload, "interfaceAccount")), "PaymentMethodInterfaceAccountSet", context);
            case "setDefault":
                var isDefault = JsonUtil.OptBool(payload, "default") ?? throw Errors.MissingValue("default");
                if (isDefault && (string?)method["paymentMethodStatus"] == "Inactive")
                {
                    throw Errors.InvalidOperation("An Inactive PaymentMethod cannot be set as default.");
                }

                return SetWithMessage(method, "default", isDefault, "PaymentMethodDefaultSet", context);
            case "setPaymentMethodStatus":
                var status = Status(JsonUtil.ReqString(payload, "paymentMethodStatus"));
                if (status == "Inactive" && (bool?)method["default"] == true)
                {
                    throw Errors.InvalidOperation("The default PaymentMethod cannot be set to Inactive.");
                }

                return SetWithMessage(method, "paymentMethodStatus", status, "PaymentMethodPaymentMethodStatusSet", context);
            case "setCustomType":
                if (!context.CustomFields.SetCustomType(method, payload, "payment-method"))
                {
                    return false;
                }

                context.AddMessage(method["custom"] is JsonObject custom ? "PaymentMethodCustomTypeSet" : "PaymentMethodCustomTypeRemoved",
                    method["custom"] is JsonObject set ? new JsonObject { ["customFields"] = set.DeepClone() } : []);
                return true;
            case "setCustomField":
                var name = JsonUtil.ReqString(payload, "name");
                var existed = method["custom"]?["fields"]?[name] is not null;
                if (!context.CustomFields.SetCustomField(method, payload))
                {
                    return false;
                }

                var removed = JsonUtil.IsNull(payload["value"]);
                context.AddMessage(removed ? "PaymentMethodCustomFieldRemoved" : existed ? "PaymentMethodCustomFieldChanged" : "PaymentMethodCustomFieldAdded",
                    new JsonObject { ["name"] = name, ["value"] = removed ? null : method["custom"]!["fields"]![name]!.DeepClone() });
                return true;
            default:
                throw UnknownAction(action);
        }
    }

    public override void AfterCommit(JsonObject resource, ResourceService service, Actor actor)
    {
        if ((bool?)resource["default"] != true)
        {
            return;
        }

        var id = (string)resource["id"]!;
        lock (_defaultsGate)
        {
            // Whoever still holds the default after a race keeps it; the loser finds itself cleared and stops here.
            var self = service.Store.Collection(TypeId).Get(id);
            if (self is null || !self.Body.GetProperty("default").GetBoolean())
            {
                return;
            }

            var owner = Owner(self.Body);
            foreach (var other in service.Store.Collection(TypeId).All())
            {
                if (other.Id == id || !other.Body.GetProperty("default").GetBoolean() || Owner(other.Body) != owner)
                {
                    continue;
                }

                service.SystemUpdate(this, other.Id, actor, (doc, context) =>
                {
                    if ((bool?)doc["default"] != true)
                    {
                        return false;
                    }

                    return SetWithMessage(doc, "default", false, "PaymentMethodDefaultSet", context);
                });
            }
        }
    }

    public static JsonObject Masked(JsonObject resource)
    {
        var copy = (JsonObject)resource.DeepClone();
        if (copy["token"] is JsonObject token)
        {
            token["value"] = PaymentBehavior.MaskValue((string?)token["value"]);
        }

        return copy;
    }

    private static string Owner(JsonElement method)
    {
        var customer = method.TryGetProperty("customer", out var c) ? c.GetProperty("id").GetString() : null;
        var businessUnit = method.TryGetProperty("businessUnit", out var b)
            ? (b.TryGetProperty("id", out var bid) ? bid.GetString() : b.TryGetProperty("key", out var bkey) ? "key:" + bkey.GetString() : null)
            : null;
        return $"{customer}|{businessUnit}";
    }

    private static JsonObject? BusinessUnit(JsonObject? identifier)
    {
        if (identifier is null)
        {
            return null;
        }

        var reference = new JsonObject { ["typeId"] = "business-unit" };
        JsonUtil.Set(reference, "id", JsonUtil.OptString(identifier, "id", "businessUnit.id"));
        JsonUtil.Set(reference, "key", JsonUtil.OptString(identifier, "key", "businessUnit.key"));
        return reference.Count == 1 ? throw Errors.InvalidJsonInput("businessUnit: a ResourceIdentifier needs 'id' or 'key'.") : reference;
    }

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static string Status(string value) =>
        Statuses.Contains(value) ? value : throw Errors.InvalidField("paymentMethodStatus", value, null, ["Active", "Inactive"]);

    private static bool SetWithMessage(JsonObject method, string property, JsonNode? value, string messageType, ResourceContext context)
    {
        var old = method[property]?.DeepClone();
        if (!JsonUtil.SetIfChanged(method, property, value))
        {
            return false;
        }

        var oldProperty = "old" + char.ToUpperInvariant(property[0]) + property[1..];
        context.AddMessage(messageType, new JsonObject { [property] = value?.DeepClone(), [oldProperty] = old });
        return true;
    }
}
