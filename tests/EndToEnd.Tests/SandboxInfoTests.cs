using System.Text.Json;
using System.Text.Json.Nodes;
using Sandbox;

namespace EndToEnd.Tests;

/// <summary>The <c>--info-file</c> JSON is read by scripts: its shape is a contract.</summary>
public sealed class SandboxInfoTests(SandboxFixture sandbox)
{
    [Fact]
    public void The_info_file_has_the_documented_shape_and_working_urls()
    {
        var json = JsonNode.Parse(JsonSerializer.Serialize(sandbox.Info, SandboxJsonContext.Default.SandboxInfo))!.AsObject();

        json["commercetools"]!.AsObject().Select(p => p.Key).ShouldBe(["apiUrl", "authUrl", "projectKey", "clientId", "clientSecret"]);
        json["paypal"]!.AsObject().Select(p => p.Key).ShouldBe(["apiUrl", "clientId", "clientSecret"]);
        json["connector"]!.AsObject().Select(p => p.Key).ShouldBe(["url"]);
        json["commercetools"]!["apiUrl"]!.GetValue<string>().ShouldNotContain(json["commercetools"]!["projectKey"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_connector_reports_ready_when_both_upstreams_accept_its_credentials()
    {
        using var response = await sandbox.Http.GetAsync(sandbox.Info.Connector.Url + "/ready", TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        response.IsSuccessStatusCode.ShouldBeTrue(body);
        body.ShouldBe("{\"status\":\"ready\"}");
    }
}
