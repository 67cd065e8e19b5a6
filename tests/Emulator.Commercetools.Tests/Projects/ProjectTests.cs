using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Emulator.Commercetools.Tests.Infrastructure;

namespace Emulator.Commercetools.Tests.Projects;

public sealed class ProjectTests
{
    [Fact]
    public async Task The_project_answers_with_its_key()
    {
        await using var host = await EmulatorHost.StartAsync();
        var token = await host.TokenAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/paypal-sandbox");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await host.Http.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        ((string?)body["key"]).ShouldBe("paypal-sandbox");
    }

    [Fact]
    public async Task Unknown_endpoints_are_404_in_the_error_envelope()
    {
        await using var host = await EmulatorHost.StartAsync();
        var api = await host.AdminAsync();
        (await api.GetAsync("/does-not-exist")).ShouldBeError(HttpStatusCode.NotFound, "ResourceNotFound");
    }
}
