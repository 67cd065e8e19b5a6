using System.Net;
using System.Net.Mail;
using System.Text.Json.Nodes;
using Connector.Commercetools;
using Connector.PayPal;
using Connector.Service.Settings;
using Microsoft.Extensions.Options;

namespace Connector.Service.Webhooks;

/// <summary>
/// Sends the Pay Upon Invoice e-mail (bank details and payment reference) when a PUI order's capture completes. Called
/// only by the delivery whose update recorded the Charge as successful, so each capture gets one mail; a failed send is
/// logged and not retried (at most once: a repeated invoice mail confuses buyers more than a missing one, which support resends).
/// </summary>
internal sealed partial class PayUponInvoiceMailer(
    IOptionsMonitor<PayUponInvoiceMailOptions> options,
    PayPalClient payPal,
    CommercetoolsClient commercetools,
    SettingsProvider settings,
    ILogger<PayUponInvoiceMailer> logger)
{
    internal const string FallbackText =
        "Bitte überweisen Sie den Betrag von ##price## an folgendes Konto!\n" +
        "Verwendungszweck: ##payment_reference##\n" +
        "BIC: ##bic##\n" +
        "Bank Name: ##bank_name##\n" +
        "IBAN: ##iban##\n" +
        "Kontoinhaber: ##account_holder_name##\n" +
        "Instructions: ##customer_service_instructions##";

    public async Task SendIfPayUponInvoiceAsync(string paymentId, string payPalOrderId, CancellationToken cancellationToken)
    {
        var smtp = options.CurrentValue;
        if (string.IsNullOrWhiteSpace(smtp.SmtpHost))
        {
            return;
        }

        try
        {
            var order = (await payPal.Orders.GetAsync(payPalOrderId, cancellationToken)).Raw as JsonObject;
            if (order?["payment_source"]?["pay_upon_invoice"] is not JsonObject invoice)
            {
                return;
            }

            var to = Text(invoice, "email") ?? Text(invoice, "email_address")
                ?? (await commercetools.FindOrderByPaymentAsync(paymentId, cancellationToken))?.CustomerEmail;
            if (to is null)
            {
                Log.NoRecipient(logger, paymentId);
                return;
            }

            var current = await settings.GetAsync(cancellationToken);
            var subject = current.GetLocalized("payUponInvoiceMailSubject", "de") ?? "Pay Upon Invoice";
            var text = Render(current.GetLocalized("payUponInvoiceMailEmailText", "de") ?? FallbackText, order, invoice,
                current.GetLocalized("ratePayCustomerServiceInstructions", "de"));
            using var message = new MailMessage(smtp.From, to, subject, text);
            using var client = new SmtpClient(smtp.SmtpHost, smtp.SmtpPort) { EnableSsl = smtp.EnableSsl };
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                client.Credentials = new NetworkCredential(smtp.UserName, smtp.Password);
            }

            await client.SendMailAsync(message, cancellationToken);
            Log.Sent(logger, paymentId);
        }
        catch (Exception e) when (e is SmtpException or PayPalApiException or CommercetoolsApiException or FormatException or InvalidOperationException)
        {
            Log.Failed(logger, paymentId, e.GetType().Name, e.Message);
        }
    }

    /// <summary>Fills <c>##price##</c>, <c>##payment_reference##</c>, the bank details and the customer service instructions.</summary>
    internal static string Render(string template, JsonObject order, JsonObject invoice, string? configuredInstructions)
    {
        var amount = (order["purchase_units"] as JsonArray)?.FirstOrDefault()?["amount"] as JsonObject;
        var bank = invoice["deposit_bank_details"] as JsonObject;
        var instructions = (invoice["experience_context"]?["customer_service_instructions"] as JsonArray)?
            .Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).OfType<string>();
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["price"] = amount is null ? null : $"{Text(amount, "value")} {Text(amount, "currency_code")}",
            ["payment_reference"] = Text(invoice, "payment_reference"),
            ["bic"] = Text(bank, "bic"),
            ["bank_name"] = Text(bank, "bank_name"),
            ["iban"] = Text(bank, "iban"),
            ["account_holder_name"] = Text(bank, "account_holder_name"),
            // The order's own instructions (sent at creation) win; else the ones configured for Ratepay in the settings.
            ["customer_service_instructions"] = instructions is null ? configuredInstructions : string.Join('\n', instructions),
        };
        foreach (var (key, value) in values)
        {
            template = template.Replace($"##{key}##", value ?? string.Empty, StringComparison.Ordinal);
        }

        return template;
    }

    private static string? Text(JsonObject? obj, string property) =>
        obj?[property] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;

    private static partial class Log
    {
        [LoggerMessage(EventId = 3120, Level = LogLevel.Information, Message = "Pay Upon Invoice e-mail sent for payment {PaymentId}")]
        public static partial void Sent(ILogger logger, string paymentId);

        [LoggerMessage(EventId = 3121, Level = LogLevel.Error, Message = "Pay Upon Invoice e-mail for payment {PaymentId} not sent ({Error}: {Reason}); not retried")]
        public static partial void Failed(ILogger logger, string paymentId, string error, string reason);

        [LoggerMessage(EventId = 3122, Level = LogLevel.Warning, Message = "Pay Upon Invoice e-mail for payment {PaymentId} not sent: no e-mail address on the PayPal order or the commercetools order")]
        public static partial void NoRecipient(ILogger logger, string paymentId);
    }
}
