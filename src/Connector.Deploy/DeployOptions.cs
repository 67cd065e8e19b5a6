using System.ComponentModel.DataAnnotations;
using Connector.Domain.Contract;
using Microsoft.Extensions.Options;

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
    [StringLength(int.MaxValue, MinimumLength = 16)] // MinLength reads Count by reflection: not trim-safe
    public string ExtensionAuthorization { get; set; } = "";

    public string PaymentTypeKey { get; set; } = ConnectorContract.DefaultPaymentTypeKey;

    public string CustomerTypeKey { get; set; } = ConnectorContract.DefaultCustomerTypeKey;

    public string InteractionTypeKey { get; set; } = ConnectorContract.DefaultInteractionTypeKey;

    [Range(500, 10000)]
    public int PaymentExtensionTimeoutMs { get; set; } = 10000;

    [Range(500, 10000)]
    public int CustomerExtensionTimeoutMs { get; set; } = 2000;

    /// <summary>Google Cloud project of the Pub/Sub topic the parcel subscription publishes to (<c>CONNECT_GCP_PROJECT_ID</c>).</summary>
    public string? GcpProjectId { get; set; }

    /// <summary>Pub/Sub topic whose push subscription calls <c>{PublicUrl}/paypal-commercetools-events</c> (<c>CONNECT_GCP_TOPIC_NAME</c>).</summary>
    public string? GcpTopicName { get; set; }

    public Uri ExtensionUrl => new(PublicUrl.TrimEnd('/') + "/paypal-commercetools-extension");

    /// <summary>Where PayPal delivers webhooks.</summary>
    public Uri WebhookUrl => new(PublicUrl.TrimEnd('/') + "/paypal-webhooks");
}

/// <summary>The data-annotation checks of <see cref="DeployOptions"/>, generated at compile time (trim- and AOT-safe).</summary>
[OptionsValidator]
internal sealed partial class DeployOptionsValidator : IValidateOptions<DeployOptions>;
