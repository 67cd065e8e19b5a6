using System.Text.Json;
using System.Text.Json.Nodes;

namespace Emulator.Commercetools.Infrastructure;

/// <summary>BaseAddress drafts: <c>country</c> (ISO 3166 alpha-2) plus optional string fields.</summary>
internal static class Addresses
{
    private static readonly string[] StringFields =
    [
        "key", "title", "salutation", "firstName", "lastName", "streetName", "streetNumber", "additionalStreetInfo", "postalCode", "city",
        "region", "state", "company", "department", "building", "apartment", "pOBox", "phone", "mobile", "email", "fax",
        "additionalAddressInfo", "externalId",
    ];

    public static JsonObject FromDraft(JsonObject draft, string path, bool assignId)
    {
        var country = JsonUtil.ReqString(draft, "country", path + ".country");
        if (country.Length != 2 || !country.All(char.IsAsciiLetterUpper))
        {
            throw Errors.InvalidField(path + ".country", country, $"The value '{country}' is not valid for field '{path}.country'. Expected a two-letter ISO 3166 country code.");
        }

        var address = new JsonObject();
        if (assignId)
        {
            address["id"] = JsonUtil.OptString(draft, "id", path + ".id") ?? Guid.NewGuid().ToString("N")[..8];
        }

        foreach (var field in StringFields)
        {
            JsonUtil.Set(address, field, JsonUtil.OptString(draft, field, $"{path}.{field}"));
        }

        address["country"] = country;
        if (draft["custom"] is JsonObject custom)
        {
            address["custom"] = custom.DeepClone();
        }

        return address;
    }

    public static JsonObject? OptFromDraft(JsonObject owner, string property, bool assignId = false)
    {
        var draft = JsonUtil.OptObject(owner, property);
        return draft is null ? null : FromDraft(draft, property, assignId);
    }

    public static string? Country(JsonElement address) =>
        address.ValueKind == JsonValueKind.Object && address.TryGetProperty("country", out var c) ? c.GetString() : null;
}
