using System.Net;
using System.Text.Json.Nodes;
using Emulator.Commercetools.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Emulator.Commercetools.Tests.Extensions;

/// <summary>The extension is a real HTTP server on loopback: the emulator's default <c>ct-extensions</c> client calls it.</summary>
public sealed class RealHttpExtensionTests
{
    [Fact]
    public async Task The_extension_is_called_over_real_http()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var extension = builder.Build();
        string? seenAuthorization = null;
        JsonNode? seenBody = null;
        extension.MapPost("/ext", async (HttpContext http) =>
        {
            seenAuthorization = http.Request.Headers.Authorization.ToString();
            seenBody = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            return Results.Text("""{"actions":[{"action":"setStatusInterfaceCode","interfaceCode":"FROM_EXTENSION"}]}""", "application/json", statusCode: 200);
        });
        extension.MapPost("/missing", () => Results.NotFound());
        await extension.StartAsync(TestContext.Current.CancellationToken);
        var baseUrl = extension.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        await using var host = await EmulatorHost.StartAsync(realExtensionCalls: true);
        var api = await host.AdminAsync();
        await api.CreateAsync("/extensions", Drafts.Extension($"{baseUrl}/ext"));

        var payment = await api.CreateAsync("/payments", Drafts.Payment());

        ((string?)payment["paymentStatus"]!["interfaceCode"]).ShouldBe("FROM_EXTENSION");
        ((long)payment["version"]!).ShouldBe(2);
        seenAuthorization.ShouldBe("Basic c2VjcmV0OnZhbHVl");
        ((string?)seenBody!["resource"]!["typeId"]).ShouldBe("payment");

        await api.UpdateAsync("/extensions/key=paypal-payment-extension", 1,
            $$$"""{"action":"changeDestination","destination":{"type":"HTTP","url":"{{{baseUrl}}}/missing"}}""");
        (await api.PostAsync("/payments", Drafts.Payment())).ShouldBeError(HttpStatusCode.BadGateway, "ExtensionBadResponse");
    }
}
