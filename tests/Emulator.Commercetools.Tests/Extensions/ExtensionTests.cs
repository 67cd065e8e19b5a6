using System.Net;
using System.Text.Json.Nodes;
using Emulator.Commercetools.Tests.Infrastructure;

namespace Emulator.Commercetools.Tests.Extensions;

public sealed class ExtensionTests
{
    private const string Url = "https://connector.example/extension";

    [Fact]
    public async Task Extensions_can_be_created_read_updated_and_deleted()
    {
        await using var host = await EmulatorHost.StartAsync();
        var api = await host.AdminAsync();

        var created = await api.CreateAsync("/extensions", Drafts.Extension(Url, timeoutInMs: 10000));
        ((string?)created["destination"]!["authentication"]!["headerValue"]).ShouldBe("****bHVl");
        ((int)created["timeoutInMs"]!).ShouldBe(10000);
        (await api.GetAsync($"/extensions/{created["id"]}")).Status.ShouldBe(HttpStatusCode.OK);
        (await api.GetAsync("/extensions/key=paypal-payment-extension")).Object["id"]!.GetValue<string>().ShouldBe((string)created["id"]!);
        ((int)(await api.GetAsync("/extensions?where=key%3D%22paypal-payment-extension%22")).Object["count"]!).ShouldBe(1);

        var updated = await api.UpdateAsync("/extensions/key=paypal-payment-extension", 1,
            """{"action":"changeDestination","destination":{"type":"HTTP","url":"https://other.example/ext"}}""",
            """{"action":"changeTriggers","triggers":[{"resourceTypeId":"payment","actions":["Update"]}]}""",
            """{"action":"setTimeoutInMs","timeoutInMs":3000}""");
        ((long)updated["version"]!).ShouldBe(4);
        ((string?)updated["destination"]!["url"]).ShouldBe("https://other.example/ext");
        (await api.TryUpdateAsync("/extensions/key=paypal-payment-extension", 4, """{"action":"changeTriggers","triggers":[]}"""))
            .ShouldBeError(HttpStatusCode.BadRequest, "InvalidInput");

        (await api.DeleteAsync("/extensions/key=paypal-payment-extension?version=1")).ShouldBeError(HttpStatusCode.Conflict, "ConcurrentModification");
        (await api.DeleteAsync("/extensions/key=paypal-payment-extension?version=4")).Status.ShouldBe(HttpStatusCode.OK);
        (await api.GetAsync("/extensions/key=paypal-payment-extension")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Invalid_extension_drafts_are_rejected()
    {
        await using var host = await EmulatorHost.StartAsync();
        var api = await host.AdminAsync();
        (await api.PostAsync("/extensions", Drafts.Extension("not a url"))).ShouldBeError(HttpStatusCode.BadRequest, "InvalidField");
        (await api.PostAsync("/extensions", Drafts.Extension(Url, condition: "custom(("))).ShouldBeError(HttpStatusCode.BadRequest, "InvalidInput");
        (await api.PostAsync("/extensions", Drafts.Extension(Url, timeoutInMs: 20000))).ShouldBeError(HttpStatusCode.BadRequest, "InvalidField");
        (await api.PostAsync("/extensions", Drafts.Extension(Url, resourceTypeId: "product"))).ShouldBeError(HttpStatusCode.BadRequest, "InvalidField");
    }

    [Fact]
    public async Task Payment_create_calls_the_extension_with_the_resource_and_authorization_header()
    {
        await using var host = await EmulatorHost.StartAsync();
        var api = await host.AdminAsync();
        await api.CreateAsync("/extensions", Drafts.Extension(Url));

        var payment = await api.CreateAsync("/payments", Drafts.Payment(key: "k1"));

        var request = host.Extensions.Requests.ShouldHaveSingleItem();
        request.Method.ShouldBe(HttpMethod.Post);
        request.Uri.ShouldBe(new Uri(Url));
        request.Headers["Authorization"].ShouldBe("Basic c2VjcmV0OnZhbHVl");
        var body = JsonNode.Parse(request.Body)!;
        ((string?)body["action"]).ShouldBe("Create");
        ((string?)body["resource"]!["typeId"]).ShouldBe("payment");
        ((string?)body["resource"]!["id"]).ShouldBe((string)payment["id"]!);
        ((string?)body["resource"]!["obj"]!["key"]).ShouldBe("k1");
        ((long)body["resource"]!["obj"]!["version"]!).ShouldBe(1);
        ((long)body["resource"]!["obj"]!["amountPlanned"]!["centAmount"]!).ShouldBe(1000);
    }

    [Fact]
    public async Task Actions_returned_by_the_extension_are_applied_in_the_same_update_and_bump_the_version()
    {
        await using var host = await EmulatorHost.StartAsync();
        var api = await host.AdminAsync();
        await api.CreateAsync("/types", Drafts.PaymentType);
        await api.CreateAsync("/extensions", Drafts.Extension(Url, "custom(fields(createPayPalOrderRequest is defined))", actions: "\"Update\""));
        var payment = await api.CreateAsync("/payments", Drafts.Payment());
        var path = $"/payments/{payment["id"]}";
        host.Extensions.Requests.ShouldBeEmpty();

        host.Extensions.Responder = (request, _) =>
        {
            var obj = JsonNode.Parse(request.Body)!["resource"]!["obj"]!;
            ((long)obj["version"]!).ShouldBe(2);
            ((string?)obj["custom"]!["fields"]!["createPayPalOrderRequest"]).ShouldBe("{}");
            return Task.FromResult(StubHttpHandler.Json(HttpStatusCode.OK, """
                {"actions":[
                  {"action":"setCustomField","name":"createPayPalOrderResponse","value":"{\"id\":\"O-1\"}"},
                  {"action":"setCustomField","name":"PayPalOrderId","value":"O-1"},
                  {"action":"setCustomField","name":"createPayPalOrderRequest"}
                ]}
                """));
        };

        var updated = await api.UpdateAsync(path, 1,
            """{"action":"setCustomType","type":{"key":"paypal-payment-type"},"fields":{"createPayPalOrderRequest":"{}"}}""");

        ((long)updated["version"]!).ShouldBe(5);
        ((string?)updated["custom"]!["fields"]!["PayPalOrderId"]).ShouldBe("O-1");
        updated["custom"]!["fields"]!.AsObject().ContainsKey("createPayPalOrderRequest").ShouldBeFalse();
        host.Extensions.Requests.Count.ShouldBe(1);
        var persisted = (await api.GetAsync(path)).Object;
        ((long)persisted["version"]!).ShouldBe(5);
        ((string?)persisted["custom"]!["fields"]!["createPayPalOrderResponse"]).ShouldBe("{\"id\":\"O-1\"}");

        // The condition no longer holds, so the extension is not called again.
        await api.UpdateAsync(path, 5, """{"action":"setKey","key":"again"}""");
        host.Extensions.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Validation_errors_from_the_extension_are_passed_through_and_nothing_is_persisted()
    {
        await using var host = await EmulatorHost.StartAsync();
        var api = await host.AdminAsync();
        var extension = await api.CreateAsync("/extensions", Drafts.Extension(Url, actions: "\"Update\""));
        var payment = await api.CreateAsync("/payments", Drafts.Payment());
        host.Extensions.Responder = (_, _) => Task.FromResult(StubHttpHandler.Json(HttpStatusCode.BadRequest,
            """{"errors":[{"code":"InvalidInput","message":"PayPal said no","extensionExtraInfo":{"reason":"declined"}}]}"""));

        var response = await api.TryUpdateAsync($"/payments/{payment["id"]}", 1, """{"action":"setKey","key":"abc"}""");

        response.ShouldBeError(HttpStatusCode.BadRequest, "InvalidInput");
        ((string?)response.Object["message"]).ShouldBe("PayPal said no");
        var error = response.Object["errors"]![0]!;
        ((string?)error["extensionExtraInfo"]!["reason"]).ShouldBe("declined");
        ((string?)error["errorByExtension"]!["id"]).ShouldBe((string)extension["id"]!);
        ((string?)error["errorByExtension"]!["key"]).ShouldBe("paypal-payment-extension");
        ((long)(await api.GetAsync($"/payments/{payment["id"]}")).Object["version"]!).ShouldBe(1);
    }

    [Fact]
    public async Task A_failing_create_extension_persists_nothing()
    {
        await using var host = await EmulatorHost.StartAsync();
        var api = await host.AdminAsync();
        await api.CreateAsync("/extensions", Drafts.Extension(Url));
        host.Extensions.Responder = (_, _) => Task.FromResult(StubHttpHandler.Json(HttpStatusCode.BadRequest, """{"errors":[{"code":"InvalidInput","message":"no"}]}"""));

        (await api.PostAsync("/payments", Drafts.Payment())).ShouldBeError(HttpStatusCode.BadRequest, "InvalidInput");
        ((int)(await api.GetAsync("/payments")).Object["total"]!).ShouldBe(0);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound, "{}")]
    [InlineData(HttpStatusCode.InternalServerError, "boom")]
    [InlineData(HttpStatusCode.OK, "not json")]
    [InlineData(HttpStatusCode.OK, "{\"actions\":\"nope\"}")]
    [InlineData(HttpStatusCode.BadRequest, "{\"message\":\"no errors array\"}")]
    public async Task Unexpected_answers_give_502_ExtensionBadResponse(HttpStatusCode status, string body)
    {
        await using var host = await EmulatorHost.StartAsync();
        var api = await host.AdminAsync();
        var extension = await api.CreateAsync("/extensions", Drafts.Extension(Url, actions: "\"Update\""));
        var payment = await api.CreateAsync("/payments", Drafts.Payment());
        host.Extensions.Responder = (_, _) => Task.FromResult(StubHttpHandler.Json(status, body));

        var response = await api.TryUpdateAsync($"/payments/{payment["id"]}", 1, """{"action":"setKey","key":"abc"}""");

        response.ShouldBeError(HttpStatusCode.BadGateway, "ExtensionBadResponse");
        var error = response.Object["errors"]![0]!;
        ((string?)error["extensionId"]).ShouldBe((string)extension["id"]!);
        ((string?)error["extensionKey"]).ShouldBe("paypal-payment-extension");
        ((int)error["extensionStatusCode"]!).ShouldBe((int)status);
        if (status == HttpStatusCode.NotFound)
        {
            ((string?)error["message"]).ShouldBe("'404' is not an expected status code.");
        }

        ((long)(await api.GetAsync($"/payments/{payment["id"]}")).Object["version"]!).ShouldBe(1);
    }

    [Fact]
    public async Task A_slow_extension_gives_504_ExtensionNoResponse()
    {
        await using var host = await EmulatorHost.StartAsync();
        var api = await host.AdminAsync();
        await api.CreateAsync("/extensions", Drafts.Extension(Url, actions: "\"Update\"", timeoutInMs: 1000));
        var payment = await api.CreateAsync("/payments", Drafts.Payment());
        host.Extensions.Responder = async (_, cancellationToken) =>
        {
            // Fire the extension timeout on the fake clock instead of waiting for it.
            host.Time.Advance(TimeSpan.FromMilliseconds(1001));
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            return StubHttpHandler.Json(HttpStatusCode.OK, "{}");
        };

        var response = await api.TryUpdateAsync($"/payments/{payment["id"]}", 1, """{"action":"setKey","key":"abc"}""");

        response.ShouldBeError(HttpStatusCode.GatewayTimeout, "ExtensionNoResponse");
        ((string?)response.Object["message"]).ShouldBe("Extension did not respond in time.");
        ((long)(await api.GetAsync($"/payments/{payment["id"]}")).Object["version"]!).ShouldBe(1);
    }

    [Fact]
    public async Task An_unreachable_extension_gives_504()
    {
        await using var host = await EmulatorHost.StartAsync();
        var api = await host.AdminAsync();
        await api.CreateAsync("/extensions", Drafts.Extension(Url));
        host.Extensions.Responder = (_, _) => throw new HttpRequestException("connection refused");

        (await api.PostAsync("/payments", Drafts.Payment())).ShouldBeError(HttpStatusCode.GatewayTimeout, "ExtensionNoResponse");
    }

    [Fact]
    public async Task Invalid_actions_from_the_extension_give_502_ExtensionUpdateActionsFailed()
    {
        await using var host = await EmulatorHost.StartAsync();
        var api = await host.AdminAsync();
        await api.CreateAsync("/types", Drafts.PaymentType);
        var extension = await api.CreateAsync("/extensions", Drafts.Extension(Url, actions: "\"Update\""));
        var payment = await api.CreateAsync("/payments", Drafts.Payment());
        host.Extensions.Responder = (_, _) => Task.FromResult(StubHttpHandler.Json(HttpStatusCode.OK,
            """{"actions":[{"action":"setCustomField","name":"PayPalOrderId","value":12}]}"""));

        var response = await api.TryUpdateAsync($"/payments/{payment["id"]}", 1,
            """{"action":"setCustomType","type":{"key":"paypal-payment-type"}}""");

        response.ShouldBeError(HttpStatusCode.BadGateway, "ExtensionUpdateActionsFailed");
        var inner = response.Object["errors"]![0]!["extensionErrors"]![0]!;
        ((string?)inner["code"]).ShouldBe("InvalidField");
        ((string?)inner["field"]).ShouldBe("PayPalOrderId");
        ((string?)inner["extensionId"]).ShouldBe((string)extension["id"]!);
        ((long)(await api.GetAsync($"/payments/{payment["id"]}")).Object["version"]!).ShouldBe(1);
    }

    [Fact]
    public async Task A_condition_on_a_missing_field_fails_with_ExtensionPredicateEvaluationFailed()
    {
        await using var host = await EmulatorHost.StartAsync();
        var api = await host.AdminAsync();
        await api.CreateAsync("/extensions", Drafts.Extension(Url, "custom(fields(createPayPalOrderRequest = \"x\"))", actions: "\"Update\""));
        var payment = await api.CreateAsync("/payments", Drafts.Payment());

        var response = await api.TryUpdateAsync($"/payments/{payment["id"]}", 1, """{"action":"setKey","key":"abc"}""");

        response.ShouldBeError(HttpStatusCode.BadRequest, "ExtensionPredicateEvaluationFailed");
        ((string?)response.Object["errors"]![0]!["errorByExtension"]!["key"]).ShouldBe("paypal-payment-extension");
        host.Extensions.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Extensions_for_other_resource_types_or_actions_are_not_called()
    {
        await using var host = await EmulatorHost.StartAsync();
        var api = await host.AdminAsync();
        await api.CreateAsync("/extensions", Drafts.Extension(Url, resourceTypeId: "customer"));
        await api.CreateAsync("/extensions", Drafts.Extension(Url, key: "create-only", actions: "\"Create\""));
        var payment = await api.CreateAsync("/payments", Drafts.Payment());
        host.Extensions.Requests.Count.ShouldBe(1);

        await api.UpdateAsync($"/payments/{payment["id"]}", 1, """{"action":"setKey","key":"abc"}""");
        host.Extensions.Requests.Count.ShouldBe(1);
    }
}
