using System.Net;
using System.Text.Json.Nodes;
using Emulator.PayPal.Tests.Drivers;

namespace Emulator.PayPal.Tests.Payments;

public sealed class AuthorizationTests
{
    private static async Task<(EmulatorHost Host, string OrderId, string AuthorizationId)> AuthorizedAsync(string value = "100.00")
    {
        var host = await EmulatorHost.StartAsync();
        var order = await host.CreateOrderAsync(Payloads.Order(intent: "AUTHORIZE", value: value));
        using var _ = await host.DecideOnPageAsync(EmulatorHost.Link(order, "approve"));
        var (status, authorized) = await host.CallAsync(HttpMethod.Post, $"/v2/checkout/orders/{order["id"]}/authorize", null, EmulatorHost.Representation("auth"));
        status.ShouldBe(HttpStatusCode.Created, authorized?.ToJsonString());
        return (host, order["id"]!.GetValue<string>(), authorized!["purchase_units"]![0]!["payments"]!["authorizations"]![0]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Authorize_completes_the_order_with_an_authorization()
    {
        var (host, orderId, authorizationId) = await AuthorizedAsync();
        await using var _ = host;

        var (status, authorization) = await host.CallAsync(HttpMethod.Get, $"/v2/payments/authorizations/{authorizationId}");

        status.ShouldBe(HttpStatusCode.OK);
        authorization!["status"]!.GetValue<string>().ShouldBe("CREATED");
        authorization["amount"]!["value"]!.GetValue<string>().ShouldBe("100.00");
        authorization["expiration_time"]!.GetValue<string>().ShouldBe("2026-12-22T11:00:00Z");
        authorization["supplementary_data"]!["related_ids"]!["order_id"]!.GetValue<string>().ShouldBe(orderId);
        foreach (var rel in new[] { "self", "capture", "void", "reauthorize", "up" })
        {
            EmulatorHost.HasLink(authorization, rel).ShouldBeTrue(rel);
        }

        var (_, order) = await host.CallAsync(HttpMethod.Get, $"/v2/checkout/orders/{orderId}");
        order!["status"]!.GetValue<string>().ShouldBe("COMPLETED");
        var again = await host.CallAsync(HttpMethod.Post, $"/v2/checkout/orders/{orderId}/authorize", null, EmulatorHost.Representation("auth-2"));
        again.Body!["details"]![0]!["issue"]!.GetValue<string>().ShouldBe("ORDER_ALREADY_AUTHORIZED");
    }

    [Fact]
    public async Task Partial_captures_then_a_final_one_capture_the_authorization()
    {
        var (host, orderId, authorizationId) = await AuthorizedAsync();
        await using var _ = host;
        var path = $"/v2/payments/authorizations/{authorizationId}/capture";

        var first = await host.CallAsync(HttpMethod.Post, path, new JsonObject { ["amount"] = Payloads.Money("30.00"), ["final_capture"] = false }, EmulatorHost.Representation("p1"));
        var afterFirst = await host.CallAsync(HttpMethod.Get, $"/v2/payments/authorizations/{authorizationId}");
        var tooMuch = await host.CallAsync(HttpMethod.Post, path, new JsonObject { ["amount"] = Payloads.Money("70.01") }, EmulatorHost.Representation("p2"));
        var rest = await host.CallAsync(HttpMethod.Post, path, new JsonObject { ["final_capture"] = true }, EmulatorHost.Representation("p3"));
        var afterRest = await host.CallAsync(HttpMethod.Get, $"/v2/payments/authorizations/{authorizationId}");
        var more = await host.CallAsync(HttpMethod.Post, path, null, EmulatorHost.Representation("p4"));

        first.Status.ShouldBe(HttpStatusCode.Created);
        first.Body!["amount"]!["value"]!.GetValue<string>().ShouldBe("30.00");
        first.Body["final_capture"]!.GetValue<bool>().ShouldBeFalse();
        first.Body["supplementary_data"]!["related_ids"]!["authorization_id"]!.GetValue<string>().ShouldBe(authorizationId);
        EmulatorHost.Link(first.Body, "up").ShouldEndWith($"/v2/payments/authorizations/{authorizationId}");
        afterFirst.Body!["status"]!.GetValue<string>().ShouldBe("PARTIALLY_CAPTURED");
        tooMuch.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        tooMuch.Body!["details"]![0]!["issue"]!.GetValue<string>().ShouldBe("MAX_CAPTURE_AMOUNT_EXCEEDED");
        rest.Body!["amount"]!["value"]!.GetValue<string>().ShouldBe("70.00");
        afterRest.Body!["status"]!.GetValue<string>().ShouldBe("CAPTURED");
        more.Body!["details"]![0]!["issue"]!.GetValue<string>().ShouldBe("AUTHORIZATION_ALREADY_CAPTURED");
        var (_, order) = await host.CallAsync(HttpMethod.Get, $"/v2/checkout/orders/{orderId}");
        order!["purchase_units"]![0]!["payments"]!["captures"]!.AsArray().Count.ShouldBe(2);
    }

    [Fact]
    public async Task Minimal_capture_of_an_authorization_has_id_status_links()
    {
        var (host, _, authorizationId) = await AuthorizedAsync();
        await using var __ = host;

        var (status, capture) = await host.CallAsync(HttpMethod.Post, $"/v2/payments/authorizations/{authorizationId}/capture", new JsonObject(), new() { ["PayPal-Request-Id"] = "m" });

        status.ShouldBe(HttpStatusCode.Created);
        capture!.AsObject().Select(p => p.Key).ShouldBe(["id", "status", "links"]);
    }

    [Fact]
    public async Task Void_answers_204_then_previously_voided_and_blocks_capture()
    {
        var (host, _, authorizationId) = await AuthorizedAsync();
        await using var _ = host;

        using var voided = await host.SendAsync(HttpMethod.Post, $"/v2/payments/authorizations/{authorizationId}/void");
        var again = await host.CallAsync(HttpMethod.Post, $"/v2/payments/authorizations/{authorizationId}/void");
        var capture = await host.CallAsync(HttpMethod.Post, $"/v2/payments/authorizations/{authorizationId}/capture", null, EmulatorHost.Representation("c"));

        voided.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        again.Body!["details"]![0]!["issue"]!.GetValue<string>().ShouldBe("PREVIOUSLY_VOIDED");
        capture.Body!["details"]![0]!["issue"]!.GetValue<string>().ShouldBe("AUTHORIZATION_VOIDED");
    }

    [Fact]
    public async Task Void_with_representation_returns_the_voided_authorization()
    {
        var (host, _, authorizationId) = await AuthorizedAsync();
        await using var _ = host;

        var (status, body) = await host.CallAsync(HttpMethod.Post, $"/v2/payments/authorizations/{authorizationId}/void", null, EmulatorHost.Representation());

        status.ShouldBe(HttpStatusCode.OK);
        body!["status"]!.GetValue<string>().ShouldBe("VOIDED");
    }

    [Fact]
    public async Task Voiding_a_captured_authorization_fails_with_previously_captured()
    {
        var (host, _, authorizationId) = await AuthorizedAsync();
        await using var _ = host;
        await host.CallAsync(HttpMethod.Post, $"/v2/payments/authorizations/{authorizationId}/capture", new JsonObject { ["final_capture"] = true }, EmulatorHost.Representation("c"));

        var (status, error) = await host.CallAsync(HttpMethod.Post, $"/v2/payments/authorizations/{authorizationId}/void");

        status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        error!["details"]![0]!["issue"]!.GetValue<string>().ShouldBe("PREVIOUSLY_CAPTURED");
    }

    [Fact]
    public async Task Expired_authorizations_cannot_be_captured()
    {
        var (host, _, authorizationId) = await AuthorizedAsync();
        await using var _ = host;
        host.Time.Advance(TimeSpan.FromDays(30));
        host.ForgetToken();

        var (status, error) = await host.CallAsync(HttpMethod.Post, $"/v2/payments/authorizations/{authorizationId}/capture", null, EmulatorHost.Representation("late"));

        status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        error!["details"]![0]!["issue"]!.GetValue<string>().ShouldBe("AUTHORIZATION_EXPIRED");
    }

    [Fact]
    public async Task Reauthorize_creates_a_new_authorization_once()
    {
        var (host, _, authorizationId) = await AuthorizedAsync();
        await using var _ = host;

        var (status, body) = await host.CallAsync(HttpMethod.Post, $"/v2/payments/authorizations/{authorizationId}/reauthorize", new JsonObject { ["amount"] = Payloads.Money("100.00") }, EmulatorHost.Representation("r1"));
        var again = await host.CallAsync(HttpMethod.Post, $"/v2/payments/authorizations/{authorizationId}/reauthorize", null, EmulatorHost.Representation("r2"));

        status.ShouldBe(HttpStatusCode.Created);
        body!["id"]!.GetValue<string>().ShouldNotBe(authorizationId);
        body["status"]!.GetValue<string>().ShouldBe("CREATED");
        again.Body!["details"]![0]!["issue"]!.GetValue<string>().ShouldBe("REAUTHORIZATION_NOT_SUPPORTED");
    }

    [Fact]
    public async Task Decimals_in_jpy_captures_are_not_supported()
    {
        var (host, _, authorizationId) = await AuthorizedAsync();
        await using var _ = host;

        var (status, error) = await host.CallAsync(HttpMethod.Post, $"/v2/payments/authorizations/{authorizationId}/capture", new JsonObject { ["amount"] = Payloads.Money("1.5", "JPY") }, EmulatorHost.Representation("jpy"));

        status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        error!["details"]![0]!["issue"]!.GetValue<string>().ShouldBe("DECIMALS_NOT_SUPPORTED");
    }

    [Fact]
    public async Task Unknown_authorization_is_404()
    {
        await using var host = await EmulatorHost.StartAsync();

        var (status, error) = await host.CallAsync(HttpMethod.Get, "/v2/payments/authorizations/NOPE");

        status.ShouldBe(HttpStatusCode.NotFound);
        error!["name"]!.GetValue<string>().ShouldBe("RESOURCE_NOT_FOUND");
    }
}
