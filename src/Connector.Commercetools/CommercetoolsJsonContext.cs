using System.Text.Json;
using System.Text.Json.Serialization;
using Connector.Commercetools.Models;

namespace Connector.Commercetools;

/// <summary>Source-generated JSON for the commercetools wire models (camelCase, nulls omitted).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(Payment))]
[JsonSerializable(typeof(List<CustomFields>))]
[JsonSerializable(typeof(PaymentDraft))]
[JsonSerializable(typeof(PagedQueryResponse<Payment>))]
[JsonSerializable(typeof(UpdateRequest<UpdateAction>))]
[JsonSerializable(typeof(List<UpdateAction>))]
[JsonSerializable(typeof(Cart))]
[JsonSerializable(typeof(PagedQueryResponse<Cart>))]
[JsonSerializable(typeof(CtType))]
[JsonSerializable(typeof(TypeDraft))]
[JsonSerializable(typeof(PagedQueryResponse<CtType>))]
[JsonSerializable(typeof(UpdateRequest<TypeUpdateAction>))]
[JsonSerializable(typeof(Extension))]
[JsonSerializable(typeof(ExtensionDraft))]
[JsonSerializable(typeof(PagedQueryResponse<Extension>))]
[JsonSerializable(typeof(UpdateRequest<ExtensionUpdateAction>))]
[JsonSerializable(typeof(CustomObject))]
[JsonSerializable(typeof(PagedQueryResponse<CustomObject>))]
[JsonSerializable(typeof(CustomObjectDraft))]
[JsonSerializable(typeof(Customer))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(ExtensionInput))]
[JsonSerializable(typeof(ExtensionUpdateResponse))]
[JsonSerializable(typeof(ExtensionErrorResponse))]
public sealed partial class CommercetoolsJsonContext : JsonSerializerContext;
