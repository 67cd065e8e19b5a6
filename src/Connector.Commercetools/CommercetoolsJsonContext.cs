using System.Text.Json;
using System.Text.Json.Serialization;
using Connector.Commercetools.Models;

namespace Connector.Commercetools;

/// <summary>
/// Source-generated JSON for every commercetools wire model (camelCase, nulls omitted): one context, so the options are
/// written once and every type is read and written the same way.
/// </summary>
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
[JsonSerializable(typeof(Order))]
[JsonSerializable(typeof(PagedQueryResponse<Order>))]
[JsonSerializable(typeof(Subscription))]
[JsonSerializable(typeof(SubscriptionDraft))]
[JsonSerializable(typeof(PagedQueryResponse<Subscription>))]
[JsonSerializable(typeof(UpdateRequest<SubscriptionUpdateAction>))]
[JsonSerializable(typeof(PaymentMethod))]
[JsonSerializable(typeof(PaymentMethodDraft))]
[JsonSerializable(typeof(PagedQueryResponse<PaymentMethod>))]
[JsonSerializable(typeof(UpdateRequest<PaymentMethodUpdateAction>))]
[JsonSerializable(typeof(PagedQueryResponse<Customer>))]
public sealed partial class CommercetoolsJsonContext : JsonSerializerContext;
