using System.Net;
using System.Text.Json.Nodes;
using Emulator.PayPal.Tests.Drivers;

namespace Emulator.PayPal.Tests.Infrastructure;

/// <summary>The Paypal-Debug-Id header and the per-API information_link of PayPal's error envelope.</summary>
public sealed class ErrorEnvelopeTests
{
    private static string DebugIdHeader(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Paypal-Debug-Id", out var values) ? values.Single() : string.Empty;

    [Fact]
    public async Task Successful_answers_carry_a_debug_id_header_that_changes_per_request()
    {
        await using var host = await EmulatorHost.StartAsync();
        using var first = await host.SendAsync(HttpMethod.Post, "/v2/checkout/orders", Payloads.Order());
        using var second = await host.SendAsync(HttpMethod.Get, "/v1/notifications/webhooks");

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        DebugIdHeader(first).ShouldMatch("^[0-9a-f]{13}$");
        DebugIdHeader(second).ShouldMatch("^[0-9a-f]{13}$");
        DebugIdHeader(first).ShouldNotBe(DebugIdHeader(second));
    }

    [Theory]
    [InlineData("POST", "/v2/checkout/orders/NOPE/capture", "https://developer.paypal.com/api/rest/reference/orders/v2/errors/#INVALID_RESOURCE_ID")]
    [InlineData("POST", "/v2/payments/captures/NOPE/refund", "https://developer.paypal.com/docs/api/payments/v2/#error-INVALID_RESOURCE_ID")]
    [InlineData("GET", "/v3/vault/payment-tokens/NOPE", "https://developer.paypal.com/docs/api/payment-tokens/v3/#error-INVALID_RESOURCE_ID")]
    [InlineData("GET", "/v1/notifications/webhooks/NOPE", "https://developer.paypal.com/docs/api/webhooks/v1/#error-INVALID_RESOURCE_ID")]
    public async Task Error_body_links_the_api_of_the_call_and_repeats_the_debug_id_header(string method, string path, string link)
    {
        await using var host = await EmulatorHost.StartAsync();

        using var response = await host.SendAsync(new HttpMethod(method), path, method == "POST" ? new JsonObject() : null, EmulatorHost.Representation(Guid.NewGuid().ToString()));
        var body = await EmulatorHost.JsonAsync(response);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound, body.ToJsonString());
        var info = body["links"]!.AsArray().Single(l => l!["rel"]!.GetValue<string>() == "information_link")!;
        info["href"]!.GetValue<string>().ShouldBe(link);
        body["debug_id"]!.GetValue<string>().ShouldBe(DebugIdHeader(response));
    }

    [Fact]
    public async Task Unauthenticated_and_unknown_calls_also_carry_the_header_matching_the_body()
    {
        await using var host = await EmulatorHost.StartAsync();

        using var unauthenticated = await host.SendAsync(HttpMethod.Get, "/v2/payments/captures/X", authenticate: false);
        using var unknown = await host.SendAsync(HttpMethod.Get, "/v9/nothing");

        unauthenticated.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await EmulatorHost.JsonAsync(unauthenticated))["debug_id"]!.GetValue<string>().ShouldBe(DebugIdHeader(unauthenticated));
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await EmulatorHost.JsonAsync(unknown))["debug_id"]!.GetValue<string>().ShouldBe(DebugIdHeader(unknown));
    }
}
