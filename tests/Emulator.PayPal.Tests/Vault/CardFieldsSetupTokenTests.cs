using System.Net;
using System.Text.Json.Nodes;
using Emulator.PayPal.Tests.Drivers;

namespace Emulator.PayPal.Tests.Vault;

/// <summary>The JS SDK card-fields vault flow: a card setup token without card details, completed later.</summary>
public sealed class CardFieldsSetupTokenTests
{
    private static JsonObject CardlessSetup(JsonObject card) => new()
    {
        ["payment_source"] = new JsonObject { ["card"] = card },
        ["customer"] = new JsonObject { ["id"] = "customer_4029352050" },
    };

    private static JsonObject Exchange(string setupTokenId) => new()
    {
        ["payment_source"] = new JsonObject { ["token"] = new JsonObject { ["id"] = setupTokenId, ["type"] = "SETUP_TOKEN" } },
    };

    public static TheoryData<string> CardlessSources => new()
    {
        "{}",
        """{"verification_method":"SCA_WHEN_REQUIRED"}""",
        """{"experience_context":{"return_url":"https://shop.example.com/return","cancel_url":"https://shop.example.com/cancel"}}""",
    };

    [Theory]
    [MemberData(nameof(CardlessSources))]
    public async Task Setup_token_without_a_card_number_waits_for_the_card(string card)
    {
        await using var host = await EmulatorHost.StartAsync();

        var (status, setup) = await host.CallAsync(HttpMethod.Post, "/v3/vault/setup-tokens", CardlessSetup(JsonNode.Parse(card)!.AsObject()));

        status.ShouldBe(HttpStatusCode.Created, setup?.ToJsonString());
        setup!["status"]!.GetValue<string>().ShouldBe("PAYER_ACTION_REQUIRED");
        setup["payment_source"]!["card"]!.AsObject().ContainsKey("last_digits").ShouldBeFalse();
        setup["payment_source"]!["card"]!.AsObject().ContainsKey("experience_context").ShouldBeFalse();
        var id = setup["id"]!.GetValue<string>();
        EmulatorHost.Link(setup, "approve").ShouldBe($"http://localhost/agreements/approve?approval_session_id={id}");
        EmulatorHost.HasLink(setup, "confirm").ShouldBeTrue();

        var (early, error) = await host.CallAsync(HttpMethod.Post, "/v3/vault/payment-tokens", Exchange(id));
        early.ShouldBe(HttpStatusCode.UnprocessableEntity);
        error!["details"]![0]!["issue"]!.GetValue<string>().ShouldBe("PAYER_ACTION_REQUIRED");
    }

    [Fact]
    public async Task Card_submitted_through_the_control_api_approves_the_token_and_it_exchanges()
    {
        await using var host = await EmulatorHost.StartAsync();
        var (_, setup) = await host.CallAsync(HttpMethod.Post, "/v3/vault/setup-tokens", CardlessSetup([]));
        var id = setup!["id"]!.GetValue<string>();

        var (submitted, approved) = await host.CallAsync(HttpMethod.Post, $"/emulator/setup-tokens/{id}/card", new JsonObject
        {
            ["number"] = "5555555555554444",
            ["expiry"] = "2031-01",
            ["name"] = "Erika Mustermann",
        });

        submitted.ShouldBe(HttpStatusCode.OK, approved?.ToJsonString());
        approved!["status"]!.GetValue<string>().ShouldBe("APPROVED");
        EmulatorHost.HasLink(approved, "approve").ShouldBeFalse();
        var (created, token) = await host.CallAsync(HttpMethod.Post, "/v3/vault/payment-tokens", Exchange(id));
        created.ShouldBe(HttpStatusCode.Created);
        var card = token!["payment_source"]!["card"]!;
        card["last_digits"]!.GetValue<string>().ShouldBe("4444");
        card["brand"]!.GetValue<string>().ShouldBe("MASTERCARD");
        card["expiry"]!.GetValue<string>().ShouldBe("2031-01");
        card["name"]!.GetValue<string>().ShouldBe("Erika Mustermann");
        token["customer"]!["id"]!.GetValue<string>().ShouldBe("customer_4029352050");
        token.ToJsonString().ShouldNotContain("5555555555554444");

        (await host.CallAsync(HttpMethod.Post, $"/emulator/setup-tokens/{id}/card", new JsonObject { ["number"] = "4111111111111111", ["expiry"] = "2031-01" }))
            .Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Invalid_card_from_the_control_api_is_refused_and_the_token_keeps_waiting()
    {
        await using var host = await EmulatorHost.StartAsync();
        var (_, setup) = await host.CallAsync(HttpMethod.Post, "/v3/vault/setup-tokens", CardlessSetup([]));
        var id = setup!["id"]!.GetValue<string>();

        var (status, error) = await host.CallAsync(HttpMethod.Post, $"/emulator/setup-tokens/{id}/card", new JsonObject { ["number"] = "4111111111111112", ["expiry"] = "2031-01" });

        status.ShouldBe(HttpStatusCode.BadRequest);
        error!["details"]![0]!["field"]!.GetValue<string>().ShouldBe("/number");
        var (_, again) = await host.CallAsync(HttpMethod.Get, $"/v3/vault/setup-tokens/{id}");
        again!["status"]!.GetValue<string>().ShouldBe("PAYER_ACTION_REQUIRED");
    }

    [Fact]
    public async Task Card_page_completes_the_token_and_redirects_to_the_return_url()
    {
        await using var host = await EmulatorHost.StartAsync();
        var (_, setup) = await host.CallAsync(HttpMethod.Post, "/v3/vault/setup-tokens", CardlessSetup(new JsonObject
        {
            ["experience_context"] = new JsonObject { ["return_url"] = Payloads.ReturnUrl, ["cancel_url"] = Payloads.CancelUrl },
        }));
        var id = setup!["id"]!.GetValue<string>();
        var page = await host.Client.GetStringAsync(new Uri(EmulatorHost.Link(setup, "approve")), TestContext.Current.CancellationToken);
        page.ShouldContain("id=\"card_number\"");

        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["decision"] = "approve",
            ["card_number"] = "4012888888881881",
            ["card_expiry"] = "2032-05",
        });
        using var response = await host.Client.PostAsync(new Uri(EmulatorHost.Link(setup, "approve")), content, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        response.Headers.Location!.ToString().ShouldBe($"{Payloads.ReturnUrl}?approval_token_id={id}&approval_session_id={id}");
        var (_, token) = await host.CallAsync(HttpMethod.Post, "/v3/vault/payment-tokens", Exchange(id));
        token!["payment_source"]!["card"]!["last_digits"]!.GetValue<string>().ShouldBe("1881");
        token["payment_source"]!["card"]!["expiry"]!.GetValue<string>().ShouldBe("2032-05");
    }

    [Fact]
    public async Task Card_page_without_typed_card_saves_the_test_card()
    {
        await using var host = await EmulatorHost.StartAsync();
        var (_, setup) = await host.CallAsync(HttpMethod.Post, "/v3/vault/setup-tokens", CardlessSetup([]));
        var id = setup!["id"]!.GetValue<string>();

        using var response = await host.DecideOnPageAsync(EmulatorHost.Link(setup, "approve"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var (_, approved) = await host.CallAsync(HttpMethod.Get, $"/v3/vault/setup-tokens/{id}");
        approved!["status"]!.GetValue<string>().ShouldBe("APPROVED");
        approved["payment_source"]!["card"]!["last_digits"]!.GetValue<string>().ShouldBe("1111");
    }
}
