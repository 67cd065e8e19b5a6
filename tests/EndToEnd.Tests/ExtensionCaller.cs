using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace EndToEnd.Tests;

/// <summary>Calls the connector's extension endpoint directly, exactly as commercetools does (same body and header).</summary>
public static class ExtensionCaller
{
    public static async Task<(HttpStatusCode Status, JsonObject Body)> CallAsync(SandboxFixture sandbox, JsonObject payment, string field, string value, CancellationToken cancellationToken)
    {
        var obj = (JsonObject)payment.DeepClone();
        obj["custom"]!["fields"]![field] = value;
        var body = new JsonObject
        {
            ["action"] = "Update",
            ["resource"] = new JsonObject { ["typeId"] = "payment", ["id"] = obj["id"]!.DeepClone(), ["obj"] = obj },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, sandbox.Info.Connector.Url + "/paypal-commercetools-extension") { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("Authorization", sandbox.Host.ExtensionAuthorization);
        using var response = await sandbox.Http.SendAsync(request, cancellationToken);
        return (response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))!);
    }

    public static IEnumerable<JsonObject> Actions(this JsonObject extensionResponse, string action) =>
        extensionResponse["actions"]!.AsArray().Select(a => a!.AsObject()).Where(a => a["action"]!.GetValue<string>() == action);
}
