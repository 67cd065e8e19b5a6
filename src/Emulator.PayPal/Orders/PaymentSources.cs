using System.Text.Json.Nodes;
using Emulator.PayPal.Infrastructure;

namespace Emulator.PayPal.Orders;

/// <summary>Reads an order's <c>payment_source</c>: what is shown back, and whether the payer must act.</summary>
internal static class PaymentSources
{
    private static readonly HashSet<string> RedirectMethods =
        ["ideal", "bancontact", "blik", "eps", "giropay", "mybank", "p24", "sofort", "trustly"];

    private static readonly HashSet<string> Sensitive =
        ["number", "security_code", "token", "decrypted_token", "cryptogram", "online_payment_cryptogram", "experience_context"];

    /// <param name="AwaitsPaymentDetails">
    /// A card source without a number: the JS SDK's card fields create the order first and submit the card later
    /// (confirm-payment-source or the buyer page), so the order stays CREATED until then.
    /// </param>
    public sealed record Parsed(PaymentSourceState State, string? ReturnUrl, string? CancelUrl, bool PaysWithoutPayer, bool IsPayUponInvoice, bool AwaitsPaymentDetails = false);

    /// <summary>Call under the store lock (vault lookups).</summary>
    public static Parsed Parse(JsonObject paymentSource, EmulatorStore store, string clientId)
    {
        const string p = "/payment_source";
        var entry = paymentSource.FirstOrDefault(kv => kv.Value is not null);
        if (entry.Key is null)
        {
            throw PayPalApiException.Invalid(p, "{}", "A payment source is required.");
        }

        if (entry.Value is not JsonObject source)
        {
            throw PayPalApiException.Syntax(p + "/" + entry.Key, entry.Value?.ToJsonString());
        }

        var kind = entry.Key;
        var sp = p + "/" + kind;
        var context = JsonRead.OptObject(source, "experience_context", sp);
        var returnUrl = JsonRead.OptString(context, "return_url", sp + "/experience_context");
        var cancelUrl = JsonRead.OptString(context, "cancel_url", sp + "/experience_context");
        switch (kind)
        {
            case "paypal" or "venmo":
                return Wallet(kind, source, sp, store, clientId, returnUrl, cancelUrl);
            case "card":
                return Card(source, sp, store, clientId, returnUrl, cancelUrl);
            case "token":
            {
                var id = JsonRead.ReqString(source, "id", sp);
                var type = JsonRead.ReqString(source, "type", sp);
                if (type != "BILLING_AGREEMENT")
                {
                    throw PayPalApiException.Invalid(sp + "/type", type);
                }

                var view = new JsonObject { ["id"] = id, ["type"] = type };
                return new Parsed(new PaymentSourceState { Kind = kind, View = view }, returnUrl, cancelUrl, true, false);
            }

            case "apple_pay" or "google_pay":
                return new Parsed(new PaymentSourceState { Kind = kind, View = Scrub(source) }, returnUrl, cancelUrl, true, false);
            case "pay_upon_invoice":
                // PayPal's Pay Upon Invoice source names the buyer's address "email" (not "email_address" as the wallets do).
                JsonRead.ReqString(source, "email", sp);
                var birthDate = JsonRead.ReqString(source, "birth_date", sp);
                if (!DateOnly.TryParseExact(birthDate, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _))
                {
                    throw PayPalApiException.Syntax(sp + "/birth_date", birthDate);
                }

                return new Parsed(new PaymentSourceState { Kind = kind, View = Scrub(source) }, returnUrl, cancelUrl, false, true);
            default:
                if (!RedirectMethods.Contains(kind))
                {
                    throw PayPalApiException.Invalid(sp, null, "The payment source is not supported by the emulator.");
                }

                return new Parsed(new PaymentSourceState { Kind = kind, View = Scrub(source), RequiresPayerAction = true }, returnUrl, cancelUrl, false, false);
        }
    }

    private static Parsed Wallet(string kind, JsonObject source, string sp, EmulatorStore store, string clientId, string? returnUrl, string? cancelUrl)
    {
        var (storeInVault, customerId, usageType, customerType) = VaultAttributes(source, sp, requireUsageType: true);
        if (JsonRead.OptString(source, "vault_id", sp) is { } vaultId)
        {
            return Vaulted(kind, vaultId, sp, store, clientId, returnUrl, cancelUrl);
        }

        var initial = new JsonObject();
        if (JsonRead.OptString(source, "email_address", sp) is { } email)
        {
            initial["email_address"] = email;
        }

        return new Parsed(
            new PaymentSourceState
            {
                Kind = kind,
                View = initial,
                RequiresPayerAction = true,
                StoreInVault = storeInVault,
                VaultCustomerId = customerId,
                VaultUsageType = usageType,
                VaultCustomerType = customerType,
            },
            returnUrl,
            cancelUrl,
            false,
            false);
    }

