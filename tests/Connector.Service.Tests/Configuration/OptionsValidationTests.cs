using Connector.Service.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Connector.Service.Tests.Configuration;

/// <summary>
/// The data-annotation rules on the options classes (checked by compile-time generated validators, so they hold in the
/// Native AOT binary too) stop the start-up with a message naming the property.
/// </summary>
public sealed class OptionsValidationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Connector:ExtensionAuthorization", "Bearer short", "ExtensionAuthorization")]
    [InlineData("Connector:PaymentTypeKey", "", "PaymentTypeKey")]
    [InlineData("Connector:PaymentExtensionTimeoutMs", "20000", "PaymentExtensionTimeoutMs")]
    [InlineData("Commercetools:ProjectKey", "", "ProjectKey")]
    [InlineData("PayPal:ClientSecret", "", "ClientSecret")]
    [InlineData("PayPal:WebhookToleranceSeconds", "5", "WebhookToleranceSeconds")]
    [InlineData("Connector:Reconciler:PageSize", "501", "PageSize")]
    public async Task A_value_breaking_a_data_annotation_stops_the_start_up_naming_the_property(string key, string value, string property)
    {
        await using var connector = Build(new Dictionary<string, string?> { [key] = value });

        var error = await Should.ThrowAsync<OptionsValidationException>(() => connector.StartAsync(Ct));

        error.Message.ShouldContain(property);
    }

    [Fact]
    public async Task Valid_settings_start()
    {
        await using var connector = Build(new Dictionary<string, string?>());

        await connector.StartAsync(Ct);
        await connector.StopAsync(Ct);
    }

    [Fact]
    public void An_out_of_range_smtp_port_is_refused_when_the_mail_settings_are_read()
    {
        using var connector = Build(new Dictionary<string, string?> { ["PayUponInvoiceMail:SmtpPort"] = "70000" });

        var error = Should.Throw<OptionsValidationException>(() => connector.Services.GetRequiredService<IOptions<PayUponInvoiceMailOptions>>().Value);

        error.Message.ShouldContain("SmtpPort");
    }

    private static WebApplication Build(Dictionary<string, string?> extra) => Infrastructure.OfflineConnector.Build(extra);
}
