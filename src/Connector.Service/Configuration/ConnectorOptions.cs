using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Connector.Service.Configuration;

/// <summary>The connector's own settings (section <c>Connector</c>; flat variables listed in the README).</summary>
public sealed class ConnectorOptions
{
    public const string SectionName = "Connector";

    /// <summary>
    /// The exact <c>Authorization</c> header value commercetools sends to the extension endpoint; deploy registers
    /// the same value on the extension destination (<c>CONNECTOR_EXTENSION_AUTHORIZATION</c>).
    /// </summary>
    [Required]
    [StringLength(int.MaxValue, MinimumLength = 16)] // MinLength reads Count by reflection: not trim-safe
    public string ExtensionAuthorization { get; set; } = "";

    /// <summary>Key of the payment custom type (<c>PAYMENT_TYPE_KEY</c>).</summary>
    [Required]
    public string PaymentTypeKey { get; set; } = "paypal-payment-type";

    /// <summary>Key of the customer custom type (<c>CUSTOMER_TYPE_KEY</c>).</summary>
    [Required]
    public string CustomerTypeKey { get; set; } = "paypal-customer-type";

    /// <summary>Key of the interface-interaction custom type (<c>PAYMENT_INTERACTION_TYPE_KEY</c>).</summary>
    [Required]
    public string InteractionTypeKey { get; set; } = "paypal-payment-interaction-type";

    /// <summary>commercetools waits this long for the payment extension (ms); upstream calls are budgeted inside it.</summary>
    [Range(500, 10000)]
    public int PaymentExtensionTimeoutMs { get; set; } = 10000;

    /// <summary>commercetools waits this long for the customer extension (ms).</summary>
    [Range(500, 10000)]
    public int CustomerExtensionTimeoutMs { get; set; } = 2000;

    /// <summary>How long the settings custom object is cached (seconds); an edit shows within this time.</summary>
    [Range(0, 3600)]
    public int SettingsCacheSeconds { get; set; } = 30;

    /// <summary>The connector's public base URL (for deploy: extension and webhook URLs).</summary>
    public string? PublicUrl { get; set; }
}

/// <summary>The data-annotation checks of <see cref="ConnectorOptions"/>, generated at compile time (trim- and AOT-safe).</summary>
[OptionsValidator]
internal sealed partial class ConnectorOptionsValidator : IValidateOptions<ConnectorOptions>;
