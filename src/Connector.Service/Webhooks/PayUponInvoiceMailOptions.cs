using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Connector.Service.Webhooks;

/// <summary>
/// SMTP for the Pay Upon Invoice e-mail (section <c>PayUponInvoiceMail</c>). Subject and text come from the settings object
/// (<c>payUponInvoiceMailSubject</c>, <c>payUponInvoiceMailEmailText</c>); without <see cref="SmtpHost"/> no mail is sent.
/// </summary>
public sealed class PayUponInvoiceMailOptions
{
    public const string SectionName = "PayUponInvoiceMail";

    /// <summary>SMTP server; unset disables the e-mail.</summary>
    public string? SmtpHost { get; set; }

    [Range(1, 65535)]
    public int SmtpPort { get; set; } = 25;

    /// <summary>STARTTLS.</summary>
    public bool EnableSsl { get; set; }

    public string? UserName { get; set; }

    /// <summary>Never logged.</summary>
    public string? Password { get; set; }

    /// <summary>Sender address.</summary>
    public string From { get; set; } = "noreply@example.com";
}

/// <summary>The data-annotation checks of <see cref="PayUponInvoiceMailOptions"/>, generated at compile time (trim- and AOT-safe).</summary>
[OptionsValidator]
internal sealed partial class PayUponInvoiceMailOptionsValidator : IValidateOptions<PayUponInvoiceMailOptions>;
