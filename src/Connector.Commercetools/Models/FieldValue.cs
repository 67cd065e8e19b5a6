using System.Text.Json;
using System.Text.Json.Serialization;

namespace Connector.Commercetools.Models;

/// <summary>
/// A custom field value in an update action: either a string the connector produced (a response field, interaction data:
/// often kilobytes of JSON text) or any JSON value. Strings are written once, escaped straight from the string, instead of
/// being escaped into a JSON document, validated, unescaped and escaped again on the way out.
/// </summary>
[JsonConverter(typeof(FieldValueConverter))]
public readonly struct FieldValue
{
    private readonly string? _text;
    private readonly JsonElement _json;

    private FieldValue(string? text, JsonElement json)
    {
        _text = text;
        _json = json;
    }

    /// <summary>A String field value.</summary>
    public static FieldValue String(string value) => new(value ?? throw new ArgumentNullException(nameof(value)), default);

    /// <summary>Any JSON value.</summary>
    public static implicit operator FieldValue(JsonElement json) => new(null, json);

    public JsonValueKind ValueKind => _text is not null ? JsonValueKind.String : _json.ValueKind;

    /// <summary>The string, for a String value; null otherwise.</summary>
    public string? GetString() => _text ?? (_json.ValueKind == JsonValueKind.String ? _json.GetString() : null);

    /// <summary>The value as a JSON element.</summary>
    public JsonElement ToElement() => _text is not null ? JsonSerializer.SerializeToElement(_text, CommercetoolsJsonContext.Default.String) : _json;

    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (_text is not null)
        {
            writer.WriteStringValue(_text);
        }
        else
        {
            _json.WriteTo(writer);
        }
    }

    public override string ToString() => _text ?? _json.GetRawText();
}

/// <summary>Writes a <see cref="FieldValue"/> as its JSON value; reads any JSON value.</summary>
internal sealed class FieldValueConverter : JsonConverter<FieldValue>
{
    public override FieldValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => JsonElement.ParseValue(ref reader);

    public override void Write(Utf8JsonWriter writer, FieldValue value, JsonSerializerOptions options) => value.WriteTo(writer);
}
