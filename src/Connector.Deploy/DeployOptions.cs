using System.ComponentModel.DataAnnotations;
using Connector.Domain.Contract;

namespace Connector.Deploy;

/// <summary>What deploy registers. Bound from the <c>Connector</c> section (same variables as the service).</summary>
public sealed class DeployOptions
{
    /// <summary>The connector's public base URL; the extension points at <c>{PublicUrl}/paypal-commercetools-extension</c>.</summary>
    [Required]
    [Url]
    public string PublicUrl { get; set; } = "";

    /// <summary>The <c>Authorization</c> header value commercetools must send to the extension.</summary>
    [Required]
    [MinLength(16)]
    public string ExtensionAuthorization { get; set; } = "";

    public string PaymentTypeKey { get; set; } = ConnectorContract.DefaultPaymentTypeKey;

    public string CustomerTypeKey { get; set; } = ConnectorContract.DefaultCustomerTypeKey;

    public string InteractionTypeKey { get; set; } = ConnectorContract.DefaultInteractionTypeKey;

    [Range(500, 10000)]
    public int PaymentExtensionTimeoutMs { get; set; } = 10000;

    [Range(500, 10000)]
    public int CustomerExtensionTimeoutMs { get; set; } = 2000;

    public Uri ExtensionUrl => new(PublicUrl.TrimEnd('/') + "/paypal-commercetools-extension");
}
