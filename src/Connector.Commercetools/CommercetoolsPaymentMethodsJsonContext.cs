using System.Text.Json.Serialization;
using Connector.Commercetools.Models;

namespace Connector.Commercetools;

/// <summary>
/// Source-generated JSON for PaymentMethods and customer queries, with the same options as
/// <see cref="CommercetoolsJsonContext"/>. A separate context because the System.Text.Json generator cannot split one
/// context's <c>[JsonSerializable]</c> attributes across partial declarations (dotnet/runtime#99669).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(PaymentMethod))]
[JsonSerializable(typeof(PaymentMethodDraft))]
[JsonSerializable(typeof(PagedQueryResponse<PaymentMethod>))]
[JsonSerializable(typeof(UpdateRequest<PaymentMethodUpdateAction>))]
[JsonSerializable(typeof(PagedQueryResponse<Customer>))]
internal sealed partial class CommercetoolsPaymentMethodsJsonContext : JsonSerializerContext;
