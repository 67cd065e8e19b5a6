using System.Text.Json;
using System.Text.Json.Serialization;
using Connector.Domain.Tokens;

namespace Connector.Commercetools.Models;

/// <summary>Money as commercetools sends it (<c>CentPrecisionMoney</c>) and accepts it (<c>Money</c> draft).</summary>
public sealed record TypedMoney
{
    public string? Type { get; set; }

    [JsonRequired]
    public string CurrencyCode { get; set; } = null!;

    [JsonRequired]
    public long CentAmount { get; set; }

    public int? FractionDigits { get; set; }
}

/// <summary>A reference or resource identifier: <c>{typeId, id}</c> or <c>{typeId, key}</c>.</summary>
public sealed record Reference
{
    [JsonRequired]
    public string TypeId { get; set; } = null!;

    public string? Id { get; set; }

    public string? Key { get; set; }

    /// <summary>The expanded resource, when requested with <c>expand</c>.</summary>
    public JsonElement? Obj { get; set; }

    public static Reference TypeByKey(string key) => new() { TypeId = "type", Key = key };
}

/// <summary>Custom fields: the type and the raw field values.</summary>
public sealed record CustomFields
{
    [JsonRequired]
    public Reference Type { get; set; } = null!;

    [JsonConverter(typeof(FieldValuesConverter))]
    public Dictionary<string, JsonElement> Fields { get; set; } = [];

    /// <summary>The value of a String field, or null when absent or JSON null.</summary>
    public string? GetString(string name) =>
        Fields.TryGetValue(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public bool Has(string name) => Fields.TryGetValue(name, out var v) && v.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined);
}

/// <summary>Custom fields draft for <c>setCustomType</c> and resource drafts.</summary>
public sealed record CustomFieldsDraft
{
    [JsonRequired]
    public Reference Type { get; set; } = null!;

    public Dictionary<string, JsonElement>? Fields { get; set; }
}

/// <summary>A page of query results.</summary>
public sealed record PagedQueryResponse<T>
{
    public int Limit { get; set; }

    public int Offset { get; set; }

    public int Count { get; set; }

    public long? Total { get; set; }

    public List<T> Results { get; set; } = [];
}

/// <summary><c>{version, actions}</c> body of an update request.</summary>
public sealed record UpdateRequest<TAction>(long Version, IReadOnlyList<TAction> Actions);

/// <summary>The commercetools error envelope.</summary>
public sealed record ErrorResponse
{
    public int StatusCode { get; set; }

    public string? Message { get; set; }

    public List<ErrorObject> Errors { get; set; } = [];
}

/// <summary>One entry of <c>errors[]</c>.</summary>
public sealed record ErrorObject
{
    public string Code { get; set; } = "";

    public string Message { get; set; } = "";

    public long? CurrentVersion { get; set; }
}

/// <summary>A stored commercetools resource: updated and deleted by id at its current version.</summary>
public interface IVersionedResource
{
    string Id { get; }

    long Version { get; }
}

/// <summary>OAuth token response of the commercetools auth API.</summary>
public sealed record TokenResponse : IAccessTokenResponse
{
    [JsonPropertyName("access_token")]
    public string AccessToken { get; set; } = "";

    [JsonPropertyName("token_type")]
    public string? TokenType { get; set; }

    [JsonPropertyName("expires_in")]
    public long ExpiresIn { get; set; }

    [JsonPropertyName("scope")]
    public string? Scope { get; set; }
}

/// <summary>
/// Reads a custom fields object as one JSON document whose property values become the dictionary's values, instead of a
/// separate document (a copy of its bytes and its own index) per field; writes it back as an object.
/// </summary>
internal sealed class FieldValuesConverter : JsonConverter<Dictionary<string, JsonElement>>
{
    public override Dictionary<string, JsonElement>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("custom.fields must be an object.");
        }

        var fields = new Dictionary<string, JsonElement>();
        foreach (var property in JsonElement.ParseValue(ref reader).EnumerateObject())
        {
            fields[property.Name] = property.Value;
        }

        return fields;
    }

    public override void Write(Utf8JsonWriter writer, Dictionary<string, JsonElement> value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (name, field) in value)
        {
            writer.WritePropertyName(name);
            field.WriteTo(writer);
        }

        writer.WriteEndObject();
    }
}
