using System.Text.Json.Serialization;
using Connector.Commercetools.Models;

namespace Connector.Commercetools;

/// <summary>
/// Source-generated JSON for orders and subscriptions, with the same options as <see cref="CommercetoolsJsonContext"/>
/// (a separate context: the generator cannot split one context's attributes across partial declarations).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(Order))]
[JsonSerializable(typeof(PagedQueryResponse<Order>))]
[JsonSerializable(typeof(Subscription))]
[JsonSerializable(typeof(SubscriptionDraft))]
[JsonSerializable(typeof(UpdateRequest<SubscriptionUpdateAction>))]
internal sealed partial class CommercetoolsOrdersJsonContext : JsonSerializerContext;
