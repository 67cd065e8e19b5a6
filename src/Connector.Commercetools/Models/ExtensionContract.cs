using System.Text.Json;
using System.Text.Json.Serialization;

namespace Connector.Commercetools.Models;

/// <summary>What commercetools POSTs to an API extension: <c>{action, resource:{typeId, id, obj}}</c>.</summary>
public sealed record ExtensionInput
{
    // Settable rather than init-only: the generated reader then uses the plain object converter.
    public string? Action { get; set; }

    public ExtensionResource? Resource { get; set; }
}

/// <summary>
/// The resource of an extension call. A payment or customer <c>obj</c> that follows its <c>typeId</c> (as commercetools
/// sends it) is read straight into <see cref="Payment"/> or <see cref="Customer"/> from the request body; anything else,
/// or an <c>obj</c> that does not read as that type, is kept as <see cref="Obj"/> for the caller to judge.
/// </summary>
[JsonConverter(typeof(ExtensionResourceConverter))]
public sealed record ExtensionResource
{
    public string? TypeId { get; init; }

    public string? Id { get; init; }

    /// <summary>The resource as JSON, when it was not read as a typed resource.</summary>
    public JsonElement? Obj { get; init; }

    /// <summary>The resource read as a payment (<c>typeId</c> <c>payment</c>).</summary>
    [JsonIgnore]
    public Payment? Payment { get; init; }

    /// <summary>The resource read as a customer (<c>typeId</c> <c>customer</c>).</summary>
    [JsonIgnore]
    public Customer? Customer { get; init; }
}

/// <summary>Reads <see cref="ExtensionResource"/> in one pass over the body (no intermediate document of the whole resource).</summary>
internal sealed class ExtensionResourceConverter : JsonConverter<ExtensionResource>
{
    public override ExtensionResource? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("resource must be an object.");
        }

        string? typeId = null, id = null;
        JsonElement? obj = null;
        Payment? payment = null;
        Customer? customer = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "typeId":
                    typeId = reader.TokenType == JsonTokenType.String ? reader.GetString() : throw new JsonException("resource.typeId must be a string.");
                    break;
                case "id":
                    id = reader.TokenType == JsonTokenType.String ? reader.GetString() : throw new JsonException("resource.id must be a string.");
                    break;
                case "obj" when reader.TokenType == JsonTokenType.StartObject && typeId is "payment" or "customer":
                    var start = reader;
                    try
                    {
                        if (typeId == "payment")
                        {
                            payment = JsonSerializer.Deserialize(ref reader, CommercetoolsJsonContext.Default.Payment);
                        }
                        else
                        {
                            customer = JsonSerializer.Deserialize(ref reader, CommercetoolsJsonContext.Default.Customer);
                        }
                    }
                    catch (JsonException)
                    {
                        // Valid JSON that is not a valid payment/customer: keep it as JSON, the dispatcher says why.
                        reader = start;
                        obj = JsonElement.ParseValue(ref reader);
                    }

                    break;
                case "obj":
                    obj = JsonElement.ParseValue(ref reader);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return new ExtensionResource { TypeId = typeId, Id = id, Obj = obj, Payment = payment, Customer = customer };
    }

    public override void Write(Utf8JsonWriter writer, ExtensionResource value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        if (value.TypeId is not null)
        {
            writer.WriteString("typeId", value.TypeId);
        }

        if (value.Id is not null)
        {
            writer.WriteString("id", value.Id);
        }

        if (value.Payment is not null)
        {
            writer.WritePropertyName("obj");
            JsonSerializer.Serialize(writer, value.Payment, CommercetoolsJsonContext.Default.Payment);
        }
        else if (value.Customer is not null)
        {
            writer.WritePropertyName("obj");
            JsonSerializer.Serialize(writer, value.Customer, CommercetoolsJsonContext.Default.Customer);
        }
        else if (value.Obj is { } obj)
        {
            writer.WritePropertyName("obj");
            obj.WriteTo(writer);
        }

        writer.WriteEndObject();
    }
}

/// <summary>An extension's successful answer: update actions for commercetools to apply.</summary>
public sealed record ExtensionUpdateResponse(IReadOnlyList<UpdateAction> Actions);

/// <summary>An extension's validation failure: commercetools rejects the caller's update with these errors.</summary>
public sealed record ExtensionErrorResponse(IReadOnlyList<ExtensionError> Errors);

public sealed record ExtensionError(string Code, string Message);
