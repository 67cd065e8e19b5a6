using System.Net;
using System.Text.Json.Nodes;
using Emulator.PayPal.Tests.Drivers;

namespace Emulator.PayPal.Tests.Vault;

public sealed class VaultTests
{
    private static JsonObject CardSetup(string? customerId = null) => new()
    {
        ["payment_source"] = new JsonObject
        {
            ["card"] = Payloads.Card(),
        },
        ["customer"] = customerId is null ? null : new JsonObject { ["id"] = customerId },
    };

    private static JsonObject PayPalSetup() => new()
    {
        ["payment_source"] = new JsonObject
        {
            ["paypal"] = new JsonObject
            {
                ["description"] = "Save for later",
                ["usage_type"] = "MERCHANT",
                ["experience_context"] = new JsonObject { ["return_url"] = Payloads.ReturnUrl, ["cancel_url"] = Payloads.CancelUrl },
            },
        },
    };

    private static JsonObject Exchange(string setupTokenId, string type = "SETUP_TOKEN") => new()
    {
        ["payment_source"] = new JsonObject { ["token"] = new JsonObject { ["id"] = setupTokenId, ["type"] = type } },
    };

    [Fact]
    public async Task Card_setup_token_is_approved_and_exchanges_for_a_payment_token_shaped_like_the_seed()
    {
        await using var host = await EmulatorHost.StartAsync();

        var (status, setup) = await host.CallAsync(HttpMethod.Post, "/v3/vault/setup-tokens", CardSetup("customer_4029352050"), new() { ["PayPal-Request-Id"] = "s1" });

        status.ShouldBe(HttpStatusCode.Created);
        setup!["status"]!.GetValue<string>().ShouldBe("APPROVED");
        setup["customer"]!["id"]!.GetValue<string>().ShouldBe("customer_4029352050");
        setup["payment_source"]!["card"]!["last_digits"]!.GetValue<string>().ShouldBe("1111");
        EmulatorHost.Link(setup, "confirm").ShouldBe("http://localhost/v3/vault/payment-tokens");
        var setupId = setup["id"]!.GetValue<string>();
        (await host.CallAsync(HttpMethod.Get, $"/v3/vault/setup-tokens/{setupId}")).Status.ShouldBe(HttpStatusCode.OK);

        var (created, token) = await host.CallAsync(HttpMethod.Post, "/v3/vault/payment-tokens", Exchange(setupId), new() { ["PayPal-Request-Id"] = "p1" });

        created.ShouldBe(HttpStatusCode.Created);
        var id = token!["id"]!.GetValue<string>();
        token["customer"]!["id"]!.GetValue<string>().ShouldBe("customer_4029352050");
        var card = token["payment_source"]!["card"]!;
        card["last_digits"]!.GetValue<string>().ShouldBe("1111");
        card["expiry"]!.GetValue<string>().ShouldBe("2030-12");
        card["brand"]!.GetValue<string>().ShouldBe("VISA");
        card["name"]!.GetValue<string>().ShouldBe("John Doe");
        card["billing_address"]!["country_code"]!.GetValue<string>().ShouldBe("DE");
        token["links"]!.ToJsonString().ShouldBe(new JsonArray
        {
            new JsonObject { ["href"] = $"http://localhost/v3/vault/payment-tokens/{id}", ["rel"] = "self", ["method"] = "GET", ["encType"] = "application/json" },
            new JsonObject { ["href"] = $"http://localhost/v3/vault/payment-tokens/{id}", ["rel"] = "delete", ["method"] = "DELETE", ["encType"] = "application/json" },
        }.ToJsonString());

        var replay = await host.CallAsync(HttpMethod.Post, "/v3/vault/payment-tokens", Exchange(setupId), new() { ["PayPal-Request-Id"] = "p1" });
        replay.Status.ShouldBe(HttpStatusCode.OK);
        replay.Body!["id"]!.GetValue<string>().ShouldBe(id);
    }

    [Fact]
    public async Task PayPal_setup_token_needs_the_payer_before_the_exchange()
    {
        await using var host = await EmulatorHost.StartAsync();
        var (_, setup) = await host.CallAsync(HttpMethod.Post, "/v3/vault/setup-tokens", PayPalSetup());
        var setupId = setup!["id"]!.GetValue<string>();
        setup["status"]!.GetValue<string>().ShouldBe("PAYER_ACTION_REQUIRED");
        setup["customer"]!["id"]!.GetValue<string>().Length.ShouldBeGreaterThanOrEqualTo(7);

        var early = await host.CallAsync(HttpMethod.Post, "/v3/vault/payment-tokens", Exchange(setupId));
        early.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        early.Body!["details"]![0]!["issue"]!.GetValue<string>().ShouldBe("PAYER_ACTION_REQUIRED");

        using var decision = await host.DecideOnPageAsync(EmulatorHost.Link(setup, "approve"), email: "saver@example.com");
        decision.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        decision.Headers.Location!.ToString().ShouldStartWith($"{Payloads.ReturnUrl}?approval_token_id={setupId}");
        var (_, approved) = await host.CallAsync(HttpMethod.Get, $"/v3/vault/setup-tokens/{setupId}");
        approved!["status"]!.GetValue<string>().ShouldBe("APPROVED");

        var (status, token) = await host.CallAsync(HttpMethod.Post, "/v3/vault/payment-tokens", Exchange(setupId, "BILLING_AGREEMENT"));
        status.ShouldBe(HttpStatusCode.Created);
        token!["customer"]!["id"]!.GetValue<string>().ShouldBe(setup["customer"]!["id"]!.GetValue<string>());
        token["payment_source"]!["paypal"]!["email_address"]!.GetValue<string>().ShouldBe("saver@example.com");
        token["payment_source"]!["paypal"]!["usage_type"]!.GetValue<string>().ShouldBe("MERCHANT");
    }

