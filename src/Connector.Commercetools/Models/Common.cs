using System.Text.Json;
using System.Text.Json.Serialization;

namespace Connector.Commercetools.Models;

/// <summary>Money as commercetools sends it (<c>CentPrecisionMoney</c>) and accepts it (<c>Money</c> draft).</summary>
public sealed record TypedMoney
{
    public string? Type { get; init; }

    public required string CurrencyCode { get; init; }

    public required long CentAmount { get; init; }

    public int? FractionDigits { get; init; }
}

/// <summary>A reference or resource identifier: <c>{typeId, id}</c> or <c>{typeId, key}</c>.</summary>
public sealed record Reference
{
    public required string TypeId { get; init; }

    public string? Id { get; init; }

    public string? Key { get; init; }

    /// <summary>The expanded resource, when requested with <c>expand</c>.</summary>
    public JsonElement? Obj { get; init; }

    public static Reference TypeByKey(string key) => new() { TypeId = "type", Key = key };
}

/// <summary>Custom fields: the type and the raw field values.</summary>
public sealed record CustomFields
{
    public required Reference Type { get; init; }

    public Dictionary<string, JsonElement> Fields { get; init; } = [];

    /// <summary>The value of a String field, or null when absent or JSON null.</summary>
    public string? GetString(string name) =>
        Fields.TryGetValue(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public bool Has(string name) => Fields.TryGetValue(name, out var v) && v.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined);
}

/// <summary>Custom fields draft for <c>setCustomType</c> and resource drafts.</summary>
public sealed record CustomFieldsDraft
{
    public required Reference Type { get; init; }

    public Dictionary<string, JsonElement>? Fields { get; init; }
}

/// <summary>A page of query results.</summary>
public sealed record PagedQueryResponse<T>
{
    public int Limit { get; init; }

    public int Offset { get; init; }

    public int Count { get; init; }

    public long? Total { get; init; }

    public List<T> Results { get; init; } = [];
}

/// <summary><c>{version, actions}</c> body of an update request.</summary>
public sealed record UpdateRequest<TAction>(long Version, IReadOnlyList<TAction> Actions);

/// <summary>The commercetools error envelope.</summary>
public sealed record ErrorResponse
{
    public int StatusCode { get; init; }

    public string? Message { get; init; }

    public List<ErrorObject> Errors { get; init; } = [];
}

/// <summary>One entry of <c>errors[]</c>.</summary>
public sealed record ErrorObject
{
    public string Code { get; init; } = "";

    public string Message { get; init; } = "";

    public long? CurrentVersion { get; init; }
}

/// <summary>OAuth token response of the commercetools auth API.</summary>
public sealed record TokenResponse
{
    [JsonPropertyName("access_token")]
    public string AccessToken { get; init; } = "";

    [JsonPropertyName("token_type")]
    public string? TokenType { get; init; }

    [JsonPropertyName("expires_in")]
    public long ExpiresIn { get; init; }

    [JsonPropertyName("scope")]
    public string? Scope { get; init; }
}
