using System.Text.Json;
using System.Text.Json.Nodes;
using Emulator.Commercetools.Infrastructure;
using Emulator.Commercetools.Store;

namespace Emulator.Commercetools.Customers;

/// <summary>Customers. The password is stored as a PBKDF2 hash, never in clear text.</summary>
internal sealed class CustomerBehavior : ResourceBehavior
{
    public override string TypeId => "customer";

    public override string? ExtensionTypeId => "customer";

    public override JsonObject CreateFromDraft(JsonObject draft, ResourceContext context)
    {
        var email = JsonUtil.ReqString(draft, "email");
        var key = KeyOf(draft);
        var mode = JsonUtil.OptString(draft, "authenticationMode") ?? "Password";
        if (mode is not ("Password" or "ExternalAuth"))
        {
            throw Errors.InvalidField("authenticationMode", mode, null, ["Password", "ExternalAuth"]);
        }

        var password = JsonUtil.OptString(draft, "password");
        if (mode == "Password" && string.IsNullOrEmpty(password))
        {
            throw Errors.RequiredField("password");
        }

        var addresses = JsonUtil.ReadObjects(draft, "addresses", a => Addresses.FromDraft(a, "addresses", assignId: true));
        var customer = new JsonObject
        {
            ["key"] = key,
            ["customerNumber"] = JsonUtil.OptString(draft, "customerNumber"),
            ["externalId"] = JsonUtil.OptString(draft, "externalId"),
            ["email"] = email,
            ["password"] = password is null ? null : PasswordHasher.Hash(password),
            ["firstName"] = JsonUtil.OptString(draft, "firstName"),
            ["lastName"] = JsonUtil.OptString(draft, "lastName"),
            ["middleName"] = JsonUtil.OptString(draft, "middleName"),
            ["title"] = JsonUtil.OptString(draft, "title"),
            ["salutation"] = JsonUtil.OptString(draft, "salutation"),
            ["dateOfBirth"] = JsonUtil.OptString(draft, "dateOfBirth"),
            ["companyName"] = JsonUtil.OptString(draft, "companyName"),
            ["vatId"] = JsonUtil.OptString(draft, "vatId"),
            ["addresses"] = addresses,
            ["shippingAddressIds"] = new JsonArray(),
            ["billingAddressIds"] = new JsonArray(),
            ["isEmailVerified"] = JsonUtil.OptBool(draft, "isEmailVerified") ?? false,
            ["custom"] = context.CustomFields.FromDraft(JsonUtil.OptObject(draft, "custom"), "customer"),
            ["locale"] = JsonUtil.OptString(draft, "locale"),
            ["stores"] = new JsonArray(),
            ["authenticationMode"] = mode,
        };
        SetDefaultByIndex(customer, draft, "defaultShippingAddress", "defaultShippingAddressId", "shippingAddressIds");
        SetDefaultByIndex(customer, draft, "defaultBillingAddress", "defaultBillingAddressId", "billingAddressIds");
        return customer;
    }

    public override void OnCreated(JsonObject resource, ResourceContext context) =>
        context.AddMessage("CustomerCreated", new JsonObject { ["customer"] = resource.DeepClone() });

    /// <summary>Emails are unique ignoring case.</summary>
    private static readonly IndexDefinition EmailIndex = new("customer-email", body => body.TryGetProperty("email", out var e) && e.GetString() is { } s ? [s] : [],
        StringComparer.OrdinalIgnoreCase);

    public override void ValidateCommit(JsonObject resource, ResourceCollection collection)
    {
        var email = (string?)resource["email"];
        if (email is not null && collection.WithIndexKey(EmailIndex, email).Any(o => o.Id != (string?)resource["id"]))
        {
            throw new CtException(400, Errors.Error("DuplicateField", "There is already an existing customer with the provided email.",
                new JsonObject { ["field"] = "email", ["duplicateValue"] = email }));
        }
    }

