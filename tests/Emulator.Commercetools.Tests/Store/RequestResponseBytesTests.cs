using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Emulator.Commercetools.Tests.Infrastructure;

namespace Emulator.Commercetools.Tests.Store;

/// <summary>
/// Request bodies are parsed from their UTF-8 bytes and stored documents are answered with their stored bytes: the text a
/// client sees must not depend on which of the two paths (stored bytes or a re-serialized view) produced it.
/// </summary>
public sealed class RequestResponseBytesTests
{
    private const string Tricky = "Grüße <b> & 'quoted' \\\"x\\\" 日本 😀";
    private const string TrickyDecoded = "Grüße <b> & 'quoted' \"x\" 日本 😀";

    [Fact]
    public async Task Non_ascii_and_html_characters_come_back_unescaped_from_create_get_update_and_expanded_views()
    {
        await using var host = await EmulatorHost.StartAsync();
        var api = await host.AdminAsync();
        var draft = """{"amountPlanned":{"currencyCode":"EUR","centAmount":100},"paymentMethodInfo":{"method":"TRICKY","name":{"de":"TRICKY"}}}""".Replace("TRICKY", Tricky, StringComparison.Ordinal);

        var created = await api.PostAsync("/payments", draft);
        created.Status.ShouldBe(HttpStatusCode.Created, created.Text);
        var id = (string)created.Object["id"]!;
        var read = await api.GetAsync($"/payments/{id}");
        var updated = await api.PostAsync($"/payments/{id}", """{"version":1,"actions":[{"action":"setMethodInfoInterface","interface":"TRICKY"}]}""".Replace("TRICKY", Tricky, StringComparison.Ordinal));
        updated.Status.ShouldBe(HttpStatusCode.OK, updated.Text);
        // expand forces the re-serialized view: it must read the same as the stored bytes.
        var expanded = await api.GetAsync($"/payments/{id}?expand=customer");

        foreach (var response in new[] { created, read, updated, expanded })
        {
            response.Text.ShouldContain("Grüße <b> & 'quoted' \\\"x\\\" 日本 ");
            response.Text.ShouldNotContain("\\u00FC");
            ((string?)response.Object["paymentMethodInfo"]!["method"]).ShouldBe(TrickyDecoded);
        }

        ((string?)updated.Object["paymentMethodInfo"]!["paymentInterface"]).ShouldBe(TrickyDecoded);
        expanded.Text.ShouldBe(updated.Text);
    }

    [Fact]
    public async Task A_body_with_a_utf8_byte_order_mark_is_read_and_an_empty_or_blank_body_is_InvalidJsonInput()
    {
        await using var host = await EmulatorHost.StartAsync();
        var api = await host.AdminAsync();

        var withBom = await SendBytesAsync(host, api, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Drafts.Payment(4200))]);
        withBom.Status.ShouldBe(HttpStatusCode.Created, withBom.Text);
        ((long)withBom.Object["amountPlanned"]!["centAmount"]!).ShouldBe(4200);

        foreach (var blank in new[] { "", "  \r\n\t " })
        {
            var response = await SendBytesAsync(host, api, Encoding.UTF8.GetBytes(blank));
            response.ShouldBeError(HttpStatusCode.BadRequest, "InvalidJsonInput");
            ((string?)response.Object["errors"]![0]!["detailedErrorMessage"]).ShouldBe("No content to map due to end-of-input");
        }

        (await SendBytesAsync(host, api, [0x7B, 0x22, 0xC3, 0x28, 0x22, 0x3A, 0x31, 0x7D])).ShouldBeError(HttpStatusCode.BadRequest, "InvalidJsonInput");
        (await api.PostAsync("/payments", "[1,2]")).ShouldBeError(HttpStatusCode.BadRequest, "InvalidJsonInput");
        (await api.PostAsync("/payments", Drafts.Payment() + " trailing")).ShouldBeError(HttpStatusCode.BadRequest, "InvalidJsonInput");
    }

    [Fact]
    public async Task A_large_body_arriving_in_several_reads_is_parsed_whole()
    {
        await using var host = await EmulatorHost.StartAsync();
        var api = await host.AdminAsync();
        var longName = string.Concat(Enumerable.Repeat("ä0123456789", 20_000));
        var draft = new JsonObject
        {
            ["amountPlanned"] = new JsonObject { ["currencyCode"] = "EUR", ["centAmount"] = 1 },
            ["paymentMethodInfo"] = new JsonObject { ["name"] = new JsonObject { ["de"] = longName } },
        };

        var created = await api.PostAsync("/payments", draft);

        created.Status.ShouldBe(HttpStatusCode.Created, created.Text);
        ((string?)created.Object["paymentMethodInfo"]!["name"]!["de"]).ShouldBe(longName);
        ((string?)(await api.GetAsync($"/payments/{created.Object["id"]}")).Object["paymentMethodInfo"]!["name"]!["de"]).ShouldBe(longName);
    }

    private static async Task<ApiResponse> SendBytesAsync(EmulatorHost host, Api api, byte[] body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/{EmulatorHost.ProjectKey}/payments") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", api.Token);
        using var response = await host.Http.SendAsync(request, TestContext.Current.CancellationToken);
        return new ApiResponse(response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
