using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace EndToEnd.Tests;

/// <summary>The Pay Upon Invoice e-mail: sent once, by the delivery that records the capture, to a local SMTP sink.</summary>
public sealed class PayUponInvoiceMailTests(SandboxFixture sandbox) : IAsyncLifetime
{
    private readonly SmtpSink _sink = new();
    private WebhookConnector? _connector;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _connector = await WebhookConnector.StartAsync(sandbox, new()
    {
        ["PayUponInvoiceMail:SmtpHost"] = "127.0.0.1",
        ["PayUponInvoiceMail:SmtpPort"] = _sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["PayUponInvoiceMail:From"] = "shop@example.com",
    });

    public async ValueTask DisposeAsync()
    {
        if (_connector is not null)
        {
            await _connector.DisposeAsync();
        }

        await _sink.DisposeAsync();
    }

    [Fact]
    public async Task A_completed_Pay_Upon_Invoice_capture_sends_one_mail_with_the_bank_details_however_often_it_is_delivered()
    {
        var order = await PayPalAsync(HttpMethod.Post, "/v2/checkout/orders", new JsonObject
        {
            ["intent"] = "CAPTURE",
            ["processing_instruction"] = "ORDER_COMPLETE_ON_PAYMENT_APPROVAL",
            ["purchase_units"] = new JsonArray(new JsonObject { ["amount"] = new JsonObject { ["currency_code"] = "EUR", ["value"] = "100.00" } }),
            ["payment_source"] = new JsonObject
            {
                ["pay_upon_invoice"] = new JsonObject
                {
                    ["name"] = new JsonObject { ["given_name"] = "Erika", ["surname"] = "Mustermann" },
                    ["email"] = "erika@example.com",
                    ["email_address"] = "erika@example.com",
                    ["birth_date"] = "1990-01-01",
                    ["phone"] = new JsonObject { ["national_number"] = "6912345678", ["country_code"] = "49" },
                    ["billing_address"] = new JsonObject { ["address_line_1"] = "Schönhauser Allee 84", ["admin_area_2"] = "Berlin", ["postal_code"] = "10439", ["country_code"] = "DE" },
                    ["experience_context"] = new JsonObject { ["locale"] = "de-DE", ["customer_service_instructions"] = new JsonArray("Kundenservice: 0800 123") },
                },
            },
        });
        var orderId = order["id"]!.GetValue<string>();
        using (var completed = await sandbox.Http.PostAsync($"{sandbox.Info.PayPal.ApiUrl}/emulator/orders/{orderId}/complete", null, Ct))
        {
            ((int)completed.StatusCode).ShouldBeLessThan(500);
        }

        var capture = (await PayPalAsync(HttpMethod.Get, $"/v2/checkout/orders/{orderId}", null))["purchase_units"]![0]!["payments"]!["captures"]![0]!.AsObject();
        var ct = await CommercetoolsDriver.CreateAsync(sandbox, Ct);
        var payment = await ct.CreatePayPalPaymentAsync("EUR", 100_00, Ct, new JsonObject { ["PayPalOrderId"] = orderId }, interfaceId: orderId);
        var resource = capture.DeepClone().AsObject();
        resource["supplementary_data"] ??= new JsonObject { ["related_ids"] = new JsonObject { ["order_id"] = orderId } };
        var evt = WebhookEvents.Create("PAYMENT.CAPTURE.COMPLETED", "capture", resource);

        var statuses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => _connector!.DeliverAsync(evt, Ct), Ct)));
        statuses.ShouldAllBe(s => s == 200);
        (await _connector!.DeliverAsync(evt, Ct)).ShouldBe(200);

        (await ct.GetPaymentAsync(payment["id"]!.GetValue<string>(), Ct)).Transactions().ShouldHaveSingleItem()["state"]!.GetValue<string>().ShouldBe("Success");
        var mail = _sink.Messages.ShouldHaveSingleItem();
        mail.Recipients.ShouldContain("erika@example.com");
        var text = DecodeBody(mail.Data);
        text.ShouldContain("100.00 EUR");
        text.ShouldContain("DE89370400440532013000");
        text.ShouldContain("DEUTDEFFXXX");
        text.ShouldContain("Deutsche Bank");
        text.ShouldContain("Verwendungszweck: " + (await PayPalAsync(HttpMethod.Get, $"/v2/checkout/orders/{orderId}", null))["payment_source"]!["pay_upon_invoice"]!["payment_reference"]!.GetValue<string>());
        text.ShouldNotContain("##");
        mail.Data.ShouldContain("Subject: Pay Upon Invoice");
    }

    [Fact]
    public async Task A_capture_of_an_ordinary_PayPal_order_sends_no_mail()
    {
        var order = await PayPalAsync(HttpMethod.Post, "/v2/checkout/orders", new JsonObject
        {
            ["intent"] = "CAPTURE",
            ["purchase_units"] = new JsonArray(new JsonObject { ["amount"] = new JsonObject { ["currency_code"] = "EUR", ["value"] = "5.00" } }),
        });
        var orderId = order["id"]!.GetValue<string>();
        var ct = await CommercetoolsDriver.CreateAsync(sandbox, Ct);
        await ct.CreatePayPalPaymentAsync("EUR", 5_00, Ct, new JsonObject { ["PayPalOrderId"] = orderId }, interfaceId: orderId);

        (await _connector!.DeliverAsync(WebhookEvents.Capture("PAYMENT.CAPTURE.COMPLETED", orderId, "CAP-" + Guid.NewGuid().ToString("N")[..10], "COMPLETED", "EUR", "5.00"), Ct))
            .ShouldBe(200);

        _sink.Messages.ShouldBeEmpty();
    }

    /// <summary>The body after the headers, with quoted-printable or base64 transfer encoding undone.</summary>
    private static string DecodeBody(string data)
    {
        var split = data.IndexOf("\n\n", StringComparison.Ordinal);
        var headers = data[..split];
        var body = data[(split + 2)..];
        if (headers.Contains("base64", StringComparison.OrdinalIgnoreCase))
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(body.Replace("\n", "", StringComparison.Ordinal)));
        }

        if (headers.Contains("quoted-printable", StringComparison.OrdinalIgnoreCase))
        {
            var joined = body.Replace("=\n", "", StringComparison.Ordinal);
            var bytes = new List<byte>();
            for (var i = 0; i < joined.Length; i++)
            {
                if (joined[i] == '=' && i + 2 < joined.Length && Uri.IsHexDigit(joined[i + 1]) && Uri.IsHexDigit(joined[i + 2]))
                {
                    bytes.Add(Convert.ToByte(joined.Substring(i + 1, 2), 16));
                    i += 2;
                }
                else
                {
                    bytes.AddRange(Encoding.UTF8.GetBytes(joined[i].ToString()));
                }
            }

            return Encoding.UTF8.GetString([.. bytes]);
        }

        return body;
    }

    private async Task<JsonObject> PayPalAsync(HttpMethod method, string path, JsonObject? body)
    {
        using var request = new HttpRequestMessage(method, sandbox.Info.PayPal.ApiUrl + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await sandbox.PayPalTokenAsync(Ct));
        request.Headers.TryAddWithoutValidation("PayPal-Request-Id", Guid.NewGuid().ToString());
        request.Headers.TryAddWithoutValidation("PayPal-Client-Metadata-Id", Guid.NewGuid().ToString("N"));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await sandbox.Http.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        ((int)response.StatusCode).ShouldBeLessThan(300, text);
        return JsonNode.Parse(text)!.AsObject();
    }
}
