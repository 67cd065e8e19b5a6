using Connector.Commercetools;
using Connector.PayPal;
using Connector.Service.Configuration;
using Connector.Service.Settings;
using Microsoft.Extensions.Options;
using Connector.Service.ApiExtension.Operations;

namespace Connector.Service.ApiExtension;

/// <summary>What operations need, bundled so each operation takes one dependency.</summary>
internal sealed class OperationServices(
    PayPalClient payPal,
    PayPalTokenService payPalTokens,
    CommercetoolsClient commercetools,
    SettingsProvider settings,
    IOptions<ConnectorOptions> options,
    TimeProvider timeProvider)
{
    public PayPalClient PayPal { get; } = payPal;

    public PayPalTokenService PayPalTokens { get; } = payPalTokens;

    public CommercetoolsClient Commercetools { get; } = commercetools;

    public SettingsProvider Settings { get; } = settings;

    public ConnectorOptions Options => options.Value;

    public TimeProvider Time { get; } = timeProvider;
}
