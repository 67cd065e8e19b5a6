using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Connector.Service.Tests.ApiExtension;

/// <summary>
/// How the extension endpoint reads what commercetools posts: the resource is read straight from the body into a typed
/// payment, whatever the order of its properties, and an <c>obj</c> that is JSON but not a payment is refused cleanly.
/// The connector's upstreams are unreachable here, so these cases must be decided without any upstream call.
/// </summary>
public sealed class ExtensionInputTests : IAsyncLifetime
{
    private const string Authorization = "Bearer offline-connector-tests-secret";
    private WebApplication _app = null!;
    private HttpClient _http = null!;

    public async ValueTask InitializeAsync()
    {
        _app = Infrastructure.OfflineConnector.Build();
        await _app.StartAsync(TestContext.Current.CancellationToken);
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _http = new HttpClient { BaseAddress = new Uri(address) };
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
    }

    private static string Payment(string fields) =>
        """{"id":"p-1","version":3,"amountPlanned":{"type":"centPrecision","currencyCode":"EUR","centAmount":1000,"fractionDigits":2},"transactions":[],"interfaceInteractions":[],"custom":{"type":{"typeId":"type","key":"paypal-payment-type"},"fields":{"""
        + fields + "}}}";

    private async Task<(HttpStatusCode Status, JsonNode Body)> PostAsync(string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/paypal-commercetools-extension") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Authorization", Authorization);
        using var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!);
    }

    [Fact]
    public async Task A_payment_with_no_request_field_gets_no_actions()
    {
        var (status, body) = await PostAsync("""{"action":"Update","resource":{"typeId":"payment","id":"p-1","obj":""" + Payment("") + "}}");
        status.ShouldBe(HttpStatusCode.OK);
        body.ToJsonString().ShouldBe("""{"actions":[]}""");
    }

    [Theory]
    [InlineData("""{"action":"Update","resource":{"typeId":"payment","id":"p-1","obj":OBJ}}""")]
    [InlineData("""{"resource":{"obj":OBJ,"id":"p-1","typeId":"payment"},"action":"Update"}""")]
    [InlineData("""{"action":"Update","resource":{"typeId":"payment","extra":{"a":[1,2]},"obj":OBJ}}""")]
    public async Task The_payment_is_read_whatever_the_order_of_the_properties(string envelope)
    {
        // A request field that is not a string is refused by the dispatcher: proof that the payment was read as ours.
        var (status, body) = await PostAsync(envelope.Replace("OBJ", Payment("\"getPayPalOrderRequest\":5")));
        status.ShouldBe(HttpStatusCode.BadRequest);
        body["errors"]![0]!["code"]!.GetValue<string>().ShouldBe("InvalidInput");
        body["errors"]![0]!["message"]!.GetValue<string>().ShouldBe("getPayPalOrderRequest must be a string holding the request.");
    }

    [Theory]
    [InlineData("""{"id":"p-1","amountPlanned":"ten euros"}""")]
    [InlineData("""{"version":1}""")]
    [InlineData("""{"id":"p-1","amountPlanned":{"currencyCode":"EUR","centAmount":1000},"transactions":{"not":"a list"}}""")]
    public async Task An_obj_that_is_json_but_not_a_payment_is_refused_as_invalid_input(string obj)
    {
        var (status, body) = await PostAsync("""{"action":"Update","resource":{"typeId":"payment","id":"p-1","obj":""" + obj + "}}");
        status.ShouldBe(HttpStatusCode.BadRequest);
        body["errors"]![0]!["code"]!.GetValue<string>().ShouldBe("InvalidInput");
        body["errors"]![0]!["message"]!.GetValue<string>().ShouldBe("resource.obj is not a valid payment.");
    }

    [Theory]
    [InlineData("""{"action":"Update","resource":{"typeId":"payment","id":"p-1","obj":{"id":"p-1",}}}""")]
    [InlineData("""{"action":"Update","resource":{"typeId":"payment","id":"p-1","obj":""")]
    [InlineData("""{"action":"Update","resource":{"typeId":7,"obj":{}}}""")]
    public async Task A_body_that_is_not_valid_json_is_refused_as_invalid_input(string body)
    {
        var (status, answer) = await PostAsync(body);
        status.ShouldBe(HttpStatusCode.BadRequest);
        answer["errors"]![0]!["code"]!.GetValue<string>().ShouldBe("InvalidInput");
        answer["errors"]![0]!["message"]!.GetValue<string>().ShouldBe("The extension request body is not valid JSON.");
    }

    [Fact]
    public async Task A_resource_without_obj_is_refused()
    {
        var (status, body) = await PostAsync("""{"action":"Update","resource":{"typeId":"payment","id":"p-1"}}""");
        status.ShouldBe(HttpStatusCode.BadRequest);
        body["errors"]![0]!["message"]!.GetValue<string>().ShouldBe("The extension input has no resource.obj.");
    }
}