    [Fact]
    public async Task Setup_token_approval_also_works_through_checkoutnow()
    {
        await using var host = await EmulatorHost.StartAsync();
        var (_, setup) = await host.CallAsync(HttpMethod.Post, "/v3/vault/setup-tokens", PayPalSetup());

        using var decision = await host.DecideOnPageAsync($"http://localhost/checkoutnow?token={setup!["id"]}");

        decision.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
    }

    [Fact]
    public async Task Listing_pages_through_a_customers_tokens_with_seed_style_links()
    {
        await using var host = await EmulatorHost.StartAsync();
        const string customer = "customer_4029352050";
        for (var i = 0; i < 7; i++)
        {
            var (status, _) = await host.CallAsync(HttpMethod.Post, "/v3/vault/payment-tokens", new JsonObject
            {
                ["payment_source"] = new JsonObject { ["card"] = Payloads.Card() },
                ["customer"] = new JsonObject { ["id"] = customer },
            });
            status.ShouldBe(HttpStatusCode.Created);
        }

        await host.CallAsync(HttpMethod.Post, "/v3/vault/payment-tokens", new JsonObject { ["payment_source"] = new JsonObject { ["card"] = Payloads.Card() } });

        var (_, first) = await host.CallAsync(HttpMethod.Get, $"/v3/vault/payment-tokens?customer_id={customer}");
        first!["customer"]!["id"]!.GetValue<string>().ShouldBe(customer);
        first["payment_tokens"]!.AsArray().Count.ShouldBe(5);
        first["total_items"].ShouldBeNull();
        var query = $"?customer_id={customer}&page=1&page_size=5&total_required=false";
        EmulatorHost.Link(first, "self").ShouldBe("http://localhost/v3/vault/payment-tokens" + query);
        EmulatorHost.Link(first, "first").ShouldBe("http://localhost/v3/vault/payment-tokens" + query);
        EmulatorHost.Link(first, "last").ShouldBe($"http://localhost/v3/vault/payment-tokens?customer_id={customer}&page=2&page_size=5&total_required=false");
        EmulatorHost.Link(first, "next").ShouldBe($"http://localhost/v3/vault/payment-tokens?customer_id={customer}&page=2&page_size=5&total_required=false");
        first["links"]![0]!["encType"]!.GetValue<string>().ShouldBe("application/json");

        var (_, second) = await host.CallAsync(HttpMethod.Get, $"/v3/vault/payment-tokens?customer_id={customer}&page=2&page_size=5&total_required=true");
        second!["payment_tokens"]!.AsArray().Count.ShouldBe(2);
        second["total_items"]!.GetValue<int>().ShouldBe(7);
        second["total_pages"]!.GetValue<int>().ShouldBe(2);
        EmulatorHost.HasLink(second, "prev").ShouldBeTrue();
        EmulatorHost.HasLink(second, "next").ShouldBeFalse();
    }

    [Theory]
    [InlineData("", "MISSING_REQUIRED_PARAMETER")]
    [InlineData("?customer_id=abc", "INVALID_PARAMETER_SYNTAX")]
    [InlineData("?customer_id=customer_1&page_size=0", "INVALID_PARAMETER_VALUE")]
    public async Task Listing_validates_its_query(string query, string issue)
    {
        await using var host = await EmulatorHost.StartAsync();

        var (status, error) = await host.CallAsync(HttpMethod.Get, "/v3/vault/payment-tokens" + query);

        status.ShouldBe(HttpStatusCode.BadRequest);
        error!["details"]![0]!["issue"]!.GetValue<string>().ShouldBe(issue);
        error["details"]![0]!["location"]!.GetValue<string>().ShouldBe("query");
    }