    private static Parsed Card(JsonObject source, string sp, EmulatorStore store, string clientId, string? returnUrl, string? cancelUrl)
    {
        var (storeInVault, customerId, _, _) = VaultAttributes(source, sp, requireUsageType: false);
        if (JsonRead.OptString(source, "vault_id", sp) is { } vaultId)
        {
            return Vaulted("card", vaultId, sp, store, clientId, returnUrl, cancelUrl);
        }

        if (source["number"] is null && source["single_use_token"] is null)
        {
            return new Parsed(
                new PaymentSourceState { Kind = "card", View = Scrub(source), StoreInVault = storeInVault, VaultCustomerId = customerId },
                returnUrl,
                cancelUrl,
                false,
                false,
                AwaitsPaymentDetails: true);
        }

        var card = CardDetails.Read(source, sp, store.Now);
        var method = JsonRead.OptString(source["attributes"]?["verification"], "method", sp + "/attributes/verification");
        var needs3ds = method == "SCA_ALWAYS";
        return new Parsed(
            new PaymentSourceState
            {
                Kind = "card",
                View = card.View(),
                CardName = card.Name,
                RequiresPayerAction = needs3ds,
                StoreInVault = storeInVault,
                VaultCustomerId = customerId,
            },
            returnUrl,
            cancelUrl,
            !needs3ds,
            false);
    }

    /// <summary>A source that pays with a vaulted token: shown as saved, with the vault and customer ids; no payer action needed.</summary>
    private static Parsed Vaulted(string kind, string vaultId, string sp, EmulatorStore store, string clientId, string? returnUrl, string? cancelUrl)
    {
        var token = FindToken(store, clientId, vaultId, kind, sp);
        var view = JsonOut.CloneObject(token.View);
        view["attributes"] = new JsonObject { ["vault"] = new JsonObject { ["id"] = token.Id, ["customer"] = new JsonObject { ["id"] = token.CustomerId } } };
        var cardName = kind == "card" ? view["name"]?.GetValue<string>() : null;
        var state = new PaymentSourceState { Kind = kind, View = view, VaultId = vaultId, VaultCustomerId = token.CustomerId, CardName = cardName };
        return new Parsed(state, returnUrl, cancelUrl, true, false);
    }

    private static (bool Store, string? CustomerId, string? UsageType, string? CustomerType) VaultAttributes(JsonObject source, string sp, bool requireUsageType)
    {
        var attributes = JsonRead.OptObject(source, "attributes", sp);
        var customerId = JsonRead.OptString(attributes?["customer"], "id", sp + "/attributes/customer");
        var vault = JsonRead.OptObject(attributes, "vault", sp + "/attributes");
        if (vault is null)
        {
            return (false, customerId, null, null);
        }

        var storeInVault = JsonRead.OptString(vault, "store_in_vault", sp + "/attributes/vault");
        if (storeInVault is not null and not "ON_SUCCESS")
        {
            throw PayPalApiException.Invalid(sp + "/attributes/vault/store_in_vault", storeInVault);
        }

        var usageType = JsonRead.OptString(vault, "usage_type", sp + "/attributes/vault");
        if (requireUsageType && storeInVault is not null && usageType is null)
        {
            throw PayPalApiException.Missing(sp + "/attributes/vault/usage_type");
        }

        if (usageType is not null and not ("MERCHANT" or "PLATFORM"))
        {
            throw PayPalApiException.Invalid(sp + "/attributes/vault/usage_type", usageType);
        }

        return (storeInVault is not null, customerId, usageType, JsonRead.OptString(vault, "customer_type", sp + "/attributes/vault") ?? (requireUsageType ? "CONSUMER" : null));
    }

    private static Vault.PaymentToken FindToken(EmulatorStore store, string clientId, string vaultId, string kind, string sp)
    {
        if (!store.PaymentTokens.TryGetValue(vaultId, out var token) || token.ClientId != clientId)
        {
            throw new PayPalApiException(404, "INVALID_RESOURCE_ID", sp + "/vault_id", vaultId, "body", "Specified resource ID does not exist. Please check the resource ID and try again.");
        }

        if (token.Kind != kind)
        {
            throw PayPalApiException.Unprocessable("PAYMENT_SOURCE_CANNOT_BE_USED", sp + "/vault_id", vaultId, "The provided payment source cannot be used to pay for the order.");
        }

        return token;
    }

