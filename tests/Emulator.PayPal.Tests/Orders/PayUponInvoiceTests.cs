using System.Net;
using System.Text.Json.Nodes;
using Emulator.PayPal.Tests.Drivers;

namespace Emulator.PayPal.Tests.Orders;

/// <summary>What PayPal refuses for Pay Upon Invoice before any risk check: a missing birth date, missing device data.</summary>
public sealed class PayUponInvoiceTests
{
    private static JsonObject Body(JsonObject source)
    {
        var body = Payloads.Order();
        body["processing_instruction"] = "ORDER_COMPLETE_ON_PAYMENT_APPROVAL";
        body["payment_source"] = new JsonObject { ["pay_upon_invoice"] = source };
        return body;
    }

    private static Dictionary<string, string> Headers(bool withMetadataId)
    {
        var headers = EmulatorHost.Representation(Guid.NewGuid().ToString());
        if (withMetadataId)
        {
            headers["PayPal-Client-Metadata-Id"] = "fraudnet-session-1";
        }

        return headers;
    }

    [Fact]
    public async Task Missing_birth_date_is_a_missing_required_parameter()
    {
        await using var host = await EmulatorHost.StartAsync();

        var (status, error) = await host.CallAsync(HttpMethod.Post, "/v2/checkout/orders", Body(Payloads.PayUponInvoice(birthDate: null)), Headers(withMetadataId: true));

        status.ShouldBe(HttpStatusCode.BadRequest);
        error!["name"]!.GetValue<string>().ShouldBe("INVALID_REQUEST");
        error["details"]![0]!["issue"]!.GetValue<string>().ShouldBe("MISSING_REQUIRED_PARAMETER");
        error["details"]![0]!["field"]!.GetValue<string>().ShouldBe("/payment_source/pay_upon_invoice/birth_date");
    }

    [Theory]
    [InlineData("01.01.1990")]
    [InlineData("1990-13-01")]
    public async Task Birth_date_must_be_a_full_date(string birthDate)
    {
        await using var host = await EmulatorHost.StartAsync();

        var (status, error) = await host.CallAsync(HttpMethod.Post, "/v2/checkout/orders", Body(Payloads.PayUponInvoice(birthDate)), Headers(withMetadataId: true));

        status.ShouldBe(HttpStatusCode.BadRequest);
        error!["details"]![0]!["issue"]!.GetValue<string>().ShouldBe("INVALID_PARAMETER_SYNTAX");
        error["details"]![0]!["field"]!.GetValue<string>().ShouldBe("/payment_source/pay_upon_invoice/birth_date");
    }

    [Fact]
    public async Task Missing_client_metadata_id_is_device_data_not_available_and_creates_nothing()
    {
        await using var host = await EmulatorHost.StartAsync();

        var (status, error) = await host.CallAsync(HttpMethod.Post, "/v2/checkout/orders", Body(Payloads.PayUponInvoice()), Headers(withMetadataId: false));

        status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        error!["name"]!.GetValue<string>().ShouldBe("UNPROCESSABLE_ENTITY");
        error["details"]![0]!["issue"]!.GetValue<string>().ShouldBe("DEVICE_DATA_NOT_AVAILABLE");
        lock (host.Service<Emulator.PayPal.Infrastructure.EmulatorStore>().Gate)
        {
            host.Service<Emulator.PayPal.Infrastructure.EmulatorStore>().Orders.ShouldBeEmpty();
        }
    }

    [Fact]
    public async Task Confirming_pay_upon_invoice_needs_the_metadata_id_too()
    {
        await using var host = await EmulatorHost.StartAsync();
        var order = await host.CreateOrderAsync(Payloads.Order());
        var confirm = new JsonObject { ["payment_source"] = new JsonObject { ["pay_upon_invoice"] = Payloads.PayUponInvoice() } };

        var (refused, error) = await host.CallAsync(HttpMethod.Post, $"/v2/checkout/orders/{order["id"]}/confirm-payment-source", confirm, Headers(withMetadataId: false));
        refused.ShouldBe(HttpStatusCode.UnprocessableEntity);
        error!["details"]![0]!["issue"]!.GetValue<string>().ShouldBe("DEVICE_DATA_NOT_AVAILABLE");

        var (accepted, confirmed) = await host.CallAsync(HttpMethod.Post, $"/v2/checkout/orders/{order["id"]}/confirm-payment-source", confirm.DeepClone(), Headers(withMetadataId: true));
        accepted.ShouldBe(HttpStatusCode.OK, confirmed?.ToJsonString());
        confirmed!["status"]!.GetValue<string>().ShouldBe("PENDING_APPROVAL");
    }
}