    [Fact]
    public async Task Delete_answers_204_and_the_token_is_gone()
    {
        await using var host = await EmulatorHost.StartAsync();
        var (_, token) = await host.CallAsync(HttpMethod.Post, "/v3/vault/payment-tokens", new JsonObject { ["payment_source"] = new JsonObject { ["card"] = Payloads.Card() } });
        var id = token!["id"]!.GetValue<string>();

        using var deleted = await host.SendAsync(HttpMethod.Delete, $"/v3/vault/payment-tokens/{id}");

        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await deleted.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldBeEmpty();
        (await host.CallAsync(HttpMethod.Get, $"/v3/vault/payment-tokens/{id}")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Unknown_setup_token_is_404()
    {
        await using var host = await EmulatorHost.StartAsync();

        (await host.CallAsync(HttpMethod.Get, "/v3/vault/setup-tokens/NOPE")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await host.CallAsync(HttpMethod.Post, "/v3/vault/payment-tokens", Exchange("NOPE"))).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Store_in_vault_on_success_vaults_the_wallet_at_capture_and_the_token_pays_later_orders()
    {
        await using var host = await EmulatorHost.StartAsync();
        var order = await host.CreateOrderAsync(Payloads.PayPalOrder(attributes: new JsonObject
        {
            ["vault"] = new JsonObject { ["store_in_vault"] = "ON_SUCCESS", ["usage_type"] = "MERCHANT", ["customer_type"] = "CONSUMER" },
        }));
        using var _ = await host.DecideOnPageAsync(EmulatorHost.Link(order, "payer-action"));

        var (_, captured) = await host.CallAsync(HttpMethod.Post, $"/v2/checkout/orders/{order["id"]}/capture", null, EmulatorHost.Representation("c"));

        var vault = captured!["payment_source"]!["paypal"]!["attributes"]!["vault"]!;
        vault["status"]!.GetValue<string>().ShouldBe("VAULTED");
        var tokenId = vault["id"]!.GetValue<string>();
        var customerId = vault["customer"]!["id"]!.GetValue<string>();
        var (_, token) = await host.CallAsync(HttpMethod.Get, $"/v3/vault/payment-tokens/{tokenId}");
        token!["customer"]!["id"]!.GetValue<string>().ShouldBe(customerId);
        token["payment_source"]!["paypal"]!["email_address"]!.GetValue<string>().ShouldBe(PayPalEmulatorDefaults.BuyerEmail);

        var repeat = Payloads.Order();
        repeat["payment_source"] = new JsonObject { ["paypal"] = new JsonObject { ["vault_id"] = tokenId } };
        var second = await host.CreateOrderAsync(repeat);
        second["status"]!.GetValue<string>().ShouldBe("APPROVED");
        var (status, secondCapture) = await host.CallAsync(HttpMethod.Post, $"/v2/checkout/orders/{second["id"]}/capture", null, EmulatorHost.Representation("c2"));
        status.ShouldBe(HttpStatusCode.Created);
        secondCapture!["purchase_units"]![0]!["payments"]!["captures"]![0]!["status"]!.GetValue<string>().ShouldBe("COMPLETED");
    }

    [Fact]
    public async Task Card_vaulted_on_success_keeps_the_given_customer()
    {
        await using var host = await EmulatorHost.StartAsync();
        var body = Payloads.CardOrder(intent: "AUTHORIZE");
        body["payment_source"]!["card"]!["attributes"] = new JsonObject
        {
            ["customer"] = new JsonObject { ["id"] = "customer_abcdefg" },
            ["vault"] = new JsonObject { ["store_in_vault"] = "ON_SUCCESS" },
        };
        var order = await host.CreateOrderAsync(body);

        var (_, authorized) = await host.CallAsync(HttpMethod.Post, $"/v2/checkout/orders/{order["id"]}/authorize", null, EmulatorHost.Representation("a"));

        var vault = authorized!["payment_source"]!["card"]!["attributes"]!["vault"]!;
        vault["customer"]!["id"]!.GetValue<string>().ShouldBe("customer_abcdefg");
        var (_, list) = await host.CallAsync(HttpMethod.Get, "/v3/vault/payment-tokens?customer_id=customer_abcdefg");
        list!["payment_tokens"]!.AsArray().Single()!["id"]!.GetValue<string>().ShouldBe(vault["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Declined_card_is_not_vaulted()
    {
        await using var host = await EmulatorHost.StartAsync();
        var body = Payloads.CardOrder(name: "CCREJECT-REFUSED");
        body["payment_source"]!["card"]!["attributes"] = new JsonObject
        {
            ["customer"] = new JsonObject { ["id"] = "customer_declined" },
            ["vault"] = new JsonObject { ["store_in_vault"] = "ON_SUCCESS" },
        };
        var order = await host.CreateOrderAsync(body);

        var (_, captured) = await host.CallAsync(HttpMethod.Post, $"/v2/checkout/orders/{order["id"]}/capture", null, EmulatorHost.Representation("c"));

        captured!["payment_source"]!["card"]!["attributes"].ShouldBeNull();
        var (_, list) = await host.CallAsync(HttpMethod.Get, "/v3/vault/payment-tokens?customer_id=customer_declined");
        list!["payment_tokens"]!.AsArray().ShouldBeEmpty();
    }
}