    /// <summary>Echoes a source without card numbers, cryptograms or the experience context.</summary>
    public static JsonObject Scrub(JsonObject source)
    {
        var copy = JsonOut.CloneObject(source);
        Strip(copy);
        return copy;

        static void Strip(JsonObject obj)
        {
            foreach (var key in obj.Select(kv => kv.Key).Where(Sensitive.Contains).ToList())
            {
                obj.Remove(key);
            }

            foreach (var child in obj.Select(kv => kv.Value).OfType<JsonObject>())
            {
                Strip(child);
            }
        }
    }
}

/// <summary>A card from a request: checked like the sandbox checks it, kept without its number.</summary>
internal sealed record CardDetails(string? Name, string LastDigits, string Expiry, string Brand, JsonObject? BillingAddress)
{
    public JsonObject View() => new()
    {
        ["name"] = Name,
        ["last_digits"] = LastDigits,
        ["expiry"] = Expiry,
        ["brand"] = Brand,
        ["type"] = "CREDIT",
        ["billing_address"] = BillingAddress is null ? null : JsonOut.CloneObject(BillingAddress),
    };

    public static CardDetails Read(JsonObject source, string sp, DateTimeOffset now)
    {
        var number = JsonRead.ReqString(source, "number", sp).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (number.Length is < 13 or > 19 || !number.All(char.IsAsciiDigit) || !Luhn(number))
        {
            // Never echo a card number back, not even an invalid one.
            throw PayPalApiException.Invalid(sp + "/number", null, "The card number is invalid.");
        }

        var expiry = JsonRead.ReqString(source, "expiry", sp);
        if (expiry.Length != 7 || expiry[4] != '-' || !int.TryParse(expiry[..4], out var year) || !int.TryParse(expiry[5..], out var month) || month is < 1 or > 12)
        {
            throw PayPalApiException.Syntax(sp + "/expiry", expiry);
        }

        if (year < now.Year || (year == now.Year && month < now.Month))
        {
            throw PayPalApiException.Unprocessable("CARD_EXPIRED", sp + "/expiry", expiry, "The card is expired.");
        }

        var code = JsonRead.OptString(source, "security_code", sp);
        if (code is not null && (code.Length is < 3 or > 4 || !code.All(char.IsAsciiDigit)))
        {
            throw PayPalApiException.Syntax(sp + "/security_code", null);
        }

        return new CardDetails(JsonRead.OptString(source, "name", sp), number[^4..], expiry, BrandOf(number), JsonRead.OptObject(source, "billing_address", sp));
    }

    public static string BrandOf(string number) => number switch
    {
        _ when number.StartsWith('4') => "VISA",
        _ when number.StartsWith("34", StringComparison.Ordinal) || number.StartsWith("37", StringComparison.Ordinal) => "AMEX",
        _ when number[0] == '5' && number[1] is >= '1' and <= '5' => "MASTERCARD",
        _ when number.StartsWith("22", StringComparison.Ordinal) || number.StartsWith("27", StringComparison.Ordinal) => "MASTERCARD",
        _ when number.StartsWith("6011", StringComparison.Ordinal) || number.StartsWith("65", StringComparison.Ordinal) => "DISCOVER",
        _ when number.StartsWith("35", StringComparison.Ordinal) => "JCB",
        _ => "UNKNOWN",
    };

    private static bool Luhn(string number)
    {
        var sum = 0;
        for (var i = 0; i < number.Length; i++)
        {
            var digit = number[number.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
        }

        return sum % 10 == 0;
    }

    /// <summary>The sandbox's CCREJECT-* cardholder names → processor response code; null when the card is accepted.</summary>
    public static string? DeclineCode(string? name) => name switch
    {
        "CCREJECT-REFUSED" => "0500",
        "CCREJECT-SF" => "9500",
        "CCREJECT-EC" => "5400",
        "CCREJECT-IRC" => "5180",
        "CCREJECT-IF" => "5120",
        "CCREJECT-LS" => "9520",
        "CCREJECT-IA" => "1330",
        "CCREJECT-BANK_ERROR" => "5100",
        "CCREJECT-CVV_F" => "00N7",
        _ when name?.StartsWith("CCREJECT-", StringComparison.Ordinal) == true => "0500",
        _ => null,
    };
}