    public override bool Apply(JsonObject customer, string action, JsonObject payload, ResourceContext context)
    {
        switch (action)
        {
            case "changeEmail":
                var email = JsonUtil.ReqString(payload, "email");
                if (!JsonUtil.SetIfChanged(customer, "email", email))
                {
                    return false;
                }

                customer["isEmailVerified"] = false;
                context.AddMessage("CustomerEmailChanged", new JsonObject { ["email"] = email });
                return true;
            case "setFirstName":
                return SetWithMessage(customer, "firstName", JsonUtil.OptString(payload, "firstName"), "CustomerFirstNameSet", context);
            case "setLastName":
                return SetWithMessage(customer, "lastName", JsonUtil.OptString(payload, "lastName"), "CustomerLastNameSet", context);
            case "setMiddleName":
            case "setTitle":
            case "setSalutation":
            case "setCompanyName":
            case "setDateOfBirth":
            case "setVatId":
            case "setLocale":
            case "setExternalId":
            case "setCustomerNumber":
                var field = char.ToLowerInvariant(action[3]) + action[4..];
                return JsonUtil.SetIfChanged(customer, field, JsonUtil.OptString(payload, field));
            case "setKey":
                return SetKey(customer, payload);
            case "setCustomType":
                return context.CustomFields.SetCustomType(customer, payload, "customer");
            case "setCustomField":
                return context.CustomFields.SetCustomField(customer, payload);
            case "setAuthenticationMode":
                var mode = JsonUtil.ReqString(payload, "authMode");
                if (mode == "Password")
                {
                    var password = JsonUtil.OptString(payload, "password") ?? throw Errors.RequiredField("password");
                    customer["password"] = PasswordHasher.Hash(password);
                }
                else
                {
                    customer.Remove("password");
                }

                return JsonUtil.SetIfChanged(customer, "authenticationMode", mode) || mode == "Password";
            case "addAddress":
                var address = Addresses.FromDraft(JsonUtil.ReqObject(payload, "address"), "address", assignId: true);
                ((JsonArray)customer["addresses"]!).Add(address);
                context.AddMessage("CustomerAddressAdded", new JsonObject { ["address"] = address.DeepClone() });
                return true;
            case "changeAddress":
                var existing = FindAddress(customer, payload);
                var changed = Addresses.FromDraft(JsonUtil.ReqObject(payload, "address"), "address", assignId: false);
                changed["id"] = existing["id"]!.DeepClone();
                var addresses = (JsonArray)customer["addresses"]!;
                var index = addresses.IndexOf(existing);
                if (JsonNode.DeepEquals(existing, changed))
                {
                    return false;
                }

                addresses[index] = changed;
                context.AddMessage("CustomerAddressChanged", new JsonObject { ["address"] = changed.DeepClone() });
                return true;
            case "removeAddress":
                var removed = FindAddress(customer, payload);
                var id = (string)removed["id"]!;
                ((JsonArray)customer["addresses"]!).Remove(removed);
                RemoveId(customer, "shippingAddressIds", id);
                RemoveId(customer, "billingAddressIds", id);
                if ((string?)customer["defaultShippingAddressId"] == id)
                {
                    customer.Remove("defaultShippingAddressId");
                }

                if ((string?)customer["defaultBillingAddressId"] == id)
                {
                    customer.Remove("defaultBillingAddressId");
                }

                context.AddMessage("CustomerAddressRemoved", new JsonObject { ["address"] = removed.DeepClone() });
                return true;
            case "setDefaultShippingAddress":
                return SetDefault(customer, payload, "defaultShippingAddressId", "shippingAddressIds");
            case "setDefaultBillingAddress":
                return SetDefault(customer, payload, "defaultBillingAddressId", "billingAddressIds");
            case "addShippingAddressId":
                return AddId(customer, (string)FindAddress(customer, payload)["id"]!, "shippingAddressIds");
            case "addBillingAddressId":
                return AddId(customer, (string)FindAddress(customer, payload)["id"]!, "billingAddressIds");
            case "removeShippingAddressId":
                return RemoveAddressId(customer, (string)FindAddress(customer, payload)["id"]!, "shippingAddressIds", "defaultShippingAddressId");
            case "removeBillingAddressId":
                return RemoveAddressId(customer, (string)FindAddress(customer, payload)["id"]!, "billingAddressIds", "defaultBillingAddressId");
            default:
                throw UnknownAction(action);
        }
    }

    private static bool SetWithMessage(JsonObject customer, string field, string? value, string messageType, ResourceContext context)
    {
        if (!JsonUtil.SetIfChanged(customer, field, value))
        {
            return false;
        }

        context.AddMessage(messageType, new JsonObject { [field] = value });
        return true;
    }

    private static JsonObject FindAddress(JsonObject customer, JsonObject payload)
    {
        var id = JsonUtil.OptString(payload, "addressId");
        var key = JsonUtil.OptString(payload, "addressKey");
        return ((JsonArray)customer["addresses"]!).OfType<JsonObject>()
            .FirstOrDefault(a => (id is not null && (string?)a["id"] == id) || (key is not null && (string?)a["key"] == key))
            ?? throw Errors.InvalidOperation($"The customer does not have an address with {(id is not null ? $"id '{id}'" : $"key '{key}'")}.");
    }

    private static bool SetDefault(JsonObject customer, JsonObject payload, string property, string listProperty)
    {
        if (payload["addressId"] is null && payload["addressKey"] is null)
        {
            return customer.Remove(property);
        }

        var id = (string)FindAddress(customer, payload)["id"]!;
        AddId(customer, id, listProperty);
        return JsonUtil.SetIfChanged(customer, property, id);
    }

    private static bool AddId(JsonObject customer, string id, string listProperty)
    {
        var list = customer[listProperty] as JsonArray ?? [];
        customer[listProperty] = list;
        if (list.Any(i => (string?)i == id))
        {
            return false;
        }

        list.Add(id);
        return true;
    }

    private static bool RemoveId(JsonObject customer, string listProperty, string id)
    {
        if (customer[listProperty] is JsonArray list && list.FirstOrDefault(i => (string?)i == id) is { } node)
        {
            return list.Remove(node);
        }

        return false;
    }

    /// <summary>Removes an address from the shipping/billing list; a default pointing at it is unset as well.</summary>
    private static bool RemoveAddressId(JsonObject customer, string id, string listProperty, string defaultProperty)
    {
        var removed = RemoveId(customer, listProperty, id);
        if ((string?)customer[defaultProperty] == id)
        {
            customer.Remove(defaultProperty);
            removed = true;
        }

        return removed;
    }

    private static void SetDefaultByIndex(JsonObject customer, JsonObject draft, string indexProperty, string property, string listProperty)
    {
        var index = JsonUtil.OptLong(draft, indexProperty);
        if (index is null)
        {
            return;
        }

        var addresses = (JsonArray)customer["addresses"]!;
        if (index < 0 || index >= addresses.Count)
        {
            throw Errors.InvalidInput($"{indexProperty}: no address at index {index}.");
        }

        var id = (string)addresses[(int)index]!["id"]!;
        customer[property] = id;
        AddId(customer, id, listProperty);
    }

    public static JsonElement? FindByEmail(ResourceStore store, string email) =>
        store.Collection("customer").WithIndexKey(EmailIndex, email).Select(r => (JsonElement?)r.Body).FirstOrDefault();
}
